"""``notebooks/tour.ipynb`` runs headless in a real Jupyter kernel (nbclient) and shows what it promises."""

from __future__ import annotations

import base64
import re

import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "tour.ipynb"


@pytest.fixture(scope="module")
def executed():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    return notebook


def outputs(cell) -> str:
    """Everything a cell showed as text: streams, plain text and HTML."""
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts.extend(data.get(kind, "") for kind in ("text/plain", "text/html"))
    return "\n".join(parts)


def cell_with(notebook, source: str):
    (cell,) = [c for c in notebook.cells if c.cell_type == "code" and source in c.source]
    return cell


def test_the_notebook_uses_only_the_public_api():
    import nbformat

    import newskg

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    assert not re.search(r"from newskg\.|import newskg\.", code)
    used = set(re.findall(r"newskg\.(\w+)", code)) - {"timeline"}  # timeline: used when the API has it
    assert used <= set(newskg.__all__), used - set(newskg.__all__)


@pytest.mark.slow
def test_the_tour_runs_and_shows_the_heads_the_queries_and_the_picture(executed):
    assert not any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))
    assert "articles: 2" in outputs(cell_with(executed, "result.summary()"))
    listing = outputs(cell_with(executed, "named_queries()"))
    assert "heads-of ORG=..." in listing and "statements-by PERSON=..." in listing
    (heads_cell,) = [
        c for c in executed.cells if c.source == 'newskg.query(result.dataset, "heads-of", org="ISIPO")'
    ]
    heads = outputs(heads_cell)
    assert "Mohsen Salehinia" in heads and "<table>" in heads
    assert "SPARQL Update is refused" in outputs(cell_with(executed, "DELETE WHERE"))
    assert "Mohsen Salehinia" in outputs(cell_with(executed, 'hasattr(newskg, "timeline")'))
    assert "--" in outputs(cell_with(executed, "network = newskg.to_networkx"))
    (picture,) = [
        o["data"]["image/png"]
        for o in cell_with(executed, "newskg.draw(").outputs
        if "image/png" in o.get("data", {})
    ]
    png = base64.b64decode(picture)
    assert png.startswith(b"\x89PNG")
    assert int.from_bytes(png[16:20], "big") >= 600
    files = outputs(cell_with(executed, "newskg.to_html("))
    assert files.count("True") == 5 and "False" not in files
