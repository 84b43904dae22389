"""Careless input to ``newskg build`` and ``newskg extract``: over-long lines, dates in another calendar,
stdin given twice. Each is reported once, in one line naming the file (and line), with the exit code
the README gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newskg.errors import InputError
from newskg.ingest.readers import read_articles

TEXT = "TEHRAN - Reza Karimi, the head of the National Development Fund, said exports rose 5 percent."
LIMIT = 2_000
BIG_LINE = json.dumps({"id": "big", "text": "x" * (LIMIT * 2)})


# --- a JSON Lines line over the size limit -----------------------------------------------------------


@pytest.mark.parametrize("newline", ["", "\n"])
def test_a_single_over_long_line_is_reported_as_too_large_not_as_an_empty_file(tmp_path, newline):
    path = tmp_path / "big.jsonl"
    path.write_text(BIG_LINE + newline, encoding="utf-8")
    errors: list[InputError] = []
    assert list(read_articles([path], on_error=errors.append, max_bytes=LIMIT)) == []
    assert [str(e) for e in errors] == [
        f"{path}:1: line is too large ({len(BIG_LINE + newline):,} bytes, over the per-article limit of "
        f"{LIMIT:,} bytes); split it, or raise the limit with NEWSKG_MAX_ARTICLE_BYTES"
    ]


def test_an_over_long_line_among_good_ones_is_the_only_error(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(BIG_LINE + "\n" + json.dumps({"id": "good", "text": TEXT}) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    assert [a.id for a in read_articles([path], on_error=errors.append, max_bytes=LIMIT)] == ["good"]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}:1: line is too large")


def test_blank_lines_only_are_still_an_empty_file(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"blank\.jsonl: file is empty \(no JSON lines\)$"):
        list(read_articles([path]))


@pytest.mark.slow
def test_build_and_extract_name_the_line_once(cli, tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(BIG_LINE, encoding="utf-8")
    build = cli.run("build", path, "-o", tmp_path / "g.ttl", env={"NEWSKG_MAX_ARTICLE_BYTES": str(LIMIT)})
    extract = cli.run("extract", path, env={"NEWSKG_MAX_ARTICLE_BYTES": str(LIMIT)})
    assert build.returncode == 2 and extract.returncode == 2
    assert build.stderr.splitlines() == [
        f"newskg: skipped: {path}:1: line is too large ({len(BIG_LINE):,} bytes, over the per-article limit "
        f"of {LIMIT:,} bytes); split it, or raise the limit with NEWSKG_MAX_ARTICLE_BYTES",
        "newskg: error: none of the 1 article(s) given could be read; nothing was written",
    ]
    assert extract.stderr.splitlines() == [build.stderr.splitlines()[0].replace("skipped", "error")]
    assert "empty" not in build.stderr + extract.stderr


# --- dates in the Solar Hijri calendar ---------------------------------------------------------------


def _jsonl(path: Path, *objects: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")
    return path


def test_a_persian_calendar_date_is_refused_not_taken_as_the_year_1399(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", {"id": "a", "text": TEXT, "date": "1399-03-20"})
    with pytest.raises(InputError) as failure:
        list(read_articles([path]))
    assert str(failure.value) == (
        f"{path}:1: date '1399-03-20' is before 1900; if it is a Solar Hijri (Persian calendar) date, "
        'say so with "calendar": "persian" (calendar="persian" in Python) and it is read as 2020-06-09; '
        "else give the Gregorian date"
    )


@pytest.mark.parametrize("calendar", ["persian", "Jalali", "solar-hijri"])
def test_the_calendar_key_converts_a_solar_hijri_date(tmp_path, calendar):
    path = _jsonl(
        tmp_path / "c.jsonl",
        {"id": "a", "text": TEXT, "date": "1399-03-20", "calendar": calendar},
        {"id": "b", "text": TEXT, "date": "1399-12-30T08:00:00", "calendar": calendar},  # a leap day
        {"id": "c", "text": TEXT, "date": "۱۴۰۳-۰۸-۱۵", "calendar": calendar},  # Persian digits
    )
    assert [a.date.isoformat() for a in read_articles([path])] == ["2020-06-09", "2021-03-20", "2024-11-05"]


def test_the_calendar_key_works_in_a_meta_file(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"date": "1399-03-20", "calendar": "persian"}), "utf-8")
    assert [a.date.isoformat() for a in read_articles([tmp_path])] == ["2020-06-09"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": "1399-13-01", "calendar": "persian"}, "date '1399-13-01' is not a Solar Hijri date (month"),
        ({"date": "1400-12-30", "calendar": "persian"}, "date '1400-12-30' is not a Solar Hijri date (day"),
        ({"date": "next week", "calendar": "persian"}, "date 'next week' is not an ISO date such as 1399-03"),
        ({"date": "1399-03-20", "calendar": "hijri"}, "'calendar' 'hijri' is not one of 'gregorian', 'pers"),
        ({"date": "1399-03-20", "calendar": 1}, "'calendar' 1 is not one of"),
        ({"date": "0820-06-09"}, "date '0820-06-09' is before 1900; if it is a Solar Hijri"),
        ({"date": "1899-12-31"}, "date '1899-12-31' is before 1900; give the Gregorian date of the article"),
    ],
)
def test_wrong_calendars_and_dates_are_refused_naming_the_line(tmp_path, fields, message):
    path = _jsonl(tmp_path / "c.jsonl", {"id": "a", "text": TEXT, **fields})
    with pytest.raises(InputError) as failure:
        list(read_articles([path]))
    assert str(failure.value).startswith(f"{path}:1: {message}")


def test_1900_and_later_are_gregorian_as_before(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", {"id": "a", "text": TEXT, "date": "1900-01-01"})
    assert [a.date.isoformat() for a in read_articles([path])] == ["1900-01-01"]


@pytest.mark.slow
def test_extract_and_build_refuse_or_convert_on_the_command_line(cli, tmp_path):
    refused = _jsonl(tmp_path / "refused.jsonl", {"id": "a", "text": TEXT, "date": "1399-03-20"})
    converted = _jsonl(
        tmp_path / "converted.jsonl", {"id": "b", "text": TEXT, "date": "1399-03-20", "calendar": "persian"}
    )
    extract = cli.run("extract", refused)
    assert extract.returncode == 2 and len(extract.stderr.splitlines()) == 1
    assert "refused.jsonl:1: date '1399-03-20' is before 1900" in extract.stderr
    build = cli.run("build", refused, converted, "-o", tmp_path / "g.ttl", "-q")
    assert build.returncode == 4, build.stderr
    assert build.stderr.splitlines() == [f"newskg: skipped: {extract.stderr.split('error: ', 1)[1].strip()}"]
    assert '"2020-06-09"^^xsd:date' in (tmp_path / "g.ttl").read_text(encoding="utf-8")
    assert json.loads(cli.run("extract", converted).stdout)["date"] == "2020-06-09"


# --- stdin given twice -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "extract"])
def test_stdin_given_twice_is_a_usage_error(cli, tmp_path, command):
    args = [command, "-", "-", *(["-o", tmp_path / "g.ttl"] if command == "build" else [])]
    result = cli.run(*args, input=json.dumps({"id": "a", "text": TEXT}) + "\n")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "newskg: error: '-' (JSON Lines on stdin) is given twice; standard input can be read only once"
    ]
    assert not (tmp_path / "g.ttl").exists()


def test_extract_reads_stdin_as_build_does(cli):
    result = cli.run("extract", "-", input=json.dumps({"id": "from-stdin", "text": TEXT}) + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "from-stdin"
