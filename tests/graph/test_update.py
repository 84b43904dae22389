"""Incremental builds: an update replaces exactly the named graphs of its articles."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS
from record_factory import head_report

from newskg import iris
from newskg.errors import InputError
from newskg.graph import ENTITIES_GRAPH, INTERVALS_GRAPH, build_dataset, remove_articles, update_dataset
from newskg.rdf.write import serialize
from newskg.vocab.namespace import NKG, ORG, TIME


def corpus():
    return [
        head_report("a", "2019-05-01", "Reza Karimi", "National Tea Organization", acronym="NTO"),
        head_report("b", "2020-02-01", "Reza Karimi", "National Tea Organization"),
        head_report("c", "2020-03-01", "Sara Ahmadi", "Iran Tea Board"),
    ]


def graphs(dataset: Dataset) -> dict[URIRef, Graph]:
    """Every non-empty named graph, copied."""
    copies = {}
    for context in dataset.graphs():
        if len(context):
            copy = Graph()
            for triple in context:
                copy.add(triple)
            copies[context.identifier] = copy
    return copies


def article(article_id: str) -> URIRef:
    return URIRef(iris.article_iri(article_id))


def test_updating_with_the_same_records_changes_nothing():
    dataset = build_dataset(corpus())
    before = serialize(dataset, "trig")
    update_dataset(dataset, corpus())
    assert serialize(dataset, "trig") == before
    update_dataset(dataset, corpus()[:1])
    assert serialize(dataset, "trig") == before


def test_rebuilding_one_article_changes_only_its_named_graph():
    dataset = build_dataset(corpus())
    before = graphs(dataset)
    changed = head_report("b", "2020-02-01", "Reza Karimi", "National Tea Organization", role_="acting head")
    update_dataset(dataset, [changed])
    after = graphs(dataset)
    assert set(after) == set(before)
    different = {name for name in after if not isomorphic(after[name], before[name])}
    assert different == {article("b"), INTERVALS_GRAPH}
    assert isomorphic(after[article("b")], graphs(build_dataset([changed]))[article("b")])


def test_adding_an_article_adds_only_its_facts():
    dataset = build_dataset(corpus()[:2])
    before = graphs(dataset)
    new = head_report("d", "2021-06-01", "Reza Karimi", "National Tea Organization", "former head")
    update_dataset(dataset, [new])
    after = graphs(dataset)
    assert set(after) == {*before, article("d")}
    for name in (article("a"), article("b"), ENTITIES_GRAPH):
        assert isomorphic(after[name], before[name]), name
    interval = URIRef(str(_membership(after, "Reza Karimi", "head")).replace("/membership/", "/interval/"))
    assert (interval, TIME.hasEnd, URIRef(iris.INSTANCE_BASE + "instant/2021-06-01")) in after[
        INTERVALS_GRAPH
    ]


def test_an_incremental_build_equals_a_full_build():
    incremental = build_dataset(corpus()[:1])
    for record in corpus()[1:]:
        update_dataset(incremental, [record])
    assert serialize(incremental, "trig") == serialize(build_dataset(corpus()), "trig")


def test_known_entities_keep_their_names_when_a_longer_form_arrives():
    dataset = build_dataset([head_report("a", "2019-05-01", "Asghar Mosaheb", "National Tea Organization")])
    update_dataset(
        dataset, [head_report("b", "2020-05-01", "Ali-Asghar Mosaheb", "National Tea Organization")]
    )
    labels = {str(o) for o in dataset.graph(ENTITIES_GRAPH).objects(None, SKOS.prefLabel)}
    assert "Asghar Mosaheb" in labels
    assert "Ali-Asghar Mosaheb" not in labels
    person = URIRef(iris.entity_iri("PERSON", "Asghar Mosaheb"))
    assert (person, SKOS.altLabel, Literal("Ali-Asghar Mosaheb")) in dataset.graph(article("b"))


def test_an_acronym_in_a_new_article_joins_the_known_organisation():
    dataset = build_dataset(corpus()[:1])
    update_dataset(dataset, [head_report("e", "2021-01-01", "Reza Karimi", "NTO")])
    org = URIRef(iris.entity_iri("ORG", "National Tea Organization"))
    assert (None, ORG.organization, org) in dataset.graph(article("e"))


def test_removing_an_article_drops_its_graph_its_labels_and_its_intervals():
    dataset = build_dataset(corpus())
    remove_articles(dataset, ["c"])
    assert not len(dataset.graph(article("c")))
    person = URIRef(iris.entity_iri("PERSON", "Sara Ahmadi"))
    assert (person, None, None) not in dataset.graph(ENTITIES_GRAPH)
    assert serialize(dataset, "trig") == serialize(build_dataset(corpus()[:2]), "trig")


def test_an_article_given_twice_in_one_update_is_an_error():
    with pytest.raises(InputError, match="'a' is given twice"):
        build_dataset([corpus()[0], corpus()[0]])


def _membership(named: dict[URIRef, Graph], person: str, role: str) -> URIRef:
    iri = URIRef(iris.entity_iri("PERSON", person))
    for graph in named.values():
        for membership in graph.subjects(ORG.member, iri):
            if str(graph.value(membership, NKG.roleName)) == role:
                return membership
    raise AssertionError(f"no {role} membership of {person}")
