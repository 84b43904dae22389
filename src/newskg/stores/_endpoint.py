"""A remote SPARQL endpoint as an rdflib graph: its requests go through ``newskg.stores.remote`` (bounded
waits, no redirect to another server, secrets redacted), and every failure is a one-line ``StoreError``."""

from __future__ import annotations

from io import BytesIO
from xml.sax import SAXException

from rdflib import BNode, Graph
from rdflib.exceptions import ParserError
from rdflib.plugin import PluginException
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result

from ..errors import StoreError
from ..vocab.namespace import bind_prefixes
from . import remote

ENDPOINT_ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
    "application/rdf+xml;q=0.5"
)
"""JSON for SELECT and ASK (Virtuoso would answer RDF/XML otherwise), a graph format for CONSTRUCT."""

DEFAULT_ENDPOINT_TIMEOUT = 60.0
"""Seconds ``open_endpoint`` waits for a whole answer unless told otherwise."""


def open_endpoint(
    url: str, *, user: str | None = None, password: str | None = None, timeout: float | None = None
) -> Graph:
    """An rdflib graph whose ``.query()`` runs on the SPARQL endpoint at ``url`` (JSON results).

    The endpoint's default graph should be the union of its named graphs, as newskg pushes each
    article to its own graph: Virtuoso and GraphDB do this by default, Oxigraph with
    ``--union-default-graph``, Fuseki with ``tdb2:unionDefaultGraph true``. Failures raise
    ``StoreError`` (rdflib alone would return an error tuple instead of a result): no connection, an
    HTTP error, no whole answer within ``timeout`` seconds (``None``: ``DEFAULT_ENDPOINT_TIMEOUT``;
    ``math.inf`` waits for ever), or a redirect ``newskg.stores.remote`` does not follow. Credentials may be
    given as ``user``/``password`` or in the URL; they are never printed.
    """
    remote.check_url(url, what="SPARQL endpoint")
    seconds = remote.check_timeout(DEFAULT_ENDPOINT_TIMEOUT if timeout is None else timeout)
    bare, url_auth = remote.credentials(url)
    auth = (user, password or "") if user else url_auth
    return bind_prefixes(Graph(store=_Endpoint(url, bare, auth=auth, timeout=seconds)))


UNION_HINT = (
    "the endpoint's default graph is empty, but its named graphs hold triples: newskg puts each article "
    "in a named graph, so the server must answer over their union (oxigraph serve --union-default-graph; "
    "Fuseki: tdb2:unionDefaultGraph true; see docs/scale.md)"
)
"""What to tell a user whose query found nothing on an endpoint that ``misses_the_union`` says of."""


def misses_the_union(endpoint: Graph) -> bool:
    """Whether ``endpoint`` (from ``open_endpoint``) answers over an empty default graph while its named
    graphs hold triples: a server not told to make its default graph their union (Oxigraph started
    without ``--union-default-graph``), where every newskg query finds nothing. Two ASK queries."""
    default_holds = endpoint.query("ASK { ?s ?p ?o }").askAnswer
    return not default_holds and bool(endpoint.query("ASK { GRAPH ?g { ?s ?p ?o } }").askAnswer)


class _Endpoint(SPARQLStore):
    """rdflib's SPARQL store, its requests sent by ``newskg.stores.remote`` (bounded waits, no redirect to
    another server, secrets redacted), asking for JSON results (N-Triples or Turtle for CONSTRUCT and
    DESCRIBE) and raising ``StoreError`` for anything but a 2xx answer it can read."""

    def __init__(self, url: str, bare: str, *, auth: tuple[str, str] | None, timeout: float) -> None:
        super().__init__(query_endpoint=bare, returnFormat="json")
        self._url = url
        self._bare = bare
        self._auth = auth
        self._timeout = timeout

    def response_mime_types(self) -> str:
        return ENDPOINT_ACCEPT

    def _query(self, query: str, default_graph: str | None = None, named_graph: str | None = None) -> Result:
        import requests

        form = {"query": query}
        if default_graph is not None and not isinstance(default_graph, BNode):
            form["default-graph-uri"] = default_graph
        headers = {"Accept": ENDPOINT_ACCEPT}
        with requests.Session() as session:
            session.auth = self._auth
            try:
                answer = remote.send(
                    session, "POST", self._bare, data=form, headers=headers, timeout=self._timeout
                )
            except remote.RemoteError as exc:
                raise self._error(exc.problem) from None
        if not answer.ok:
            raise self._error(answer.summary())
        kind = answer.headers.get("Content-Type", "").split(";")[0].strip()
        try:
            return Result.parse(BytesIO(answer.body), content_type=kind)
        except PluginException:
            shown = kind or "no Content-Type"
            raise self._error(f"the answer is {shown}, not SPARQL results") from None
        except (ValueError, SyntaxError, SAXException, ParserError) as exc:  # SyntaxError: bad XML
            problem = " ".join(str(exc).split())[:160]
            raise self._error(f"the answer is not valid {kind} ({problem})") from None

    def _error(self, problem: str) -> StoreError:
        message = f"{self._url}: querying the SPARQL endpoint failed: {problem}"
        return StoreError(remote.redact(message, self._url))
