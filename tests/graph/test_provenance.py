"""Provenance end to end: from a fact in the graph of the seeds back to the exact sentence that states it."""

from __future__ import annotations

import re

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from newskg.vocab.namespace import NKG, OA, PROV, SCHEMA


def texts(seeds_result) -> dict[URIRef, str]:
    from newskg import iris

    return {URIRef(iris.article_iri(r.article.id)): r.article.text for r in seeds_result.records}


def span(graph, evidence) -> tuple[int, int, str]:
    position = next(
        s for s in graph.objects(evidence, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in graph
    )
    quote = next(
        s for s in graph.objects(evidence, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in graph
    )
    return (
        int(graph.value(position, OA.start)),
        int(graph.value(position, OA.end)),
        str(graph.value(quote, OA.exact)),
    )


def test_a_reported_figure_leads_back_to_its_exact_sentence(seeds_result):
    graph = seeds_result.graph
    (observation,) = (
        o for o in graph.subjects(NKG.valueText, None) if str(graph.value(o, NKG.valueText)) == "14,458"
    )
    article = graph.value(observation, NKG.reportedIn)
    assert str(graph.value(article, SCHEMA.identifier)) == "seed-000"
    assert (observation, PROV.wasDerivedFrom, article) in graph
    assert graph.value(observation, NKG.extractedBy) is not None
    (evidence,) = graph.objects(observation, NKG.evidence)
    assert graph.value(evidence, OA.hasSource) == article
    start, end, exact = span(graph, evidence)
    text = texts(seeds_result)[article]
    assert text[start:end] == exact
    assert "14,458" in exact
    sentence = str(graph.value(evidence, NKG.sentence))
    assert (
        sentence
        == "Asghar Mosaheb said that reviving the mentioned units has created jobs for 14,458 persons."
    )
    assert sentence in text


@pytest.mark.parametrize("kind", [NKG.Membership, NKG.Statement, NKG.Observation, NKG.Assertion])
def test_every_fact_of_the_seeds_cites_a_span_of_its_article(seeds_result, kind):
    graph, by_article = seeds_result.graph, texts(seeds_result)
    facts = list(graph.subjects(RDF.type, kind))
    assert facts, f"the seeds give no {kind}"
    for fact in facts:
        assert graph.value(fact, NKG.extractedBy) is not None, fact
        evidence = list(graph.objects(fact, NKG.evidence))
        assert evidence, f"{fact} has no evidence"
        for node in evidence:
            text = by_article[graph.value(node, OA.hasSource)]
            start, end, exact = span(graph, node)
            assert text[start:end] == exact
            sentence = str(graph.value(node, NKG.sentence))
            assert exact.split()[0] in sentence
            assert re.sub(r"\s+", " ", sentence) in re.sub(r"\s+", " ", text)


def test_the_acronym_of_isipo_is_an_alias_with_evidence(seeds_result):
    graph = seeds_result.graph
    (org,) = {s for s, o in graph.subject_objects(SKOS.altLabel) if str(o) == "ISIPO"}
    assertions = [a for a in graph.subjects(RDF.subject, org) if str(graph.value(a, RDF.object)) == "ISIPO"]
    assert {str(graph.value(graph.value(a, NKG.reportedIn), SCHEMA.identifier)) for a in assertions} == {
        "seed-000",
        "seed-002",
    }
    for assertion in assertions:
        assert graph.value(assertion, RDF.predicate) == SKOS.altLabel
        _, _, exact = span(graph, graph.value(assertion, NKG.evidence))
        assert exact == "ISIPO"


def test_articles_carry_their_schema_org_metadata(seeds_result):
    graph = seeds_result.graph
    dated = {
        str(graph.value(a, SCHEMA.identifier)): str(graph.value(a, SCHEMA.datePublished))
        for a in graph.subjects(RDF.type, NKG.Article)
    }
    assert dated == {"seed-000": "None", "seed-002": "2020-06-09"}
    assert all(graph.value(a, NKG.textHash) is not None for a in graph.subjects(RDF.type, NKG.Article))
    assert {str(o) for o in graph.objects(None, SCHEMA.publisher)} >= {"Mehr News Agency"}
