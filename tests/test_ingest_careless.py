"""Careless input to ``newskg build`` and ``newskg extract``: over-long lines, dates in another calendar,
stdin given twice. Each is reported once, in one line naming the file (and line), with the exit code
the README gives.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newskg.errors import InputError
from newskg.ingest import read_articles

NEWSKG = Path(sys.executable).with_name("newskg")
TEXT = "TEHRAN - Reza Karimi, the head of the National Development Fund, said exports rose 5 percent."
LIMIT = 2_000
BIG_LINE = json.dumps({"id": "big", "text": "x" * (LIMIT * 2)})


def run(*args: object, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    result = subprocess.run(
        [str(NEWSKG), *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
        env={**os.environ, **env},
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


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


def test_build_and_extract_name_the_line_once(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(BIG_LINE, encoding="utf-8")
    build = run("build", path, "-o", tmp_path / "g.ttl", NEWSKG_MAX_ARTICLE_BYTES=str(LIMIT))
    extract = run("extract", path, NEWSKG_MAX_ARTICLE_BYTES=str(LIMIT))
    assert build.returncode == 2 and extract.returncode == 2
    assert build.stderr.splitlines() == [
        f"newskg: skipped: {path}:1: line is too large ({len(BIG_LINE):,} bytes, over the per-article limit "
        f"of {LIMIT:,} bytes); split it, or raise the limit with NEWSKG_MAX_ARTICLE_BYTES",
        "newskg: error: none of the 1 article(s) given could be read; nothing was written",
    ]
    assert extract.stderr.splitlines() == [build.stderr.splitlines()[0].replace("skipped", "error")]
    assert "empty" not in build.stderr + extract.stderr


# --- stdin given twice -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "extract"])
def test_stdin_given_twice_is_a_usage_error(tmp_path, command):
    args = [command, "-", "-", *(["-o", tmp_path / "g.ttl"] if command == "build" else [])]
    result = run(*args, stdin=json.dumps({"id": "a", "text": TEXT}) + "\n")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "newskg: error: '-' (JSON Lines on stdin) is given twice; standard input can be read only once"
    ]
    assert not (tmp_path / "g.ttl").exists()


def test_extract_reads_stdin_as_build_does():
    result = run("extract", "-", stdin=json.dumps({"id": "from-stdin", "text": TEXT}) + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "from-stdin"
