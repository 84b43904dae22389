"""``newskg timeline``: who held which post when, read from the graph."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from conftest import DEV_CORPUS, SEEDS
from newskg.errors import QueryError
from newskg.views.timeline import find_organization, format_timeline, natural_key, timeline
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
        "reports",
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


# --- many reports: one row per post, a few ids in natural order and +N more; CSV and JSON list them all

MANY = 24
"""Articles ``tea-1`` ... ``tea-24``: lexical order would put ``tea-10`` before ``tea-2``."""


def _many_articles() -> list[dict[str, str]]:
    day = dt.date(2019, 1, 1)
    made = []
    for number in range(1, MANY + 1):
        text = (
            "TEHRAN - Reza Karimi, the head of the National Tea Organization (NTO), said that "
            f"{100 + number} tea factories are active."
        )
        if number % 6 == 0:  # every sixth also names the deputy
            text += f" Sara Ahmadi, the deputy head of the NTO, said {number} new gardens were planted."
        date = (day + dt.timedelta(days=10 * number)).isoformat()
        made.append({"id": f"tea-{number}", "date": date, "text": text})
    return made


@pytest.fixture(scope="module")
def many_reports(tmp_path_factory) -> Path:
    """A graph in which one post is reported by every one of ``MANY`` articles, another by a quarter."""
    from newskg import build
    from newskg.rdf.write import write_dataset

    folder = tmp_path_factory.mktemp("many")
    corpus = folder / "tea.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in reversed(_many_articles())), encoding="utf-8")
    path = folder / "graph.trig"
    write_dataset(build([corpus], run_validation=False).dataset, path)
    return path


def test_natural_order_reads_numbers_as_numbers():
    ids = ["seed-10", "seed-2", "seed-000", "tt-9", "seed-1", "mehr-143126", "seed-02"]
    assert sorted(ids, key=natural_key) == [
        "mehr-143126",
        "seed-000",
        "seed-1",
        "seed-2",
        "seed-02",
        "seed-10",
        "tt-9",
    ]


def test_many_reports_make_one_row_per_post_with_dates_and_a_count(many_reports):
    from newskg.rdf.write import read_graph

    entries = timeline(read_graph(many_reports), "NTO")
    assert [(e.holder, e.role, e.reports) for e in entries] == [
        ("Reza Karimi", "head", MANY),
        ("Sara Ahmadi", "deputy head", MANY // 6),
    ]
    head, deputy = entries
    assert head.articles == tuple(f"tea-{n}" for n in range(1, MANY + 1))  # natural order, not tea-1, tea-10
    assert (head.start, head.latest) == (
        dt.date(2019, 1, 11),
        dt.date(2019, 1, 1) + dt.timedelta(days=10 * MANY),
    )
    assert deputy.articles == ("tea-6", "tea-12", "tea-18", "tea-24")


def test_the_table_shows_a_few_ids_and_how_many_more(cli, many_reports):
    result = cli("timeline", "NTO", "--graph", many_reports)
    assert result.exit_code == 0, result.output
    head_line, deputy_line = result.stdout.splitlines()[2:]
    assert re.search(rf"  {MANY} +tea-1, tea-2, tea-3 \+{MANY - 3} more$", head_line), head_line
    assert re.search(r"  4 +tea-6, tea-12, tea-18 \+1 more$", deputy_line), deputy_line
    assert max(len(line) for line in result.stdout.splitlines()) < 120, "no cell grows with the corpus"


def test_csv_lists_every_article_of_every_post(cli, many_reports):
    result = cli("timeline", "NTO", "--graph", many_reports, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["holder"], r["role"], r["reports"]) for r in rows] == [
        ("Reza Karimi", "head", str(MANY)),
        ("Sara Ahmadi", "deputy head", str(MANY // 6)),
    ]
    assert rows[0]["articles"].split(" | ") == [f"tea-{n}" for n in range(1, MANY + 1)]
    assert rows[0]["organisation"] == "National Tea Organization"
    assert (rows[0]["first_reported"], rows[0]["ended"]) == ("2019-01-11", "")


def test_json_lists_every_article_and_dates_as_iso_or_null(cli, many_reports):
    result = cli("timeline", "NTO", "--graph", many_reports, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["organisation"] == "National Tea Organization"
    assert document["iri"].endswith("/org/national-tea-organization")
    head = document["posts"][0]
    assert head["articles"] == [f"tea-{n}" for n in range(1, MANY + 1)]
    assert (head["reports"], head["first_reported"], head["ended"]) == (MANY, "2019-01-11", None)


def test_an_unknown_format_is_a_one_line_error(cli, many_reports):
    result = cli("timeline", "NTO", "--graph", many_reports, "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr == "newskg: error: unknown timeline format 'xml'; use one of table, csv, json\n"
