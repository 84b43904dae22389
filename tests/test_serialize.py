"""Writing graphs: the external merge behind Turtle output."""

from __future__ import annotations

import io

import pyoxigraph as ox

from newskg import serialize

EX = "https://example.org/"


def _quad(s: int, o: str, graph: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"{EX}s{s}"), ox.NamedNode(f"{EX}p"), ox.Literal(o), ox.NamedNode(graph))


def test_turtle_keeps_every_triple_when_repeats_shrink_the_first_chunk(monkeypatch):
    """Every article repeats some triples (entity types): after removing repeats, the first chunk
    is smaller than a chunk, which once made the merge stop there and drop the rest."""
    monkeypatch.setattr(serialize, "SORT_CHUNK", 10)
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
