"""Shared fixtures: one NLP pipeline and one build of the seed articles per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def nlp():
    from newskg.nlp import make_pipeline

    return make_pipeline()


@pytest.fixture(scope="session")
def seeds_result():
    """``newskg.build`` over ``seeds/``: records, dataset and SHACL report."""
    from newskg import build

    return build([SEEDS])


@pytest.fixture(scope="session")
def seeds_graph(seeds_result):
    return seeds_result.graph


needs_dev_corpus = pytest.mark.skipif(
    not DEV_CORPUS.is_dir(),
    reason=f"the shared dev corpus is not at {DEV_CORPUS} (CI puts ../shared beside the clone)",
)
"""For tests that read the dev corpus: CI always has it; a clone elsewhere skips them, saying why."""
