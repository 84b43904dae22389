"""A store survives a killed build: the next build (or open) undoes the unfinished update, so the store
always equals a clean build of what it was given.

The builds run as real ``newskg build`` subprocesses on a real Oxigraph store; kills are real SIGKILLs,
at random moments (a randomized test, bounded in count and time) and at a chosen one (a process that
kills itself in the middle of loading the store). Stores are compared quad by quad, default graph
included.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newskg.errors import StoreError
from newskg.stores import open_store
from newskg.stores._folder import open_oxigraph
from newskg.stores.undo import UNDO_NAME, StoreLock
from synthetic import NEWSKG, articles, build, store_quads, write_jsonl

pytestmark = pytest.mark.slow

KILLS = 6
"""Random kills in the randomized test: each costs a partial build and a full one (a few seconds)."""
ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/newskg/ontology#Article> }"


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, Path]:
    """``first``: 60 articles; ``second``: 10 of them changed, 50 kept, and 340 new ones."""
    folder = tmp_path_factory.mktemp("corpora")
    first = articles(60, seed=1)
    second = first[:50] + articles(10, seed=2, start=50) + articles(340, seed=3, start=60)
    return {
        "first": write_jsonl(folder / "first.jsonl", first),
        "second": write_jsonl(folder / "second.jsonl", second),
    }


@pytest.fixture(scope="module")
def clean(tmp_path_factory, corpora) -> dict[str, Path | float]:
    """Stores built without interruption: the first corpus, then the second on top of it, and how
    long each build took (a kill is timed against the build it interrupts)."""
    folder = tmp_path_factory.mktemp("clean")
    first, both = folder / "first", folder / "both"
    started = time.monotonic()
    assert build(corpora["first"], "--store", first, "-q", "--no-validate").returncode == 0
    first_seconds = time.monotonic() - started
    shutil.copytree(first, both)
    started = time.monotonic()
    run = build(corpora["second"], "--store", both, "-q", "--no-validate")
    assert run.returncode == 0, run.stderr
    return {
        "first": first,
        "both": both,
        "first_seconds": first_seconds,
        "seconds": time.monotonic() - started,
    }


def _kill_after(command: list[str], seconds: float) -> int | None:
    """Run ``command``, SIGKILL it after ``seconds``; its exit code if it ended first, else None."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return None


