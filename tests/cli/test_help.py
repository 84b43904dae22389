"""``--help`` of every command shows what to type: no Python types (``<bool>``, ``<list[Path]>``), no
braces around arguments (``{inputs}``), and paragraphs that wrap instead of keeping the source's line
breaks."""

from __future__ import annotations

import re

import pytest
import typer

from newskg.cli import app, commands  # noqa: F401  (importing registers the commands)
from newskg.cli._help import paragraphs

TYPE_LABEL = re.compile(r"<[a-z][\w\[\]., |]*>")
"""Typer's label of a Python type: ``<bool>``, ``<path>``, ``<list[Path]>``."""
BRACED = re.compile(r"\{[a-z_]+\}")


def _commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def _help(cli, *args: str) -> str:
    result = cli(*args, "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", ["", *_commands()], ids=lambda c: c or "newskg")
def test_help_shows_no_python_types_and_no_braces(cli, command):
    text = _help(cli, *([command] if command else []))
    assert TYPE_LABEL.findall(text) == []
    assert BRACED.findall(text) == []


def test_arguments_are_written_in_capitals_optional_ones_in_brackets(cli):
    assert "Usage: newskg extract [OPTIONS] INPUTS..." in _help(cli, "extract")
    assert "Usage: newskg export [OPTIONS] [GRAPHS...]" in _help(cli, "export")
    assert "Usage: newskg timeline [OPTIONS] ORG" in _help(cli, "timeline")


def test_a_flag_has_no_value_and_an_option_names_its_value(cli):
    lines = {line.split()[1]: line for line in _help(cli, "query").splitlines() if re.match(r"\W+--", line)}
    assert lines["--list"].split()[2] == "List", lines["--list"]  # the help text follows the flag at once
    assert lines["--format"].split()[2] == "FORMAT"
    assert lines["--file"].split()[3] == "PATH"  # after the short name -f
    assert lines["--timeout"].split()[2] == "SECONDS"


def test_the_newskg_help_lists_its_own_flags_bare(cli):
    text = _help(cli)
    assert re.search(r"--version\s+Print the version", text)
    assert re.search(r"--help\s+Show this message", text)


@pytest.mark.parametrize("command", _commands())
def test_a_command_description_keeps_no_line_break_of_the_source(command):
    help_text = typer.main.get_command(app).commands[command].help or ""  # type: ignore[attr-defined]
    assert "\n" not in help_text.replace("\n\n", ""), help_text


def test_paragraphs_are_kept_apart_and_lines_joined():
    text = "One line\n  goes on.\n\n  Next\n  paragraph."
    assert paragraphs(text) == "One line goes on.\n\nNext paragraph."
