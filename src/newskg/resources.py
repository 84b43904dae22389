"""Find and load the ontology and SHACL shapes that ship with newskg.

The two Turtle files live at the top of the repository (``ontology/``, ``shapes/``) so that they can be
read and reviewed on their own; a wheel carries copies under ``newskg/_data/``. Both layouts are
supported: the packaged copy is looked up first, then the checkout (an editable install).

The loaded graphs are cached and shared: treat them as read-only. To change one, copy it first
(``copy = Graph(); copy += load_shapes()``).
"""

from __future__ import annotations

import atexit
import contextlib
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from newskg.errors import DataFileError

__all__ = ["load_ontology", "load_shapes", "ontology_path", "shapes_path"]

_ONTOLOGY = ("ontology", "newskg.ttl")
_SHAPES = ("shapes", "newskg.shapes.ttl")
_PACKAGE = "newskg"
_PACKAGE_DATA = "_data"
_CHECKOUT_ROOT = Path(__file__).resolve().parents[2]


def ontology_path() -> Path:
    """The path of ``newskg.ttl``, the OWL ontology."""
    return _find(_ONTOLOGY)


def shapes_path() -> Path:
    """The path of ``newskg.shapes.ttl``, the SHACL shapes."""
    return _find(_SHAPES)


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """The ontology as a graph, parsed once per process. Shared: do not mutate it."""
    return _parse(ontology_path())


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The SHACL shapes as a graph, parsed once per process. Shared: do not mutate it."""
    return _parse(shapes_path())


@cache
def _find(parts: tuple[str, str]) -> Path:
    """Package data first (a wheel), then the repository (a checkout); cached, since neither moves."""
    packaged = resources.files(_PACKAGE).joinpath(_PACKAGE_DATA).joinpath(*parts)
    if packaged.is_file():
        if isinstance(packaged, Path):
            return packaged
        # A zipped install: extract once, keep the copy until exit.
        return _extracted_files().enter_context(resources.as_file(packaged))
    checkout = _CHECKOUT_ROOT.joinpath(*parts)
    if checkout.is_file():
        return checkout
    relative = "/".join(parts)
    raise DataFileError(
        f"newskg installation is incomplete: {relative} is neither packaged at "
        f"newskg/{_PACKAGE_DATA}/{relative} nor in the checkout at {checkout}; "
        "reinstall newskg, or run it from a complete repository checkout."
    )


@lru_cache(maxsize=1)
def _extracted_files() -> contextlib.ExitStack:
    """Keeps files extracted from a zipped install until the interpreter exits; made on first need."""
    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return stack


def _parse(path: Path) -> Graph:
    """Parse a shipped Turtle file; a syntax error names ``file:line``."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except BadSyntax as exc:
        reason = getattr(exc, "_why", "bad syntax")
        raise DataFileError(
            f"{path}:{exc.lines + 1}: the Turtle does not parse ({reason}); fix the file or reinstall newskg."
        ) from exc
    return graph
