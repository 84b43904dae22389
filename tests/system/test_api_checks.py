"""The Python API checks what it is given as the command line does, and raises newskg errors.

Regression tests: ``newskg.build_graph("seeds")`` built three one-letter articles (with an absolute
path it walked ``/``); ``build_graph(["/nonexistent/dir"])`` made the path the article text; ``None``,
bytes, ids with NUL, newline, ``None`` or 10,000 characters, and empty texts passed or raised a raw
``TypeError``/``AttributeError``.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset

import newskg
from newskg import Article, InputError, NewskgError
from newskg.ingest.sources import iter_articles

TEXT = "TEHRAN - Reza Karimi, the head of the National Development Fund, said exports rose 5 percent."

SOURCE_TAKERS: dict[str, Callable[[Any], object]] = {
    "build_graph": newskg.build_graph,
    "build": lambda sources: newskg.build(sources, run_validation=False),
    "extract": newskg.extract,
}
"""Everything in ``newskg.__all__`` that takes sources."""


@pytest.fixture()
def one_article(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "only.txt").write_text(TEXT, encoding="utf-8")
    return folder


def article_ids(result: object) -> list[str]:
    if isinstance(result, newskg.BuildResult):
        return [record.article.id for record in result.records]
    if isinstance(result, list):
        return [record.article.id for record in result]
    query = "SELECT ?id WHERE { ?a <https://schema.org/identifier> ?id }"
    return sorted(str(row[0]) for row in result.query(query))  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", SOURCE_TAKERS)
def test_a_lone_path_is_one_source_not_its_characters(name, one_article, monkeypatch):
    take = SOURCE_TAKERS[name]
    assert article_ids(take(str(one_article))) == ["only"], "an absolute path as a str"
    assert article_ids(take(one_article)) == ["only"], "a pathlib.Path"
    monkeypatch.chdir(one_article.parent)
    assert article_ids(take("corpus")) == ["only"], "a relative path as a str"


def test_read_articles_takes_a_lone_path_too(one_article):
    assert [a.id for a in newskg.read_articles(str(one_article))] == ["only"]
    assert [a.id for a in newskg.read_articles(one_article)] == ["only"]


@pytest.mark.parametrize("name", SOURCE_TAKERS)
@pytest.mark.parametrize("missing", ["/nonexistent/dir", "corpus/typo.jsonl", TEXT])
def test_a_path_that_does_not_exist_is_an_error_naming_it_not_article_text(name, missing):
    with pytest.raises(InputError) as failure:
        SOURCE_TAKERS[name]([missing])
    assert str(failure.value) == f"{missing}: no such file or directory"


def test_raw_text_goes_through_article_from_text():
    article = newskg.article_from_text(TEXT, id="mine", date="2020-06-09")
    assert article_ids(newskg.extract([article])) == ["mine"]


@pytest.mark.parametrize("name", SOURCE_TAKERS)
@pytest.mark.parametrize(
    ("sources", "message"),
    [
        (None, "sources: expected a list of paths or articles, not None"),
        (42, "sources: expected a list of paths or articles, not an int"),
        (b"seeds", "sources: expected a list of paths or articles, not a bytes"),
        ([None], "sources[0]: cannot read an article from None; give a path (str or pathlib.Path) or an"),
        ([b"seeds"], "sources[0]: cannot read an article from a bytes"),
        ([newskg.article_from_text(TEXT, id="fine"), 3.5], "sources[1]: cannot read an article from a float"),
        ([Path("."), 3.5], "sources[1]: cannot read an article from a float"),  # checked before reading
        ([""], "'': an empty path names no file"),
        (["se\x00eds"], "'se\\x00eds': a path cannot hold a NUL character"),
    ],
)
def test_sources_that_are_not_paths_or_articles_raise_input_error(name, sources, message):
    with pytest.raises(InputError) as failure:
        SOURCE_TAKERS[name](sources)
    assert str(failure.value).startswith(message)


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        (None, "paths: expected a list of paths, not None"),
        ([b"seeds"], "paths[0]: cannot read a bytes; give a path"),
        ([1], "paths[0]: cannot read an int; give a path"),
    ],
)
def test_read_articles_refuses_what_is_not_a_path(paths, message):
    with pytest.raises(InputError, match=f"^{message}".replace("[", r"\[").replace("]", r"\]")):
        list(newskg.read_articles(paths))


BAD_ARTICLES = [
    ({"id": "a\x00b"}, r"article 'a\x00b': 'id' must be 1 to 200 printable characters"),
    ({"id": "a\nb"}, r"article 'a\nb': 'id' must be 1 to 200 printable characters"),
    ({"id": "   "}, "article '   ': 'id' must be 1 to 200 printable characters"),
    ({"id": None}, "article None: 'id' must be a string, not None"),
    ({"id": 7}, "article 7: 'id' must be a string, not an int"),
    ({"id": "x" * 10_000}, "(10000 characters): 'id' must be 1 to 200 printable characters"),
    ({"text": ""}, "article 'ok': 'text' is empty"),
    ({"text": " \n "}, "article 'ok': 'text' is empty"),
    ({"text": None}, "article 'ok': 'text' must be a string, not None"),
    ({"text": b"bytes"}, "article 'ok': 'text' must be a string, not a bytes"),
    ({"text": "a\x00b"}, "article 'ok': text holds a NUL character at character 1"),
    ({"text": "a \ud800 b"}, "article 'ok': text holds an unpaired UTF-16 surrogate"),
    ({"title": 5}, "article 'ok': 'title' must be a string, not an int"),
    ({"url": "http://x/\x00"}, "article 'ok': 'url': text holds a NUL character"),
    ({"date": "yesterday"}, "article 'ok': date 'yesterday' is not an ISO date"),
    ({"date": 20200609}, "article 'ok': date 20200609 is not an ISO date"),
]


@pytest.mark.parametrize("name", SOURCE_TAKERS)
@pytest.mark.parametrize(("fields", "message"), BAD_ARTICLES)
def test_invalid_articles_raise_input_error_naming_the_article(name, fields, message):
    article = Article(**{"id": "ok", "text": TEXT, **fields})
    with pytest.raises(InputError) as failure:
        SOURCE_TAKERS[name]([article])
    assert message in str(failure.value)


@pytest.mark.parametrize(("fields", "message"), BAD_ARTICLES[:12])
def test_article_from_text_applies_the_same_checks(fields, message):
    arguments = {"id": "ok", "text": TEXT, **fields}
    with pytest.raises(InputError) as failure:
        newskg.article_from_text(arguments.pop("text"), **arguments)
    assert message in str(failure.value)


def test_an_article_s_date_given_as_text_is_read_as_a_date():
    article = Article(id="ok", text=TEXT, date="2020-06-09")  # type: ignore[arg-type]
    (record,) = newskg.extract([article])
    assert record.article.date.isoformat() == "2020-06-09"


def test_the_errors_are_newskg_errors_never_type_errors():
    for call in (
        lambda: newskg.build_graph(None),
        lambda: newskg.extract([Article(id="x", text=None)]),  # type: ignore[arg-type]
        lambda: newskg.build_dataset(None),  # type: ignore[arg-type]
        lambda: newskg.build_dataset(["not a record"]),  # type: ignore[list-item]
        lambda: newskg.update_dataset("not a dataset", []),  # type: ignore[arg-type]
    ):
        with pytest.raises(NewskgError):
            call()


def test_records_given_to_build_dataset_and_update_dataset_are_checked():
    (record,) = newskg.extract([newskg.article_from_text(TEXT, id="fine")])
    assert len(newskg.build_dataset([record])) > 0
    broken = dataclasses.replace(record, article=Article(id="a\nb", text=TEXT))
    with pytest.raises(InputError, match=r"article 'a\\nb': 'id' must be"):
        newskg.build_dataset([broken])
    with pytest.raises(InputError, match=r"records\[1\]: expected one of the ArticleRecords"):
        newskg.update_dataset(Dataset(), [record, object()])  # type: ignore[list-item]


def test_stdin_given_twice_is_refused_before_anything_is_read(monkeypatch):
    stream = io.BytesIO((json.dumps({"id": "a", "text": TEXT}) + "\n").encode())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stream))
    with pytest.raises(InputError, match=r"'-' \(JSON Lines on stdin\) is given twice"):
        list(iter_articles(["-", "-"]))
    assert stream.tell() == 0, "nothing was read from stdin"


def test_stdin_given_twice_in_a_stream_of_sources_is_refused_too(monkeypatch):
    stream = io.BytesIO((json.dumps({"id": "a", "text": TEXT}) + "\n").encode())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stream))
    with pytest.raises(InputError, match="is given twice"):
        list(iter_articles(iter(["-", "-"])))
