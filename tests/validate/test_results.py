"""pySHACL's results as plain values: kept as JSON, found again under another parse of the shapes, and
put back into a report graph as pySHACL lays it out."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH
from test_shapes import BASE, PREFIXES

from newskg.resources import shapes_path
from newskg.validate._pyshacl import run_pyshacl
from newskg.validate.results import ShapeRef, dumps, loads, report_graph, results_of

BROKEN = """
id:x a nkg:Observation ; nkg:value "-2"^^xsd:decimal ; nkg:unit "percent" ; nkg:reportedIn id:a1 ;
    nkg:periodStart "2024-05-20"^^xsd:date ; nkg:periodEnd "2024-03-20"^^xsd:date .
"""
"""An observation breaking a node-level sh:or and a property shape."""


def pyshacl_report(shapes: Graph) -> Graph:
    data = Graph().parse(data=PREFIXES + BASE + BROKEN, format="turtle")
    return run_pyshacl(data, shapes)


def test_results_survive_json_and_another_parse_of_the_shapes():
    first, second = (Graph().parse(shapes_path(), format="turtle") for _ in range(2))
    results = results_of(pyshacl_report(first), first)
    assert len(results) == 2
    assert any(isinstance(obj, ShapeRef) for result in results for _, obj in result), "property shapes"
    kept = loads(dumps(results))
    assert kept == results
    assert sorted(map(repr, results_of(pyshacl_report(second), second))) == sorted(map(repr, kept))
    rebuilt = report_graph(kept, second, conforms=False)
    assert isomorphic(rebuilt, pyshacl_report(second))


def test_a_result_found_twice_is_one_result():
    shapes = Graph().parse(shapes_path(), format="turtle")
    results = results_of(pyshacl_report(shapes), shapes)
    report = report_graph([*results, *results], shapes, conforms=False)
    assert len(set(report.subjects(RDF.type, SH.ValidationResult))) == len(results)
