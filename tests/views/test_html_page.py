"""The interactive page (``newskg.views.html``): its title, its legend, where its arrows end, and the
inline view a notebook shows (``html_view``), self-contained and escaped.

Two tests open pages in a real headless Chromium with ``--dump-dom`` (no driver): one measures the
rendered labels and arrows, one checks that hostile labels in the inline view run nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from newskg.views.html import HtmlView, html_view, render_html, to_html
from newskg.vocab.namespace import NKG, ORG, SCHEMA

ID = "https://w3id.org/newskg/id/"
CHROMIUM = next((p for name in ("chromium", "chromium-browser") if (p := shutil.which(name))), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on PATH: apt-get install chromium")


def page_title(page: str) -> str:
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1)  # type: ignore[union-attr]


class Tags(HTMLParser):
    """Every start tag of a document, with its attributes (values unescaped, as a browser reads them)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def dump_dom(tmp_path, html: str) -> str:
    """The DOM of ``html`` after Chromium has loaded it and run its scripts."""
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1400,900",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def hostile_graph() -> Graph:
    """A person and an organisation whose names, and an article headline, try to run scripts."""
    graph = Graph()
    person, org, article = URIRef(f"{ID}person/x"), URIRef(f"{ID}org/y"), URIRef(f"{ID}article/z")
    graph.add((person, RDF.type, NKG.Person))
    graph.add((person, SKOS.prefLabel, Literal("<script>document.body.dataset.pwned='script'</script>")))
    graph.add((org, RDF.type, NKG.Organization))
    graph.add((org, SKOS.prefLabel, Literal("<img src=x onerror=\"document.body.dataset.pwned='img'\">")))
    membership = URIRef(f"{ID}membership/z/1")
    graph.add((membership, RDF.type, NKG.Membership))
    graph.add((membership, ORG.member, person))
    graph.add((membership, ORG.organization, org))
    graph.add((membership, NKG.roleName, Literal('head "><svg onload="document.body.dataset.pwned=1">')))
    graph.add((membership, NKG.reportedIn, article))
    graph.add((article, RDF.type, NKG.Article))
    graph.add((article, NKG.mentions, person))
    graph.add((article, SCHEMA.headline, Literal("</title><script>document.body.dataset.pwned='t'</script>")))
    return graph


# --- title and legend --------------------------------------------------------------------------------------


def test_the_title_says_what_the_graph_is_about(seeds_graph):
    title = page_title(render_html(seeds_graph))
    assert "Mohsen Salehinia" in title and "2 articles" in title


def test_a_one_article_graph_is_titled_by_its_headline(seeds_result):
    (article,) = [
        g for g in seeds_result.dataset.graphs() if (None, SCHEMA.headline, None) in g and len(g) > 50
    ]
    (headline,) = article.objects(None, SCHEMA.headline)
    assert page_title(render_html(article)) == str(headline)


