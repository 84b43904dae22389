"""Outputs byte for byte: every format newskg writes, for the seeds and the dev corpora, against the
sha256 recorded in ``tests/data/output_snapshot.json`` by ``scripts/snapshot_outputs.py``.

A refactoring must leave them alone; a change meant to alter outputs regenerates the snapshot with
``python scripts/snapshot_outputs.py --update`` and says why in its commit.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT, SHARED

pytestmark = pytest.mark.slow

_SPEC = importlib.util.spec_from_file_location("snapshot_outputs", ROOT / "scripts" / "snapshot_outputs.py")
assert _SPEC is not None and _SPEC.loader is not None
snapshot = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(snapshot)


def _corpus(name: str) -> object:
    path = (ROOT / snapshot.CORPORA[name]).resolve()
    shared = path.is_relative_to(SHARED.resolve())
    return pytest.param(name, marks=[pytest.mark.needs_dev_corpus(path)] if shared else [], id=name)


@pytest.mark.parametrize("name", [_corpus(name) for name in snapshot.CORPORA])
def test_outputs_are_byte_identical_to_the_snapshot(name: str) -> None:
    expected = json.loads(snapshot.SNAPSHOT.read_text(encoding="utf-8"))[name]
    actual = snapshot.corpus_hashes(snapshot.CORPORA[name])
    changed = snapshot.differences(expected, actual)
    assert not changed, (
        f"{name}: {', '.join(changed)} changed; if meant, run scripts/snapshot_outputs.py --update"
    )
