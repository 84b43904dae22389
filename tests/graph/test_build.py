"""Records -> dataset: named graphs, article metadata, provenance of every fact, determinism."""

from __future__ import annotations

import hashlib

import rdflib.namespace
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import BNode
from record_factory import entity, evidence, head_report, record, role

from newskg import iris
from newskg.graph import DERIVED_GRAPHS, ENTITIES_GRAPH, INTERVALS_GRAPH, build_dataset, union_graph
from newskg.rdf.write import serialize
from newskg.records import LocatedIn, ReportedBy, Role, Statistic
from newskg.vocab.namespace import NKG, OA, ORG, PROV, SCHEMA

TEXT = (
    "TEHRAN - Ali Rezaei, the head of the National Tea Organization (NTO), said on Monday that exports "
    "rose 12 percent. Rasht is in Gilan Province, IRNA reported. The NTO has 400 members."
)


def tea_record():
    return record(
        "tea-1",
        TEXT,
        date="2021-01-10",
        title="Tea exports rise",
        url="https://example.org/tea-1",
        source="Example Daily",
        entities=(
            entity(TEXT, "Ali Rezaei", "PERSON"),
            entity(
                TEXT, "National Tea Organization", "ORG", "National Tea Organization", "NTO", aliases=("NTO",)
            ),
            entity(TEXT, "Tehran", "GPE", "TEHRAN", kind="city"),
            entity(TEXT, "Rasht", "GPE", kind="city"),
            entity(TEXT, "Gilan Province", "GPE", kind="province"),
            entity(TEXT, "Islamic Republic News Agency", "NEWS_AGENCY", "IRNA", aliases=("IRNA",)),
        ),
        roles=(role(TEXT, "Ali Rezaei", "head", "National Tea Organization", "Ali Rezaei, the head of"),),
        statistics=(Statistic(12, "12", "percent", "exports", evidence(TEXT, "rose 12 percent", "figure")),),
        located_in=(
            LocatedIn("Rasht", "Gilan Province", evidence(TEXT, "Rasht is in Gilan Province", "place_in")),
        ),
        reported_by=(
            ReportedBy("Islamic Republic News Agency", evidence(TEXT, "IRNA reported", "agency_credit")),
        ),
    )


def article(article_id: str) -> URIRef:
    return URIRef(iris.article_iri(article_id))


def test_one_named_graph_per_article_plus_the_derived_graphs():
    dataset = build_dataset([tea_record(), head_report("b", "2021-02-01", "Sara Ahmadi", "Iran Tea Board")])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {article("tea-1"), article("b"), *DERIVED_GRAPHS}
    assert (article("tea-1"), RDF.type, NKG.Article) in dataset.graph(article("tea-1"))
    assert (article("b"), RDF.type, NKG.Article) not in dataset.graph(article("tea-1"))


def test_article_metadata_hash_and_pipeline_version():
    graph = build_dataset([tea_record()]).graph(article("tea-1"))
    art = article("tea-1")
    assert graph.value(art, SCHEMA.identifier) == Literal("tea-1")
    assert graph.value(art, SCHEMA.datePublished) == Literal("2021-01-10", datatype=rdflib.namespace.XSD.date)
    assert graph.value(art, SCHEMA.url) == Literal(
        "https://example.org/tea-1", datatype=rdflib.namespace.XSD.anyURI
    )
    assert graph.value(art, SCHEMA.publisher) == Literal("Example Daily")
    assert graph.value(art, SCHEMA.headline) == Literal("Tea exports rise")
    assert graph.value(art, NKG.textHash) == Literal(hashlib.sha256(TEXT.encode()).hexdigest())
    assert graph.value(art, NKG.pipelineVersion) == Literal("test-1")


def test_each_alias_is_an_assertion_citing_where_the_article_wrote_it():
    graph = build_dataset([tea_record()]).graph(article("tea-1"))
    org = URIRef(iris.entity_iri("ORG", "National Tea Organization"))
    assert (org, SKOS.altLabel, Literal("NTO")) in graph
    (assertion,) = graph.subjects(RDF.object, Literal("NTO"))
    assert set(graph.objects(assertion, RDF.type)) == {NKG.Assertion, RDF.Statement}
    assert graph.value(assertion, RDF.subject) == org
    assert graph.value(assertion, RDF.predicate) == SKOS.altLabel
    assert graph.value(assertion, NKG.reportedIn) == article("tea-1")
    assert graph.value(assertion, NKG.extractedBy) == Literal("org_rule")
    ev = graph.value(assertion, NKG.evidence)
    start = TEXT.index("NTO")
    assert _span(graph, ev) == (start, start + 3, "NTO")
    assert str(graph.value(ev, NKG.sentence)).startswith("TEHRAN - Ali Rezaei, the head")


def test_every_alt_label_has_an_assertion_and_the_preferred_label_none():
    graph = build_dataset([tea_record()]).graph(article("tea-1"))
    for subject, label in graph.subject_objects(SKOS.altLabel):
        assertions = set(graph.subjects(RDF.subject, subject)) & set(graph.subjects(RDF.object, label))
        assert assertions, f"no assertion for {subject} altLabel {label}"
    agency = URIRef(iris.entity_iri("NEWS_AGENCY", "Islamic Republic News Agency"))
    assert set(graph.objects(agency, SKOS.altLabel)) == {Literal("IRNA")}


