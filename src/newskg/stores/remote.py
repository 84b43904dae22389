"""HTTP to remote triple stores: one policy for ``newskg push`` and ``newskg query --endpoint``.

An endpoint URL comes from the user, but every answer comes from a server, which may be misconfigured
or hostile. So:

- a request goes only where the user pointed it: a redirect to another origin (scheme, host, port)
  is never followed, whatever the status. A same-origin ``307``/``308`` is followed with the same
  method and body (that is what those codes mean); a ``301``/``302``/``303`` is refused, since
  clients turn it into a ``GET`` without the body, which would make an upload look successful;
- every wait is bounded: ``timeout`` seconds to connect, for each read, and for the whole body;
- no secret is printed: credentials in the URL (``https://user:secret@host``) and query parameters
  whose name says they are secret (``token``, ``key``, ``password``, ...) are shown as ``***``.

This module depends on nothing else in newskg but its errors, so every stage can use it; ``requests``
is imported on first use, keeping it out of the start-up of commands that never go online.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from ..errors import StoreError

if TYPE_CHECKING:
    import requests

MAX_REDIRECTS = 5
FOLLOWED_REDIRECTS = frozenset({307, 308})
"""Redirects that keep the method and the body: followed, but only within the same origin."""
REDACTED = "***"
SECRET_PARAMETER = re.compile(r"token|key|pass|pwd|secret|auth|sig|credential|session", re.IGNORECASE)
"""A query parameter whose name contains one of these holds a secret (``api_key``, ``access_token``,
``password``, ``X-Amz-Signature``...); over-redacting a harmless one costs nothing."""
_MIN_SECRET = 4
"""Shorter secret values are not searched for in free text (a one-letter password would blank out
every occurrence of that letter); they still never appear, as the URL itself is redacted."""
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CHUNK = 1 << 16
_SMALL_CHUNK = 1 << 10


class RemoteError(StoreError):
    """A request got no usable answer: no connection, no answer in time, or a refused redirect.

    ``problem`` is a clause for the caller's message (which names the URL and what was being done);
    ``retryable`` says whether trying again may help (a busy or restarting server) or not.
    """

    def __init__(self, problem: str, *, retryable: bool) -> None:
        super().__init__(problem)
        self.problem = problem
        self.retryable = retryable


@dataclass(frozen=True, slots=True)
class Answer:
    """A server's final answer, read whole within the time limit."""

    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes

    @property
    def ok(self) -> bool:
        """Only a 2xx answer means the server did what was asked (a 3xx is not a success)."""
        return 200 <= self.status < 300

    def summary(self) -> str:
        """``HTTP 404 Not Found: <the first line of the server's message>``."""
        text = self.body[:4096].decode("utf-8", errors="replace")
        line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "no message")
        return f"HTTP {self.status} {self.reason}: {line[:200]}"


