"""The one table of entity types, and the views of it the graph, the IRIs and the drawings use."""

from __future__ import annotations

from rdflib import URIRef

from newskg import iris
from newskg.graph.article import KIND_CLASSES, TYPE_CLASSES
from newskg.graph.build import RECORD_TYPES
from newskg.views.network import ENTITY_CLASSES, TYPE_COLOURS
from newskg.vocab.entity_types import BY_KIND, BY_LABEL, ENTITY_TYPES
from newskg.vocab.namespace import NKG


def test_each_record_type_and_each_kind_has_one_class() -> None:
    labels = [label for t in ENTITY_TYPES for label in t.labels]
    assert len(labels) == len(set(labels)) == len(BY_LABEL)
    assert sorted(BY_LABEL) == ["EVENT", "GPE", "LOC", "MOTTO", "NEWS_AGENCY", "ORG", "PERSON", "PROGRAM"]
    assert {kind: t.name for kind, t in BY_KIND.items()} == {
        "country": "Country",
        "province": "Province",
        "city": "City",
    }


def test_a_broader_class_comes_after_its_narrower_ones() -> None:
    names = [t.name for t in ENTITY_TYPES]
    for t in ENTITY_TYPES:
        if t.broader is not None:
            assert names.index(t.name) < names.index(t.broader), t.name


def test_the_graph_asserts_the_broader_class_too() -> None:
    assert TYPE_CLASSES["NEWS_AGENCY"] == (str(NKG.NewsAgency), str(NKG.Organization))
    assert TYPE_CLASSES["LOC"] == TYPE_CLASSES["GPE"] == (str(NKG.Place),)
    assert {"country": str(NKG.Country), "province": str(NKG.Province), "city": str(NKG.City)} == KIND_CLASSES


def test_news_agencies_share_the_organisations_path() -> None:
    assert iris.entity_iri("NEWS_AGENCY", "IRNA") == iris.entity_iri("ORG", "IRNA")
    assert iris.entity_iri("LOC", "Caspian Sea").startswith(iris.INSTANCE_BASE + "place/")


def test_the_views_of_the_table() -> None:
    assert dict(RECORD_TYPES)[NKG.NewsAgency] == "NEWS_AGENCY"
    assert dict(RECORD_TYPES)[NKG.Place] == "GPE"
    assert list(ENTITY_CLASSES) == [URIRef(t.iri) for t in ENTITY_TYPES]
    assert set(TYPE_COLOURS) == set(ENTITY_CLASSES.values())
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS)
