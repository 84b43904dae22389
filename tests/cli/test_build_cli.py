"""``newskg build`` as users run it: exit codes, skipped articles, stdin, progress and quiet output."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph

from conftest import SEEDS
from newskg.ingest.readers import read_articles

pytestmark = pytest.mark.slow


def test_build_writes_the_graph_and_a_summary(cli, tmp_path, seeds_result):
    out = tmp_path / "graph.ttl"
    run = cli.run("build", str(SEEDS), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "articles: 2"
    assert f"wrote {out} (turtle)" in run.stdout and "SHACL: conforms" in run.stdout
    phases = [line.split(":")[0] for line in run.stdout.splitlines() if line.startswith("  ")]
    assert phases == ["  reading and extraction", "  graphs", "  writing", "  validation"]
    assert run.stderr == ""  # no progress bar in a pipe
    assert len(Graph().parse(out, format="turtle")) == len(seeds_result.graph)


def test_default_output_is_out_graph_ttl(cli, tmp_path):
    run = cli.run("build", str(SEEDS), "--no-validate", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0


def test_unreadable_articles_are_reported_and_skipped_with_exit_4(cli, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "graph.trig"
    run = cli.run("build", str(corpus), "-o", str(out), "--no-validate")
    assert run.returncode == 4, run.stderr
    skipped = [line for line in run.stderr.splitlines() if line.startswith("newskg: skipped: ")]
    assert len(skipped) == 2
    assert any(str(corpus / "broken.json") in line for line in skipped)
    assert any(str(corpus / "empty.txt") in line for line in skipped)
    assert "2 skipped as unreadable" in run.stdout
    dataset = Dataset()
    dataset.parse(out, format="trig")
    articles = [g for g in dataset.graphs() if "/article/" in str(g.identifier)]
    assert len(articles) == 2


def test_json_lines_on_stdin(cli, tmp_path):
    lines = "".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in read_articles([SEEDS]))
    out = tmp_path / "graph.nq"
    run = cli.run("build", "-", "-o", str(out), "--no-validate", input=lines)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("articles: 2")
    assert "/article/seed-000>" in out.read_text(encoding="utf-8")


def test_bad_stdin_line_is_skipped_naming_the_line(cli, tmp_path):
    seed = next(read_articles([SEEDS]))
    lines = json.dumps({"id": seed.id, "text": seed.text}) + "\n[1, 2]\n"
    run = cli.run("build", "-", "-o", str(tmp_path / "g.nq"), "--no-validate", input=lines)
    assert run.returncode == 4
    assert run.stderr.strip().startswith("newskg: skipped: <stdin>:2: ")


def test_quiet_prints_nothing_on_success(cli, tmp_path):
    run = cli.run("build", str(SEEDS), "-o", str(tmp_path / "g.ttl"), "--quiet", "--no-validate")
    assert run.returncode == 0
    assert run.stdout == "" and run.stderr == ""


def test_bad_output_name_fails_before_any_work(cli, tmp_path):
    run = cli.run("build", str(SEEDS), "-o", str(tmp_path / "graph.docx"))
    assert run.returncode == 2
    assert run.stderr.startswith("newskg: error: ") and "graph.docx" in run.stderr
    assert not (tmp_path / "graph.docx").exists()


def test_missing_input_is_reported(cli, tmp_path):
    run = cli.run("build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "g.ttl"))
    assert run.returncode == 2  # nothing could be read: bad input, not a partial build
    assert "nowhere: no such file or directory" in run.stderr
    assert not (tmp_path / "g.ttl").exists()


def test_jobs_must_be_positive(cli, tmp_path):
    run = cli.run("build", str(SEEDS), "-o", str(tmp_path / "g.ttl"), "--jobs", "0")
    assert run.returncode == 2


def test_parallel_build_from_the_cli_gives_the_same_bytes(cli, tmp_path):
    one, two = tmp_path / "one.trig", tmp_path / "two.trig"
    assert cli.run("build", str(SEEDS), "-o", str(one), "--no-validate").returncode == 0
    run = cli.run("build", str(SEEDS), "-o", str(two), "--no-validate", "--jobs", "2", "--batch-size", "1")
    assert run.returncode == 0, run.stderr
    assert one.read_bytes() == two.read_bytes()


def test_progress_bar_on_a_terminal(tmp_path):
    """stderr on a pseudo-terminal shows a bar for each phase, saying which, with a rate; the summary
    still goes to stdout."""
    main, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newskg",
            "build",
            str(SEEDS),
            "-o",
            str(tmp_path / "g.ttl"),
            "--batch-size",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    shown = b""
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    stdout = process.communicate(timeout=60)[0].decode()  # reads and closes the pipe
    assert process.returncode == 0
    os.close(main)
    assert b"articles" in shown and b"articles/s" in shown
    for phase in (b"reading and extracting", b"building graphs", b"writing g.ttl", b"validating"):
        assert phase in shown
    assert stdout.startswith("articles: 2")


def test_regression_a_build_that_reads_no_article_keeps_the_previous_output(cli, tmp_path):
    """Every article unreadable: exit 2 and the earlier graph untouched (it was once emptied)."""
    out = tmp_path / "graph.ttl"
    assert cli.run("build", SEEDS, "-o", out, "-q").returncode == 0
    before = out.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n", encoding="utf-8")
    run = cli.run("build", bad, "-o", out)
    assert run.returncode == 2
    assert "nothing was written" in run.stderr and "Traceback" not in run.stderr
    assert out.read_bytes() == before


def test_help_names_the_dask_extra_whole(cli):
    """Square brackets are markup to the help renderer: the extra's name once lost its ``[dask]``."""
    run = cli.run("build", "--help")
    assert run.returncode == 0, run.stderr
    assert "newskg[dask]" in run.stdout
