"""What the machine does to a build, told as what it is: a full disk (for the store, or TMPDIR), a
damaged store, and the temporary files a killed build leaves behind.

Full disks are real where possible: a tiny tmpfs mounted in a private mount namespace (``unshare``,
skipped where that is not allowed); the same errors are also injected at the OS-error boundary, which
runs everywhere.
"""

from __future__ import annotations

import errno
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from newskg.build.corpus import build_corpus
from newskg.build.scratch import PREFIX, scratch_folder
from newskg.errors import NewskgError, StoreError
from newskg.stores.undo import UNDO_NAME
from synthetic import NEWSKG, articles, build, store_quads, write_jsonl

pytestmark = pytest.mark.slow


def _can_mount_tmpfs() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


needs_tmpfs = pytest.mark.skipif(not _can_mount_tmpfs(), reason="cannot mount a tmpfs in a user namespace")


def _on_tiny_disk(mount: Path, megabytes: int, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a Python ``script`` with a fresh tmpfs of ``megabytes`` at ``mount``, seen only by it."""
    mount.mkdir(exist_ok=True)
    return subprocess.run(
        [
            "unshare", "-rm", "sh", "-c", f'mount -t tmpfs -o size={megabytes}m tmpfs "$0" && exec "$@"',
            str(mount), sys.executable, "-c", script, *args,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )  # fmt: skip


_BUILDS_ON_TINY_DISK = """
import json, os, subprocess, sys
sys.path.insert(0, sys.argv[1])
from synthetic import NEWSKG, store_quads

def run(*args, env=None):
    done = subprocess.run([*NEWSKG, "build", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    return {"code": done.returncode, "stderr": done.stderr}

small, large, tiny = sys.argv[2:5]
store = os.path.join(tiny, "kg")
report = {"tmpdir": run(large, "-o", os.path.join(sys.argv[5], "graph.nq"), "-q", "--no-validate",
                        env={"TMPDIR": tiny})}
report["first"] = run(small, "--store", store, "-q", "--no-validate")
before = store_quads(store)
report["full"] = run(large, "--store", store, "-q", "--no-validate")
report["kept"] = store_quads(store) == before and not os.path.exists(os.path.join(store, ".newskg-undo"))
print(json.dumps(report))
"""


@needs_tmpfs
def test_a_full_disk_is_a_clear_error_and_the_store_is_kept(tmp_path):
    """Regression: a full TMPDIR or store disk was an internal error (exit 3)."""
    small = write_jsonl(tmp_path / "small.jsonl", articles(5, seed=21))
    large = write_jsonl(tmp_path / "large.jsonl", articles(300, seed=22, start=100))
    tiny = tmp_path / "tiny"
    run = _on_tiny_disk(
        tiny,
        8,
        _BUILDS_ON_TINY_DISK,
        str(ROOT / "tests"),  # where the script imports synthetic from
        str(small),
        str(large),
        str(tiny),
        str(tmp_path),
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["tmpdir"] == {
        "code": 2,
        "stderr": f"newskg: error: {tiny}: no space left on the device for the build's temporary files; "
        "free some space, or set TMPDIR to a folder with more\n",
    }
    assert report["first"]["code"] == 0, report
    assert report["full"] == {
        "code": 2,
        "stderr": f"newskg: error: {tiny / 'kg'}: no space left on the device (writing the store; this "
        "build's changes to it are undone); free some space and run it again\n",
    }
    assert report["kept"] is True


def test_no_space_for_temporary_files_is_reported_as_such(tmp_path, monkeypatch, nlp):
    """The same, injected where the build writes its record spool."""
    from newskg.build import spool

    def full(self, article_id, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(spool.RecordSpool, "add", full)
    with pytest.raises(NewskgError, match="no space left on the device for the build's temporary files"):
        build_corpus([SEEDS], output=tmp_path / "graph.ttl", nlp=nlp)
    assert not (tmp_path / "graph.ttl").exists()


def test_no_space_for_the_store_is_reported_and_the_store_kept(tmp_path, monkeypatch, nlp):
    """The same, injected where the store is written."""
    from newskg.stores import _workspace as stores

    path = tmp_path / "store"
    build_corpus([SEEDS], store=path, run_validation=False, nlp=nlp)
    before = store_quads(path)

    def full(*args, **kwargs):
        raise OSError("IO error: No space left on device: While appending to file: 000123.sst")

    monkeypatch.setattr(stores, "refresh_union", full)
    more = write_jsonl(tmp_path / "more.jsonl", articles(20, seed=23, start=900))
    with pytest.raises(
        StoreError,
        match=r"no space left on the device \(writing the store; this build's changes to it are undone\)",
    ):
        build_corpus([SEEDS, more], store=path, run_validation=False, nlp=nlp)
    assert store_quads(path) == before


@pytest.mark.parametrize("command", ["build", "query", "validate"])
def test_a_damaged_store_is_named_and_how_to_rebuild_it_said(cli, tmp_path, command, nlp):
    """Regression: RocksDB's "Corruption" was an internal error (exit 3)."""
    path = tmp_path / "store"
    build_corpus([SEEDS], store=path, run_validation=False, nlp=nlp)
    manifest = next(path.glob("MANIFEST-*"))
    data = bytearray(manifest.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 64] = b"\xaa" * 64
    manifest.write_bytes(bytes(data))
    args = {
        "build": ["build", str(SEEDS), "--store", str(path), "-q"],
        "query": ["query", "--store", str(path), "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
        "validate": ["validate", "--store", str(path)],
    }[command]
    run = cli.run(*args)
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith(f"newskg: error: {path}: the store is damaged (Corruption: ")
    rebuild = f"move it aside and run 'newskg build ARTICLES --store {path}'"
    assert run.stderr.rstrip().endswith(f"restore it from a backup, or rebuild it: {rebuild}")
    assert run.stderr.count("\n") == 1


def test_a_killed_builds_temporary_files_are_removed_by_the_next_build(tmp_path, monkeypatch):
    """Regression: SIGKILL left up to 270 MB of spool files in TMPDIR for good. A live build's files
    are never touched."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))  # for the builds
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # for this process, which has read it already
    corpus = write_jsonl(tmp_path / "corpus.jsonl", articles(400, seed=24))
    killed = subprocess.Popen([*NEWSKG, "build", str(corpus), "-o", str(tmp_path / "graph.nq"), "-q"])
    deadline = time.monotonic() + 120
    while not list(scratch.glob(f"{PREFIX}*/graphs-*/*.nq")):  # well into the build: graph text spooled
        assert killed.poll() is None and time.monotonic() < deadline, "the build ended before it was killed"
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    dead = list(scratch.glob(f"{PREFIX}*"))
    assert len(dead) == 1 and any(dead[0].rglob("*.nq"))

    with scratch_folder() as live:  # another build, alive (this process holds its lock)
        (live / "spool").write_bytes(b"in use")
        run = build(SEEDS, "-o", tmp_path / "seeds.ttl", "-q")
        assert run.returncode == 0, run.stderr
        assert list(scratch.iterdir()) == [live]
        assert (live / "spool").read_bytes() == b"in use"
    assert list(scratch.iterdir()) == []


def test_a_store_left_by_a_killed_build_is_never_half_read(tmp_path, nlp):
    """The undo checkpoint marks a store as a store even if its own files were being replaced."""
    path = tmp_path / "store"
    build_corpus([SEEDS], store=path, run_validation=False, nlp=nlp)
    before = store_quads(path)
    shutil.copytree(path, tmp_path / "copy")
    (path / "CURRENT").unlink()  # as a kill in the middle of a repair could leave it
    shutil.copytree(tmp_path / "copy", path / UNDO_NAME, ignore=shutil.ignore_patterns("LOCK"))
    again = build_corpus([SEEDS], store=path, run_validation=False, nlp=nlp)
    assert again.tally.unchanged == 2
    assert store_quads(path) == before
