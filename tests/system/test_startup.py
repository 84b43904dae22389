"""Cheap start-up: ``import newskg``, ``newskg --help`` and ``newskg --version`` load none of the heavy
libraries (each public name is imported on first use). Each check runs in a fresh interpreter, since
this test session has long imported them all."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version

import pytest

from conftest import Cli

HEAVY = ("spacy", "rdflib", "pyshacl", "pyoxigraph", "networkx")

_LOADED = f"""
import json, sys
print(json.dumps(sorted({{name.partition(".")[0] for name in sys.modules}} & set({list(HEAVY)!r}))))
"""
_RUN_CLI = """
import sys
sys.argv = ["newskg", *{args!r}]
from newskg.cli import main
try:
    main()
except SystemExit as exc:
    assert exc.code in (0, None), exc.code
"""


def _heavy_modules_after(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code + _LOADED], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_import_newskg_loads_no_heavy_library() -> None:
    assert _heavy_modules_after("import newskg") == []


def test_the_public_names_are_there_without_importing_them() -> None:
    code = "import newskg\nassert set(newskg.__all__) <= set(dir(newskg)), dir(newskg)\n"
    assert _heavy_modules_after(code) == []


@pytest.mark.parametrize("args", [["--help"], ["--version"]], ids=["help", "version"])
def test_the_command_line_starts_without_heavy_libraries(args: list[str]) -> None:
    assert _heavy_modules_after(_RUN_CLI.format(args=args)) == []


def test_version_prints_the_package_metadata_version(cli: Cli) -> None:
    result = cli.run("--version", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"newskg {version('newskg')}\n"


def test_a_lazy_name_is_the_function_even_after_its_subpackage_is_imported() -> None:
    # newskg.build, .export, .query and .validate are functions and sub-packages of the same name.
    code = (
        "import inspect, newskg\n"
        "import newskg.build.corpus, newskg.export.writers, newskg.query.run, newskg.validate.shacl\n"
        "for name in ('build', 'export', 'query', 'validate'):\n"
        "    assert inspect.isfunction(getattr(newskg, name)), name\n"
        "from newskg import query\n"
        "assert inspect.isfunction(query)\n"
        "assert newskg.__version__\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
