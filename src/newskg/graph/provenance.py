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

from rdflib import namespace as rdflib_namespace

from .. import iris
from ..records import ArticleRecord, Entity, Evidence
from ..vocab import namespace
from .terms import Lit, PlainTerms, Term, Triple, count_lit, date_lit

NKG, OA, PROV = (PlainTerms(ns) for ns in (namespace.NKG, namespace.OA, namespace.PROV))
RDF = PlainTerms(rdflib_namespace.RDF)

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*")
"""Where a sentence ends, for the rare span no extracted fact's sentence contains."""


def add_report(out: list[Triple], fact: str, record: ArticleRecord, evidence: Evidence | None) -> None:
    """Link ``fact`` to its article, the article's date, its evidence span and its rule."""
    article = iris.article_iri(record.article.id)
    out.append((fact, NKG.reportedIn, article))
    out.append((fact, PROV.wasDerivedFrom, article))
    if record.article.date:
        out.append((fact, NKG.reportedOn, date_lit(record.article.date)))
    if evidence is None:
        return
    out.append((fact, NKG.extractedBy, Lit(evidence.rule)))
    node = evidence_iri(record.article.id, evidence)
    position, quote = f"{node}#position", f"{node}#quote"
    out += (
        (fact, NKG.evidence, node),
        (node, RDF.type, NKG.Evidence),
        (node, RDF.type, OA.SpecificResource),
        (node, OA.hasSource, article),
        (node, NKG.sentence, Lit(evidence.sentence)),
        (node, OA.hasSelector, position),
        (position, RDF.type, OA.TextPositionSelector),
        (position, OA.start, count_lit(evidence.start)),
        (position, OA.end, count_lit(evidence.end)),
        (node, OA.hasSelector, quote),
        (quote, RDF.type, OA.TextQuoteSelector),
        (quote, OA.exact, Lit(evidence.text)),
    )


def evidence_iri(article_id: str, evidence: Evidence) -> str:
    """One evidence node per article span, whatever facts cite it."""
    return iris.fact_iri("evidence", article_id, evidence.start, evidence.end)


def add_assertion(
    out: list[Triple], triple: tuple[str, str, Term], record: ArticleRecord, evidence: Evidence | None
) -> str:
    """Assert ``triple`` and reify it as a ``nkg:Assertion`` carrying its provenance; return its IRI."""
    subject, predicate, obj = triple
    node = iris.fact_iri("assertion", record.article.id, subject, predicate, obj)
    out += (
        triple,
        (node, RDF.type, NKG.Assertion),
        (node, RDF.type, RDF.Statement),
        (node, RDF.subject, subject),
        (node, RDF.predicate, predicate),
        (node, RDF.object, obj),
    )
    add_report(out, node, record, evidence)
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
