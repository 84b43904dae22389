"""Kill ``newskg build`` while it writes its output: the previous output must survive, byte for byte.

The build runs in a subprocess over a corpus large enough that writing takes a moment. The test
watches the output folder for the writer's temporary file, freezes the process (SIGSTOP) the moment
it appears, so the kill lands mid-write for certain, then sends the signal.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import NEWSKG, SEEDS
from newskg.ingest.readers import read_articles

COPIES = 24
"""Articles in the corpus: enough for the output to take a few tenths of a second to write."""
TIMEOUT = 300
LEFT = "outputs were left as they were ({0} unchanged)"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    texts = [a.text for a in read_articles([SEEDS])]
    path = tmp_path_factory.mktemp("corpus") / "many.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(COPIES):
            handle.write(json.dumps({"id": f"copy-{i:03d}", "text": texts[i % len(texts)]}) + "\n")
    return path


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".graph.ttl.") and p.name.endswith(".tmp")]


def _stop_mid_write(process: subprocess.Popen, folder: Path) -> bool:
    """Freeze ``process`` while its temporary output exists; False if it finished first."""
    deadline = time.monotonic() + TIMEOUT
    while process.poll() is None and time.monotonic() < deadline:
        if _temporaries(folder):
            process.send_signal(signal.SIGSTOP)
            if _temporaries(folder):
                return True
            process.send_signal(signal.SIGCONT)  # it finished writing in between: too late
    return False


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "code", "message"),
    [
        (signal.SIGKILL, -signal.SIGKILL, None),
        (signal.SIGTERM, 143, "newskg: terminated while writing {0}; " + LEFT),
        (signal.SIGINT, 130, "newskg: interrupted while writing {0}; " + LEFT),
    ],
    ids=["SIGKILL", "SIGTERM", "SIGINT"],
)
def test_a_build_killed_mid_write_leaves_the_previous_output(tmp_path, corpus, sig, code, message):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "graph.ttl"
    previous = b"# the previous build\n<https://example.org/a> <https://example.org/b> 'c' .\n" * 50
    target.write_bytes(previous)
    command = [str(NEWSKG), "build", str(corpus), "-o", str(target), "--no-validate", "-q"]
    for _ in range(3):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if _stop_mid_write(process, out):
            break
        process.communicate(timeout=TIMEOUT)
        target.write_bytes(previous)  # the build won the race; try again
    else:
        pytest.fail("never caught the build while it was writing its output")

    process.send_signal(sig)
    process.send_signal(signal.SIGCONT)
    _, stderr = process.communicate(timeout=TIMEOUT)

    assert process.returncode == code, stderr.decode()
    assert target.read_bytes() == previous
    if sig == signal.SIGKILL:
        return  # nothing can clean up after SIGKILL; what matters is that the output is untouched
    assert _temporaries(out) == []
    assert stderr.decode().strip() == message.format(target)
    assert b"Traceback" not in stderr


@pytest.mark.slow
def test_a_completed_build_replaces_the_output_and_leaves_no_temporary(cli, tmp_path, corpus):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"# old\n")
    result = cli.run("build", corpus, "-o", target, "--no-validate", "-q", timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"@prefix")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".graph.ttl.newskg-build", "graph.ttl"]  # manifest
    assert os.stat(target).st_size > 50_000
