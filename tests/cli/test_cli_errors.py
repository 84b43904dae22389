"""The CLI error boundary: one line per problem naming the file, the right exit code, no traceback.

One test per kind of mistake runs the installed ``newskg`` command in a subprocess, as a user would
(that is where a traceback would show); their variants run the same app in this process.
"""

from __future__ import annotations

import errno
import json
import subprocess
import warnings

import pytest
import typer
from click.testing import Result
from typer.testing import CliRunner

from conftest import NEWSKG, SEEDS
from newskg.cli import (
    DEBUG_ENV,
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SKIPPED,
    cli_errors,
)
from newskg.errors import InputError, InputWarning

GOOD = "TEHRAN - Reza Karimi, the head of the National Development Fund, said exports rose 5 percent."


def errors_of(result: subprocess.CompletedProcess[str] | Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("newskg: ")]


# newskg build: every bad article reported and skipped, the rest built, exit 4


@pytest.mark.slow
def test_build_reports_and_skips_each_bad_article_and_builds_the_rest(cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, "utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "legacy.txt").write_bytes("TEHRAN \u2013 The café reopened, Reza Karimi said.".encode("cp1252"))
    (corpus / "persian.txt").write_bytes("سلام عليكم خبرگزاري مهر".encode("cp1256"))
    with (corpus / "huge.txt").open("wb") as handle:
        handle.write(b"words and words " * 3_125_000)
    lines = [
        json.dumps({"id": "line-1", "text": GOOD}),
        "{not json",
        json.dumps({"id": "line-3"}),
        json.dumps({"id": "line-4", "text": GOOD, "date": "yesterday"}),
    ]
    (corpus / "lines.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (tmp_path / "no-articles").mkdir()
    out = tmp_path / "graph.ttl"

    result = cli.run("build", corpus, tmp_path / "no-articles", tmp_path / "missing.txt", "-o", out, "-q")

    assert result.returncode == EXIT_SKIPPED, result.stderr
    c = corpus
    assert sorted(errors_of(result)) == sorted(
        [
            f"newskg: skipped: {c}/binary.txt: is a binary file, not text "
            "(or UTF-16 without a byte-order mark)",
            f"newskg: skipped: {c}/empty.txt: file is empty",
            f"newskg: skipped: {c}/huge.txt: file is too large (50.0 MB, over the per-article limit of "
            "0.5 MB); split it, or raise the limit with NEWSKG_MAX_ARTICLE_BYTES",
            f"newskg: warning: {c}/legacy.txt: is not UTF-8; read it as cp1252",
            f"newskg: skipped: {c}/lines.jsonl:2:2: not valid JSON (Expecting property name enclosed in "
            "double quotes)",
            f"newskg: skipped: {c}/lines.jsonl:3: article has no 'text' (a non-empty string is required)",
            f"newskg: skipped: {c}/lines.jsonl:4: date 'yesterday' is not an ISO date such as 2020-06-09",
            f"newskg: skipped: {c}/persian.txt: is not UTF-8 text (invalid byte 0xd3 at offset 0) nor "
            "plausible cp1252/Latin-1; re-save it as UTF-8",
            f"newskg: skipped: {tmp_path}/no-articles: directory holds no articles "
            "(.txt, .json or .jsonl files)",
            f"newskg: skipped: {tmp_path}/missing.txt: no such file or directory",
        ]
    )
    graph = out.read_text("utf-8")
    assert "article/good" in graph and "article/legacy" in graph and "article/line-1" in graph
    assert "article/line-4" not in graph


def test_build_reports_a_missing_path_without_a_suffix(cli, tmp_path):
    result = cli.run("build", tmp_path / "missing", "-o", tmp_path / "graph.ttl", "-q")
    assert result.returncode == EXIT_BAD_INPUT
    assert errors_of(result) == [
        f"newskg: skipped: {tmp_path}/missing: no such file or directory",
        "newskg: error: none of the 1 article(s) given could be read; nothing was written",
    ]


def test_the_size_limit_is_configurable(cli, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    result = cli.run("extract", tmp_path / "a.txt", env={"NEWSKG_MAX_ARTICLE_BYTES": "50"})
    assert result.returncode == EXIT_BAD_INPUT
    assert errors_of(result) == [
        f"newskg: error: {tmp_path}/a.txt: file is too large ({len(GOOD):,} bytes, over the "
        "per-article limit of 50 bytes); split it, or raise the limit with NEWSKG_MAX_ARTICLE_BYTES"
    ]


# Commands that stop at the first bad input: exit 2, one line


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "{path}: file is empty"),
        (
            "image.txt",
            b"\x00\x01\x02PNG",
            "{path}: is a binary file, not text (or UTF-16 without a byte-order mark)",
        ),
        (
            "bad.jsonl",
            b'{"id": "a", "text": "x"}\n{"id": 2,\n',
            "{path}:2:10: not valid JSON (Expecting property name enclosed in double quotes)",
        ),
        (
            "notext.jsonl",
            b'{"id": "a", "title": "no text"}\n',
            "{path}:1: article has no 'text' (a non-empty string is required)",
        ),
        (
            "date.json",
            b'{"text": "Some text.", "date": "2020-31-12"}',
            "{path}: date '2020-31-12' is not an ISO date such as 2020-06-09",
        ),
    ],
)
def test_extract_stops_at_a_bad_article_with_one_line(cli, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("extract", path)
    assert result.exit_code == EXIT_BAD_INPUT
    assert errors_of(result) == ["newskg: error: " + message.format(path=path)]


def test_extract_of_a_missing_path_and_an_empty_folder(cli, tmp_path):
    result = cli("extract", tmp_path / "gone.txt")
    assert (result.exit_code, errors_of(result)) == (
        EXIT_BAD_INPUT,
        [f"newskg: error: {tmp_path}/gone.txt: no such file or directory"],
    )
    result = cli("extract", tmp_path)
    assert (result.exit_code, errors_of(result)) == (
        EXIT_BAD_INPUT,
        [f"newskg: error: {tmp_path}: directory holds no articles (.txt, .json or .jsonl files)"],
    )


# Malformed graphs given to validate, query and export: file, line and column, exit 2

BAD_TURTLE = '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "unclosed .\n'


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bad.ttl", BAD_TURTLE, "{path}:3:22: not valid Turtle (newline found in string literal)"),
        ("bad.trig", "<http://g> {\n <http://a> <http://b> .\n}\n", "{path}:2:"),
        (
            "bad.jsonld",
            '{\n  "@id": "http://a",\n  "http://b": [1, 2,\n}\n',
            "{path}:4:1: not valid JSON-LD (Expecting value)",
        ),
    ],
)
@pytest.mark.parametrize("command", ["validate", "query"])
def test_malformed_graphs_name_file_line_and_column(cli, tmp_path, command, name, text, expected):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    args = [path] if command == "validate" else [path, "SELECT * WHERE { ?s ?p ?o }"]
    result = cli(command, *args)
    assert result.exit_code == EXIT_BAD_INPUT
    [line] = errors_of(result)
    assert line.startswith("newskg: error: " + expected.format(path=path))


