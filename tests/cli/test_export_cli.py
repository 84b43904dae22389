"""``newskg export`` to TriG or N-Quads says so when the result has no named graphs: a Turtle file (or an
endpoint) holds only the union of the article graphs, which a user asking for TriG may not expect."""

from __future__ import annotations

import pytest

from newskg.export.writers import export
from newskg.rdf.write import read_graph_blocks

NOTE = "newskg: note: {out} has no named graphs, as {given} holds only the union of the article graphs"


@pytest.fixture(scope="module")
def seeds_files(tmp_path_factory, seeds_result):
    folder = tmp_path_factory.mktemp("graphs")
    (turtle,) = export(seeds_result.dataset, folder / "seeds.ttl")
    (trig,) = export(seeds_result.dataset, folder / "seeds.trig")
    return turtle, trig


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_turtle_to_a_quad_format_notes_that_no_named_graph_comes_out(cli, tmp_path, seeds_files, suffix):
    turtle, _ = seeds_files
    out = tmp_path / f"graph{suffix}"
    result = cli("export", turtle, "-o", out)
    assert result.exit_code == 0, result.output
    assert [str(name) for name in read_graph_blocks(out)] == ["DEFAULT"]
    (line,) = result.stderr.splitlines()
    assert line.startswith(NOTE.format(out=out, given=turtle))
    assert "export from a .trig or .nq file or a --store" in line


def test_trig_to_n_quads_keeps_its_graphs_and_says_nothing(cli, tmp_path, seeds_files):
    _, trig = seeds_files
    result = cli("export", trig, "-o", tmp_path / "graph.nq")
    assert result.exit_code == 0, result.output
    assert len(read_graph_blocks(tmp_path / "graph.nq")) > 1
    assert result.stderr == ""


def test_turtle_to_a_triple_format_says_nothing(cli, tmp_path, seeds_files):
    turtle, _ = seeds_files
    result = cli("export", turtle, "-o", tmp_path / "graph.nt")
    assert result.exit_code == 0 and result.stderr == ""


def test_a_store_exported_to_trig_keeps_its_graphs_and_says_nothing(cli, tmp_path, store_path):
    result = cli("export", "--store", store_path, "-o", tmp_path / "graph.trig")
    assert result.exit_code == 0, result.output
    assert len(read_graph_blocks(tmp_path / "graph.trig")) > 1
    assert result.stderr == ""
