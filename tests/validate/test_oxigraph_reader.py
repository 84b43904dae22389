"""The Oxigraph reader: each triple once whatever the graphs holding it; blank nodes and the default
graph read as before."""

from __future__ import annotations

import pyoxigraph as ox

from newskg.iris import ARTICLE_BASE
from newskg.validate._terms import from_ox
from newskg.validate.readers import OxigraphReader

EX = "http://example.org/"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
E_LABEL = (EX + "e", EX + "label", from_ox(ox.Literal("E")))


def _store(*, union_default: bool) -> ox.Store:
    store = ox.Store()
    entity, cls, label = ox.NamedNode(EX + "e"), ox.NamedNode(EX + "C"), ox.NamedNode(EX + "label")
    for number in range(3):  # the same triples in three article graphs
        graph = ox.NamedNode(f"{ARTICLE_BASE}{number}")
        store.add(ox.Quad(entity, ox.NamedNode(TYPE), cls, graph))
        store.add(ox.Quad(entity, label, ox.Literal("E"), graph))
    store.add(ox.Quad(ox.BlankNode("b1"), label, ox.Literal("blank"), ox.NamedNode(f"{ARTICLE_BASE}0")))
    store.add(ox.Quad(ox.NamedNode(EX + "d"), ox.NamedNode(TYPE), cls))  # the default graph
    if union_default:
        store.add(ox.Quad(entity, label, ox.Literal("E")))
    return store


def test_a_triple_in_several_graphs_is_read_once():
    reader = OxigraphReader(_store(union_default=False))
    assert sorted(reader.about([EX + "e"]), key=repr) == sorted(
        [(EX + "e", TYPE, EX + "C"), E_LABEL], key=repr
    )
    assert list(reader.about([EX + "e"], EX + "label")) == [E_LABEL]
    assert sorted(reader.typed(EX + "C")) == [EX + "d", EX + "e"]


def test_the_default_graph_is_not_read_when_it_repeats_the_union():
    reader = OxigraphReader(_store(union_default=True), union_default=True)
    assert sorted(reader.typed(EX + "C")) == [EX + "e"]
    assert list(reader.about([EX + "e"], EX + "label")) == [E_LABEL]


def test_blank_subjects_and_types_outside_articles_are_read_quad_by_quad():
    reader = OxigraphReader(_store(union_default=False))
    assert list(reader.about(["_:b1"])) == [("_:b1", EX + "label", from_ox(ox.Literal("blank")))]
    assert list(reader.typed(EX + "C", outside_articles=True)) == [EX + "d"]
