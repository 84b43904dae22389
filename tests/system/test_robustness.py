"""Odd and hostile text through the NLP pass and the graph builder: no crash, valid RDF, conforming.

Property-based (hypothesis): random Unicode mixed with the pieces news text is made of and the
pieces that break tokenisers (RTL and zero-width marks, Persian digits, emoji sequences, very long
tokens, unbalanced quotes and brackets). Every output graph must parse back, as Turtle and as TriG,
to the same triples, and conform to the shapes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal

from newskg.graph.build import build_dataset, union_graph
from newskg.nlp import extract
from newskg.rdf.parse import parse_file
from newskg.rdf.write import serialize
from newskg.records import Article
from newskg.validate.shacl import validate

FRAGMENTS = [
    "TEHRAN –",
    "TEHRAN (NNA) -",
    "said",
    "told reporters",
    "according to",
    "head of the",
    "acting head of",
    "former",
    "Deputy Minister of Industry",
    "Organization",
    "National Development Fund (NDF)",
    "Reza Karimi,",
    "Dr.",
    "Mr. Ali Ahmadi",
    "Tabriz, East Azarbaijan province",
    "$3 billion",
    "15 trillion rials",
    "40 percent",
    "in the first 11 months of the current Iranian year",
    "۱۴۰۰",
    "٢٣٫٥ درصد",
    "1399",
    "March 21, 2020",
    "(",
    ")",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "’s",
    "\u200f",
    "\u200e",
    "\u200d",
    "\u200c",
    "\u202e",
    "\ufeff",
    "\u2028",
    "👩\u200d👩\u200d👧\u200d👦",
    "🇮🇷",
    "e\u0301",
    "ﬁnance",
    "محسن صالحی‌نیا",
    "x" * 3000,
    "\n\n",
    "\t",
    ".",
    "...",
    ",",
    "—",
    "%",
]
TEXT_CHARS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(TEXT_CHARS, max_size=20))
texts = st.lists(pieces, min_size=1, max_size=40).flatmap(
    lambda parts: st.sampled_from([" ".join(parts), "".join(parts)])
)
# News-shaped text whose names, numbers and clauses carry the odd characters: this reaches the
# role, statement and statistic rules, which random text alone seldom does.
TEMPLATE = (
    "{city} - The acting head of {org} ({acr}) announced that {number} idle mines have been revived "
    "in the past Iranian calendar year. {person} said that {free}. {acr}’s Previous Head {other} has "
    "said that {free2}. {quote}{free3}{quote2}, {surname} stressed."
)
ODD = ["", "", "", "\u200d", "\u200c", "\u200f", "’", "'", "-", "\u0301", "۱", "😀", "“", ".", "x" * 200]
word = st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True)
odd_word = st.one_of(word, st.builds(lambda a, odd, b: a + odd + b.lower(), word, st.sampled_from(ODD), word))
person = st.builds(lambda first, last: f"{first} {last}", odd_word, odd_word)
clause = st.one_of(
    st.sampled_from(["exports rose", "the plan works", "liquidity remains the main problem", ""]),
    st.text(TEXT_CHARS, max_size=30),
)


@st.composite
def templated(draw: st.DrawFn) -> str:
    """A news paragraph with odd names and clauses; the acronym spells the organisation's initials."""
    words = draw(st.lists(odd_word, min_size=1, max_size=3))
    org = f"Iran {' '.join(words)} Organization"
    acronym = "".join(w[0] for w in org.split()).upper()
    return TEMPLATE.format(
        city=draw(st.one_of(st.sampled_from(["TABRIZ", "SHIRAZ", "TEHRAN"]), odd_word.map(str.upper))),
        org=org,
        acr=draw(st.one_of(st.just(acronym), st.from_regex(r"[A-Z]{2,5}", fullmatch=True))),
        number=draw(
            st.one_of(st.integers(0, 10**9).map("{:,}".format), st.sampled_from(["۱۲۳", "٤٥", "3.5"]))
        ),
        person=draw(person),
        other=draw(person),
        surname=draw(odd_word),
        free=draw(clause),
        free2=draw(clause),
        free3=draw(clause),
        quote=draw(st.sampled_from(['"', "“", "«", "", "'"])),
        quote2=draw(st.sampled_from(['"', "”", "»", "", "'"])),
    )


ADVERSARIAL = [
    "\u200fرئیس سازمان\u200f said “the plan is «working”.",
    "TEHRAN – Reza Karimi, head of the Organization, said: " + "y" * 10_000,
    "۱۴۰۰ ۲۳ billion rials (( [[ {{ ” ’ « \u202e Ali Ahmadi \u200d\u200c 👩\u200d👩\u200d👧",
    '"' * 50 + " Mr. " + "(" * 50,
    "Mr. Ali Ahmadi\u2028said\u0085the\u000bfigure\u001fwas 5 percent.",
]


def _check(nlp, *texts: str) -> None:
    # Article, not article_from_text: the NLP pass must survive empty texts too, which the API refuses.
    day = dt.date(2021, 3, 1)
    articles = [Article(id=f"robust-{i}", text=t, date=day) for i, t in enumerate(texts)]
    records = list(extract(articles, nlp=nlp))
    assert [r.article.id for r in records] == [a.id for a in articles]
    dataset = build_dataset(records)
    graph = union_graph(dataset)
    for term in (t for triple in graph for t in triple):
        if isinstance(term, Literal):
            assert str(term).encode("utf-8")  # a valid Unicode string, so a valid RDF literal
    with tempfile.TemporaryDirectory() as folder:
        for fmt, name in (("turtle", "g.ttl"), ("trig", "g.trig")):
            path = Path(folder, name)
            path.write_bytes(serialize(dataset, fmt))
            again = parse_file(path)
            back = Graph()
            for triple in again.triples((None, None, None)) if fmt == "turtle" else _quads(again):
                back.add(triple)
            assert set(back) == set(graph), f"{fmt} round trip changed the graph"
    report = validate(graph)
    assert report.conforms, str(report)


def _quads(dataset):
    for context in dataset.graphs():
        yield from context


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_adversarial_text_builds_a_valid_conforming_graph(nlp, text):
    _check(nlp, text)


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(texts=st.lists(st.one_of(texts, templated()), min_size=1, max_size=3))
@example(texts=["Ali Ahmadi, head of the \u200f«Organization\u200f», said “"])
def test_random_text_builds_a_valid_conforming_graph(nlp, texts):
    """Up to three articles at once, so that odd names also meet across articles."""
    _check(nlp, *texts)
