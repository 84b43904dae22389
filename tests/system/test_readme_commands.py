"""Every command of the README runs as written on a fresh clone after the quickstart.

The test copies the files a clone has (``git ls-files``: tracked, and new files that are not ignored)
into a temporary folder, links ``.venv`` there to the environment running the tests (where ``make test``
installed newskg), and runs the README's ``sh`` blocks and then its ``python`` block in document order,
in one ``bash`` with ``set -e``, so the first command that fails (any exit code but 0) fails the test
and is named. ``PATH`` does not hold the environment: ``newskg`` is found only because the quickstart's
``. .venv/bin/activate`` puts it there, as it must for a user.

What is not run exactly as written, and why (keep this short):

- ``make test`` is not run: it runs this very test (and the whole suite); CI runs it (``.ci/run``).
- ``make run`` runs without its install step (``make -o .venv/.installed-run run``): newskg is already
  installed in ``.venv``, and the step would install the temporary copy over it.
- the push block names Oxigraph's default address, ``localhost:7878``; the test starts a real ``oxigraph
  serve --union-default-graph`` (as the README says) on a free port and puts that port in its place.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from oxigraph_server import Server

pytestmark = pytest.mark.slow

README = ROOT / "README.md"
NOT_RUN = {"make test": "runs this test itself; CI runs it"}
REWRITTEN = {"make run": "make -o .venv/.installed-run run"}
"""README command (its first words, before any comment) -> what the test runs instead."""
README_SERVER = "localhost:7878"
_BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def readme_blocks(text: str) -> list[tuple[str, str]]:
    """The ``sh`` and ``python`` code blocks of a Markdown text, as (language, code), in order."""
    return [(found.group(1), found.group(2)) for found in _BLOCK.finditer(text)]


def shell_script(blocks: list[tuple[str, str]], *, server: str) -> str:
    """One bash script that runs ``blocks`` in order and stops, naming it, at the first failing command."""
    lines = [
        "set -eo pipefail",
        "trap 'echo \"README command failed with exit $?: $BASH_COMMAND\" >&2' ERR",
    ]
    for language, code in blocks:
        if language == "python":
            lines += ["python - <<'README_PYTHON'", code.rstrip("\n"), "README_PYTHON"]
            continue
        for line in code.splitlines():
            command = line.split(" #", 1)[0].strip()
            if command in NOT_RUN:
                continue
            lines.append(REWRITTEN.get(command, line).replace(README_SERVER, server))
    return "\n".join(lines) + "\n"


def fresh_clone(target: Path) -> Path:
    """The files a clone of this repository has, copied to ``target``, and ``.venv`` the test environment."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("the README test copies the files git tracks: run it in a git clone with git installed")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out, as a commit would
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    return target


def test_readme_blocks_are_found_and_what_is_not_run_is_there():
    blocks = readme_blocks(README.read_text(encoding="utf-8"))
    assert [language for language, _ in blocks].count("sh") >= 2 and ("python" in dict(blocks))
    commands = {
        line.split(" #", 1)[0].strip()
        for language, code in blocks
        if language == "sh"
        for line in code.splitlines()
    }
    assert set(NOT_RUN) | set(REWRITTEN) <= commands, "the exemptions name README commands that are gone"


def test_shell_script_skips_rewrites_and_keeps_the_rest():
    blocks = [
        ("sh", "make run   # build\nmake test  # all\n. .venv/bin/activate\n"),
        ("sh", "newskg push g.trig --endpoint http://localhost:7878/store  # up\n"),
        ("python", "import newskg\n"),
    ]
    script = shell_script(blocks, server="127.0.0.1:5555").splitlines()
    assert script[2:] == [
        "make -o .venv/.installed-run run",
        ". .venv/bin/activate",
        "newskg push g.trig --endpoint http://127.0.0.1:5555/store  # up",
        "python - <<'README_PYTHON'",
        "import newskg",
        "README_PYTHON",
    ]


def test_every_readme_command_runs_as_written_on_a_fresh_clone(tmp_path):
    clone = fresh_clone(tmp_path / "clone")
    script = shell_script(readme_blocks(README.read_text(encoding="utf-8")), server="{server}")
    venv_bin = str(Path(sys.executable).parent)
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p != venv_bin)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")} | {"PATH": path}
    server = Server(tmp_path / "oxigraph-server")
    try:
        run = subprocess.run(
            ["bash", "-c", script.replace("{server}", f"127.0.0.1:{server.port}")],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
            check=False,
        )
    finally:
        server.stop()
    assert run.returncode == 0, "\n".join(run.stderr.splitlines()[-6:])  # the command's error, then its name
    assert "Traceback" not in run.stderr, run.stderr
    for written in ("out/graph.ttl", "out/graph.trig", "out/graph.jsonld", "out/tables/entities.csv"):
        assert (clone / written).is_file(), f"the README says a command writes {written}"
    assert "Mohsen Salehinia" in run.stdout  # the timeline, the queries and the Python block print him
