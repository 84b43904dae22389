"""Help text that shows what to type (``--output PATH``, ``newskg extract [OPTIONS] INPUTS...``) in
paragraphs that wrap to the terminal.

Typer labels every option with its Python type (``--quiet <bool>``, ``--output <path>``) and writes a
required argument in braces in the usage line (``{inputs}...``), which reads as syntax to type. Here,
once per command and before its help is drawn, a flag gets no label, an option without a ``metavar`` a
plain word for its type (``PATH``, ``TEXT``, ``N``, ``NUMBER``), and an argument its upper-case name
(``INPUTS...``, in brackets when it may be left out), the way click and most Unix tools write them.
A command's docstring is wrapped as paragraphs: Typer would keep the line breaks of the source after the
first one.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.models import CommandFunctionType

TYPE_WORDS: dict[type, str] = {int: "N", float: "NUMBER", bool: "BOOLEAN"}
"""How an option's value is named when its declaration gives no ``metavar``; anything else is TEXT,
or PATH for paths."""


class PlainArgument(TyperArgument):
    """An argument written as its metavar alone: no Python type beside it, no braces in the usage."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        return [str(self.metavar) if self.required else f"[{self.metavar}]"]


class HelpCommand(TyperCommand):
    """A command whose options and arguments are labelled as ``plain_labels`` says, its help text in
    paragraphs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = paragraphs(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            plain_labels(param)
        return params


class HelpGroup(TyperGroup):
    """The ``newskg`` command itself, its own options (``--version``, ``--help``) labelled the same way."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            plain_labels(param)
        return params


class App(typer.Typer):
    """A Typer app whose commands are ``HelpCommand``s, so no command module has to say so."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", HelpCommand)
        return super().command(*args, **kwargs)


def plain_labels(param: object) -> None:
    """Label ``param`` for help as this module says; a parameter already labelled is left as it is."""
    if isinstance(param, TyperArgument) and not isinstance(param, PlainArgument):
        name = param.metavar or (param.name or "").upper()
        param.metavar = f"{name}..." if param.nargs != 1 and not name.endswith("...") else name
        param.__class__ = PlainArgument
    elif isinstance(param, TyperOption) and param.metavar is None:
        param.metavar = "" if param.is_flag or param.count else _type_word(param)


def paragraphs(text: str) -> str:
    """``text`` with the line breaks inside each paragraph made spaces (paragraphs: blank-line apart)."""
    return "\n\n".join(" ".join(part.split()) for part in inspect.cleandoc(text).split("\n\n"))


def _type_word(option: TyperOption) -> str:
    annotation = getattr(getattr(option, "type_descriptor", None), "annotation", None)
    element = getattr(annotation, "__args__", (annotation,))[0]  # list[Path] -> Path
    if isinstance(element, type):
        if element.__name__ == "Path":
            return "PATH"
        return TYPE_WORDS.get(element, "TEXT")
    return "TEXT"
