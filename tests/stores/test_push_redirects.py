"""``newskg push`` and redirects: only 2xx is success, and nothing is sent to another server.

Regression tests for a push that reported "pushed 4 graphs" when the server answered 302 to another
host (nothing stored), and that followed a 307 to another host and re-sent every graph there.
Two local servers on two ports are two origins; each records what it received.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from newskg.stores.push import PushError, Target, push
from recording_server import Reply, Request, recording_server

GRAPHS = [f"https://example.org/graph/{n}" for n in range(4)]


@pytest.fixture()
def trig(tmp_path: Path) -> Path:
    path = tmp_path / "four.trig"
    path.write_text(
        "".join(f"<{g}> {{ <{g}#s> <https://example.org/p> {n} . }}\n" for n, g in enumerate(GRAPHS)),
        encoding="utf-8",
    )
    return path


def accept(request: Request) -> Reply:
    return Reply(204)


def redirect_to(location: str, status: int):
    def respond(request: Request) -> Reply:
        return Reply(status, headers={"Location": location})

    return respond


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_server_is_never_followed_and_nothing_is_claimed(trig, status):
    with recording_server(accept) as other:
        with recording_server(redirect_to(f"{other.base}/store", status)) as server:
            with pytest.raises(PushError) as failure:
                push(trig, Target(f"{server.base}/store", retries=0))
            assert len(server.received) == 1
        assert other.received == [], "no graph may reach a server the user did not name"
    message = str(failure.value)
    assert failure.value.pushed == 0 and "0 graphs were uploaded" in message
    assert f"redirects (HTTP {status}) to another server, {other.base}/store" in message
    assert "\n" not in message


def test_the_cli_says_so_in_one_line_exits_2_and_prints_no_success(cli, trig):
    with recording_server(accept) as other:
        with recording_server(redirect_to(f"{other.base}/store", 302)) as server:
            run = cli.run("push", trig, "--endpoint", f"{server.base}/store")
        assert other.received == []
    assert run.returncode == 2, run.stderr
    assert run.stdout == "", "no 'pushed N graphs' when nothing was stored"
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newskg: error: ")
    assert "HTTP 302" in lines[0] and "0 graphs were uploaded completely" in lines[0]


def test_a_same_origin_307_is_followed_with_the_same_method_and_body(trig):
    def respond(request: Request) -> Reply:
        if request.path.startswith("/old"):
            return Reply(307, headers={"Location": "/new" + request.path.removeprefix("/old")})
        return Reply(201)

    with recording_server(respond) as server:
        result = push(trig, Target(f"{server.base}/old", retries=0))
    assert result.graphs == 4 and result.requests == 4
    moved = [r for r in server.received if r.path.startswith("/new")]
    first = [r for r in server.received if r.path.startswith("/old")]
    assert [r.method for r in moved] == ["PUT"] * 4
    assert [r.body for r in moved] == [r.body for r in first] and all(r.body for r in moved)
    assert [parse_qs(urlsplit(r.path).query)["graph"][0] for r in moved] == GRAPHS


@pytest.mark.parametrize("status", [301, 302, 303])
def test_a_same_origin_redirect_that_would_turn_the_put_into_a_get_is_a_failure(trig, status):
    with recording_server(redirect_to("/elsewhere", status)) as server:
        with pytest.raises(
            PushError, match=rf"redirects \(HTTP {status}\) to http://127\.0\.0\.1:\d+/elsewhere"
        ):
            push(trig, Target(f"{server.base}/store", retries=0))
        assert len(server.received) == 1 and server.received[0].path.startswith("/store?")


def test_a_redirect_loop_ends(trig):
    with recording_server(redirect_to("/store", 307)) as server:
        with pytest.raises(PushError, match="redirected more than 5 times"):
            push(trig, Target(f"{server.base}/store", retries=0))
        assert len(server.received) == 6


@pytest.mark.parametrize("status", [300, 304, 400, 500])
def test_any_final_answer_but_2xx_is_a_failure(trig, status):
    with (
        recording_server(lambda request: Reply(status, b"refused")) as server,
        pytest.raises(PushError, match=rf"HTTP {status}\b"),
    ):
        push(trig, Target(f"{server.base}/store", retries=0))


def test_graphs_pushed_before_a_failure_are_reported_truthfully(cli, trig):
    """The server stores two graphs, then starts redirecting elsewhere: two were pushed, no more."""
    with recording_server(accept) as other:

        def respond(request: Request) -> Reply:
            if len(server.received) <= 2:
                return Reply(204)
            return Reply(307, headers={"Location": f"{other.base}/store"})

        with recording_server(respond) as server:
            run = cli.run("push", trig, "--endpoint", f"{server.base}/store")
        assert other.received == []
    assert run.returncode == 2 and run.stdout == ""
    assert f"uploading graph <{GRAPHS[2]}> failed" in run.stderr
    assert "2 graphs were uploaded completely before it" in run.stderr


def test_a_successful_push_still_says_what_it_pushed(cli, trig):
    with recording_server(accept) as server:
        run = cli.run("push", trig, "--endpoint", f"{server.base}/store")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"pushed 4 graphs (4 triples) to {server.base}/store in 4 requests")
