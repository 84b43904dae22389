"""A real ``oxigraph serve`` process for the tests that talk to a triple store over HTTP (the server binary
comes with the PyPI package ``oxigraph``, in the dev extras)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from newskg.stores import open_endpoint


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str:
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        pytest.fail(
            "the oxigraph server binary is missing: pip install -e '.[dev]' (PyPI package 'oxigraph')"
        )
    return str(binary)


class Server:
    """An ``oxigraph serve`` process with its Graph Store and query URLs; its default graph is the union
    of its named graphs, as newskg asks of a server, unless ``union_default_graph=False``."""

    def __init__(self, folder: Path, *, union_default_graph: bool = True) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.store_url = f"{self.base}/store"
        self.query_url = f"{self.base}/query"
        union = ["--union-default-graph"] if union_default_graph else []
        self.process = subprocess.Popen(
            [
                oxigraph_binary(),
                "serve",
                "--location",
                str(folder),
                "--bind",
                f"127.0.0.1:{self.port}",
                *union,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {self.process.stderr.read().decode()[:500]}")
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1).close()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        self.stop()
        pytest.fail("oxigraph serve did not answer within 30 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()

    def count(self, query: str) -> int:
        rows = list(open_endpoint(self.query_url).query(query))
        return int(rows[0][0])
