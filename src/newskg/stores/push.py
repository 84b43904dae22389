"""Upload a graph to a remote triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one per article, plus the corpus-level graphs) is sent with ``PUT ?graph=IRI``,
which replaces the graph: pushing twice gives the same store, and a push that failed half-way is
finished by running it again. A graph larger than ``batch_size`` triples goes in bounded requests
(the first a ``PUT``, the rest ``POST`` to the same graph), since some stores (Virtuoso) stall on one
huge upload. A graph counts as pushed only once all its requests succeeded, which means a 2xx answer:
redirects are followed only as ``newskg.stores.remote`` allows (same origin, ``307``/``308``), anything else
is a failure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import StoreError
from ..rdf.write import QUAD_FORMATS, format_for, read_graph_blocks
from . import remote
from ._folder import is_store
from ._state import iter_stored_graphs, stored_graph_names

DEFAULT_BATCH_SIZE = 50_000
"""Triples per HTTP request: some megabytes of N-Triples."""
CONTENT_TYPE = "application/n-triples"
RETRY_STATUSES = frozenset({502, 503, 504})
"""Answers worth retrying: the server or a proxy in front of it is busy, not refusing the data."""


class PushError(StoreError):
    """An upload failed; ``pushed`` graphs were complete before it."""

    def __init__(self, message: str, *, pushed: int) -> None:
        super().__init__(message)
        self.pushed = pushed


@dataclass(frozen=True, slots=True)
class PushResult:
    """What a push sent: whole graphs, their triples, and the HTTP requests it took."""

    graphs: int
    triples: int
    requests: int


@dataclass(frozen=True, slots=True)
class Target:
    """A Graph Store Protocol endpoint and how to reach it."""

    url: str
    graph_param: str = "graph"
    """``graph`` in the standard; old Virtuoso versions want ``graph-uri``."""
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    digest: bool = False
    timeout: float = 120
    retries: int = 2


def push(
    source: str | Path,
    target: Target,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_graph: Callable[[int, int], None] | None = None,
) -> PushResult:
    """Push every graph of ``source`` (an Oxigraph store folder or an RDF file) to ``target``.

    ``on_graph(done, total)`` is called after each complete graph. Raises ``PushError`` naming the
    graph that failed and how many were complete before it.
    """
    if batch_size < 1:
        raise StoreError(f"--batch-size {batch_size}: give a number of triples of at least 1")
    total, graphs = _graphs(Path(source))
    return push_graphs(graphs, target, total=total, batch_size=batch_size, on_graph=on_graph)


def push_graphs(
    graphs: Iterable[tuple[str | None, Sequence[ox.Quad]]],
    target: Target,
    *,
    total: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_graph: Callable[[int, int], None] | None = None,
) -> PushResult:
    """Push ``(graph IRI, quads)`` pairs, one graph at a time; ``None`` is the default graph."""
    import requests

    remote.check_url(target.url, what="Graph Store endpoint")
    remote.check_timeout(target.timeout)
    url_auth = remote.credentials(target.url)[1]
    user, password = (target.user, target.password or "") if target.user else url_auth or (None, "")
    session = requests.Session()
    if user:
        session.auth = requests.auth.HTTPDigestAuth(user, password) if target.digest else (user, password)
    done = triples = sent = 0
    try:
        for name, quads in graphs:
            chunks = list(_chunks(quads, batch_size)) or [b""]
            for index, body in enumerate(chunks):
                method = "PUT" if index == 0 else "POST"
                _send(
                    session, target, method, name, body, where=_where(name, index, len(chunks)), pushed=done
                )
                sent += 1
            done += 1
            triples += len(quads)
            if on_graph is not None:
                on_graph(done, total or done)
    finally:
        session.close()
    return PushResult(done, triples, sent)


def _graphs(source: Path) -> tuple[int, Iterator[tuple[str | None, list[ox.Quad]]]]:
    """How many graphs, and each one in IRI order, read one at a time from a store folder or all at once
    from an RDF file; a triples file (Turtle, N-Triples, JSON-LD) is the default graph."""
    if source.is_dir():
        if not is_store(source):
            raise StoreError(f"{source}: is a folder but not an Oxigraph store; give a store or an RDF file")
        names = stored_graph_names(source)
        return len(names), ((str(name), quads) for name, quads in iter_stored_graphs(source))
    if not source.exists():
        raise StoreError(f"{source}: no such file or store")
    quads_kept = format_for(source) in QUAD_FORMATS
    blocks = sorted(read_graph_blocks(source).items(), key=lambda item: str(item[0]))
    pairs = [
        (graph.value if quads_kept and isinstance(graph, ox.NamedNode) else None, quads)
        for graph, quads in blocks
    ]
    return len(pairs), iter(pairs)


def _chunks(quads: Sequence[ox.Quad], size: int) -> Iterator[bytes]:
    for start in range(0, len(quads), size):
        triples = (quad.triple for quad in quads[start : start + size])
        yield ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _where(name: str | None, index: int, count: int) -> str:
    graph = f"graph <{name}>" if name else "the default graph"
    return graph if count == 1 else f"{graph} (request {index + 1} of {count})"


def _send(
    session: Any, target: Target, method: str, name: str | None, body: bytes, *, where: str, pushed: int
) -> None:
    """One request, retried on connection errors and busy answers; a refusal is reported at once.

    Only a 2xx answer counts: a redirect the policy of ``newskg.stores.remote`` does not follow, or any other
    status, is a failure (a client following a 302 would send a bodiless GET and report success)."""
    url = remote.credentials(target.url)[0]  # the session sends them, to this origin only
    params = {target.graph_param: name} if name else {"default": ""}
    headers = {"Content-Type": CONTENT_TYPE}
    problem = ""
    for attempt in range(target.retries + 1):
        if attempt:
            time.sleep(0.5 * 2 ** (attempt - 1))
        try:
            answer = remote.send(
                session, method, url, params=params, data=body, headers=headers, timeout=target.timeout
            )
        except remote.RemoteError as exc:
            problem = exc.problem
            if exc.retryable:
                continue
            break
        if answer.ok:
            return
        problem = answer.summary()
        if answer.status not in RETRY_STATUSES:
            break
    message = (
        f"{target.url}: uploading {where} failed: {problem}; {pushed} graph{'s' if pushed != 1 else ''} "
        "were uploaded completely before it; run the same push again to finish (each graph is replaced)"
    )
    raise PushError(remote.redact(message, target.url), pushed=pushed)
