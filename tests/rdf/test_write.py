"""Writing graphs: the external merge behind Turtle output, and the N-Quads text streaming builds write."""

from __future__ import annotations

import io
import itertools
from decimal import Decimal

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal
from rdflib import namespace as rdflib_namespace  # XSD itself as a global warns when pytest probes it

from newskg.graph.terms import Lit, NQuadsWriter, decimal_lit, to_rdflib
from newskg.rdf import _union
from newskg.rdf import write as serialize

EX = "https://example.org/"


def _quad(s: int, o: str, graph: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"{EX}s{s}"), ox.NamedNode(f"{EX}p"), ox.Literal(o), ox.NamedNode(graph))


def test_turtle_keeps_every_triple_when_repeats_shrink_the_first_chunk(monkeypatch):
    """Every article repeats some triples (entity types): after removing repeats, the first chunk
    is smaller than a chunk, which once made the merge stop there and drop the rest."""
    monkeypatch.setattr(_union, "SORT_CHUNK", 10)
    blocks = [
        (ox.NamedNode(f"{EX}g{g}"), [_quad(0, "shared", f"{EX}g{g}"), _quad(g, f"own {g}", f"{EX}g{g}")])
        for g in range(40)
    ]
    handle = io.BytesIO()
    serialize.write_graphs_to(blocks, handle, fmt="nt")
    written = {str(t.triple) for t in ox.parse(handle.getvalue(), format=ox.RdfFormat.N_TRIPLES)}
    expected = {str(q.triple) for _, block in blocks for q in block}
    assert written == expected
    assert len(written) == 41


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@pytest.mark.parametrize("fmt", ["nt", "turtle"])
@pytest.mark.parametrize("chunk", [3, 1000])
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), TEXT), min_size=1, max_size=30))
def test_union_from_nquads_text_holds_each_triple_once_as_pyoxigraph_writes_it(fmt, chunk, rows):
    """Union formats written from the build's N-Quads text, without parsing it: every triple of every
    named graph once, sorted, the very bytes pyoxigraph writes for the de-duplicated triples (also with
    a small sort chunk, so runs spill to disk and repeats meet only in the merge)."""
    names = [ox.NamedNode(f"{EX}g{g}") for g in range(3)]
    triples = [(f"{EX}s{s}", f"{EX}p", Lit(text, None)) for s, _, text in rows]
    triples += [(f"{EX}s{s}", f"{EX}link", f"{EX}g{g}") for s, g, _ in rows]
    texts = [
        (name, NQuadsWriter().nquads(triples[g::2] + triples[:3], name.value)) for g, name in enumerate(names)
    ]
    lines = [line for name, text in texts for line in serialize.nquads_triple_lines(name, text)]
    written = io.BytesIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_union, "SORT_CHUNK", chunk)
        serialize.write_union_to(lines, written, fmt=fmt)
    quads = [quad for _, text in texts for quad in ox.parse(text, format=ox.RdfFormat.N_QUADS)]
    union = sorted({quad.triple for quad in quads}, key=str)
    prefixes = serialize.WRITTEN_PREFIXES
    assert written.getvalue() == ox.serialize(union, format=serialize.OX_FORMATS[fmt], prefixes=prefixes)
    parsed = list(ox.parse(written.getvalue(), format=serialize.OX_FORMATS[fmt]))
    assert [quad.triple for quad in parsed] == union  # each triple once, in order


LINE = st.binary(max_size=6).map(lambda raw: raw.replace(b"\n", b"") + b"\n")


@pytest.mark.parametrize("block", [1, 8, 1 << 20])
@given(st.lists(st.sets(LINE, max_size=25), max_size=5))
def test_merging_sorted_runs_gives_each_line_once_in_order(block, runs):
    """Runs merged a block at a time (as little as a line): lines shared by runs, runs that end
    early and empty runs lose nothing and repeat nothing."""
    files = [io.BytesIO(b"".join(sorted(run))) for run in runs]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_union, "MERGE_BLOCK", block)
        batches = list(_union.merge_runs(files))
    assert [line for batch in batches for line in batch] == sorted(set().union(*runs))


@pytest.mark.parametrize("fmt", ["nt", "turtle"])
@pytest.mark.parametrize("parts", [1, 2, 5])
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 2), TEXT), min_size=1, max_size=40), st.randoms())
def test_a_union_written_in_parts_put_end_to_end_is_the_union_written_whole(
    tmp_path_factory, fmt, parts, rows, rng
):
    """Runs of any triples (a subject's triples spread over several runs, repeats across runs), merged in
    parts cut between subjects and put end to end: the bytes pyoxigraph writes for the whole union."""
    folder = str(tmp_path_factory.mktemp("parts"))
    lines = [f"<{EX}s{s}> <{EX}p{p}> {ox.Literal(text)}\n".encode() for s, p, text in rows]
    runs = [[] for _ in range(3)]
    for line in lines:
        runs[rng.randrange(3)].append(line)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            _union, "SAMPLES_PER_RUN", 4
        )  # several remembered lines per run, so parts start mid-run
        made = [_union.write_run(run, folder) for run in runs]
    starts = [None, *_union.part_starts(made, parts), None]
    cuts = [
        (folder, fmt, [(run.path, run.offset_before(start)) for run in made], start, stop)
        for start, stop in itertools.pairwise(starts)
    ]
    written = io.BytesIO()
    _union.put_end_to_end([_union.write_part(cut) for cut in cuts], written, fmt=fmt)
    whole = b"".join(lines).replace(b"\n", b" .\n")
    union = sorted({quad.triple for quad in ox.parse(whole, format=ox.RdfFormat.N_TRIPLES)}, key=str)
    prefixes = serialize.WRITTEN_PREFIXES
    assert written.getvalue() == ox.serialize(union, format=serialize.OX_FORMATS[fmt], prefixes=prefixes)