def check_url(url: str, *, what: str) -> str:
    """``url`` if it is an absolute HTTP(S) URL with a host, else a ``StoreError`` naming it (redacted)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise StoreError(f"{redact_url(url)}: not an HTTP(S) {what} URL (such as http://localhost:7878/...)")
    return url


def check_timeout(timeout: float) -> float:
    """A positive number of seconds (``math.inf`` waits for ever), else a ``StoreError``."""
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise StoreError(f"timeout {timeout!r}: give a positive number of seconds")
    return float(timeout)


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port (the default port made explicit): what a redirect may not change."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


def redact_url(url: str) -> str:
    """``url`` fit to print: user and password, and secret query parameters, replaced by ``***``.

    The whole user part goes, not only the password: tokens are often passed as the user name
    (``https://TOKEN@host``).
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # unbalanced IPv6 brackets: at least drop a user part
        return re.sub(r"//[^/@]*@", f"//{REDACTED}@", url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rpartition('@')[2]}"
    query, fragment = _redact_parameters(parts.query), _redact_parameters(parts.fragment)
    return urlunsplit((parts.scheme, netloc, parts.path, query, fragment))


def redact(text: str, url: str) -> str:
    """``text`` with ``url`` and each secret it carries redacted, wherever they appear (a library's
    error message may quote the request's query string, a server's the token it refused)."""
    text = text.replace(url, redact_url(url))
    for secret in sorted(_secrets(url), key=len, reverse=True):
        if len(secret) >= _MIN_SECRET:
            text = text.replace(secret, REDACTED)
    return text


def credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """``url`` without its user part, and the (user, password) it held: the credentials are then sent
    as an ``Authorization`` header to that origin only, and kept across a same-origin redirect."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    return urlunsplit(parts._replace(netloc=host)), (unquote(user), unquote(password))


def send(
    session: requests.Session,
    method: str,
    url: str,
    *,
    timeout: float,
    params: Mapping[str, str] | None = None,
    data: bytes | Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Answer:
    """One request, following same-origin ``307``/``308`` redirects only; the final answer, read whole.

    Raises ``RemoteError`` when there is no answer (no connection, ``timeout`` passed) or the server
    redirects anywhere else. Any answer is returned, whatever its status: see ``Answer.ok``.
    """
    import requests

    start = origin(url)
    limit = None if math.isinf(timeout) else timeout
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        try:
            response = session.request(
                method,
                url,
                params=params,
                data=data,
                headers=headers,
                timeout=limit,
                allow_redirects=False,
                stream=True,
            )
            with response:
                if not response.is_redirect:
                    body = _read(response, deadline, timeout)
                    return Answer(response.status_code, response.reason or "", response.headers, body)
                location = urljoin(response.url, response.headers["location"])
                status = response.status_code
        except requests.Timeout:
            raise _no_answer(timeout) from None
        except requests.ConnectionError as exc:
            if "timed out" in str(exc).lower():
                raise _no_answer(timeout) from None
            raise RemoteError(
                f"cannot connect ({_reason(exc)}); is the server running at this address?", retryable=True
            ) from None
        except requests.RequestException as exc:
            raise RemoteError(f"the request failed ({_reason(exc)})", retryable=False) from None
        shown = redact_url(location)
        if origin(location) != start:
            raise RemoteError(
                f"the server redirects (HTTP {status}) to another server, {shown}; newskg never follows a "
                "redirect to another server: if you trust it, give that URL instead",
                retryable=False,
            )
        if status not in FOLLOWED_REDIRECTS:
            raise RemoteError(
                f"the server redirects (HTTP {status}) to {shown}, which newskg does not follow, as it "
                f"would turn the {method} into a GET without its body; give that URL instead",
                retryable=False,
            )
        url, params = location, None  # the Location is the whole new URL, query included
    raise RemoteError(f"the server redirected more than {MAX_REDIRECTS} times", retryable=False)


def _read(response: Any, deadline: float, timeout: float) -> bytes:
    """The body, unless it takes longer than the deadline: a server trickling bytes cannot hang us.

    ``read1`` returns what has arrived instead of waiting for a whole chunk, so the deadline is
    checked as bytes come (urllib3 1.x lacks it: small reads bound the wait there)."""
    import urllib3

    raw = response.raw
    chunks: list[bytes] = []
    try:
        while True:
            if hasattr(raw, "read1"):
                chunk = raw.read1(_CHUNK, decode_content=True)
            else:
                chunk = raw.read(_SMALL_CHUNK, decode_content=True)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise _no_answer(timeout)
    except urllib3.exceptions.ReadTimeoutError:
        raise _no_answer(timeout) from None
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        problem = f"the connection broke during the answer ({_reason(exc)})"
        raise RemoteError(problem, retryable=True) from None


def _no_answer(timeout: float) -> RemoteError:
    return RemoteError(
        f"no complete answer within {timeout:g} s (is the server up? raise the limit with --timeout)",
        retryable=True,
    )


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    for marker in ("Connection refused", "Name or service not known", "Connection reset", "certificate"):
        if marker in text:
            return marker
    return text[:160]


def _redact_parameters(query: str) -> str:
    if not query:
        return query
    fields = []
    for field in query.split("&"):
        name, equals, _ = field.partition("=")
        fields.append(f"{name}={REDACTED}" if equals and SECRET_PARAMETER.search(unquote(name)) else field)
    return "&".join(fields)


def _secrets(url: str) -> set[str]:
    """The secret values ``url`` holds, as written and decoded."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return set()
    found: set[str] = set()
    if "@" in parts.netloc:
        userinfo = parts.netloc.rpartition("@")[0]
        found.update(userinfo.split(":", 1))
    for part in (parts.query, parts.fragment):
        for field in part.split("&"):
            name, equals, value = field.partition("=")
            if equals and value and SECRET_PARAMETER.search(unquote(name)):
                found.add(value)
    return {value for secret in found if secret for value in (secret, unquote(secret))}
