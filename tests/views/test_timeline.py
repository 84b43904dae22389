"""``newskg timeline``: who held which post when, read from the graph."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from conftest import DEV_CORPUS, SEEDS
from newskg.errors import QueryError
from newskg.views.timeline import find_organization, format_timeline, timeline
from newskg.vocab.namespace import ORG, TIME

ARTICLES = {
    "nto-1": (
        "2019-05-01",
        "TEHRAN - Reza Karimi, the head of the National Tea Organization (NTO), said on Wednesday "
        "that 300 tea factories are active. Karimi said exports will grow.",
    ),
    "nto-2": (
        "2020-02-01",
        "TEHRAN - Reza Karimi, the head of the National Tea Organization (NTO), said that tea farmers "
        "received 20 billion rials in loans.",
    ),
    "nto-3": (
        "2020-09-01",
        "TEHRAN - The acting head of the National Tea Organization (NTO) Sara Ahmadi said that 310 tea "
        "factories are now active. The former head of the NTO, Reza Karimi, had said that exports "
        "would grow.",
    ),
}
"""A head reported twice, then called former head in an article that names an acting head."""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    from newskg import build
    from newskg.rdf.write import write_dataset

    folder = tmp_path_factory.mktemp("nto")
    for article_id, (date, text) in ARTICLES.items():
        (folder / f"{article_id}.json").write_text(json.dumps({"id": article_id, "date": date, "text": text}))
    path = folder / "graph.trig"
    write_dataset(build([folder], run_validation=False).dataset, path)
    return path


@pytest.fixture(scope="module")
def graph(graph_file) -> Graph:
    from newskg.rdf.write import read_graph

    return read_graph(graph_file)


def rows(entries):
    return [(e.holder, e.role, e.start, e.latest, e.end, e.ended_by, e.articles) for e in entries]


def test_posts_in_time_from_the_graph(graph):
    assert rows(timeline(graph, "National Tea Organization")) == [
        (
            "Reza Karimi",
            "head",
            dt.date(2019, 5, 1),
            dt.date(2020, 2, 1),
            dt.date(2020, 9, 1),
            "nto-3",
            ("nto-1", "nto-2"),
        ),
        ("Reza Karimi", "former head", dt.date(2020, 9, 1), dt.date(2020, 9, 1), None, None, ("nto-3",)),
        ("Sara Ahmadi", "acting head", dt.date(2020, 9, 1), dt.date(2020, 9, 1), None, None, ("nto-3",)),
    ]


def test_the_organisation_is_found_by_label_alias_or_iri_in_any_case(graph):
    org = find_organization(graph, "National Tea Organization")
    assert find_organization(graph, "nto") == org
    assert find_organization(graph, "NATIONAL  tea organization") == org
    assert find_organization(graph, str(org)) == org


def test_an_unknown_organisation_is_a_one_line_error_listing_the_known_ones(graph):
    with pytest.raises(
        QueryError,
        match="'Tea Board': no organisation has that name or alias in the graph; organisations with posts: "
        "National Tea Organization",
    ):
        timeline(graph, "Tea Board")


def test_the_organisation_and_a_query_parameter_are_found_by_one_look_up(graph):
    """``find_organization`` and a named query's ORG= resolve names alike and raise the same error."""
    from newskg.query.run import query

    org = find_organization(graph, "nto")
    assert query(graph, "SELECT ?o WHERE { BIND(?org AS ?o) }", org=org).rows == ((org,),)
    with pytest.raises(QueryError, match="no entity has that name or alias"):
        query(graph, "heads-of", org="Tea Board")
    with pytest.raises(QueryError, match="no organisation has that IRI"):
        find_organization(graph, "https://w3id.org/newskg/id/person/nobody")


def test_a_graph_without_intervals_gives_the_same_timeline(graph):
    stripped = Graph()
    for s, p, o in graph:
        if p != ORG.memberDuring and (s, RDF.type, TIME.Interval) not in graph:
            stripped.add((s, p, o))
    assert (None, ORG.memberDuring, None) not in stripped
    assert rows(timeline(stripped, "NTO")) == rows(timeline(graph, "NTO"))


def test_the_table_is_aligned_and_sorted_by_start(graph):
    lines = format_timeline(timeline(graph, "NTO"), title="National Tea Organization").splitlines()
    assert lines[0] == "National Tea Organization"
    assert lines[1].split() == [
        "holder",
        "role",
        "first",
        "reported",
        "last",
        "reported",
        "ended",
        "reported",
        "in",
    ]
    assert lines[2].startswith("Reza Karimi  head ")
    assert "2020-09-01 (nto-3)" in lines[2]
    starts = {
        line.index("2019-05-01") if "2019-05-01" in line else line.index("2020-09-01") for line in lines[2:]
    }
    assert len(starts) == 1, "the date column is aligned"


def test_cli_prints_the_table_and_exits_2_on_an_unknown_organisation(cli, graph_file):
    ok = cli("timeline", "nto", "--graph", str(graph_file))
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.splitlines()[0] == "National Tea Organization"
    assert "Sara Ahmadi  acting head" in ok.stdout
    missing = cli("timeline", "Tea Board", "--graph", str(graph_file))
    assert missing.exit_code == 2
    # The last line: warning lines (echoed by the CLI) may come before it.
    assert missing.stderr.splitlines()[-1].startswith(
        "newskg: error: 'Tea Board': no organisation has that name"
    )


@pytest.mark.needs_dev_corpus
def test_isipo_heads_on_seeds_and_dev_corpus():
    from newskg import build

    entries = timeline(build([SEEDS, DEV_CORPUS], run_validation=False).graph, "ISIPO")
    (salehinia,) = [e for e in entries if e.holder == "Mohsen Salehinia" and e.role == "head"]
    assert salehinia.start is not None and salehinia.start.year == 2019
    assert salehinia.latest is not None and salehinia.latest.year == 2020
    acting = [e for e in entries if "Mosaheb" in e.holder and e.role == "acting head"]
    assert acting and acting[0].start is not None
    assert acting[0].start > salehinia.latest, "Mosaheb is acting head after Salehinia's last report as head"
