"""The embedded Oxigraph store, as the build stage uses it (and as older code imported it).

Its jobs live in private modules: ``_folder`` opens and checks a store folder, ``_rdflib`` gives the
rdflib ``Dataset`` over it, ``_state`` reads and keeps what a store holds (incremental-build state, the
union default graph), ``_spool`` keeps a file build's graph text, ``_workspace`` is the store a build
writes to; ``_endpoint`` is the remote SPARQL endpoint. The public API is ``newskg.stores``.
"""

from __future__ import annotations

from ._endpoint import DEFAULT_ENDPOINT_TIMEOUT, open_endpoint
from ._folder import is_out_of_space, is_store, open_oxigraph
from ._rdflib import open_store
from ._spool import BuiltGraph, TextSegment
from ._state import article_states
from ._workspace import Workspace

__all__ = [
    "DEFAULT_ENDPOINT_TIMEOUT",
    "BuiltGraph",
    "TextSegment",
    "Workspace",
    "article_states",
    "is_out_of_space",
    "is_store",
    "open_endpoint",
    "open_oxigraph",
    "open_store",
]
