"""Options shared by the commands that read a graph (``query``, ``validate``, ``export``, ``show``,
``timeline``): each takes graph files, ``--store DIR`` or ``--endpoint URL`` alike, defined once here and
opened by ``newskg.stores.open_graph``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