def test_show_titles_the_page_by_the_graph_not_the_file(cli, tmp_path, seeds_graph):
    source = tmp_path / "seeds.ttl"
    seeds_graph.serialize(source, format="turtle")
    assert cli("show", str(source), "-o", str(tmp_path / "g.html")).exit_code == 0
    title = page_title((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert "seeds.ttl" not in title and "Mohsen Salehinia" in title
    assert cli("show", str(source), "-o", str(tmp_path / "t.html"), "--title", "Mine").exit_code == 0
    assert page_title((tmp_path / "t.html").read_text(encoding="utf-8")) == "Mine"


def test_the_legend_explains_colours_lines_and_node_size(seeds_graph):
    page = render_html(seeds_graph)
    legend = page.split('<div class="legend">', 1)[1].split("</div>", 1)[0]
    assert '<span class="t-Person">Person</span>' in legend
    assert "post (role)" in legend and "reported (news agency)" in legend
    assert "circle size: number of relations" in legend


def test_parallel_posts_are_one_arrow_with_one_label(seeds_graph):
    tags = Tags(render_html(seeds_graph)).tags
    arrows = [a for t, a in tags if t == "g" and "edge" in (a.get("class") or "").split()]
    merged = [a for a in arrows if len((a.get("data-members") or "").split()) > 1]
    assert merged and len(arrows) < sum(len((a["data-members"] or "").split()) for a in arrows)


# --- the triples view is capped ----------------------------------------------------------------------------


def test_show_refuses_a_triples_hairball_with_advice_and_draws_a_small_one(cli, tmp_path, seeds_graph):
    source = tmp_path / "seeds.ttl"
    seeds_graph.serialize(source, format="turtle")
    refused = cli("show", str(source), "--view", "triples", "-o", str(tmp_path / "t.png"))
    assert refused.exit_code == 2 and not (tmp_path / "t.png").exists()
    assert str(source) in refused.stderr and "triples view has" in refused.stderr
    assert "entities view" in refused.stderr and "CONSTRUCT" in refused.stderr
    assert "Traceback" not in refused.output
    small = tmp_path / "people.ttl"
    part = cli(
        "query",
        str(source),
        "CONSTRUCT { ?p a nkg:Person ; skos:prefLabel ?n } WHERE { ?p a nkg:Person ; skos:prefLabel ?n }",
    )
    small.write_text(part.stdout, encoding="utf-8")
    drawn = cli("show", str(small), "--view", "triples", "-o", str(tmp_path / "small.html"))
    assert drawn.exit_code == 0, drawn.output
    assert "Mohsen Salehinia" in (tmp_path / "small.html").read_text(encoding="utf-8")


# --- the inline view for notebooks -------------------------------------------------------------------------


def test_the_inline_view_is_one_sandboxed_iframe_holding_the_whole_page(seeds_graph, tmp_path):
    inline = html_view(seeds_graph, title="Seeds")
    assert isinstance(inline, HtmlView) and inline.html == render_html(seeds_graph, title="Seeds")
    shown = inline._repr_html_()
    tags = Tags(shown).tags
    assert [tag for tag, _ in tags] == ["iframe"]
    (attributes,) = [a for _, a in tags]
    assert attributes["srcdoc"] == inline.html  # the page itself, once unescaped by the browser
    assert attributes["sandbox"] == "allow-scripts" and "width: 100%" in (attributes["style"] or "")
    assert "src" not in attributes and "http" not in shown.split('srcdoc="', 1)[0]
    assert inline.save(tmp_path / "page.html").read_text(encoding="utf-8") == inline.html
    assert (
        to_html(seeds_graph, tmp_path / "again.html", title="Seeds").read_text(encoding="utf-8")
        == inline.html
    )


def test_the_inline_view_escapes_hostile_labels(hostile_graph):
    shown = html_view(hostile_graph)._repr_html_()
    tags = Tags(shown).tags
    assert [tag for tag, _ in tags] == ["iframe"], "no label leaves the srcdoc attribute"
    page_tags = [tag for tag, _ in Tags(tags[0][1]["srcdoc"] or "").tags]
    assert page_tags.count("script") == 2 and "img" not in page_tags and "svg" in page_tags
    assert not any(name.startswith("on") for _, a in Tags(tags[0][1]["srcdoc"] or "").tags for name in a)


@pytest.mark.slow
@needs_chromium
def test_hostile_labels_in_the_inline_view_run_nothing_in_a_browser(tmp_path, hostile_graph):
    notebook_like = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>cell</title></head><body>"
        f"<div class='output'>{html_view(hostile_graph)._repr_html_()}</div></body></html>"
    )
    dom = dump_dom(tmp_path, notebook_like)
    assert "<iframe" in dom and "data-pwned" not in dom.split("<iframe", 1)[0]
    assert not re.search(r"<body[^>]*data-pwned", dom)


MEASURE = """
<script>
window.addEventListener("load", () => {
  const inside = (p, b) =>
    p.x > b.x + 0.5 && p.x < b.x + b.width - 0.5 && p.y > b.y + 0.5 && p.y < b.y + b.height - 0.5;
  const shapes = Array.from(document.querySelectorAll("g.node"), (g) => {
    const m = g.transform.baseVal.consolidate().matrix;
    return [g.querySelector("text").getBBox(), g.querySelector("circle").getBBox()].map(
      (b) => ({x: b.x + m.e, y: b.y + m.f, width: b.width, height: b.height}));
  });
  const hits = [];
  for (const g of document.querySelectorAll("g.edge")) {
    const path = g.querySelector("path:not(.hit)");
    const ends = [path.getPointAtLength(0), path.getPointAtLength(path.getTotalLength())];
    shapes.forEach((boxes, i) => ends.forEach((p) => {
      if (boxes.some((b) => inside(p, b))) hits.push(`${g.dataset.members} ends in node ${i}`);
    }));
  }
  const edges = document.querySelectorAll("g.edge").length;
  document.body.setAttribute("data-measured", JSON.stringify({edges, hits}));
});
</script>
"""


@pytest.mark.slow
@needs_chromium
def test_no_arrow_starts_or_ends_under_a_node_label_in_a_browser(tmp_path, seeds_graph):
    """Regression (issue 15): arrows ran through long node labels to the circle under them."""
    page = render_html(seeds_graph)
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)  # let the probe run
    dom = dump_dom(tmp_path, page.replace("</body>", MEASURE + "</body>"))
    measured = json.loads(
        re.search(r'data-measured="([^"]*)"', dom).group(1).replace("&quot;", '"')  # type: ignore[union-attr]
    )
    assert measured["edges"] > 0 and measured["hits"] == []
