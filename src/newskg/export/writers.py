"""Export a graph for other tools: RDF files, compact JSON-LD, and CSV tables for spreadsheets.

RDF goes through ``newskg.rdf.write`` (pyoxigraph: sorted, so the same graph gives the same bytes);
TriG and N-Quads keep a dataset's named graphs, the other formats hold their union. JSON-LD is
compacted here with one ``@context`` of the newskg prefixes (``nkg:``, ``id:``, ``org:``...), so it
reads like the Turtle. CSV is a folder of three tables: ``entities.csv``, ``relations.csv`` (posts,
places, statements about entities, with their provenance) and ``statistics.csv``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from ..errors import InputError
from ..files import write_bytes_atomic, write_text_atomic
from ..query.named import named_query
from ..query.run import run_named
from ..rdf.write import FORMAT_NAMES, FORMATS, GraphBlock, dataset_blocks, format_for, to_ox, write_graphs_to
from ..vocab.prefixes import DATA_PREFIXES, compact_iri

EXPORT_FORMATS = ("turtle", "nt", "trig", "nquads", "json-ld", "csv")
TABLES = ("entities.csv", "relations.csv", "statistics.csv")
JSONLD_CONTEXT: dict[str, str] = dict(sorted(DATA_PREFIXES.items()))
"""The ``@context`` of exported JSON-LD: the prefixes of the data (``DATA_PREFIXES``), sorted."""

_RDF_TYPE = str(RDF.type)
_LIST_SEPARATOR = " | "


def export(graph: Graph, path: str | Path, *, fmt: str | None = None) -> list[Path]:
    """Write ``graph`` (a graph or a dataset) to ``path`` in ``fmt`` or the format its name implies.

    Returns the files written: one, or the three CSV tables when ``path`` is a folder (``fmt="csv"``).
    """
    chosen = export_format(path, fmt)
    if chosen == "csv":
        return export_tables(graph, path)
    return [write_blocks(graph_blocks(graph), path, fmt=chosen)]


def export_format(path: str | Path, fmt: str | None = None) -> str:
    """``csv`` for a folder (or ``fmt="csv"``), else the RDF format of ``path`` or ``fmt``."""
    if fmt is not None and fmt.lower() == "csv":
        return "csv"
    target = Path(path)
    if fmt is None and (target.suffix.lower() == ".csv"):
        raise InputError(
            f"{target}: CSV export writes {len(TABLES)} tables; give a folder (-o tables/ --format csv)"
        )
    if fmt is None and (target.is_dir() or str(path).endswith(("/", "\\"))):
        return "csv"
    if fmt is not None and fmt.lower() not in FORMAT_NAMES:
        names = ", ".join(sorted({*FORMAT_NAMES, "csv"}))
        raise InputError(f"unknown export format '{fmt}'; use one of {names}")
    return format_for(target, fmt)


def graph_blocks(graph: Graph) -> list[GraphBlock]:
    """The triples of a graph, or each named graph of a dataset, as ``newskg.rdf.write`` writes them."""
    if isinstance(graph, Dataset):
        return list(dataset_blocks(graph))
    name = ox.DefaultGraph()
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in graph]  # type: ignore[arg-type]
    return [(name, quads)]


def file_blocks(paths: Sequence[str | Path]) -> list[GraphBlock]:
    """The named graphs of some RDF files, merged by graph name, without repeats, in IRI order."""
    from ..rdf.write import read_graph_blocks

    merged: dict[Any, set[ox.Quad]] = {}
    for path in paths:
        if Path(path).suffix.lower() not in FORMATS:
            raise InputError(f"{path}: export reads {', '.join(sorted(FORMATS))} files")
        for name, quads in read_graph_blocks(path).items():
            merged.setdefault(name, set()).update(quads)
    return [(name, sorted(merged[name], key=str)) for name in sorted(merged, key=str)]


def write_blocks(blocks: Iterable[GraphBlock], path: str | Path, *, fmt: str) -> Path:
    """Write graph blocks atomically in an RDF format; JSON-LD is compacted with ``JSONLD_CONTEXT``."""
    target = Path(path)
    if fmt == "json-ld":
        write_text_atomic(target, compact_jsonld(blocks))
        return target
    buffer = io.BytesIO()
    write_graphs_to(blocks, buffer, fmt=fmt)
    write_bytes_atomic(target, buffer.getvalue())
    return target


def compact_jsonld(blocks: Iterable[GraphBlock]) -> str:
    """JSON-LD of the union of ``blocks``: one ``@graph`` of node objects, IRIs compacted by prefix."""
    buffer = io.BytesIO()
    write_graphs_to(blocks, buffer, fmt="json-ld")  # expanded, sorted, one object per subject
    expanded = json.loads(buffer.getvalue() or b"[]")
    nodes = [_compact_node(node) for node in (expanded if isinstance(expanded, list) else [expanded])]
    nodes.sort(key=lambda node: str(node.get("@id", "")))
    document = {"@context": JSONLD_CONTEXT, "@graph": nodes}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def export_tables(graph: Graph, folder: str | Path) -> list[Path]:
    """Write ``entities.csv``, ``relations.csv`` and ``statistics.csv`` into ``folder``."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: CSV export writes a folder of tables, and this is a file")
    from ..views.network import to_networkx  # networkx is slow to import and only needed here

    network = to_networkx(graph, view="entities")
    entities = [
        [
            node,
            data.get("label", ""),
            data.get("type") or "",
            _join(data.get("aliases", [])),
            _join(data.get("article_ids", [])),
        ]
        for node, data in sorted(network.nodes(data=True))
    ]
    relation_rows = []
    for source, target_node, data in network.edges(data=True):
        relation_rows.append(
            [
                source,
                network.nodes[source].get("label", ""),
                data.get("relation", ""),
                data.get("label", ""),
                target_node,
                network.nodes[target_node].get("label", ""),
                data.get("status", ""),
                data.get("since", ""),
                data.get("until", ""),
                _join(data.get("article_ids", [])),
                _join(data.get("dates", [])),
                _join(data.get("evidence", [])),
                _join(data.get("rules", [])),
            ]
        )
    relation_rows.sort()
    statistics = run_named(graph, named_query("statistics"), {})
    written = [
        _write_csv(target / "entities.csv", ["iri", "name", "type", "aliases", "article_ids"], entities),
        _write_csv(
            target / "relations.csv",
            [
                "source",
                "source_name",
                "relation",
                "label",
                "target",
                "target_name",
                "status",
                "since",
                "until",
                "article_ids",
                "dates",
                "evidence",
                "rules",
            ],
            relation_rows,
        ),
        _write_csv(
            target / "statistics.csv",
            list(statistics.variables),
            [["" if value is None else str(value) for value in row] for row in statistics.rows],
        ),
    ]
    return written


