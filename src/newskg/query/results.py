"""What a query returned (``QueryResult``), and how terms are shown: SPARQL 1.1 CSV, TSV and JSON, Turtle,
an aligned table; control characters never reach a terminal raw."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from ..errors import QueryError
from ..terminal import printable
from ..vocab.namespace import bind_prefixes
from ..vocab.prefixes import compact_iri

if TYPE_CHECKING:
    import pandas as pd

_UNSAFE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters that formats with escapes (TSV, JSON, Turtle) write as ``\\u`` escapes."""


@dataclass(frozen=True, slots=True, eq=False)
class QueryResult:
    """What a query returned: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE)."""

    kind: str
    """SELECT, ASK, CONSTRUCT, DESCRIBE or UPDATE."""
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Identifier | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "SELECT" else len(self.graph or ())

    def __iter__(self) -> Iterator[tuple[Identifier | None, ...]]:
        return iter(self.rows)

    def column(self, name: str) -> list[Identifier | None]:
        """The values of one variable, row by row."""
        index = self.variables.index(name)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (IRIs as strings, literals as numbers, dates, text)."""
        return [
            {var: _python(value) for var, value in zip(self.variables, row, strict=True)} for row in self.rows
        ]

    def to_dataframe(self, *, prefixed: bool = False) -> pd.DataFrame:
        """The rows as a pandas DataFrame (needs the ``[pandas]`` extra), one column per variable.

        Columns are typed by their RDF datatypes, as far as every value in them agrees: integers are
        ``Int64``, decimals and doubles ``Float64``, dates and times ``datetime64``, booleans
        ``boolean``, text and IRIs ``string``; unbound cells are missing values (``<NA>``). CONSTRUCT
        and DESCRIBE give one row per triple (``subject``, ``predicate``, ``object``). ``prefixed``:
        IRIs as the table prints them (``id:person/...``, ``nkg:Person``) instead of in full.
        """
        from ._dataframe import rows_to_dataframe

        if self.kind == "SELECT":
            return rows_to_dataframe(self.variables, self.rows, prefixed=prefixed)
        if self.kind in ("CONSTRUCT", "DESCRIBE"):
            triples = sorted(self.graph or (), key=lambda triple: tuple(term.n3() for term in triple))
            return rows_to_dataframe(("subject", "predicate", "object"), triples, prefixed=prefixed)
        answer = "an ASK query answers true or false: read result.boolean" if self.kind == "ASK" else ""
        raise QueryError(answer or f"a {self.kind} has no rows to make a DataFrame of")

    def to_csv(self, *, terminal: bool = False) -> str:
        """SPARQL 1.1 CSV: full IRIs, literals' plain text, exactly (CSV has no escapes).

        ``terminal``: for a person at a terminal, control characters in cells are shown as ``\\x1b``
        escapes instead, so that no label can drive the terminal.
        """
        return self._delimited(",", _terminal_cell if terminal else _plain)

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV: every term in SPARQL syntax (``<iri>``, ``"text"``, ``12.5``); control
        characters in literals are ``\\u`` escapes, which that syntax reads back as the same text."""
        return self._delimited("\t", _tsv_term)

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON; control characters are ``\\u`` escapes (the same data)."""
        if self.kind == "ASK":
            return json.dumps({"head": {}, "boolean": self.boolean}, indent=2)
        bindings = [
            {
                var: _json_term(value)
                for var, value in zip(self.variables, row, strict=True)
                if value is not None
            }
            for row in self.rows
        ]
        text = json.dumps(
            {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}},
            indent=2,
            ensure_ascii=False,
        )
        return _escape_controls(text)  # JSON text holds them only in strings: escaping keeps the data

    def to_turtle(self) -> str:
        """The graph of a CONSTRUCT or DESCRIBE, in Turtle with the newskg prefixes; control
        characters in literals are ``\\u`` escapes (Turtle reads them back as the same text)."""
        graph = bind_prefixes(Graph())
        graph += self.graph or Graph()
        return _escape_controls(graph.serialize(format="turtle"))

    def to_text(self) -> str:
        """An aligned plain-text table, ``true``/``false``, or Turtle: what ``print`` shows."""
        if self.kind == "ASK":
            return "true" if self.boolean else "false"
        if self.kind in ("CONSTRUCT", "DESCRIBE"):
            return self.to_turtle()
        if self.kind == "UPDATE":
            return "update applied"
        cells = [list(self.variables), *([display(v) for v in row] for row in self.rows)]
        widths = [max(len(line[i]) for line in cells) for i in range(len(self.variables))]
        lines = [
            "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
            for line in cells
        ]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        """The table itself, as a notebook or the Python prompt shows it."""
        return self.to_text()

    def _repr_html_(self) -> str:
        """A notebook table; every cell is escaped."""
        if self.kind != "SELECT":
            return f"<pre>{html.escape(self.to_text())}</pre>"
        head = "".join(f"<th>{html.escape(var)}</th>" for var in self.variables)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(display(v))}</td>" for v in row) + "</tr>"
            for row in self.rows
        )
        return (
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table><p>{len(self.rows)} rows</p>"
        )

    def _delimited(self, delimiter: str, render: Any) -> str:
        if self.kind == "ASK":
            return "true\n" if self.boolean else "false\n"
        out = io.StringIO()
        if delimiter == ",":
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(self.variables)
            writer.writerows([render(v) for v in row] for row in self.rows)
        else:
            out.write("\t".join(f"?{var}" for var in self.variables) + "\n")
            for row in self.rows:
                out.write("\t".join(render(v) for v in row) + "\n")
        return out.getvalue()


def frozen_result(result: Any, kind: str, ordered: bool) -> QueryResult:
    """Our frozen result from rdflib's lazy one (iterating it runs the query)."""
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = bind_prefixes(Graph())
        out += result.graph
        return QueryResult(kind if kind in ("CONSTRUCT", "DESCRIBE") else result.type, graph=out)
    variables = tuple(str(v) for v in result.vars or ())
    rows = [tuple(row[v] if v in row.labels else None for v in variables) for row in result]
    if not ordered:
        rows.sort(key=lambda row: tuple(_sort_key(v) for v in row))
    return QueryResult("SELECT", variables, tuple(rows))


