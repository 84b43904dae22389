"""Credentials in endpoint URLs are used, and never printed, by ``push`` and ``query --endpoint``.

Regression tests: ``https://user:secret@host/sparql`` and ``?token=...`` were echoed in error messages.
The rule (``newskg.stores.remote.redact_url``): the whole user part of a URL, and the value of any query
parameter whose name contains token, key, pass, pwd, secret, auth, sig, credential or session, are
shown as ``***``, wherever the URL or those values appear in a message.
"""

from __future__ import annotations

import base64
import socket
from pathlib import Path

import pytest

from conftest import Cli
from newskg.errors import StoreError
from newskg.stores import open_endpoint
from newskg.stores.push import PushError, Target, push
from newskg.stores.remote import redact, redact_url
from recording_server import Reply, Request, recording_server

PASSWORD = "s3cret-pass"
TOKEN = "tok-0123456789"
SECRETS = (PASSWORD, TOKEN, "alice")


def with_secrets(base: str, path: str) -> str:
    host = base.removeprefix("http://")
    return f"http://alice:{PASSWORD}@{host}{path}?token={TOKEN}&graph-param=x"


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} printed in {text!r}"


def refused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://user:secret@host/sparql", "https://***@host/sparql"),
        ("https://TOKEN@host:8890/sparql", "https://***@host:8890/sparql"),
        ("http://host/sparql?token=abc&graph=g", "http://host/sparql?token=***&graph=g"),
        ("http://host/q?api_key=1&Password=2&access_token=3&X-Amz-Signature=4", None),
        ("http://host/q?sessionid=1&auth=2&pwd=3&client_secret=4&credential=5", None),
        (
            "http://host/store?graph=https%3A%2F%2Fx&default",
            "http://host/store?graph=https%3A%2F%2Fx&default",
        ),
        ("http://host/#access_token=abc", "http://host/#access_token=***"),
    ],
)
def test_redact_url_hides_the_user_part_and_secret_parameters(url, shown):
    redacted = redact_url(url)
    if shown is not None:
        assert redacted == shown
    else:
        assert all(part.endswith("=***") for part in redacted.split("?")[1].split("&"))


def test_redact_hides_secret_values_wherever_they_are_quoted():
    url = "http://u:p%40ss-word@host/q?key=k3y-value"
    text = f"{url}: server says: bad key k3y-value for user u, password p@ss-word"
    assert redact(text, url) == "http://***@host/q?key=***: server says: bad key *** for user u, password ***"


def test_push_sends_url_credentials_and_prints_none_of_them(tmp_path: Path):
    trig = tmp_path / "g.trig"
    trig.write_text("<https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 . }\n")

    def refuse(request: Request) -> Reply:
        return Reply(403, f"token {TOKEN} refused for alice:{PASSWORD}".encode())

    with recording_server(refuse) as server:
        with pytest.raises(PushError) as failure:
            push(trig, Target(with_secrets(server.base, "/store"), retries=0))
        sent = server.received[0]
    assert sent.headers["Authorization"] == "Basic " + base64.b64encode(f"alice:{PASSWORD}".encode()).decode()
    assert f"token={TOKEN}" in sent.path, "the query string is the user's: it is sent as given"
    message = str(failure.value)
    assert_no_secret(message)
    assert f"{server.base.replace('http://', 'http://***@')}/store?token=***" in message
    assert "HTTP 403" in message


@pytest.mark.slow
def test_push_cli_prints_no_secret_on_success_or_failure(cli: Cli, tmp_path: Path):
    trig = tmp_path / "g.trig"
    trig.write_text("<https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 . }\n")
    with recording_server(lambda request: Reply(204)) as server:
        endpoint = with_secrets(server.base, "/s")
        ok = cli.run("push", trig, "--endpoint", endpoint)
    down = with_secrets(f"http://127.0.0.1:{refused_port()}", "/store")
    failed = cli.run("push", trig, "--endpoint", down)
    assert ok.returncode == 0 and "pushed 1 graphs" in ok.stdout
    assert failed.returncode == 2 and "cannot connect" in failed.stderr
    for run in (ok, failed):
        assert_no_secret(run.stdout + run.stderr)


def test_query_endpoint_errors_print_no_secret():
    leak = f"no such token {TOKEN}".encode()
    with recording_server(lambda request: Reply(401, leak)) as refusing:
        with pytest.raises(StoreError) as unauthorised:
            open_endpoint(with_secrets(refusing.base, "/sparql")).query("ASK {}")
        assert refusing.received[0].headers["Authorization"].startswith("Basic ")
    redirect = Reply(302, headers={"Location": f"http://127.0.0.1:1/sparql?key={TOKEN}"})
    with recording_server(lambda request: redirect) as redirecting, pytest.raises(StoreError) as redirected:
        open_endpoint(with_secrets(redirecting.base, "/sparql")).query("ASK {}")
    with pytest.raises(StoreError) as unreachable:
        open_endpoint(with_secrets(f"http://127.0.0.1:{refused_port()}", "/sparql")).query("ASK {}")
    with pytest.raises(StoreError) as malformed:
        open_endpoint(f"ftp://alice:{PASSWORD}@host/sparql?token={TOKEN}")
    for failure in (unauthorised, redirected, unreachable, malformed):
        assert_no_secret(str(failure.value))
        assert "***" in str(failure.value)


def test_query_cli_prints_no_secret(cli):
    run = cli.run(
        "query", "--endpoint", with_secrets(f"http://127.0.0.1:{refused_port()}", "/sparql"), "ASK {}"
    )
    assert run.returncode == 2 and "cannot connect" in run.stderr
    assert_no_secret(run.stdout + run.stderr)


def test_push_user_option_wins_over_credentials_in_the_url(tmp_path: Path):
    trig = tmp_path / "g.trig"
    trig.write_text("<https://example.org/s> <https://example.org/p> 1 .\n")
    with recording_server(lambda request: Reply(204)) as server:
        push(trig, Target(with_secrets(server.base, "/store"), user="bob", password="pw"))
        sent = server.received[0]
    assert sent.headers["Authorization"] == "Basic " + base64.b64encode(b"bob:pw").decode()
