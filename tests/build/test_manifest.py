"""A re-run of a file build with nothing changed leaves the output as it was and says what the last
build said (``newskg.build.manifest``); any change to what the output is made from builds again, and
gives the bytes a fresh build gives."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS
from newskg.build import manifest
from newskg.build.manifest import files_digest, manifest_path
from violations import CONTRADICTING, write_articles

NOTHING_CHANGED = "nothing changed since the last build"


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """The seeds and two articles that contradict each other (a cross-article violation): a folder."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    write_articles(folder, dict(list(CONTRADICTING.items())[:2]))
    return folder


def _build(cli, corpus: Path, out: Path, *options: object):
    return cli("build", corpus, "-o", out, "--jobs", 1, *options)


def _fresh(cli, tmp_path: Path, corpus: Path, name: str, *options: object) -> bytes:
    """The bytes a build with no earlier output writes."""
    folder = tmp_path / "fresh"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    _build(cli, corpus, folder / name, *options)
    return (folder / name).read_bytes()


def test_a_rerun_with_nothing_changed_leaves_the_output_and_says_what_the_build_said(cli, tmp_path, corpus):
    out = tmp_path / "graph.nt"
    first = _build(cli, corpus, out)
    assert first.exit_code == 1  # the two articles contradict each other
    before = out.stat()
    again = _build(cli, corpus, out)
    assert again.exit_code == first.exit_code
    assert again.stdout.splitlines()[0] == f"{NOTHING_CHANGED}: {out} left as it was"
    counts = [line for line in first.stdout.splitlines() if not line.startswith(("wrote", "time", "  "))]
    assert again.stdout.splitlines()[1:-1] == counts
    assert again.stderr == first.stderr  # the same SHACL report
    after = out.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_skipped_articles_are_reported_again_with_exit_4(cli, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "graph.nq"
    first = _build(cli, corpus, out)
    again = _build(cli, corpus, out)
    assert first.exit_code == again.exit_code == 4
    assert NOTHING_CHANGED in again.stdout
    skipped = [line for line in again.stderr.splitlines() if line.startswith("newskg: skipped: ")]
    assert len(skipped) == 1 and str(corpus / "broken.json") in skipped[0]
    assert again.stderr == first.stderr


def _edit(corpus: Path, out: Path) -> None:
    path = corpus / "tea-a.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["text"] = record["text"].replace("12 percent", "14 percent")
    path.write_text(json.dumps(record), encoding="utf-8")


def _add(corpus: Path, out: Path) -> None:
    write_articles(corpus, dict(list(CONTRADICTING.items())[2:3]))


def _remove(corpus: Path, out: Path) -> None:
    (corpus / "tea-b.json").unlink()


def _edit_output(corpus: Path, out: Path) -> None:
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[1:]))


def _edit_output_same_size(corpus: Path, out: Path) -> None:
    data = bytearray(out.read_bytes())
    data[-3] = ord("X") if data[-3] != ord("X") else ord("Y")  # inside the last line's object
    out.write_bytes(bytes(data))


def _delete_output(corpus: Path, out: Path) -> None:
    out.unlink()


def _delete_manifest(corpus: Path, out: Path) -> None:
    manifest_path(out).unlink()


@pytest.mark.parametrize(
    "change",
    [_edit, _add, _remove, _edit_output, _edit_output_same_size, _delete_output, _delete_manifest],
)
def test_a_change_builds_again_and_gives_a_fresh_builds_bytes(cli, tmp_path, corpus, change):
    out = tmp_path / "graph.nt"
    _build(cli, corpus, out)
    change(corpus, out)
    again = _build(cli, corpus, out)
    assert NOTHING_CHANGED not in again.stdout
    assert "reading and extraction" in again.stdout
    assert out.read_bytes() == _fresh(cli, tmp_path, corpus, out.name)
    assert NOTHING_CHANGED in _build(cli, corpus, out).stdout  # and now it is up to date again


@pytest.mark.parametrize(
    ("first", "then"),
    [
        (["--format", "nt", "--no-validate"], ["--format", "nt"]),
        (["--format", "nt"], ["--format", "nt", "--no-validate"]),
        (["--format", "nt"], ["--format", "turtle"]),
    ],
)
def test_other_options_build_again(cli, tmp_path, corpus, first, then):
    out = tmp_path / "graph.out"
    _build(cli, corpus, out, *first)
    again = _build(cli, corpus, out, *then)
    assert NOTHING_CHANGED not in again.stdout
    assert out.read_bytes() == _fresh(cli, tmp_path, corpus, out.name, *then)


def test_rebuild_builds_again(cli, tmp_path, corpus):
    out = tmp_path / "graph.ttl"
    _build(cli, corpus, out)
    assert NOTHING_CHANGED not in _build(cli, corpus, out, "--rebuild").stdout


@pytest.mark.parametrize("what", ["code", "library"])
def test_another_newskg_or_library_builds_again(cli, tmp_path, corpus, monkeypatch, what):
    out = tmp_path / "graph.ttl"
    _build(cli, corpus, out)
    if what == "code":  # other rules, name tables, shapes or code: newskg's files differ
        monkeypatch.setattr(manifest, "code_digest", lambda: "another newskg")
    else:
        real = manifest._version
        monkeypatch.setattr(manifest, "_version", lambda name: "9.9" if name == "spacy" else real(name))
    again = _build(cli, corpus, out)
    assert NOTHING_CHANGED not in again.stdout
    assert out.read_bytes() == _fresh(cli, tmp_path, corpus, out.name)


def test_the_code_digest_covers_every_file_of_the_package(tmp_path):
    package = tmp_path / "package"
    shutil.copytree(Path(manifest.__file__).parents[1] / "nlp" / "rules", package / "nlp" / "rules")
    before = files_digest(package)
    rules = package / "nlp" / "rules" / "titles.json"
    rules.write_text(rules.read_text(encoding="utf-8").replace('"', '"x', 1), encoding="utf-8")
    assert files_digest(package) != before
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "m.pyc").write_bytes(b"bytecode")
    edited = files_digest(package)
    assert files_digest(package) == edited  # bytecode caches do not count


def test_a_rerun_with_nothing_changed_loads_neither_spacy_nor_the_build(tmp_path, corpus):
    out = tmp_path / "graph.nt"
    script = (
        "import sys\n"
        "from newskg.cli import main\n"
        f"sys.argv = ['newskg', 'build', {str(corpus)!r}, '-o', {str(out)!r}, '-q', '--no-validate']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('spacy', 'newskg.build.corpus') if m in sys.modules))\n"
    )
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "['newskg.build.corpus', 'spacy']"
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert again.stdout.strip() == "[]"
