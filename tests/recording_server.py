"""Local HTTP servers on 127.0.0.1 that record every request and answer as a test tells them.

Two servers are two origins (same host, other port): what a redirect to "another server" needs.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Responder = Callable[[Request], Reply]

JSON_LD_CONTEXT = Reply(
    200, b'{"@context": {"name": "http://schema.org/name"}}', {"Content-Type": "application/ld+json"}
)
"""What a remote JSON-LD context would answer: a server that gives it and records nothing proves that
nothing was fetched."""


class RecordingServer:
    """A threaded HTTP server: ``received`` lists every request, ``respond`` makes each answer."""

    def __init__(self, respond: Responder) -> None:
        self.received: list[Request] = []
        self.respond = respond
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                request = Request(self.command, self.path, dict(self.headers.items()), body)
                server.received.append(request)
                reply = server.respond(request)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

            def log_message(self, *args: object) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()


@contextmanager
def recording_server(respond: Responder) -> Iterator[RecordingServer]:
    server = RecordingServer(respond)
    try:
        yield server
    finally:
        server.close()


@contextmanager
def silent_server(*, trickle: bool = False) -> Iterator[str]:
    """A server that accepts connections and never answers (or, with ``trickle``, sends the headers of
    an answer and then one byte of its body every 0.1 s, for ever); yields its base URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            held.append(connection)
            if trickle:
                threading.Thread(target=_trickle, args=(connection, stop), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in held:
            connection.close()
        listener.close()


def _trickle(connection: socket.socket, stop: threading.Event) -> None:
    try:
        connection.recv(65536)
        connection.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
            b"Content-Length: 1000000\r\n\r\n"
        )
        while not stop.is_set():
            connection.sendall(b" ")
            time.sleep(0.1)
    except OSError:
        pass
