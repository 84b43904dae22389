"""The test run's warning filters (``filterwarnings`` in pyproject.toml): a warning from newskg's code or
a test fails, and only rdflib's own use of what it deprecated is let off."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest
from rdflib import Dataset

from conftest import ROOT

RDFLIB_DEPRECATIONS = (
    "Dataset.default_context is deprecated, use Dataset.default_graph instead.",
    "Dataset.contexts is deprecated, use Dataset.graphs instead.",
    "ConjunctiveGraph is deprecated, use Dataset instead.",
)
"""What rdflib 7.6 says when its own code uses what it deprecated (RDFLib/rdflib#3475)."""
RAISED_BY_RDFLIB = {
    RDFLIB_DEPRECATIONS[0]: "rdflib.graph",
    RDFLIB_DEPRECATIONS[1]: "rdflib.plugins.sparql.evaluate",
    RDFLIB_DEPRECATIONS[2]: "rdflib.plugins.parsers.trig",
}


def _warn_from(module: str, message: str, category: type[Warning] = DeprecationWarning) -> None:
    """Warn as if from a line of ``module``: the filters choose by the module a warning points to."""
    warnings.warn_explicit(message, category, module.replace(".", "/") + ".py", 1, module=module)


@pytest.mark.parametrize("category", [DeprecationWarning, UserWarning, RuntimeWarning, ResourceWarning])
def test_a_warning_from_newskg_code_fails_the_run(category):
    with pytest.raises(category):
        _warn_from("newskg.graph.build", "something newskg should fix", category)


@pytest.mark.parametrize("message", RDFLIB_DEPRECATIONS)
def test_rdflibs_deprecations_fail_when_newskg_calls_them(message):
    with pytest.raises(DeprecationWarning):
        _warn_from("newskg.graph.access", message)


@pytest.mark.parametrize("message", RDFLIB_DEPRECATIONS)
def test_rdflibs_own_use_of_its_deprecations_is_let_off(message):
    _warn_from(RAISED_BY_RDFLIB[message], message)


def test_a_deprecated_call_in_a_test_fails_too():
    with pytest.raises(DeprecationWarning, match="default_graph instead"):
        Dataset().default_context  # noqa: B018  (the attribute read is what warns)


@pytest.mark.slow
def test_collecting_the_tests_warns_of_nothing():
    """pytest probes every global of a test module for fixtures (``_mock_name``); rdflib's ``XSD`` and
    ``DefinedNamespace`` answer an unknown name with a UserWarning. The probe swallows exceptions, so the
    "error" filter cannot catch that warning: it is shown here, and must not be."""
    collect = ["--collect-only", "-q", "-p", "no:cacheprovider", "-W", "always::UserWarning", "tests"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *collect],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr
    assert "warnings summary" not in run.stdout, run.stdout[run.stdout.find("warnings summary") :]
