"""``newskg_entities``: settles overlapping candidates and groups mentions into entities.

The longest, most trusted candidate wins a stretch of text (an organisation's full name over the
country inside it). Mentions with the same type and canonical name become one entity; a news
agency and an organisation of the same name are one news agency. The winners become ``doc.ents``.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from ...iris import name_key
from .. import extensions as ext
from ..facts import Candidate, Cluster, Entities

TYPE_GROUP = {"NEWS_AGENCY": "ORG", "GPE": "PLACE", "LOC": "PLACE"}
OUTSIDE = 2
"""spaCy's ``ENT_IOB`` value for a token outside every entity (``Token.iob_strings()``: "", I, O, B)."""


class EntityResolver:
    """Chooses among candidates and builds the entity clusters."""

    def __call__(self, doc: Doc) -> Doc:
        view = ext.view_of(doc)
        candidates = [c for kind in ext.CANDIDATE_KINDS for c in ext.get(doc, kind)]
        chosen: list[Candidate] = []
        used: set[int] = set()
        for cand in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
            tokens = set(range(cand.start, cand.end))
            if cand.end > cand.start and not tokens & used:
                chosen.append(cand)
                used |= tokens
        chosen.sort(key=lambda c: c.start)
        clusters: dict[tuple[str, str], Cluster] = {}
        offsets: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for cand in chosen:
            canonical = cand.canonical or view.span_text(cand.start, cand.end)
            key = (TYPE_GROUP.get(cand.type, cand.type), name_key(canonical))
            cluster = clusters.get(key)
            if cluster is None:
                cluster = clusters[key] = Cluster(
                    canonical, cand.type, [], kind=cand.kind, aliases=cand.aliases
                )
                offsets[key] = []
            elif cand.type == "NEWS_AGENCY":
                cluster.type = "NEWS_AGENCY"
            offsets[key].append((cand.start, cand.end))
            cluster.rules.append(cand.rule)
            cluster.kind = cluster.kind or cand.kind
            cluster.aliases = tuple(dict.fromkeys(cluster.aliases + cand.aliases))
        # Spans are made once the cluster's type is settled: they carry it as their label.
        for key, cluster in clusters.items():
            cluster.spans = [
                Span(doc, start, end, label=cluster.type, kb_id=cluster.canonical)
                for start, end in offsets[key]
            ]
        _set_entities(doc, sorted((s for c in clusters.values() for s in c.spans), key=lambda s: s.start))
        ext.put(doc, ext.ENTITIES, Entities(list(clusters.values()), len(doc)))
        return doc


def _set_entities(doc: Doc, spans: list[Span]) -> None:
    """``doc.set_ents(spans, default="outside")``, for less: spaCy marks each token outside the
    entities in a Python-level loop (about a third of this component's time); one array write marks every
    token outside first, and the entities are then set over it, the rest left as it is."""
    outside = numpy.zeros((len(doc), 2), dtype=numpy.uint64)
    outside[:, 0] = OUTSIDE
    doc.from_array([ENT_IOB, ENT_TYPE], cast(Ints2d, outside))  # and no entity type
    doc.set_ents(spans, default="unmodified")


@Language.factory(
    "newskg_entities",
    requires=[ext.attr(kind) for kind in ext.CANDIDATE_KINDS],
    assigns=["doc.ents", ext.attr(ext.ENTITIES)],
)
def make_entities(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver()
