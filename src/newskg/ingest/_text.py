"""Bytes to text, safely: the per-article size limit, byte-order marks, UTF-8 or a legacy encoding
when the text still reads as text, and no control characters."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

from ..errors import InputError, InputWarning

DEFAULT_MAX_ARTICLE_BYTES = 500_000
"""Largest article file (or JSON Lines line) read, in bytes: 500 kB, some 80,000 words.

News articles are a few kilobytes and long reads some tens; a file ten times larger is a dump or a
mistake, and would hold up a corpus build for minutes in the NLP pass. spaCy refuses texts over
1,000,000 characters in any case. Override with ``max_bytes=`` or ``NEWSKG_MAX_ARTICLE_BYTES``.
"""

MAX_BYTES_ENV = "NEWSKG_MAX_ARTICLE_BYTES"

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters (Unicode category Cc) other than tab, line breaks and form feeds."""

_VISIBLE_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")

_VISIBLE = re.compile(r"\S")

_FALLBACK_ENCODING = "cp1252"

_MAX_NON_ASCII_SHARE = 0.3
"""A legacy-encoded English text is mostly ASCII; more than this share of accented letters means
the guess is wrong (Persian in Windows-1256 decodes as cp1252 into accented gibberish)."""


def max_article_bytes() -> int:
    """The per-article size limit: ``NEWSKG_MAX_ARTICLE_BYTES`` if set, else the default."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_ARTICLE_BYTES
    try:
        return checked_limit(int(value), MAX_BYTES_ENV)
    except ValueError:
        raise InputError(f"{MAX_BYTES_ENV}={value!r}: not a whole number of bytes") from None


def checked_limit(value: int, name: str) -> int:
    if value < 1:
        raise InputError(f"{name}={value}: the per-article size limit must be a positive number of bytes")
    return value


def read_text(path: Path, limit: int) -> str:
    """The text of ``path``, reading no more than ``limit`` + 1 bytes whatever the file is."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
            if len(raw) > limit:
                size = _file_size(path)
                raise too_large(str(path), size, limit, what="file")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode(raw, str(path))
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.warn(f"{path}: is not UTF-8; read it as {encoding}", InputWarning, stacklevel=2)
    return text


def _file_size(path: Path) -> int | None:
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return size or None  # devices and pipes report 0


def too_large(where: str, size: int | None, limit: int, *, what: str) -> InputError:
    shown = f"{megabytes(size)}, " if size else ""
    return InputError(
        f"{where}: {what} is too large ({shown}over the per-article limit of {megabytes(limit)}); "
        f"split it, or raise the limit with {MAX_BYTES_ENV}"
    )


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def decode(raw: bytes, where: str) -> tuple[str, str]:
    """Text and the encoding that read it: UTF-8 (BOM or not), UTF-16/32 with a BOM, else cp1252
    when the result looks like text. Anything else is reported, never guessed at."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _plain_text(raw.decode(encoding), where), encoding
            except UnicodeDecodeError as exc:
                name = encoding.removesuffix("-sig").upper()
                raise InputError(
                    f"{where}: starts with a {name} byte-order mark but is not valid {name}; "
                    "re-save it as UTF-8"
                ) from exc
    if b"\x00" in raw[:8192]:
        raise InputError(f"{where}: is a binary file, not text (or UTF-16 without a byte-order mark)")
    try:
        return _plain_text(raw.decode("utf-8"), where), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode(_FALLBACK_ENCODING)
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        return text, _FALLBACK_ENCODING
    bad = utf8_error.start
    raise InputError(
        f"{where}: is not UTF-8 text (invalid byte 0x{raw[bad]:02x} at offset {bad}) "
        f"nor plausible cp1252/Latin-1; re-save it as UTF-8"
    ) from utf8_error


def _plain_text(text: str, where: str) -> str:
    if not _looks_like_text(text, any_script=True):
        raise InputError(f"{where}: is a binary file, not text (it is full of control characters)")
    return text


def _looks_like_text(text: str, *, any_script: bool = False) -> bool:
    """Few control characters, and (for a legacy-encoding guess) mostly ASCII."""
    sample = text[:65536]
    if not sample:
        return True
    controls = len(_CONTROLS.findall(sample))
    if controls > max(2, len(sample) // 1000):
        return False
    if any_script:
        return True
    visible = len(_VISIBLE.findall(sample))
    non_ascii = len(_VISIBLE_NON_ASCII.findall(sample))
    return visible > 0 and non_ascii <= _MAX_NON_ASCII_SHARE * visible