def test_random_kills_are_undone_and_the_rerun_equals_a_clean_build(tmp_path, corpora, clean):
    """SIGKILL at random moments of first and incremental store builds; each is run again after."""
    seed = int(os.environ.get("NEWSKG_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    durations = {False: float(clean["first_seconds"]), True: float(clean["seconds"])}  # type: ignore[arg-type]
    expected = {name: store_quads(clean[name]) for name in ("first", "both")}  # type: ignore[arg-type]
    caught = 0
    for kill in range(KILLS):
        store = tmp_path / f"store-{kill}"
        incremental = kill % 2 == 1
        if incremental:  # the second corpus onto a store of the first
            shutil.copytree(clean["first"], store)  # type: ignore[arg-type]
        corpus, reference = (corpora["second"], "both") if incremental else (corpora["first"], "first")
        # after start-up, mostly while the store is written, of this kind of build
        moment = rng.uniform(0.3, 0.9) * durations[incremental]
        command = [*NEWSKG, "build", str(corpus), "--store", str(store), "-q", "--no-validate"]
        if _kill_after(command, moment) is None:
            caught += 1
        rerun = build(corpus, "--store", store, "-q", "--no-validate")
        where = f"kill {kill} at {moment:.2f} s (NEWSKG_KILL_SEED={seed})"
        assert rerun.returncode == 0, f"{where}: {rerun.stderr}"
        assert not (store / UNDO_NAME).exists(), where
        assert store_quads(store) == expected[reference], where
    assert caught >= KILLS // 2, f"most builds should have been killed before they ended (seed {seed})"


_KILL_MID_LOAD = """
import os, signal, sys
from newskg.stores import _workspace as store
from newskg.cli import main

class Dying:
    \"\"\"The build's store, whose Nth bulk load writes half its lines and then the process dies.\"\"\"

    loads = 0

    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def bulk_load(self, data, **options):
        Dying.loads += 1
        if Dying.loads < int(os.environ["NEWSKG_TEST_DIE_AT"]):
            return self._inner.bulk_load(data, **options)
        lines = data.splitlines(keepends=True)
        self._inner.bulk_load(b"".join(lines[: len(lines) // 2]), **options)  # bulk loads are not atomic
        os.kill(os.getpid(), getattr(signal, os.environ["NEWSKG_TEST_SIGNAL"]))
        return None

opened = store.open_oxigraph
store.open_oxigraph = lambda *args, **kwargs: Dying(opened(*args, **kwargs))
sys.argv = ["newskg", *sys.argv[1:]]
main()
"""


def _build_stopped_at(load: int, sig: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """A build that sends itself ``sig`` half-way through its ``load``-th bulk load into the store."""
    return subprocess.run(
        [sys.executable, "-c", _KILL_MID_LOAD, "build", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "NEWSKG_TEST_DIE_AT": str(load), "NEWSKG_TEST_SIGNAL": sig},
        timeout=300,
        check=False,
    )


def test_a_build_killed_while_loading_the_store_is_undone_by_the_next_one(tmp_path, corpora, clean):
    """Regression: half of the new articles were in the store (text hashes included), their entities
    unlabelled; the next build took them as unchanged and never repaired them."""
    store = tmp_path / "store"
    shutil.copytree(clean["first"], store)  # type: ignore[arg-type]
    died = _build_stopped_at(1, "SIGKILL", corpora["second"], "--store", store, "-q", "--no-validate")
    assert died.returncode == -signal.SIGKILL, died.stderr
    assert (store / UNDO_NAME).is_dir()  # the update is marked unfinished

    rerun = build(corpora["second"], "--store", store, "--no-validate")
    assert rerun.returncode == 0, rerun.stderr
    assert "articles: 400 (350 extracted, 50 unchanged" in rerun.stdout  # everything new done again
    assert store_quads(store) == store_quads(clean["both"])  # type: ignore[arg-type]


def test_opening_a_store_undoes_a_killed_update(tmp_path, corpora, clean):
    """Readers never see half an update: ``open_store`` puts the store back as the last build left it."""
    store = tmp_path / "store"
    shutil.copytree(clean["first"], store)  # type: ignore[arg-type]
    died = _build_stopped_at(2, "SIGKILL", corpora["second"], "--store", store, "-q", "--no-validate")
    assert died.returncode == -signal.SIGKILL, died.stderr

    dataset = open_store(store, read_only=True)
    assert int(next(iter(dataset.query(ARTICLES)))[0]) == 60
    dataset.close()
    assert not (store / UNDO_NAME).exists()
    assert store_quads(store) == store_quads(clean["first"])  # type: ignore[arg-type]


def test_a_store_being_updated_is_not_opened(tmp_path, clean):
    """While a build holds the store, a reader that finds an update in progress is told to wait."""
    store = tmp_path / "store"
    shutil.copytree(clean["first"], store)  # type: ignore[arg-type]
    lock = StoreLock(store).acquire()  # as a live build holds it
    try:
        (store / UNDO_NAME).mkdir()
        with pytest.raises(StoreError, match="in use by another process"):
            open_oxigraph(store, read_only=True)
    finally:
        lock.release()
        (store / UNDO_NAME).rmdir()


def test_an_interrupted_build_leaves_the_store_as_it_was(tmp_path, corpora, clean):
    """Ctrl-C while the store is loaded: the update is undone before newskg exits, and it says so."""
    store = tmp_path / "store"
    shutil.copytree(clean["first"], store)  # type: ignore[arg-type]
    interrupted = _build_stopped_at(3, "SIGINT", corpora["second"], "--store", store, "-q", "--no-validate")
    assert interrupted.returncode == 130, interrupted.stderr
    assert interrupted.stderr.strip().splitlines() == [
        "newskg: interrupted while building the graphs and loading them into the store; outputs were "
        f"left as they were (the store {store} unchanged)"
    ]
    assert not (store / UNDO_NAME).exists()
    assert store_quads(store) == store_quads(clean["first"])  # type: ignore[arg-type]
