"""The screen never calls conforming a node pySHACL would report, and lets conforming graphs through.

Its whole use rests on the first half: the report is pySHACL's own only if every node pySHACL would
report reaches pySHACL. So besides the shape tests' snippets, real graphs are broken at random (a
triple dropped, a value changed, emptied, retyped, made an IRI or a literal, a type added) and every
focus node of pySHACL's results must be among the screen's suspects.
"""

from __future__ import annotations

import random

import pytest
from rdflib import Graph
from rdflib import namespace as rdflib_namespace  # XSD itself as a global warns when pytest probes it
from rdflib.namespace import RDF, SH
from test_shapes import BASE, CONFORMING, PREFIXES, VIOLATING

from newskg.graph.build import union_graph
from newskg.graph.terms import Lit
from newskg.validate._pyshacl import run_pyshacl
from newskg.validate._screen import Screen, Unsupported
from newskg.validate._terms import Triple, TripleIndex, from_rdflib, to_rdflib
from newskg.validate.scopes import scoped_shapes

MUTATIONS = 80
"""Random breaks per scope (each is one pySHACL run on a graph of a few hundred triples)."""


def light(graph: Graph) -> list[Triple]:
    """The triples of ``graph`` as the screen reads them, in a fixed order (so a seeded break is always
    the same break)."""
    found = []
    for s, p, o in graph:
        subject = from_rdflib(s)
        assert isinstance(subject, str)
        found.append((subject, str(p), from_rdflib(o)))
    return sorted(found, key=repr)


def reported(triples: list[Triple], shapes: Graph) -> set[str]:
    graph = Graph()
    for s, p, o in triples:
        graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    report = run_pyshacl(graph, shapes)
    return {str(node) for node in report.objects(None, SH.focusNode)}


@pytest.mark.parametrize("case", VIOLATING, ids=lambda case: case.id)
def test_every_violating_snippet_is_a_suspect(case):
    triples = light(Graph().parse(data=PREFIXES + BASE + case.turtle, format="turtle"))
    assert "https://w3id.org/newskg/id/x" in Screen(scoped_shapes().shapes).suspects(TripleIndex(triples))


@pytest.mark.parametrize("case", CONFORMING, ids=lambda case: case.id)
def test_conforming_snippets_go_through(case):
    triples = light(Graph().parse(data=PREFIXES + BASE + case.turtle, format="turtle"))
    assert not Screen(scoped_shapes().shapes).suspects(TripleIndex(triples))


def mutated(triples: list[Triple], rng: random.Random, classes: list[str], paths: set[str]) -> list[Triple]:
    """``triples`` broken in one random way."""
    found = list(triples)
    read = [i for i, t in enumerate(found) if t[1] in paths]  # what some shape reads: breaks that matter
    index = rng.choice(read)
    s, p, o = found[index]
    nodes = sorted({t[0] for t in found})
    kind = rng.choice(["drop", "empty", "retype", "iri", "literal", "repeat", "type", "negative", "swap"])
    if kind == "drop":
        del found[index]
    elif kind == "empty" and isinstance(o, Lit):
        found[index] = (s, p, Lit("", o.datatype))
    elif kind == "retype" and isinstance(o, Lit):
        found[index] = (
            s,
            p,
            Lit(
                o.lexical,
                rng.choice([None, str(rdflib_namespace.XSD.integer), str(rdflib_namespace.XSD.date), "@en"]),
            ),
        )
    elif kind == "iri":
        found[index] = (s, p, rng.choice(nodes))
    elif kind == "literal" and p != str(RDF.type):
        found[index] = (s, p, Lit(rng.choice(["x", "12", "2024-01-01"])))
    elif kind == "repeat":  # a second value like the first: only counts can object
        again = Lit(o.lexical + "0", o.datatype) if isinstance(o, Lit) else rng.choice(nodes)
        found.append((s, p, again))
    elif kind == "type":
        found.append((rng.choice(nodes), str(RDF.type), rng.choice(classes)))
    elif kind == "negative" and isinstance(o, Lit):
        found[index] = (s, p, Lit("-" + o.lexical, o.datatype))
    else:  # swap two objects of the same predicate's kind
        other = rng.randrange(len(found))
        found[index], found[other] = (s, p, found[other][2]), (found[other][0], found[other][1], o)
    return found


def paths(shapes: Graph) -> set[str]:
    return {str(path) for path in shapes.objects(None, SH.path)} | {str(RDF.type)}


