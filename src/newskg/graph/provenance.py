"""Provenance: tie every extracted fact to its article, its evidence span and the rule that found it.

Facts that are nodes (memberships, statements, observations) carry the provenance themselves. Facts
that are single triples (an alias, a place in a larger place, an agency credited with the article) are
asserted as triples *and* reified as a ``nkg:Assertion`` with a minted IRI, because a triple cannot
carry properties. Evidence is a Web Annotation ``oa:SpecificResource`` whose two selectors give the
character offsets and the quoted text; its IRI is minted from the span, so two facts read from the
same span share one evidence node.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from .. import iris
from ..records import ArticleRecord, Entity, Evidence
from .namespace import NKG, OA, PROV

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*")
"""Where a sentence ends, for the rare span no extracted fact's sentence contains."""


def add_report(graph: Graph, fact: URIRef, record: ArticleRecord, evidence: Evidence | None) -> None:
    """Link ``fact`` to its article, the article's date, its evidence span and its rule."""
    article = URIRef(iris.article_iri(record.article.id))
    graph.add((fact, NKG.reportedIn, article))
    graph.add((fact, PROV.wasDerivedFrom, article))
    if record.article.date:
        graph.add((fact, NKG.reportedOn, Literal(record.article.date.isoformat(), datatype=XSD.date)))
    if evidence is None:
        return
    graph.add((fact, NKG.extractedBy, Literal(evidence.rule)))
    node = evidence_iri(record.article.id, evidence)
    graph.add((fact, NKG.evidence, node))
    graph.add((node, RDF.type, NKG.Evidence))
    graph.add((node, RDF.type, OA.SpecificResource))
    graph.add((node, OA.hasSource, article))
    graph.add((node, NKG.sentence, Literal(evidence.sentence)))
    position = URIRef(f"{node}#position")
    graph.add((node, OA.hasSelector, position))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    quote = URIRef(f"{node}#quote")
    graph.add((node, OA.hasSelector, quote))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(evidence.text)))


def evidence_iri(article_id: str, evidence: Evidence) -> URIRef:
    """One evidence node per article span, whatever facts cite it."""
    return URIRef(iris.fact_iri("evidence", article_id, evidence.start, evidence.end))


def add_assertion(
    graph: Graph, triple: tuple[URIRef, URIRef, Node], record: ArticleRecord, evidence: Evidence | None
) -> URIRef:
    """Assert ``triple`` and reify it as a ``nkg:Assertion`` carrying its provenance; return its IRI."""
    subject, predicate, obj = triple
    graph.add(triple)
    node = URIRef(iris.fact_iri("assertion", record.article.id, subject, predicate, obj))
    graph.add((node, RDF.type, NKG.Assertion))
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    add_report(graph, node, record, evidence)
    return node


def form_evidence(record: ArticleRecord, entity: Entity, form: str) -> Evidence | None:
    """Evidence that the article names ``entity`` as ``form``.

    A surface form cites its first mention. A name the text never writes (a gazetteer name, an
    acronym's expansion) cites the entity's first mention, where the rule that supplied it fired.
    """
    if not entity.mentions:
        return None
    mention = next((m for m in entity.mentions if m.text == form), None) or min(
        entity.mentions, key=lambda m: (m.start, m.end)
    )
    sentence_start, sentence = sentence_around(record, mention.start)
    return Evidence(
        start=mention.start,
        end=mention.end,
        text=record.article.text[mention.start : mention.end],
        sentence=sentence,
        sentence_start=sentence_start,
        rule=mention.rule,
    )


def sentence_around(record: ArticleRecord, offset: int) -> tuple[int, str]:
    """The start and text of the sentence holding ``offset``.

    Mentions carry no sentence, so reuse the NLP's sentences from the record's evidence (the same
    span then always gets the same sentence); only a span outside all of them falls back to
    splitting at sentence-final punctuation.
    """
    for evidence in _evidences(record):
        if evidence.sentence_start <= offset < evidence.sentence_start + len(evidence.sentence):
            return evidence.sentence_start, evidence.sentence
    text = record.article.text
    start, end = 0, len(text)
    for found in _SENTENCE_END.finditer(text):
        if found.end() > offset:
            end = found.start() + 1
            break
        start = found.end()
    sentence = text[start:end]
    return start + len(sentence) - len(sentence.lstrip()), sentence.strip()


def _evidences(record: ArticleRecord) -> list[Evidence]:
    found: list[Evidence | None] = [
        *(r.evidence for r in record.roles),
        *(s.evidence for s in record.statements),
        *(s.evidence for s in record.statistics),
        *(link.evidence for link in record.located_in),
        *(credit.evidence for credit in record.reported_by),
    ]
    return [e for e in found if e is not None]
