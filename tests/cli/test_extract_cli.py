"""``newskg extract`` takes the inputs ``newskg build`` takes, read by the same code: files, folders,
glob patterns (given quoted, so newskg and not the shell expands them) and ``-`` for JSON Lines on stdin."""

from __future__ import annotations

import json

import typer
from rdflib import Graph

from newskg.cli import EXIT_BAD_INPUT, app, commands  # noqa: F401  (importing registers the commands)
from newskg.vocab.namespace import SCHEMA

TEXTS = {
    "budget": "TEHRAN - Reza Karimi, the head of the National Development Fund, said exports rose 5 percent.",
    "ports": "TEHRAN - Leila Ahmadi, the managing director of Ports and Maritime Organization, said on "
    "Sunday that 12 new berths opened.",
    "mines": "TEHRAN - Hamid Nouri, the head of the Mining Association, said 40 mines reopened.",
}


def _ids(stdout: str) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines()]


def _corpus(tmp_path):
    """``a/budget.txt``, ``a/b/ports.txt`` and ``mines.jsonl``: files at two depths and JSON Lines."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "budget.txt").write_text(TEXTS["budget"], encoding="utf-8")
    (tmp_path / "a" / "b" / "ports.txt").write_text(TEXTS["ports"], encoding="utf-8")
    line = json.dumps({"id": "mines", "text": TEXTS["mines"]})
    (tmp_path / "mines.jsonl").write_text(line + "\n", encoding="utf-8")


def test_extract_expands_a_glob_pattern_itself(cli, tmp_path):
    _corpus(tmp_path)
    run = cli.run("extract", "a/**/*.txt", cwd=tmp_path)  # no shell: the pattern reaches newskg as written
    assert run.returncode == 0, run.stderr
    assert _ids(run.stdout) == ["ports", "budget"]  # a/b/ports.txt sorts before a/budget.txt
    run = cli.run("extract", "*.jsonl", "a/budget.txt", cwd=tmp_path)
    assert _ids(run.stdout) == ["mines", "budget"]


def test_extract_reads_json_lines_from_stdin_beside_other_inputs(cli, tmp_path):
    _corpus(tmp_path)
    lines = "".join(json.dumps({"id": name, "text": TEXTS[name]}) + "\n" for name in ("ports", "budget"))
    run = cli.run("extract", "-", "mines.jsonl", input=lines, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert _ids(run.stdout) == ["ports", "budget", "mines"]
    record = json.loads(run.stdout.splitlines()[0])
    assert {"person": "Leila Ahmadi", "role": "head"}.items() <= record["roles"][0].items()


def test_extract_and_build_find_the_same_articles_in_a_pattern(cli, tmp_path):
    _corpus(tmp_path)
    extracted = cli.run("extract", "**/*.txt", cwd=tmp_path)
    built = cli.run("build", "**/*.txt", "-o", "graph.ttl", "-q", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    graph = Graph().parse(tmp_path / "graph.ttl")
    assert sorted(map(str, graph.objects(None, SCHEMA.identifier))) == sorted(_ids(extracted.stdout))


def test_a_pattern_that_matches_nothing_is_one_line_naming_it(cli, tmp_path):
    run = cli.run("extract", "nothing/*.txt", cwd=tmp_path)
    assert run.returncode == EXIT_BAD_INPUT
    assert run.stderr == "newskg: error: nothing/*.txt: pattern matches no file\n"


def test_build_and_extract_declare_their_inputs_once():
    commands_ = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    build_inputs, extract_inputs = (commands_[name].params[0] for name in ("build", "extract"))
    assert build_inputs.name == extract_inputs.name == "inputs"
    assert build_inputs.help == extract_inputs.help
    assert "glob patterns" in extract_inputs.help and "- for JSON Lines on stdin" in extract_inputs.help
