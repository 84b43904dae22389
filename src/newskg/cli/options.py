"""Arguments and options several commands share, defined once so they accept the same things.

The commands that read articles (``build``, ``extract``) take the same inputs: files, folders, glob
patterns and ``-`` for stdin (``InputsArgument``, ``article_sources``). The commands that read a graph
(``query``, ``validate``, ``export``, ``show``, ``timeline``) each take graph files, ``--store DIR`` or
``--endpoint URL`` alike, opened by ``newskg.stores.open_graph``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rdflib import Graph

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Article files (.txt, .json, .jsonl), folders, glob patterns ('corpus/**/*.jsonl'), "
        "or - for JSON Lines on stdin.",
        show_default=False,
    ),
]


def article_sources(inputs: list[str]) -> list[str | Path]:
    """The sources ``newskg.ingest`` reads for the command line's inputs: ``-`` stays stdin, anything else
    is a path or a glob pattern (expanded by ``newskg.ingest.sources``), never an article's text."""
    from ..ingest.readers import STDIN

    return [STDIN if given == STDIN else Path(given) for given in inputs]


StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        metavar="DIR",
        help="Read the graph from a newskg store (a folder made by 'newskg build --store') instead of files.",
        show_default=False,
    ),
]
EndpointOption = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        metavar="URL",
        help="Read the graph from a SPARQL endpoint (its default graph: the union) instead of files.",
        show_default=False,
    ),
]


def jobs_option(work: str, unchanged: str) -> typer.models.OptionInfo:
    """``--jobs``/``-j`` of a command that runs ``work`` in worker processes: the same flag, bound and
    default wording everywhere; ``unchanged`` says what does not depend on it."""
    option: typer.models.OptionInfo = typer.Option(
        "--jobs",
        "-j",
        min=1,
        help=f"Processes {work}; default: the cores this process may use. {unchanged}",
    )
    return option


def union_hint(endpoint: Graph) -> str | None:
    """``UNION_HINT`` when the endpoint answers over an empty default graph while its named graphs hold
    triples (Oxigraph started without --union-default-graph); asked only once a command found nothing."""
    from ..errors import StoreError
    from ..stores import UNION_HINT, misses_the_union

    try:
        return UNION_HINT if misses_the_union(endpoint) else None
    except StoreError:  # the hint is a guess: a failing probe leaves the answer as it was
        return None
