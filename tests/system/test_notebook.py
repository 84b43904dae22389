"""``notebooks/tour.ipynb`` runs headless in a real Jupyter kernel (nbclient) and shows what it promises."""

from __future__ import annotations

import base64
import html
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
    used = set(re.findall(r"newskg\.(\w+)", code))
    assert used <= set(newskg.__all__), used - set(newskg.__all__)
    assert "hasattr(" not in code, "the tour uses the API as it is, with no fallback"


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
    assert "Mohsen Salehinia" in outputs(cell_with(executed, "newskg.timeline("))
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


@pytest.mark.slow
def test_the_tour_shows_dataframes_and_the_interactive_view_inline(executed):
    """Issue 15: query results are pandas DataFrames, typed, and the graph view shows in the notebook."""
    dtypes = outputs(cell_with(executed, "figures.dtypes"))
    assert re.search(r"reported\s+datetime64", dtypes) and re.search(r"value\s+Float64", dtypes)
    (table,) = [
        o["data"]["text/html"]
        for o in cell_with(executed, 'figures[figures["unit"]').outputs
        if "text/html" in o.get("data", {})
    ]
    assert 'class="dataframe"' in table and "<table" in table and "percent" in table
    (view,) = [
        o["data"]["text/html"]
        for o in cell_with(executed, "newskg.html_view(").outputs
        if "text/html" in o.get("data", {})
    ]
    assert view.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in view
    assert "Mohsen Salehinia" in view and "&lt;script&gt;" in view  # the page, escaped into the attribute
    page = html.unescape(view.split('srcdoc="', 1)[1].split('"', 1)[0])
    assert page.startswith("<!DOCTYPE html>") and "<link" not in page, "self-contained"
    assert not re.search(r"\s(src|href)=", page), "nothing loaded from elsewhere"
