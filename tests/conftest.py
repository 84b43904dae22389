"""Shared fixtures: one NLP pipeline and one build of the seed articles per test session, and ``cli``,
which runs the ``newskg`` command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
"""The shared dev corpus and its scorer, beside the clone: CI has it; elsewhere it may be missing."""
DEV_CORPUS = SHARED / "corpus" / "dev"
NEWSKG = Path(sys.executable).with_name("newskg")
"""The console script installed beside this Python: what users run."""


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


@pytest.fixture()
def store_path(tmp_path, seeds_result) -> Path:
    """A real Oxigraph store folder holding the seeds' dataset (the named graphs as built)."""
    import pyoxigraph as ox

    from newskg.rdf.write import serialize

    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.load(serialize(seeds_result.dataset, "nquads"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    return path


def _missing_shared_paths(item: pytest.Item) -> list[Path]:
    """What the test's ``needs_dev_corpus(*paths)`` markers ask for under ``SHARED`` and is not there."""
    wanted = [
        SHARED / path
        for marker in item.iter_markers("needs_dev_corpus")
        for path in (marker.args or (DEV_CORPUS,))
    ]
    return [path for path in wanted if not path.exists()]


_SLOW_LEFT_OUT = pytest.StashKey[int]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the tests marked slow (builds, kills, servers, browser, wheel; make test and CI do)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``needs_dev_corpus`` skip, saying what is missing, where ``../shared`` is absent.

    Tests marked ``slow`` run only with ``--slow``, or when ``-m`` names ``slow`` itself: a plain
    ``pytest`` is the quick local loop, ``make test`` runs everything.
    """
    for item in items:
        missing = _missing_shared_paths(item)
        if missing:
            reason = f"{missing[0]} is missing (the shared dev corpus; CI puts ../shared beside the clone)"
            item.add_marker(pytest.mark.skip(reason=reason))
    if config.getoption("slow") or "slow" in config.getoption("markexpr"):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]
        config.stash[_SLOW_LEFT_OUT] = len(slow)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    if left_out := config.stash.get(_SLOW_LEFT_OUT, 0):
        terminalreporter.write_line(f"{left_out} slow tests not run: --slow runs them (make test does)")


class Cli:
    """Runs ``newskg`` with the given arguments; every result has the exit code, stdout and stderr apart.

    ``cli(*args)`` runs the app in this process: quick, for the many variants of one case.
    ``cli.run(*args)`` runs the installed command in a subprocess, as a user would: where a traceback
    or a slow start would show. Arguments may be paths or numbers; ``env`` adds to the environment.
    Neither lets an uncaught exception through: a traceback fails the test that caused it.
    Tests that signal the command, or give it a terminal, start ``NEWSKG`` themselves.
    """

    def __call__(
        self, *args: object, input: str | None = None, env: Mapping[str, str] | None = None
    ) -> Result:
        from newskg.cli import app, commands  # noqa: F401  (importing registers the commands)

        result = CliRunner().invoke(app, [str(arg) for arg in args], input=input, env=env)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    def run(
        self,
        *args: object,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        timeout: float = 300,
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(NEWSKG), *map(str, args)],
            input=input,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            timeout=timeout,
            check=False,
        )
        assert "Traceback" not in result.stderr, result.stderr
        return result


@pytest.fixture(scope="session")
def cli() -> Cli:
    """The ``newskg`` command: ``cli(*args)`` in this process, ``cli.run(*args)`` as a subprocess."""
    return Cli()
