"""``newskg query --endpoint`` and ``open_endpoint``: redirects, waits and odd answers are user errors.

Regression tests: an endpoint redirect was an internal error (exit 3) after being followed to any
host, and an endpoint that never answered hung the command (the timeout was never applied).
"""

from __future__ import annotations

import json
import subprocess
import time
from urllib.parse import parse_qs

import pytest

from newskg.errors import StoreError
from newskg.stores import open_endpoint
from recording_server import Reply, Request, recording_server, silent_server

ASK = "ASK { ?s ?p ?o }"
ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()
JSON_RESULTS = {"Content-Type": "application/sparql-results+json"}


def answer_ask(request: Request) -> Reply:
    return Reply(200, ASK_TRUE, JSON_RESULTS)


def one_error_line(run: subprocess.CompletedProcess[str]) -> str:
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newskg: error: "), run.stderr
    return lines[0]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_server_is_a_user_error_and_not_followed(cli, status):
    with recording_server(answer_ask) as other:
        redirect = Reply(status, headers={"Location": f"{other.base}/sparql"})
        with recording_server(lambda request: redirect) as server:
            run = cli.run("query", "--endpoint", f"{server.base}/sparql", ASK)
            assert len(server.received) == 1
        assert other.received == [], "the query must not reach a server the user did not name"
    assert run.returncode == 2, run.stderr
    line = one_error_line(run)
    assert f"redirects (HTTP {status}) to another server, {other.base}/sparql" in line
    assert "internal error" not in line and run.stdout == ""


def test_a_same_origin_307_is_followed_with_the_query(cli):
    def respond(request: Request) -> Reply:
        if request.path == "/old":
            return Reply(307, headers={"Location": "/sparql"})
        return answer_ask(request)

    with recording_server(respond) as server:
        run = cli.run("query", "--endpoint", f"{server.base}/old", ASK)
        assert [r.path for r in server.received] == ["/old", "/sparql"]
        assert [r.method for r in server.received] == ["POST", "POST"]
        assert (
            parse_qs(server.received[1].body.decode())["query"]
            == parse_qs(server.received[0].body.decode())["query"]
        )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "true"


def test_a_same_origin_302_is_refused_rather_than_sent_as_a_get(cli):
    with recording_server(lambda request: Reply(302, headers={"Location": "/elsewhere"})) as server:
        run = cli.run("query", "--endpoint", f"{server.base}/sparql", ASK)
        assert [r.path for r in server.received] == ["/sparql"]
    assert run.returncode == 2
    assert f"redirects (HTTP 302) to {server.base}/elsewhere" in one_error_line(run)


def test_an_endpoint_that_never_answers_times_out():
    with silent_server() as url:
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"no complete answer within 0\.5 s"):
            open_endpoint(f"{url}/sparql", timeout=0.5).query("ASK { ?s ?p ?o }")
        assert time.monotonic() - started < 5


def test_an_endpoint_that_trickles_its_answer_times_out_too():
    """A read timeout alone restarts with every byte; the limit is on the whole answer."""
    with silent_server(trickle=True) as url:
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"no complete answer within 1 s"):
            open_endpoint(f"{url}/sparql", timeout=1).query("ASK { ?s ?p ?o }")
        assert time.monotonic() - started < 5


def test_the_endpoint_client_keeps_its_default_limit_when_the_query_has_none(cli, monkeypatch):
    """``newskg query --endpoint --timeout 0`` lifts the query's limit; each HTTP answer still has
    ``DEFAULT_ENDPOINT_TIMEOUT``, so a silent server cannot hang the command."""
    from newskg.stores import _endpoint as store

    assert store.DEFAULT_ENDPOINT_TIMEOUT == 60
    monkeypatch.setattr(store, "DEFAULT_ENDPOINT_TIMEOUT", 0.5)
    with silent_server() as url:
        started = time.monotonic()
        result = cli("query", "--endpoint", f"{url}/sparql", "--timeout", "0", "ASK { ?s ?p ?o }")
        assert time.monotonic() - started < 10
    assert result.exit_code == 2, result.output
    assert "no complete answer within 0.5 s" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), "60"])
def test_a_timeout_that_is_not_a_positive_number_is_refused(timeout):
    with pytest.raises(StoreError, match="give a positive number of seconds"):
        open_endpoint("http://127.0.0.1:9/sparql", timeout=timeout)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(200, b"<html>hello</html>", {"Content-Type": "text/html"}), "the answer is text/html, not"),
        (Reply(200, b"{not json", JSON_RESULTS), "the answer is not valid application/sparql-results+json"),
        (Reply(200, b"<sparql", {"Content-Type": "application/sparql-results+xml"}), "not valid"),
        (Reply(500, b"the store is on fire\nmore detail"), "HTTP 500 Internal Server Error: the store is on"),
    ],
)
def test_an_answer_that_is_not_sparql_results_is_a_user_error(cli, reply, message):
    with recording_server(lambda request: reply) as server:
        run = cli.run("query", "--endpoint", f"{server.base}/sparql", ASK)
    assert run.returncode == 2, run.stderr
    assert message in one_error_line(run)


def test_a_url_that_is_not_http_is_refused_before_any_request():
    for url in ("ftp://example.org/sparql", "http:///sparql", "http://127.0.0.1:notaport/sparql", "sparql"):
        with pytest.raises(StoreError, match="not an HTTP"):
            open_endpoint(url)
