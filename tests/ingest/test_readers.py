"""Reading articles: formats, stable ids, streaming, and one clear error per bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import warnings
from pathlib import Path

import pytest

from conftest import SEEDS
from newskg.errors import InputError, InputWarning
from newskg.ingest.readers import (
    DEFAULT_MAX_ARTICLE_BYTES,
    MAX_BYTES_ENV,
    article_from_text,
    max_article_bytes,
    parse_date,
    read_articles,
    read_jsonl_stream,
)

TEXT = "TEHRAN - Mohsen Salehinia, head of the organization, said exports rose."


def _jsonl(path: Path, *lines: object) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", "utf-8")
    return path


def _collect(paths: list[Path], **options: object) -> tuple[list, list[InputError]]:
    errors: list[InputError] = []
    articles = list(read_articles(paths, on_error=errors.append, **options))
    return articles, errors


# Formats and ids


def test_seeds_are_read_with_their_metadata():
    articles = list(read_articles([SEEDS]))
    assert [a.id for a in articles] == ["seed-000", "seed-002"]
    assert articles[1].date == dt.date(2020, 6, 9)
    assert all(a.text.strip() and not a.text.endswith("\n") and a.origin.endswith(".txt") for a in articles)


def test_text_json_and_jsonl_files(tmp_path):
    (tmp_path / "b.txt").write_text(TEXT + "\n", "utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"text": TEXT, "date": "2020-06-09"}), "utf-8")
    _jsonl(tmp_path / "c.jsonl", {"id": "c1", "text": TEXT}, "", {"id": "c2", "text": TEXT, "title": "T"})
    articles = list(read_articles([tmp_path]))
    assert [(a.id, a.origin.rsplit("/", 1)[-1]) for a in articles] == [
        ("a", "a.json"),
        ("b", "b.txt"),
        ("c1", "c.jsonl:1"),
        ("c2", "c.jsonl:3"),
    ]
    assert articles[0].date == dt.date(2020, 6, 9)
    assert articles[1].text == TEXT
    assert articles[3].title == "T"


def test_json_list_items_get_numbered_ids_and_places(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": TEXT}, {"id": "x", "text": TEXT}, {"text": ""}]), "utf-8")
    articles, errors = _collect([path])
    assert [a.id for a in articles] == ["many-0", "x"]
    assert [str(e) for e in errors] == [f"{path}[2]: article 'text' is empty"]


def test_hidden_files_and_folders_are_not_articles(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT, "utf-8")
    (tmp_path / ".draft.txt").write_text(TEXT, "utf-8")
    (tmp_path / "real.txt").write_text(TEXT, "utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["real"]


# Errors: reported one by one, reading goes on


def test_without_on_error_the_first_bad_article_raises(tmp_path):
    (tmp_path / "a.txt").write_text("", "utf-8")
    (tmp_path / "b.txt").write_text(TEXT, "utf-8")
    with pytest.raises(InputError, match=r"a\.txt: file is empty"):
        list(read_articles([tmp_path]))


def test_with_on_error_every_bad_article_is_reported_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").write_text("", "utf-8")
    (tmp_path / "b.txt").write_text(TEXT, "utf-8")
    lines = _jsonl(tmp_path / "c.jsonl", "{not json", {"id": "ok", "text": TEXT}, {"id": "nt"})
    articles, errors = _collect([tmp_path, tmp_path / "missing"])
    assert [a.id for a in articles] == ["b", "ok"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'a.txt'}: file is empty",
        f"{lines}:1:2: not valid JSON (Expecting property name enclosed in double quotes)",
        f"{lines}:3: article has no 'text' (a non-empty string is required)",
        f"{tmp_path / 'missing'}: no such file or directory",
    ]


def test_reading_streams_one_line_at_a_time():
    """The first article is yielded before the rest of the stream is even read."""

    class FirstLineOnly(io.RawIOBase):
        def __init__(self) -> None:
            self.lines = [json.dumps({"id": "one", "text": TEXT}).encode() + b"\n"]

        def readable(self) -> bool:
            return True

        def readline(self, size: int | None = -1) -> bytes:
            if not self.lines:
                raise AssertionError("read past the first article")
            return self.lines.pop(0)

    articles = read_jsonl_stream(FirstLineOnly(), name="<pipe>")
    assert next(articles).id == "one"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"^.*empty\.txt: file is empty$"):
        list(read_articles([path]))


def test_whitespace_only_jsonl(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n", "utf-8")
    with pytest.raises(InputError, match=r"blank\.jsonl: file is empty \(no JSON lines\)$"):
        list(read_articles([path]))


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match=r"image\.txt: is a binary file, not text"):
        list(read_articles([path]))


def test_control_characters_without_nul_are_binary_too(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 20)
    with pytest.raises(InputError, match=r"noise\.txt: is a binary file, not text"):
        list(read_articles([path]))


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        [article] = read_articles([path])
    assert article.text == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_32_with_a_byte_order_mark_are_read_with_a_warning(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    data = TEXT.replace("-", "–").encode(encoding)
    path.write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    with pytest.warns(InputWarning, match=r"wide\.txt: is not UTF-8; read it as utf-(16|32)"):
        [article] = read_articles([path])
    assert article.text == TEXT.replace("-", "–")


def test_utf16_without_a_byte_order_mark_is_reported(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(InputError, match=r"wide\.txt: is a binary file, not text \(or UTF-16 without"):
        list(read_articles([path]))


def test_cp1252_text_is_read_with_a_warning(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("TEHRAN \u2013 The café owner said \u201chello\u201d.".encode("cp1252"))
    with pytest.warns(InputWarning, match=r"legacy\.txt: is not UTF-8; read it as cp1252"):
        [article] = read_articles([path])
    assert article.text == "TEHRAN – The café owner said “hello”."


def test_text_in_an_unknown_legacy_encoding_is_reported_not_guessed(tmp_path):
    path = tmp_path / "persian.txt"
    path.write_bytes("سلام عليكم خبرگزاري مهر".encode("cp1256"))
    with pytest.raises(
        InputError, match=r"persian\.txt: is not UTF-8 text \(invalid byte 0x\w\w at offset 0\) nor"
    ):
        list(read_articles([path]))


def test_a_50_mb_file_is_reported_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"words and words " * 3_125_000)  # 50 MB of text
    with pytest.raises(
        InputError, match=r"huge\.txt: file is too large \(50\.0 MB, over the per-article limit of 0\.5 MB\)"
    ):
        list(read_articles([path]))


def test_an_over_long_jsonl_line_is_skipped_and_the_next_one_read(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", {"id": "big", "text": "x " * 600}, {"id": "small", "text": TEXT})
    articles, errors = _collect([path], max_bytes=1000)
    assert [a.id for a in articles] == ["small"]
    [error] = errors
    size = len(path.read_bytes().split(b"\n")[0]) + 1
    assert str(error) == (
        f"{path}:1: line is too large ({size:,} bytes, over the per-article limit of 1,000 bytes); "
        f"split it, or raise the limit with {MAX_BYTES_ENV}"
    )


def test_the_size_limit_comes_from_the_environment(monkeypatch, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, "utf-8")
    assert max_article_bytes() == DEFAULT_MAX_ARTICLE_BYTES
    monkeypatch.setenv(MAX_BYTES_ENV, "20")
    with pytest.raises(InputError, match="over the per-article limit of 20 bytes"):
        list(read_articles([path]))
    assert [a.id for a in read_articles([path], max_bytes=1000)] == ["a"]
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    with pytest.raises(InputError, match=f"^{MAX_BYTES_ENV}='lots': not a whole number of bytes$"):
        max_article_bytes()


def test_jsonl_line_that_is_not_json(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", {"id": "a", "text": TEXT}, '{"id": "b", "text": "x"} trailing')
    with pytest.raises(InputError, match=r"c\.jsonl:2:26: not valid JSON \(Extra data\)$"):
        list(read_articles([path]))


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ({"id": "a"}, "article has no 'text' (a non-empty string is required)"),
        ({"id": "a", "text": 5}, "'text' must be a string, not a JSON number"),
        ({"id": "a", "text": "  "}, "article 'text' is empty"),
        (["text"], "expected a JSON object with a 'text' key, not a JSON array"),
        ({"text": TEXT}, "article has no 'id'"),
        ({"id": ["a"], "text": TEXT}, "'id' must be a string, not a JSON array"),
        ({"id": "a\nb", "text": TEXT}, "'id' must be 1 to 200 printable characters"),
        ({"id": "a", "text": TEXT, "url": 3}, "'url' must be a string, not a JSON number"),
        ({"id": "a", "text": "bad \ud800 text"}, "text holds an unpaired UTF-16 surrogate (\\ud800)"),
        ({"id": "a", "text": "nul \u0000 here"}, "text holds a NUL character at character 4"),
    ],
)
def test_jsonl_line_without_a_usable_article(tmp_path, line, problem):
    path = _jsonl(tmp_path / "c.jsonl", line)
    with pytest.raises(InputError) as raised:
        list(read_articles([path]))
    assert str(raised.value).startswith(f"{path}:1: ")
    assert problem in str(raised.value)


def test_a_date_that_is_not_a_date(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", {"id": "a", "text": TEXT, "date": "last Tuesday"})
    with pytest.raises(
        InputError, match=r"c\.jsonl:1: date 'last Tuesday' is not an ISO date such as 2020-06-09$"
    ):
        list(read_articles([path]))


def test_a_bad_date_in_a_meta_file_names_the_meta_file(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"date": "2020-13-45"}), "utf-8")
    with pytest.raises(InputError, match=r"a\.meta\.json: date '2020-13-45' is not an ISO date"):
        list(read_articles([tmp_path / "a.txt"]))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-06-09", dt.date(2020, 6, 9)),
        ("2020-06-09T10:30:00Z", dt.date(2020, 6, 9)),
        ("2020-06-09 10:30", dt.date(2020, 6, 9)),
        (dt.datetime(2020, 6, 9, 8), dt.date(2020, 6, 9)),
        (None, None),
        ("", None),
    ],
)
def test_dates_that_are_dates(value, expected):
    assert parse_date(value, where="x") == expected


@pytest.mark.parametrize("value", ["2020-06-09garbage", "09/06/2020", 20200609, "2020-02-30"])
def test_dates_that_are_not(value):
    with pytest.raises(InputError, match="is not an ISO date"):
        parse_date(value, where="x")


def test_directory_without_articles(tmp_path):
    (tmp_path / "notes.md").write_text("not an article", "utf-8")
    with pytest.raises(InputError, match=r"directory holds no articles \(\.txt, \.json or \.jsonl files\)$"):
        list(read_articles([tmp_path]))


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match=r"nowhere\.txt: no such file or directory$"):
        list(read_articles([tmp_path / "nowhere.txt"]))


def test_meta_file_given_as_an_article(tmp_path):
    path = tmp_path / "a.meta.json"
    path.write_text("{}", "utf-8")
    with pytest.raises(
        InputError, match=r"a\.meta\.json: is article metadata; give the \.txt file beside it"
    ):
        list(read_articles([path]))


def test_inputs_are_never_modified(tmp_path):
    paths = [tmp_path / "a.txt", tmp_path / "b.jsonl"]
    paths[0].write_bytes("TEHRAN – caf\xe9".encode("cp1252"))
    _jsonl(paths[1], {"id": "x", "text": TEXT}, "{broken")
    before = [(p.read_bytes(), p.stat().st_mtime_ns) for p in paths]
    with pytest.warns(InputWarning, match=r"a\.txt: is not UTF-8; read it as cp1252"):
        _collect(paths)
    assert [(p.read_bytes(), p.stat().st_mtime_ns) for p in paths] == before


def test_article_from_text_refuses_text_rdf_cannot_hold():
    with pytest.raises(InputError, match="unpaired UTF-16 surrogate"):
        article_from_text("a \udc00 b", id="x")
    assert article_from_text("plain", id="x", date="2020-06-09").date == dt.date(2020, 6, 9)


def test_a_nul_deep_inside_a_text_file(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"a" * 9000 + b"\x00 more text")
    with pytest.raises(InputError, match=r"late\.txt: text holds a NUL character at character 9000"):
        list(read_articles([path]))


def test_a_byte_order_mark_on_text_that_does_not_match_it(tmp_path):
    path = tmp_path / "liar.txt"
    path.write_bytes(b"\xef\xbb\xbfabc\xff")
    with pytest.raises(
        InputError, match=r"liar\.txt: starts with a UTF-8 byte-order mark but is not valid UTF-8"
    ):
        list(read_articles([path]))