def display(term: Identifier | None) -> str:
    """A short, readable form of a term: a prefixed IRI, a literal's text, or nothing; control
    characters (an ESC that would recolour the terminal) are shown as ``\\x1b`` escapes."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return printable(compact_iri(term))
    if isinstance(term, BNode):
        return printable(f"_:{term}")
    return printable(str(term))


def _sort_key(term: Identifier | None) -> tuple[int, float, str]:
    """Unbound first, then numbers by value, then other literals, then IRIs, each by text."""
    if term is None:
        return (0, 0.0, "")
    if (
        isinstance(term, Literal)
        and isinstance(term.value, (int, float, Decimal))
        and not isinstance(term.value, bool)
    ):
        return (1, float(term.value), str(term))
    return (2 if isinstance(term, Literal) else 3, 0.0, str(term))


def _python(term: Identifier | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (int, float, Decimal, bool, date, datetime, str)) else str(term)
    return str(term)


def _plain(term: Identifier | None) -> str:
    return "" if term is None else str(term)


def _terminal_cell(term: Identifier | None) -> str:
    return printable(_plain(term))


def _tsv_term(term: Identifier | None) -> str:
    if term is None:
        return ""
    text = term.n3()
    return _escape_controls(text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))


def _escape_controls(text: str) -> str:
    """Control characters as ``\\uXXXX``: what JSON, Turtle and SPARQL strings read as the same
    character, so data stays exact while no raw ESC reaches a terminal."""
    return _UNSAFE_IN_TEXT.sub(lambda found: f"\\u{ord(found.group()):04X}", text)


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out
