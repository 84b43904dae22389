"""The interactive HTML page, opened in a real headless Chromium driven over the DevTools protocol.

Chromium comes from Debian (``apt-get install chromium``; ``.ci/run`` installs it); without it the
browser tests skip and say so. The DevTools client is a few lines over ``--remote-debugging-pipe``
(file descriptors 3 and 4, NUL-separated JSON), so no driver or extra package is needed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from newskg.views.html import render_html, to_html
from newskg.views.network import to_networkx
from newskg.vocab.namespace import NKG, ORG

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))), None
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on PATH: apt-get install chromium (.ci/run installs it in CI)"
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


class DevTools:
    """A headless Chromium and its DevTools protocol over a pipe; records dialogs and answers them."""

    def __init__(self, profile: Path) -> None:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def as_fds_3_and_4() -> None:  # in the child: Chromium reads commands on 3, writes on 4
            read, write = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read, 3)
            os.dup2(write, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            close_fds=False,
            preexec_fn=as_fds_3_and_4,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.dialogs: list[str] = []
        self.session = ""

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, timeout: float = 30
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        return self._wait(lambda m: m.get("id") == self._next_id, timeout)

    def wait_event(self, method: str, *, timeout: float = 30) -> dict[str, Any]:
        found = next((e for e in self.events if e.get("method") == method), None)
        return found or self._wait(lambda m: m.get("method") == method, timeout)

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"][
            "sessionId"
        ]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        reply = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}
        )
        assert "exceptionDetails" not in reply["result"], reply
        return reply["result"]["result"].get("value")

    def close(self) -> None:
        with contextlib.suppress(OSError, AssertionError):
            self.send("Browser.close", timeout=10)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)

    def _wait(self, matches: Any, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message = json.loads(raw)
                if message.get("method") == "Page.javascriptDialogOpening":
                    self.dialogs.append(message["params"].get("message", ""))
                    os.write(
                        self._to_browser,
                        json.dumps(
                            {
                                "id": 10**9 + len(self.dialogs),
                                "method": "Page.handleJavaScriptDialog",
                                "params": {"accept": True},
                                "sessionId": message.get("sessionId"),
                            }
                        ).encode()
                        + b"\0",
                    )
                if matches(message):
                    return message
                self.events.append(message)
            left = deadline - time.monotonic()
            assert left > 0, "Chromium did not answer in time"
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                assert chunk, "Chromium closed the DevTools pipe"
                self._buffer += chunk


@pytest.fixture()
def browser(tmp_path):
    devtools = DevTools(tmp_path / "profile")
    yield devtools
    devtools.close()


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
    assert browser.dialogs == ["control"]


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
    assert browser.dialogs == []


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
    assert browser.dialogs == []
