"""An inference of the entities view: a speaker "said about" an entity when the words of one of their
statements (or its sentence) name the entity or one of its aliases, in an article that mentions it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from ..vocab.namespace import NKG
from ._terms import first, provenance, texts


def add_said_about(graph: Graph, result: nx.MultiDiGraph) -> None:
    """Speaker -> entity, when the statement's words (or its sentence) name the entity or an alias."""
    patterns = {
        node: _name_pattern([data["label"], *data["aliases"]]) for node, data in result.nodes(data=True)
    }
    found: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for statement in sorted(set(graph.subjects(RDF.type, NKG.Statement)), key=str):
        speaker = first(graph.objects(statement, NKG.speaker))
        if speaker is None or str(speaker) not in result:
            continue
        words = " ".join(texts(graph.objects(statement, NKG.content))) or " ".join(
            texts(graph.objects(statement, NKG.evidence / NKG.sentence))
        )
        for article in graph.objects(statement, NKG.reportedIn):
            for mentioned in graph.objects(article, NKG.mentions):
                target = str(mentioned)
                if target != str(speaker) and target in patterns and patterns[target].search(words):
                    found[(str(speaker), target)].append(statement)
    for (speaker_iri, target), statements in sorted(found.items()):
        result.add_edge(
            speaker_iri,
            target,
            key="saidAbout",
            relation="saidAbout",
            label="said about",
            statements=len(set(statements)),
            **provenance(graph, sorted(set(statements), key=str)),
        )


def _name_pattern(names: Iterable[str]) -> re.Pattern[str]:
    forms = sorted({n for n in names if len(n) > 1}, key=lambda n: (-len(n), n))
    if not forms:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
