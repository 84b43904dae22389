"""``QueryResult.to_dataframe``: query results as pandas DataFrames, columns typed by their RDF datatypes."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from newskg.errors import QueryError
from newskg.query.run import query

pd = pytest.importorskip("pandas", reason="pandas is in the dev extra")

EX = "https://w3id.org/newskg/id/thing/"


@pytest.fixture(scope="module")
def typed_graph() -> Graph:
    """Three things with a value of each datatype a column can be typed by, and some gaps and oddities."""
    from rdflib.namespace import XSD  # imported here: pytest warns looking into a module-level XSD

    graph = Graph()
    rows = [
        ("a", 12, Decimal("1.5"), True, date(2020, 6, 9), "idle units", 7),
        ("b", 3, 2.25, False, date(2021, 3, 20), "persons", "seven"),
        ("c", None, None, None, None, None, URIRef(EX + "x")),
    ]
    for name, count, amount, flag, day, text, mixed in rows:
        thing = URIRef(EX + name)
        graph.add((thing, URIRef(EX + "name"), Literal(name)))
        if count is not None:
            graph.add((thing, URIRef(EX + "count"), Literal(count)))
            graph.add((thing, URIRef(EX + "amount"), Literal(amount)))
            graph.add((thing, URIRef(EX + "flag"), Literal(flag)))
            graph.add((thing, URIRef(EX + "day"), Literal(day)))
            graph.add((thing, URIRef(EX + "text"), Literal(text, lang="en")))
        graph.add((thing, URIRef(EX + "mixed"), mixed if isinstance(mixed, URIRef) else Literal(mixed)))
    graph.add((URIRef(EX + "a"), URIRef(EX + "odd"), Literal("twelve", datatype=XSD.integer)))
    graph.add((URIRef(EX + "b"), URIRef(EX + "odd"), Literal(4)))
    graph.add((URIRef(EX + "c"), URIRef(EX + "blank"), BNode("b0")))
    return graph


TYPED_QUERY = f"""
PREFIX ex: <{EX}>
SELECT ?thing ?name ?count ?amount ?flag ?day ?text ?mixed ?odd ?blank WHERE {{
  ?thing ex:name ?name ; ex:mixed ?mixed .
  OPTIONAL {{ ?thing ex:count ?count ; ex:amount ?amount ; ex:flag ?flag ; ex:day ?day ; ex:text ?text }}
  OPTIONAL {{ ?thing ex:odd ?odd }}
  OPTIONAL {{ ?thing ex:blank ?blank }}
}} ORDER BY ?name"""


def test_columns_are_typed_by_their_rdf_datatypes(typed_graph):
    frame = query(typed_graph, TYPED_QUERY).to_dataframe()
    assert list(frame.columns) == [
        "thing",
        "name",
        "count",
        "amount",
        "flag",
        "day",
        "text",
        "mixed",
        "odd",
        "blank",
    ]
    assert list(frame["name"]) == ["a", "b", "c"]
    assert str(frame["count"].dtype) == "Int64" and frame["count"].sum() == 15
    assert str(frame["amount"].dtype) == "Float64" and frame["amount"].sum() == pytest.approx(3.75)
    assert str(frame["flag"].dtype) == "boolean" and list(frame["flag"][:2]) == [True, False]
    assert pd.api.types.is_datetime64_any_dtype(frame["day"])
    assert frame["day"][0] == pd.Timestamp("2020-06-09") and pd.isna(frame["day"][2])
    assert str(frame["text"].dtype) == "string" and frame["text"][1] == "persons"
    assert str(frame["thing"].dtype) == "string" and frame["thing"][0] == EX + "a"
    assert frame["count"].isna().tolist() == [False, False, True]


def test_a_column_that_mixes_kinds_keeps_each_value_as_python_gives_it(typed_graph):
    frame = query(typed_graph, TYPED_QUERY).to_dataframe()
    assert frame["mixed"].dtype == object and list(frame["mixed"]) == [7, "seven", EX + "x"]
    # "twelve"^^xsd:integer is ill-typed: it stays the text as written, so the column is not numeric
    assert frame["odd"].dtype == object and list(frame["odd"][:2]) == ["twelve", 4]
    assert frame["blank"][2] == "_:b0"


def test_iris_can_be_shown_prefixed_as_the_printed_table_shows_them(seeds_graph):
    frame = query(seeds_graph, "heads-of", org="ISIPO").to_dataframe(prefixed=True)
    assert set(frame["org"]) == {"id:org/iran-small-industries-and-industrial-parks-organization"}
    assert "Mohsen Salehinia" in set(frame["name"])
    assert pd.api.types.is_datetime64_any_dtype(frame["reported"])


def test_a_named_query_on_the_seeds_gives_numbers_and_dates(seeds_graph):
    result = query(seeds_graph, "statistics")
    frame = result.to_dataframe()
    assert list(frame.columns) == list(result.variables) and len(frame) == len(result)
    assert pd.api.types.is_numeric_dtype(frame["value"]) and frame["value"].max() >= 1000
    assert pd.api.types.is_datetime64_any_dtype(frame["periodStart"])


def test_construct_gives_one_row_per_triple_and_ask_has_no_table(seeds_graph):
    built = query(seeds_graph, "CONSTRUCT { ?p a nkg:Person } WHERE { ?p a nkg:Person }")
    frame = built.to_dataframe(prefixed=True)
    assert list(frame.columns) == ["subject", "predicate", "object"] and len(frame) == len(built)
    assert set(frame["object"]) == {"nkg:Person"}
    with pytest.raises(QueryError, match=r"result\.boolean"):
        query(seeds_graph, "ASK { ?p a nkg:Person }").to_dataframe()


def test_without_pandas_the_error_names_the_extra(monkeypatch, seeds_graph):
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an environment without pandas raises
    with pytest.raises(ImportError, match=r"pip install 'newskg\[pandas\]'"):
        query(seeds_graph, "heads-of", org="ISIPO").to_dataframe()
