"""The built wheel carries the ontology and shapes, and `newskg build` works from an installed wheel.

The wheel is installed into a new virtual environment without its dependencies; they are taken
from the running environment through a .pth file, so the test needs no network. The checkout is
not on the new environment's path, so the files must come from the wheel's package data.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = dist.glob("newskg-*.whl")
    return found


def test_wheel_contains_ontology_shapes_and_rule_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "newskg/_data/ontology/newskg.ttl" in names
    assert "newskg/_data/shapes/newskg.shapes.ttl" in names
    from newskg.nlp.lexicon import RULE_FILES

    assert {f"newskg/nlp/rules/{name}" for name in RULE_FILES} <= names
    assert "newskg/nlp/data/iran_provinces.tsv" in names
    assert "newskg/nlp/data/given_names.tsv" in names
    assert "newskg/nlp/data/english_words.tsv" in names
    assert "newskg/nlp/data/WORDNET_LICENSE.txt" in names
    assert {f"newskg/views/html/page.{kind}" for kind in ("css", "js", "html")} <= names
    assert "newskg/query/library/heads-of.rq" in names
    assert "newskg/build/corpus.py" in names  # a folder named build/ is not left out as a build output
    assert "newskg/py.typed" in names  # PEP 561: type checkers read the package's own hints
    assert (ROOT / "ontology" / "newskg.ttl").read_bytes() == zipfile.ZipFile(wheel).read(
        "newskg/_data/ontology/newskg.ttl"
    )


def test_installed_wheel_builds_the_seeds(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = sysconfig.get_paths()["purelib"]
    # Dependencies from this environment, after the new environment's own packages.
    (Path(site) / "zz_newskg_test_deps.pth").write_text(f"import sys; sys.path.append({deps!r})\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], check=True
    )
    out = tmp_path / "graph.ttl"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run(
        [str(venv / "bin" / "newskg"), "build", str(SEEDS), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "SHACL: conforms" in run.stdout
    where = subprocess.run(
        [str(python), "-c", "import newskg.resources as r; print(r.shapes_path())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    ).stdout.strip()
    assert where.startswith(site), where


def test_drawing_needs_no_extra_and_dataframes_name_theirs(wheel):
    """``make run`` installs newskg without extras: pictures must work there (issue 15)."""
    metadata = next(
        zipfile.ZipFile(wheel).read(name).decode("utf-8")
        for name in zipfile.ZipFile(wheel).namelist()
        if name.endswith(".dist-info/METADATA")
    )
    requires = [
        line.removeprefix("Requires-Dist: ") for line in metadata.splitlines() if "Requires-Dist" in line
    ]
    matplotlib = [r for r in requires if r.startswith("matplotlib")]
    assert matplotlib and not any("extra ==" in r for r in matplotlib), matplotlib
    pandas = [r for r in requires if r.startswith("pandas")]
    assert any("extra == 'pandas'" in r for r in pandas) and any("extra == 'viz'" in r for r in pandas)
    assert not any("extra ==" not in r for r in pandas), "pandas is optional"
