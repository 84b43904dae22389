"""The named SPARQL queries shipped with newskg, one documented ``.rq`` file each.

A query file starts with comments: its title on the first line, a description, then one
``# @param NAME KIND  help`` line per parameter. ``NAME`` is the SPARQL variable the parameter binds
(``?org`` for ``org``); ``KIND`` says how a user's value becomes an RDF term:

``entity``   a name, an alias or an IRI, looked up among the graph's entities;
``article``  an article identifier (``schema:identifier``) or IRI;
``text``     a plain string literal;
``a|b``      one of the words listed, as a plain string literal (``out|in``).

A parameter is required unless its kind ends in ``?`` (``out|in?``): left out, its variable stays
unbound, so the query must then still mean something (``about`` lists both directions).

Values are bound as RDF terms (``initBindings``), never pasted into the query text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import DataFileError, QueryError

LIBRARY = "library"
"""The folder of this package that holds the `.rq` files."""
PARAM_KINDS = ("entity", "article", "text")
CHOICE = "choice"
"""The kind of a parameter whose value is one of the words its declaration lists."""
_PARAM = re.compile(r"#\s*@param\s+([a-z][a-z0-9_]*)\s+(\w+(?:\|\w+)*)(\??)\s+(.+)")


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of a named query: the variable it binds and how its value is read."""

    name: str
    kind: str
    help: str
    required: bool = True
    choices: tuple[str, ...] = ()
    """The words a ``choice`` parameter accepts."""

    def usage(self) -> str:
        """``ORG=...``, ``[DIRECTION=out|in]``."""
        written = f"{self.name.upper()}={'|'.join(self.choices) or '...'}"
        return written if self.required else f"[{written}]"


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A documented SPARQL query from the library."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sparql: str

    def usage(self) -> str:
        """How to call it from the command line: ``heads-of ORG=...``."""
        return " ".join([self.name, *(p.usage() for p in self.params)])


def parse_named_query(name: str, text: str, *, origin: str) -> NamedQuery:
    """Read the header comments of a query file; ``origin`` names the file in errors."""
    comments: list[str] = []
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        if "@param" in line:
            params.append(_param(line, origin=f"{origin}:{number}"))
        else:
            comments.append(line.lstrip("#").strip())
    title = comments[0] if comments else ""
    if not title:
        raise DataFileError(f"{origin}:1: a named query starts with a '# Title.' comment line")
    description = " ".join(c for c in comments[1:] if c)
    for param in params:
        if not re.search(rf"\?{param.name}\b", text):
            raise DataFileError(
                f"{origin}: parameter '{param.name}' is not a variable (?{param.name}) of the query"
            )
    return NamedQuery(name, title.rstrip("."), description, tuple(params), text)


def _param(line: str, *, origin: str) -> Param:
    found = _PARAM.fullmatch(line.strip())
    if found is None or ("|" not in found.group(2) and found.group(2) not in PARAM_KINDS):
        raise DataFileError(
            f"{origin}: write parameters as '# @param name KIND  help', KIND one of "
            f"{', '.join(PARAM_KINDS)} or words a|b, with ? after it if it may be left out"
        )
    name, kind, optional, help_text = found.groups()
    choices = tuple(kind.split("|")) if "|" in kind else ()
    return Param(name, CHOICE if choices else kind, help_text.strip(), required=not optional, choices=choices)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped with newskg, by name, in name order."""
    found: dict[str, NamedQuery] = {}
    folder = resources.files(__package__ or "newskg.query").joinpath(LIBRARY)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name.removesuffix(".rq")
            found[name] = parse_named_query(
                name, entry.read_text(encoding="utf-8"), origin=f"newskg/queries/{entry.name}"
            )
    return dict(sorted(found.items()))


def named_query(name: str) -> NamedQuery:
    """The named query ``name``; an unknown name suggests the closest ones."""
    library = named_queries()
    try:
        return library[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(library), n=3)
        hint = f"did you mean {', '.join(close)}?" if close else f"known queries: {', '.join(library)}"
        raise QueryError(f"no named query '{name}'; {hint} (newskg query --list)") from None


__all__ = [
    "CHOICE",
    "PARAM_KINDS",
    "NamedQuery",
    "Param",
    "named_queries",
    "named_query",
    "parse_named_query",
]