def test_a_malformed_graph_from_the_installed_command(cli, tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text(BAD_TURTLE, "utf-8")
    result = cli.run("validate", path)
    assert (result.returncode, errors_of(result)) == (
        EXIT_BAD_INPUT,
        [f"newskg: error: {path}:3:22: not valid Turtle (newline found in string literal)"],
    )


def test_export_of_a_malformed_graph(cli, tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text(BAD_TURTLE, "utf-8")
    result = cli.run("export", path, "-o", tmp_path / "out.nt")
    assert result.returncode == EXIT_BAD_INPUT
    [line] = errors_of(result)
    assert line.startswith(f"newskg: error: {path}")
    assert ":3:" in line or "line 3" in line
    assert not (tmp_path / "out.nt").exists()


def test_hostile_rdf_is_refused_with_exit_2(cli, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", "utf-8")
    xxe = tmp_path / "xxe.rdf"
    xxe.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
        "utf-8",
    )
    result = cli.run("validate", xxe)
    assert result.returncode == EXIT_BAD_INPUT
    assert "declares the external entity 'x'" in result.stderr
    assert "TOP-SECRET" not in result.stdout + result.stderr


def test_a_missing_graph_file(cli, tmp_path):
    result = cli.run("validate", tmp_path / "nope.ttl")
    assert (result.returncode, errors_of(result)) == (
        EXIT_BAD_INPUT,
        [f"newskg: error: {tmp_path}/nope.ttl: no such file"],
    )


def test_usage_mistakes_exit_2_without_a_traceback(cli):
    result = cli.run("build", "--no-such-option", "x")
    assert result.returncode == EXIT_BAD_INPUT
    assert "No such option" in result.stderr


def test_a_closed_pipe_ends_quietly():
    with subprocess.Popen(
        [str(NEWSKG), "extract", str(SEEDS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=300)
    assert code in (EXIT_OK, EXIT_BROKEN_PIPE)
    assert stderr == ""


# The boundary itself, on a small app


def _app(error: BaseException) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    @cli_errors
    def boom() -> None:
        warnings.warn("/tmp/x.txt: is not UTF-8; read it as cp1252", InputWarning, stacklevel=1)
        raise error

    return app


@pytest.mark.parametrize(
    ("error", "code", "line"),
    [
        (InputError("a.txt: file is empty"), EXIT_BAD_INPUT, "newskg: error: a.txt: file is empty"),
        (InputError("a.txt: two\nlines"), EXIT_BAD_INPUT, "newskg: error: a.txt: two lines"),
        (
            PermissionError(errno.EACCES, "Permission denied", "/root/out.ttl"),
            EXIT_BAD_INPUT,
            "newskg: error: /root/out.ttl: Permission denied",
        ),
        (
            ZeroDivisionError("division by zero"),
            EXIT_INTERNAL,
            f"newskg: error: internal error: ZeroDivisionError: division by zero (please report this; "
            f"{DEBUG_ENV}=1 shows where)",
        ),
        (KeyboardInterrupt(), EXIT_INTERRUPTED, "newskg: interrupted; outputs were left as they were"),
    ],
)
def test_errors_become_one_line_and_an_exit_code(monkeypatch, error, code, line):
    monkeypatch.delenv(DEBUG_ENV, raising=False)
    result = CliRunner().invoke(_app(error), [])
    assert result.exit_code == code
    assert result.stderr.splitlines() == [
        "newskg: warning: /tmp/x.txt: is not UTF-8; read it as cp1252",
        line,
    ]
    assert "Traceback" not in result.output


def test_debug_mode_lets_internal_errors_through(monkeypatch):
    monkeypatch.setenv(DEBUG_ENV, "1")
    result = CliRunner().invoke(_app(ZeroDivisionError("boom")), [])
    assert isinstance(result.exception, ZeroDivisionError)
