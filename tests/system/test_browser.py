"""The interactive HTML page, opened in a real headless Chromium driven by Selenium (WebDriver).

Chromium and its driver come from Debian (``apt-get install chromium chromium-driver``; ``.ci/run``
installs them); without them the browser tests skip and say so. Selenium is given both paths, so its
Selenium Manager never looks for (or downloads) a browser or a driver.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TypeVar

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from selenium import webdriver
from selenium.common.exceptions import UnexpectedAlertPresentException
from selenium.webdriver.chrome.service import Service

from newskg.views.html import render_html, to_html
from newskg.views.network import to_networkx
from newskg.vocab.namespace import NKG, ORG

CHROMIUM = next((path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None)
CHROMEDRIVER = shutil.which("chromedriver")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason=f"no {'Chromium' if CHROMIUM is None else 'chromedriver'} on PATH: "
    "apt-get install chromium chromium-driver (.ci/run installs them in CI)",
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
PAYLOADS = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '"><svg onload=alert(3)>',
    "</script><script>alert(4)</script>",
    "Tom & Jerry's \u2028 <b>agency</b>",
)
ID = "https://w3id.org/newskg/id/"
MAX_DIALOGS = 20
"""A page that opens more dialogs than this keeps opening them: the harness gives up."""
T = TypeVar("T")


class Browser:
    """A headless Chromium under chromedriver that records every JavaScript dialog and accepts it.

    With ``unhandledPromptBehavior`` "accept and notify", a dialog blocks the page until the next
    WebDriver command, which accepts it and fails with its text *instead of running*; the harness
    records the text and sends the command again. A dialog opened while a script runs is reported to
    the next command (that script's value is lost); ``dialogs()`` sends one, so it misses no dialog
    open when it is asked.
    """

    def __init__(self, profile: Path) -> None:
        assert CHROMIUM is not None and CHROMEDRIVER is not None
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("unhandledPromptBehavior", "accept and notify")
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self._dialogs: list[str] = []

    def open(self, url: str) -> None:
        """Load ``url`` and wait for its load event."""
        self._send(lambda: self.driver.get(url))

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (a promise is awaited); an exception fails."""
        return self._send(lambda: self.driver.execute_script(f"return ({expression});"))

    def dialogs(self) -> list[str]:
        """The text of every dialog the page has opened so far, in order."""
        self._send(lambda: self.driver.execute_script("return 0;"))
        return list(self._dialogs)

    def close(self) -> None:
        self.driver.quit()

    def _send(self, command: Callable[[], T]) -> T:
        while True:
            try:
                return command()
            except UnexpectedAlertPresentException as dialog:
                self._dialogs.append(dialog.alert_text or "")
                assert len(self._dialogs) <= MAX_DIALOGS, f"the page keeps opening dialogs: {self._dialogs}"


@pytest.fixture()
def browser(tmp_path) -> Iterator[Browser]:
    running = Browser(tmp_path / "profile")
    yield running
    running.close()


@pytest.fixture(scope="module")
def hostile_graph() -> Graph:
    """People, an organisation and a post whose names are attacks on an HTML page."""
    graph = Graph()
    org = URIRef(ID + "org/evil")
    graph.add((org, RDF.type, NKG.Organization))
    graph.add((org, SKOS.prefLabel, Literal(PAYLOADS[-1])))
    for index, payload in enumerate(PAYLOADS[:-1]):
        person = URIRef(f"{ID}person/evil-{index}")
        graph.add((person, RDF.type, NKG.Person))
        graph.add((person, SKOS.prefLabel, Literal(payload)))
        membership = URIRef(f"{ID}membership/evil-{index}")
        graph.add((membership, RDF.type, NKG.Membership))
        graph.add((membership, ORG.member, person))
        graph.add((membership, ORG.organization, org))
        graph.add((membership, NKG.roleName, Literal(f"head {payload}")))
    return graph


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


# --- the page as text ---------------------------------------------------------------------------------


def test_the_page_is_self_contained_deterministic_and_locked_down(seeds_graph):
    page = render_html(seeds_graph, title="Seeds")
    assert page == render_html(seeds_graph, title="Seeds")
    parser = _Tags()
    parser.feed(page)
    tags = [tag for tag, _ in parser.tags]
    assert tags.count("script") == 2 and "link" not in tags and "iframe" not in tags
    assert all("src" not in attrs and "href" not in attrs for _, attrs in parser.tags)
    (csp,) = [
        a["content"]
        for t, a in parser.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert "default-src 'none'" in csp and re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    network = to_networkx(seeds_graph)
    assert sum(1 for _, attrs in parser.tags if "node" in (attrs.get("class") or "").split()) == len(network)


def test_every_label_is_escaped_in_the_markup(hostile_graph):
    page = render_html(hostile_graph)
    parser = _Tags()
    parser.feed(page)
    assert [t for t, _ in parser.tags].count("script") == 2
    assert not any(t in ("img", "b") for t, _ in parser.tags)
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    data = page.split('id="newskg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    assert {n["label"] for n in json.loads(data)["nodes"]} == set(PAYLOADS)


# --- the page in Chromium ---------------------------------------------------------------------------------


@pytest.mark.slow
@needs_chromium
def test_the_harness_sees_an_alert_when_a_page_does_raise_one(browser, tmp_path):
    page = tmp_path / "alert.html"
    page.write_text("<!DOCTYPE html><title>x</title><script>alert('control')</script>", encoding="utf-8")
    browser.open(page.as_uri())
    browser.evaluate("1")
    assert browser.dialogs() == ["control"]


@pytest.mark.slow
@needs_chromium
def test_the_harness_sees_alerts_from_event_handlers_and_timers(browser, tmp_path):
    """The attacks on the page would run from an onerror handler or later, not while it loads."""
    page = tmp_path / "late.html"
    page.write_text(
        "<!DOCTYPE html><title>x</title><img src=missing.png onerror=\"alert('handler')\">"
        "<script>setTimeout(() => alert('timer'), 100)</script>",
        encoding="utf-8",
    )
    browser.open(page.as_uri())
    browser.evaluate("new Promise(resolve => setTimeout(resolve, 300))")
    assert sorted(browser.dialogs()) == ["handler", "timer"]


@pytest.mark.slow
@needs_chromium
def test_the_seeds_page_shows_every_node_and_its_provenance(browser, tmp_path, seeds_graph):
    network = to_networkx(seeds_graph)
    page = to_html(seeds_graph, tmp_path / "seeds.html", title="Seeds")
    browser.open(page.as_uri())
    assert browser.evaluate("document.body.dataset.ready") == "true", "the page's script ran under its CSP"
    titles = browser.evaluate("Array.from(document.querySelectorAll('g.node > title'), t => t.textContent)")
    assert len(titles) == len(network)
    assert {"Mohsen Salehinia (Person)", "Asghar Mosaheb (Person)"} <= set(titles)
    status = browser.evaluate("document.getElementById('status').textContent")
    assert status.startswith(f"{len(network)} nodes, {network.number_of_edges()} edges")
    shown = browser.evaluate("""(() => {
        const labels = Array.from(document.querySelectorAll('g.node > title'), t => t.textContent);
        const node = document.querySelectorAll('g.node')[labels.indexOf('Mohsen Salehinia (Person)')];
        node.dispatchEvent(new MouseEvent('click', {bubbles: true}));
        return document.querySelector('#details h2').textContent;
    })()""")
    assert shown == "Mohsen Salehinia"
    evidence = browser.evaluate("""(() => {
        const post = document.querySelector('g.edge.r-post');
        post.dispatchEvent(new MouseEvent('click', {bubbles: true}));
        return Array.from(document.querySelectorAll('#details blockquote'), b => b.textContent);
    })()""")
    assert evidence and all(len(sentence) > 20 for sentence in evidence)
    matched = browser.evaluate("""(() => {
        const search = document.getElementById('search');
        search.value = 'salehinia';
        search.dispatchEvent(new Event('input'));
        return Array.from(document.querySelectorAll('g.node.match > title'), t => t.textContent);
    })()""")
    assert matched == ["Mohsen Salehinia (Person)"]
    assert browser.dialogs() == []


@pytest.mark.slow
@needs_chromium
def test_hostile_labels_render_as_text_and_nothing_runs(browser, tmp_path, hostile_graph):
    page = to_html(hostile_graph, tmp_path / "hostile.html", title="<script>alert('title')</script>")
    browser.open(page.as_uri())
    assert browser.evaluate("document.body.dataset.ready") == "true"
    assert browser.evaluate("document.title") == "<script>alert('title')</script>"
    assert browser.evaluate("document.scripts.length") == 2
    assert browser.evaluate("document.querySelectorAll('img, b, [onerror], [onload]').length") == 0
    titles = browser.evaluate("Array.from(document.querySelectorAll('g.node > title'), t => t.textContent)")
    assert {f"{p} (Person)" for p in PAYLOADS[:-1]} | {f"{PAYLOADS[-1]} (Organization)"} == set(titles)
    headings = browser.evaluate("""Array.from(document.querySelectorAll('g.node'), n => {
        n.dispatchEvent(new MouseEvent('click', {bubbles: true}));
        return document.querySelector('#details h2').textContent;
    })""")
    assert set(headings) == set(PAYLOADS)
    roles = browser.evaluate("Array.from(document.querySelectorAll('text.edge-label'), t => t.textContent)")
    assert sorted(roles) == sorted(f"head {p}" for p in PAYLOADS[:-1])
    browser.evaluate("new Promise(resolve => setTimeout(resolve, 300))")
    assert browser.dialogs() == []