def _write_csv(path: Path, header: list[str], rows: Iterable[Sequence[object]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([str(cell) for cell in row] for row in rows)
    write_text_atomic(path, out.getvalue())
    return path


def _join(values: Iterable[object]) -> str:
    return _LIST_SEPARATOR.join(str(v) for v in values)


def _compact_node(node: dict[str, Any]) -> dict[str, Any]:
    """One expanded node object in compact form: prefixed IRIs, ``@type``, single values unwrapped."""
    out: dict[str, Any] = {}
    for key, values in node.items():
        if key == "@id":
            out["@id"] = compact_iri(values)
        elif key == _RDF_TYPE and all(set(v) == {"@id"} for v in values):
            out["@type"] = _unwrap(sorted(compact_iri(v["@id"]) for v in values))
        elif key.startswith("@"):
            out[key] = values
        else:
            out[compact_iri(key)] = _unwrap(sorted((_compact_value(v) for v in values), key=_value_key))
    return out


def _compact_value(value: dict[str, Any]) -> Any:
    if "@id" in value:
        return {"@id": compact_iri(value["@id"])}
    if set(value) == {"@value"} and isinstance(value["@value"], str):
        return value["@value"]
    compact = dict(value)
    if "@type" in compact:
        compact["@type"] = compact_iri(compact["@type"])
    return compact


def _unwrap(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _value_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


__all__ = [
    "EXPORT_FORMATS",
    "JSONLD_CONTEXT",
    "TABLES",
    "compact_jsonld",
    "export",
    "export_format",
    "export_tables",
    "file_blocks",
    "graph_blocks",
    "write_blocks",
]