def test_union_is_each_triple_of_the_named_graphs_once():
    """A triple repeated within and across named graphs is written once to Turtle and N-Triples."""
    shared = (ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"), ox.Literal("line\nbreak \u00e9"))
    blocks = []
    for g in (2, 0, 1):
        name = ox.NamedNode(f"{EX}g{g}")
        blocks.append((name, [ox.Quad(*shared, name), ox.Quad(*shared, name), _quad(g, "own", name.value)]))
    for fmt, rdf_format in (("nt", ox.RdfFormat.N_TRIPLES), ("turtle", ox.RdfFormat.TURTLE)):
        handle = io.BytesIO()
        serialize.write_graphs_to(blocks, handle, fmt=fmt)
        written = [quad.triple for quad in ox.parse(handle.getvalue(), format=rdf_format)]
        assert sorted(written, key=str) == written
        assert set(written) == {quad.triple for _, block in blocks for quad in block}
        assert len(written) == 4


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1), st.integers(0, 3), TEXT), max_size=30))
def test_nquads_text_is_what_pyoxigraph_writes(rows):
    """The streaming build copies this text into N-Quads outputs: it must match the writer byte for byte
    (escapes of quotes, backslashes, control characters, datatypes; order, also of a literal that
    begins another; no repeats)."""
    graph = f"{EX}graph"
    xsd = rdflib_namespace.XSD
    datatypes = (None, str(xsd.date), str(xsd.nonNegativeInteger), str(xsd.string))
    triples = [(f"{EX}s{s}", f"{EX}p{p}", Lit(text, datatypes[k])) for s, p, k, text in rows]
    triples += [(f"{EX}s{s}", f"{EX}link", f"{EX}o{k}") for s, _, k, _ in rows]
    quads = [
        ox.Quad(
            ox.NamedNode(s),
            ox.NamedNode(p),
            ox.NamedNode(o) if isinstance(o, str) else ox.Literal(o.lexical, datatype=_datatype(o)),
            ox.NamedNode(graph),
        )
        for s, p, o in triples
    ]
    expected = io.BytesIO()
    unique = list(dict.fromkeys(quads))
    serialize.write_graphs_to([(ox.NamedNode(graph), unique)], expected, fmt="nquads")
    assert NQuadsWriter().nquads(triples, graph) == expected.getvalue()


def _datatype(literal: Lit) -> ox.NamedNode | None:
    return ox.NamedNode(literal.datatype) if literal.datatype else None


def test_an_invalid_iri_is_refused_when_written_not_when_read():
    with pytest.raises(ValueError):
        NQuadsWriter().nquads([(f"{EX}a b", f"{EX}p", Lit("x"))], f"{EX}graph")


@given(st.floats(min_value=0, max_value=1e22, allow_nan=False))
def test_decimals_are_written_as_rdflib_writes_them(amount):
    """The in-memory dataset and a streaming build write the same lexical form."""
    ours = decimal_lit(amount)
    theirs = Literal(Decimal(repr(amount)).normalize(), datatype=rdflib_namespace.XSD.decimal)
    assert ours.lexical == str(theirs)
    assert str(to_rdflib(ours)) == str(theirs)
    assert "E" not in ours.lexical and "e" not in ours.lexical


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nq", ".nt"])
def test_files_read_with_pyoxigraph_give_what_rdflib_reads(tmp_path, seeds_result, suffix):
    """Graph files are read with pyoxigraph's parsers, several times faster than rdflib's: same graph."""
    from rdflib import BNode, Graph, URIRef
    from rdflib.compare import isomorphic

    from newskg.graph import build_dataset
    from newskg.rdf.parse import parse_into
    from newskg.rdf.write import read_graph, write_dataset

    dataset = build_dataset(list(seeds_result.records))  # a copy of its own: it is changed here
    extra = dataset.graph(URIRef("https://example.org/extra"))
    node = BNode()
    extra.add((node, URIRef("https://example.org/says"), Literal("salam", lang="fa")))
    weight = Literal("1.50", datatype=rdflib_namespace.XSD.decimal)
    extra.add((node, URIRef("https://example.org/weight"), weight))
    path = tmp_path / f"graph{suffix}"
    write_dataset(dataset, path)
    expected = Graph()
    parse_into(expected, path)
    assert isomorphic(read_graph(path), expected)
    assert len(expected) > 1000