@pytest.fixture(scope="module")
def article_graphs(seeds_result) -> list[list[Triple]]:
    graphs = sorted(seeds_result.dataset.graphs(), key=lambda graph: str(graph.identifier))
    return [
        light(graph)
        for graph in graphs
        if str(graph.identifier).startswith("https://w3id.org/newskg/id/article/")
    ]


def test_broken_article_graphs_are_never_let_through(article_graphs):
    shapes = scoped_shapes().article
    screen = Screen(shapes)
    classes = sorted(screen.target_classes)
    rng = random.Random(14)
    broken = 0
    for _ in range(MUTATIONS):
        triples = mutated(rng.choice(article_graphs), rng, classes, paths(shapes))
        found = reported(triples, shapes)
        assert found <= screen.suspects(TripleIndex(triples)), "pySHACL reports a node the screen let through"
        broken += bool(found)
    assert broken > MUTATIONS // 3, "the mutations should break shapes often"


def test_broken_corpus_level_nodes_are_never_let_through(seeds_result):
    """The entities and posts with their triples from every graph, as the union checks them."""
    shapes = scoped_shapes().corpus
    screen = Screen(shapes)
    union = light(union_graph(seeds_result.dataset))
    focus = {s for s, p, o in union if p == str(RDF.type) and o in screen.target_classes}  # sorted below
    about = [t for t in union if t[0] in focus]
    pointed = {o for _, _, o in about if isinstance(o, str)}
    types = [t for t in union if t[0] in pointed and t[1] == str(RDF.type)]
    classes = sorted(screen.target_classes)
    rng = random.Random(15)
    broken = 0
    for _ in range(MUTATIONS):
        triples = mutated(about, rng, classes, paths(shapes)) + types
        found = reported(triples, shapes)
        assert found <= screen.suspects(TripleIndex(triples)), "pySHACL reports a node the screen let through"
        broken += bool(found)
    assert broken > MUTATIONS // 3


def test_the_seeds_graphs_go_through(article_graphs):
    screen = Screen(scoped_shapes().article)
    assert all(not screen.suspects(TripleIndex(triples)) for triples in article_graphs)


def test_a_subclass_axiom_makes_every_node_a_suspect(article_graphs):
    triples = [*article_graphs[0], ("urn:x", "http://www.w3.org/2000/01/rdf-schema#subClassOf", "urn:y")]
    index = TripleIndex(triples)
    assert Screen(scoped_shapes().article).suspects(index) == set(index.subjects())


@pytest.mark.parametrize(
    "shape",
    [
        "sh:targetNode id:x",
        "sh:targetClass nkg:Person ; sh:sparql [ sh:select 'SELECT $this WHERE { }' ]",
        "sh:targetClass nkg:Person ; sh:property [ sh:path ( skos:prefLabel skos:altLabel ) ]",
        "sh:targetClass nkg:Person ; sh:property [ sh:path skos:prefLabel ; sh:pattern '^A' ]",
        "sh:targetClass nkg:Person ; sh:deactivated true",
        "sh:targetClass nkg:Person ; sh:property [ sh:path skos:prefLabel ; sh:datatype xsd:gYear ]",
    ],
)
def test_what_the_screen_does_not_evaluate_is_refused(shape):
    shapes = Graph().parse(data=PREFIXES + f"id:S a sh:NodeShape ; {shape} .", format="turtle")
    with pytest.raises(Unsupported):
        Screen(shapes)


def test_values_it_cannot_compare_are_not_sure():
    shapes = Graph().parse(
        data=PREFIXES + "id:S a sh:NodeShape ; sh:targetClass nkg:Observation ; "
        "sh:property [ sh:path nkg:value ; sh:minInclusive 0 ] .",
        format="turtle",
    )
    screen = Screen(shapes)
    x = "https://w3id.org/newskg/id/x"
    observation = (x, str(RDF.type), "https://w3id.org/newskg/ontology#Observation")
    for value, suspect in [
        (Lit("1e3", str(rdflib_namespace.XSD.decimal)), True),  # valid, but not a form the screen reads
        (Lit("3", str(rdflib_namespace.XSD.decimal)), False),
        (Lit("-3", str(rdflib_namespace.XSD.decimal)), True),
        (Lit("three"), True),
    ]:
        index = TripleIndex([observation, (x, "https://w3id.org/newskg/ontology#value", value)])
        assert (x in screen.suspects(index)) is suspect, value
