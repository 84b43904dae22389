"""Exports: every RDF format round-trips to an isomorphic graph, named graphs survive TriG and
N-Quads, JSON-LD is compact, CSV tables read in a spreadsheet, and ``newskg export`` drives it all."""

from __future__ import annotations

import csv
import json

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import RDF

from newskg.errors import InputError
from newskg.export.writers import JSONLD_CONTEXT, TABLES, export
from newskg.rdf.write import read_graph, read_graph_blocks
from newskg.vocab.namespace import NKG

RDF_SUFFIXES = (".ttl", ".nt", ".trig", ".nq", ".jsonld")


def read_table(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("suffix", RDF_SUFFIXES)
def test_export_then_import_gives_an_isomorphic_graph(tmp_path, seeds_result, suffix):
    (written,) = export(seeds_result.dataset, tmp_path / f"graph{suffix}")
    back = read_graph(written)
    assert len(back) == len(seeds_result.graph)
    assert isomorphic(back, seeds_result.graph), to_isomorphic(back) ^ to_isomorphic(seeds_result.graph)


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_quad_formats_keep_each_named_graph(tmp_path, seeds_result, suffix):
    (written,) = export(seeds_result.dataset, tmp_path / f"graph{suffix}")
    blocks = read_graph_blocks(written)
    expected = {str(g.identifier): g for g in seeds_result.dataset.graphs() if len(g)}
    assert {name.value for name in blocks} == set(expected)
    for name, quads in blocks.items():
        assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(expected[name.value])


def test_the_same_graph_gives_the_same_bytes_whatever_the_insertion_order(tmp_path, seeds_graph):
    reversed_graph = Graph()
    for triple in sorted(seeds_graph, reverse=True):
        reversed_graph.add(triple)
    for suffix in RDF_SUFFIXES:
        (a,) = export(seeds_graph, tmp_path / f"a{suffix}")
        (b,) = export(reversed_graph, tmp_path / f"b{suffix}")
        assert a.read_bytes() == b.read_bytes(), suffix


def test_json_ld_is_compact_with_the_newskg_context(tmp_path, seeds_graph):
    (written,) = export(seeds_graph, tmp_path / "graph.jsonld")
    document = json.loads(written.read_text(encoding="utf-8"))
    assert document["@context"] == JSONLD_CONTEXT
    assert {"nkg", "id", "org", "skos", "schema", "prov", "oa"} <= set(document["@context"])
    people = [
        n
        for n in document["@graph"]
        if "nkg:Person" in (n.get("@type") if isinstance(n.get("@type"), list) else [n.get("@type")])
    ]
    assert {p["skos:prefLabel"] for p in people} >= {"Mohsen Salehinia", "Asghar Mosaheb"}
    assert all(p["@id"].startswith("id:person/") for p in people)
    text = written.read_text(encoding="utf-8")
    assert '"https://w3id.org/newskg/ontology#' not in text.replace(f'"{JSONLD_CONTEXT["nkg"]}"', "")


def test_csv_tables_for_spreadsheets(tmp_path, seeds_graph):
    written = export(seeds_graph, tmp_path / "tables", fmt="csv")
    assert [p.name for p in written] == list(TABLES)
    entities = read_table(tmp_path / "tables" / "entities.csv")
    people = {row["name"]: row for row in entities if row["type"] == "Person"}
    assert {"Mohsen Salehinia", "Asghar Mosaheb"} <= set(people)
    assert "seed-000" in people["Mohsen Salehinia"]["article_ids"].split(" | ")
    relations = read_table(tmp_path / "tables" / "relations.csv")
    posts = [r for r in relations if r["relation"] == "post" and r["source_name"] == "Mohsen Salehinia"]
    assert any(r["label"].endswith("head") and r["evidence"] and r["article_ids"] for r in posts)
    agencies = {row["iri"] for row in entities if row["type"] == "NewsAgency"}
    assert agencies == {r["source"] for r in relations if r["relation"] == "reported"}
    statistics = read_table(tmp_path / "tables" / "statistics.csv")
    assert len({r["observation"] for r in statistics}) == len(
        set(seeds_graph.subjects(RDF.type, NKG.Observation))
    )


def test_an_unknown_format_or_a_single_csv_file_is_refused(tmp_path, seeds_graph):
    with pytest.raises(InputError, match="give a folder"):
        export(seeds_graph, tmp_path / "graph.csv")
    with pytest.raises(InputError, match="unknown export format"):
        export(seeds_graph, tmp_path / "graph.out", fmt="yaml")


def test_cli_converts_trig_to_n_quads_keeping_named_graphs(cli, tmp_path, seeds_result):
    (trig,) = export(seeds_result.dataset, tmp_path / "in.trig")
    result = cli("export", str(trig), "-o", str(tmp_path / "out.nq"))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"wrote {tmp_path / 'out.nq'} (nquads)"
    assert set(read_graph_blocks(tmp_path / "out.nq")) == set(read_graph_blocks(trig))


def test_cli_writes_tables_into_a_folder_and_refuses_bad_names(cli, tmp_path, seeds_graph):
    source = tmp_path / "seeds.ttl"
    seeds_graph.serialize(source, format="turtle")
    tables = cli("export", str(source), "-o", f"{tmp_path / 'tables'}/")
    assert tables.exit_code == 0, tables.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == sorted(TABLES)
    single = cli("export", str(source), "-o", str(tmp_path / "all.csv"))
    assert single.exit_code == 2 and "give a folder" in single.stderr
    missing = cli("export", str(tmp_path / "nothing.ttl"), "-o", str(tmp_path / "x.nt"))
    assert missing.exit_code == 2 and "nothing.ttl" in missing.stderr


def _figures_by_observation(result) -> dict[str, object]:
    """Each statistic record of a build, by the IRI of the observation the graph holds for it."""
    from newskg.iris import fact_iri

    return {
        fact_iri("observation", record.article.id, index, stat.evidence.start, stat.value_text): stat
        for record in result.records
        for index, stat in enumerate(record.statistics)
    }


def _check_statistics_table(result, folder) -> None:
    export(result.dataset, folder, fmt="csv")
    table = read_table(folder / "statistics.csv")
    assert {"value", "unit", "measures", "aboutName", "period", "sentence"} <= set(table[0])
    rows = {row["observation"]: row for row in table}
    figures = _figures_by_observation(result)
    assert set(rows) == set(figures)
    for iri, stat in figures.items():  # filled exactly where the records have a unit and a meaning
        assert (rows[iri]["unit"], rows[iri]["measures"]) == (stat.unit, stat.what), iri
    assert any(s.unit for s in figures.values()) and any(s.what for s in figures.values())


def test_statistics_csv_shows_the_unit_and_what_is_counted(tmp_path, seeds_result):
    _check_statistics_table(seeds_result, tmp_path / "tables")


@pytest.mark.slow
@pytest.mark.needs_dev_corpus
def test_statistics_csv_shows_the_unit_and_what_is_counted_on_the_dev_corpus(tmp_path):
    from conftest import DEV_CORPUS
    from newskg import build

    _check_statistics_table(build([DEV_CORPUS], run_validation=False), tmp_path / "tables")