def test_located_in_and_reported_by_are_asserted_with_evidence():
    graph = build_dataset([tea_record()]).graph(article("tea-1"))
    rasht, gilan = (URIRef(iris.entity_iri("GPE", name)) for name in ("Rasht", "Gilan Province"))
    agency = URIRef(iris.entity_iri("NEWS_AGENCY", "Islamic Republic News Agency"))
    for triple, phrase, rule in [
        ((rasht, NKG.locatedIn, gilan), "Rasht is in Gilan Province", "place_in"),
        ((article("tea-1"), NKG.reportedBy, agency), "IRNA reported", "agency_credit"),
    ]:
        assert triple in graph
        (assertion,) = set(graph.subjects(RDF.subject, triple[0])) & set(
            graph.subjects(RDF.predicate, triple[1])
        )
        assert graph.value(assertion, RDF.object) == triple[2]
        assert graph.value(assertion, NKG.extractedBy) == Literal(rule)
        start = TEXT.index(phrase)
        assert _span(graph, graph.value(assertion, NKG.evidence)) == (start, start + len(phrase), phrase)


def test_every_fact_cites_a_span_whose_offsets_and_quote_match_the_text():
    graph = build_dataset([tea_record()]).graph(article("tea-1"))
    facts = [
        fact
        for cls in (NKG.Membership, NKG.Statement, NKG.Observation, NKG.Assertion)
        for fact in graph.subjects(RDF.type, cls)
    ]
    assert len(facts) >= 7
    for fact in facts:
        assert (fact, PROV.wasDerivedFrom, article("tea-1")) in graph
        assert graph.value(fact, NKG.extractedBy) is not None
        for ev in graph.objects(fact, NKG.evidence):
            start, end, exact = _span(graph, ev)
            assert TEXT[start:end] == exact
            assert exact in str(graph.value(ev, NKG.sentence))
            assert graph.value(ev, OA.hasSource) == article("tea-1")


def test_entity_labels_live_in_the_entities_graph():
    dataset = build_dataset([tea_record()])
    person = URIRef(iris.entity_iri("PERSON", "Ali Rezaei"))
    assert dataset.graph(ENTITIES_GRAPH).value(person, SKOS.prefLabel) == Literal("Ali Rezaei")
    assert (person, SKOS.prefLabel, None) not in dataset.graph(article("tea-1"))


def test_homonyms_of_different_types_get_different_nodes():
    text = "Jordan said Jordan exports rose."
    both = record(
        "homonyms",
        text,
        entities=(entity(text, "Jordan", "PERSON"), entity(text, "Jordan", "GPE", kind="country")),
    )
    graph = union_graph(build_dataset([both]))
    person, place = URIRef(iris.entity_iri("PERSON", "Jordan")), URIRef(iris.entity_iri("GPE", "Jordan"))
    assert person != place
    assert set(graph.objects(person, RDF.type)) == {NKG.Person}
    assert NKG.Person not in set(graph.objects(place, RDF.type))


def test_no_blank_nodes_anywhere():
    dataset = build_dataset([tea_record(), head_report("b", "2021-02-01", "Sara Ahmadi", "Iran Tea Board")])
    for quad in dataset.quads((None, None, None, None)):
        assert not any(isinstance(term, BNode) for term in quad[:3]), quad


def test_building_twice_is_byte_identical():
    def records():
        return [tea_record(), head_report("b", "2021-02-01", "Sara Ahmadi", "Iran Tea Board")]

    for fmt in ("trig", "nquads", "turtle"):
        assert serialize(build_dataset(records()), fmt) == serialize(
            build_dataset(list(reversed(records()))), fmt
        )


def test_posts_get_membership_with_status_and_head_of():
    dataset = build_dataset([head_report("a", "2021-01-01", "Sara Ahmadi", "Iran Tea Board", "acting head")])
    graph = union_graph(dataset)
    person = URIRef(iris.entity_iri("PERSON", "Sara Ahmadi"))
    org = URIRef(iris.entity_iri("ORG", "Iran Tea Board"))
    (membership,) = graph.subjects(ORG.member, person)
    assert graph.value(membership, NKG.status) == Literal("acting")
    assert graph.value(membership, NKG.roleName) == Literal("acting head")
    assert (person, ORG.headOf, org) in graph
    assert (membership, ORG.memberDuring, None) in dataset.graph(INTERVALS_GRAPH)
    assert (membership, ORG.memberDuring, None) not in dataset.graph(article("a"))


def _span(graph, ev):
    selectors = list(graph.objects(ev, OA.hasSelector))
    (position,) = (s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph)
    (quote,) = (s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph)
    return (
        int(graph.value(position, OA.start)),
        int(graph.value(position, OA.end)),
        str(graph.value(quote, OA.exact)),
    )


def test_a_post_the_text_gives_no_title_for_has_no_title_as_written():
    text = "Sara Ahmadi replaced Omid Karimi as the head of Iran Tea Board."
    predecessor = Role(
        "Omid Karimi",
        "former head",
        "Iran Tea Board",
        "",
        evidence(text, "Sara Ahmadi replaced Omid Karimi", "x"),
    )
    successor = role(text, "Sara Ahmadi", "head", "Iran Tea Board", "head of Iran Tea Board", title="head")
    people = (entity(text, "Sara Ahmadi", "PERSON"), entity(text, "Omid Karimi", "PERSON"))
    org = entity(text, "Iran Tea Board", "ORG")
    graph = union_graph(
        build_dataset([record("tea-2", text, entities=(*people, org), roles=(successor, predecessor))])
    )
    titles = {
        str(graph.value(m, NKG.roleName)): [str(t) for t in graph.objects(m, NKG.titleAsWritten)]
        for m in graph.subjects(RDF.type, NKG.Membership)
    }
    assert titles == {"head": ["head"], "former head": []}
