"""Byte-for-byte snapshot of everything newskg writes, to show that a refactoring changed no output.

For ``seeds/`` and, when ``../shared`` is beside the clone, the ``dev`` and ``dev-broad`` corpora, it
runs newskg as a user would (the ``newskg`` commands in this process, and the public API) and records
the sha256 of each output in ``tests/data/output_snapshot.json``:

- ``newskg build CORPUS -o build.EXT`` in every RDF format (.nq, .trig, .ttl, .nt, .jsonld), not the
  hidden file of kept validation results beside a TriG or N-Quads output (build state, whose key
  changes with the shapes file's every byte);
- ``newskg export build.nq -o export.EXT`` in every RDF format, and the CSV tables (``--format csv``);
- ``newskg extract CORPUS --format json`` (stdout);
- ``newskg validate build.nq`` as text and as a Turtle report (stdout);
- ``newskg.build([CORPUS])``: its summary and report text, and ``newskg.export`` of its dataset.

Usage (from anywhere; it runs in the repository root so the corpora are named by relative paths):

    python scripts/snapshot_outputs.py            # check: exit 0 when identical, 1 with a one-line summary
    python scripts/snapshot_outputs.py --update   # write the snapshot anew

When a change is *meant* to change outputs (the NLP rules change on main, say), regenerate the
snapshot with ``--update`` in the same commit and say why in its message; a refactoring must leave it
alone. ``tests/system/test_output_snapshot.py`` runs the check per corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SNAPSHOT = REPO / "tests" / "data" / "output_snapshot.json"
CORPORA = {"seeds": "seeds", "dev": "../shared/corpus/dev", "dev-broad": "../shared/corpus/dev-broad"}
"""Corpus name -> path relative to the repository root (relative, so outputs do not depend on the clone)."""
RDF_SUFFIXES = (".nq", ".trig", ".ttl", ".nt", ".jsonld")


def available() -> dict[str, str]:
    """The corpora present on this machine."""
    return {name: path for name, path in CORPORA.items() if (REPO / path).is_dir()}


@contextmanager
def _in_repo() -> Iterator[None]:
    before = Path.cwd()
    os.chdir(REPO)
    try:
        yield
    finally:
        os.chdir(before)


def _newskg(*args: str) -> str:
    """Run a ``newskg`` command in this process; its stdout (it must exit 0)."""
    from typer.testing import CliRunner

    from newskg.cli import app, commands  # noqa: F401  (importing registers the commands)

    result = CliRunner().invoke(app, list(args))
    if result.exit_code != 0:
        said = result.stderr or result.output
        raise RuntimeError(f"newskg {' '.join(args)}: exit {result.exit_code}: {said}")
    return result.stdout


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def corpus_hashes(corpus: str) -> dict[str, str]:
    """Output name -> sha256, for one corpus (a path relative to the repository root)."""
    import newskg

    hashes: dict[str, str] = {}
    with _in_repo(), tempfile.TemporaryDirectory(prefix="newskg-snapshot-") as tmp:
        out = Path(tmp)
        for suffix in RDF_SUFFIXES:
            _newskg("build", corpus, "-o", str(out / f"build{suffix}"))
        quads = str(out / "build.nq")
        for suffix in RDF_SUFFIXES:
            _newskg("export", quads, "-o", str(out / f"export{suffix}"))
        _newskg("export", quads, "-o", str(out / "tables"), "--format", "csv")
        for written in sorted(out.rglob("*")):
            if written.is_file() and not written.name.startswith("."):  # not the builds' kept state
                hashes[written.relative_to(out).as_posix()] = _sha(written.read_bytes())
        hashes["extract.jsonl"] = _sha(_newskg("extract", corpus, "--format", "json").encode())
        hashes["validate.txt"] = _sha(_newskg("validate", quads).encode())
        hashes["validate-report.ttl"] = _sha(_newskg("validate", quads, "--format", "turtle").encode())

        result = newskg.build([corpus])
        hashes["api-summary.txt"] = _sha(result.summary().encode())
        hashes["api-report.txt"] = _sha(str(result.report).encode())
        for suffix in (".trig", ".ttl"):
            (written,) = newskg.export(result.dataset, out / f"api{suffix}")
            hashes[f"api{suffix}"] = _sha(written.read_bytes())
    return dict(sorted(hashes.items()))


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    """The names of outputs that differ, are new, or are missing."""
    return sorted(name for name in expected.keys() | actual.keys() if expected.get(name) != actual.get(name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--update", action="store_true", help="write the snapshot instead of checking it")
    args = parser.parse_args(argv)
    corpora = available()
    actual = {name: corpus_hashes(path) for name, path in corpora.items()}
    if args.update:
        if set(corpora) != set(CORPORA):
            missing = ", ".join(sorted(set(CORPORA) - set(corpora)))
            print(f"snapshot: {missing} missing (../shared must be beside the clone)", file=sys.stderr)
            return 2
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(actual, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {SNAPSHOT.relative_to(REPO)}: {sum(map(len, actual.values()))} outputs")
        return 0
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    changed = {name: differences(expected.get(name, {}), hashes) for name, hashes in actual.items()}
    changed = {name: names for name, names in changed.items() if names}
    if changed:
        summary = "; ".join(f"{name}: {', '.join(names)}" for name, names in changed.items())
        print(f"snapshot differs: {summary}", file=sys.stderr)
        return 1
    print(f"snapshot identical: {', '.join(actual)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
