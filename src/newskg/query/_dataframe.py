"""Query results as a pandas DataFrame, for notebooks: one column per variable, typed by what the RDF
says (an ``xsd:integer`` column is ``Int64``, an ``xsd:date`` column ``datetime64``), so that sorting,
plotting and arithmetic work without parsing text.

A column gets a pandas dtype only when every value in it has a datatype that maps to it; a column
that mixes kinds (numbers and IRIs, say) keeps Python values (``object``). Unbound cells are
``pd.NA`` (``NaT`` in a date column). pandas is imported only here: it is the optional ``[pandas]``
extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..vocab.prefixes import compact_iri

if TYPE_CHECKING:
    import pandas as pd

PANDAS_MISSING = "QueryResult.to_dataframe needs pandas: pip install 'newskg[pandas]'"

_INTEGER_TYPES = frozenset(
    {
        XSD.integer,
        XSD.int,
        XSD.long,
        XSD.short,
        XSD.byte,
        XSD.nonNegativeInteger,
        XSD.positiveInteger,
        XSD.nonPositiveInteger,
        XSD.negativeInteger,
        XSD.unsignedLong,
        XSD.unsignedInt,
        XSD.unsignedShort,
        XSD.unsignedByte,
    }
)
_KIND_OF_DATATYPE = {
    **dict.fromkeys(_INTEGER_TYPES, "integer"),
    XSD.decimal: "number",
    XSD.double: "number",
    XSD.float: "number",
    XSD.boolean: "boolean",
    XSD.date: "date",
    XSD.dateTime: "datetime",
    XSD.dateTimeStamp: "datetime",
}
"""The XSD datatypes a column can be typed by; any other literal is text."""
_INT64 = (-(2**63), 2**63 - 1)


def pandas_module() -> Any:
    """``pandas``, or an ImportError that names the extra to install."""
    try:
        import pandas
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    return pandas


def rows_to_dataframe(
    variables: Sequence[str], rows: Sequence[Sequence[Node | None]], *, prefixed: bool = False
) -> pd.DataFrame:
    """A DataFrame of ``rows`` with one typed column per variable, in the rows' order."""
    pd = pandas_module()
    columns = {
        name: _column(pd, [row[index] for row in rows], prefixed=prefixed)
        for index, name in enumerate(variables)
    }
    return pd.DataFrame(columns, index=pd.RangeIndex(len(rows)), columns=list(variables))


def _column(pd: Any, terms: list[Node | None], *, prefixed: bool) -> Any:
    kinds = {_kind(term) for term in terms if term is not None}
    values = [_value(term, prefixed=prefixed) for term in terms]
    if kinds <= {"integer"} and kinds and all(_INT64[0] <= v <= _INT64[1] for v in values if v is not None):
        return pd.array(values, dtype="Int64")
    if kinds and kinds <= {"integer", "number"}:
        return pd.array([None if v is None else float(v) for v in values], dtype="Float64")
    if kinds == {"boolean"}:
        return pd.array(values, dtype="boolean")
    if kinds and kinds <= {"date", "datetime"}:
        try:
            return pd.to_datetime(pd.Series(values, dtype=object))
        except (ValueError, TypeError, OverflowError):  # a time zone on some values only, or out of range
            return pd.array(values, dtype=object)
    if kinds <= {"text", "iri"}:
        return pd.array(values, dtype="string")
    return pd.array(values, dtype=object)


def _kind(term: Node) -> str:
    if isinstance(term, (URIRef, BNode)):
        return "iri"
    assert isinstance(term, Literal)
    kind = _KIND_OF_DATATYPE.get(term.datatype, "text") if term.datatype is not None else "text"
    if kind != "text" and (term.ill_typed or term.value is None):
        return "text"  # "twelve"^^xsd:integer: keep the text as written
    return kind


def _value(term: Node | None, *, prefixed: bool) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return compact_iri(str(term)) if prefixed else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    return str(term) if _kind(term) == "text" else term.value
