"""Syntax errors in newskg's form: one line, ``file:line:column: not valid Turtle (reason)``, with the
position each parser knows, or that can be found."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax import SAXParseException

from rdflib import Dataset, Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from ..errors import RdfSyntaxError
from ._formats import FORMAT_NAMES, LINE_FORMATS, QUAD_FORMATS


def oxigraph_syntax_error(path: str | Path, fmt: str, exc: SyntaxError) -> RdfSyntaxError:
    """The error for a ``SyntaxError`` raised by ``pyoxigraph.parse``, in newskg's form
    (``file:line:column: not valid Turtle (reason)``), for code that parses with Oxigraph."""
    line = exc.lineno if exc.lineno and exc.lineno > 0 else None
    column = exc.offset if line and exc.offset and exc.offset > 0 else None
    reason = re.sub(r"^Parser error (?:at|between) [^:]*: ", "", " ".join(str(exc.msg).split()))
    where = f"{path}:{line}:{column}" if line and column else f"{path}:{line}" if line else str(path)
    name = FORMAT_NAMES.get(fmt, fmt)
    return RdfSyntaxError(f"{where}: not valid {name} ({short(reason)})", line=line, column=column)


def syntax_error(path: Path, fmt: str, exc: BaseException) -> RdfSyntaxError:
    name = FORMAT_NAMES.get(fmt, fmt)
    if isinstance(exc, RecursionError):
        return RdfSyntaxError(f"{path}: not valid {name} (nested too deeply to read)")
    if isinstance(exc, UnicodeDecodeError):
        raw = exc.object if isinstance(exc.object, bytes) else b""
        byte_line, byte_column = position(raw, exc.start)
        return RdfSyntaxError(
            f"{path}:{byte_line}:{byte_column}: is not UTF-8 (byte offset {exc.start}); "
            "RDF files must be UTF-8",
            line=byte_line,
            column=byte_column,
        )
    line, column, reason = _locate(path, fmt, exc)
    where = f"{path}:{line}:{column}" if line and column else f"{path}:{line}" if line else str(path)
    return RdfSyntaxError(f"{where}: not valid {name} ({reason})", line=line, column=column)


def _locate(path: Path, fmt: str, exc: BaseException) -> tuple[int | None, int | None, str]:
    """Line, column and reason of a parse error, from whatever the parser left behind."""
    if isinstance(exc, BadSyntax):  # Turtle and TriG: the whole text and the offset of the error
        text = exc._str.decode("utf-8", errors="replace")
        line, column = _text_position(text, exc._i)
        return line, column, short(str(exc._why))
    if isinstance(exc, SAXParseException):  # RDF/XML: expat's column is 0-based
        sax_line, sax_column = exc.getLineNumber(), exc.getColumnNumber()
        return sax_line, sax_column + 1 if sax_column is not None else None, short(exc.getMessage())
    if fmt in LINE_FORMATS:
        return _locate_line(path, fmt, exc)
    text = " ".join(str(exc).split())
    found_line = re.search(r"line[ :]*(\d+)", text, re.I)
    found_column = re.search(r"col(?:umn)?[ :]*(\d+)", text, re.I)
    return (
        int(found_line.group(1)) if found_line and int(found_line.group(1)) > 0 else None,
        int(found_column.group(1)) if found_column and int(found_column.group(1)) > 0 else None,
        short(text or type(exc).__name__),
    )


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of the token at ``offset`` in ``text``.

    rdflib's Turtle and TriG parsers give -1 for "at the end", and often the offset of the blanks
    before the offending token: both are mapped to where a reader would look.
    """
    if offset < 0 or offset > len(text):
        offset = len(text)
    while offset < len(text) and text[offset] in " \t\r":
        offset += 1
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _locate_line(path: Path, fmt: str, exc: BaseException) -> tuple[int | None, int | None, str]:
    """N-Triples and N-Quads errors carry no line number: find the first line that fails alone."""
    reason = "invalid statement"
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None, None, reason
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        probe: Graph = Dataset() if fmt in QUAD_FORMATS else Graph()
        try:
            probe.parse(data=line + "\n", format=fmt)
        except Exception as line_exc:
            rest = re.search(r"Failed to eat .*? at\s+(.*?)\):\n", str(line_exc), re.S)
            tail = rest.group(1).strip() if rest else ""
            column = line.rfind(tail) + 1 if tail and tail in line else None
            return number, column, reason
    return None, None, reason


def position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = raw.count(b"\n", 0, offset) + 1
    return line, offset - raw.rfind(b"\n", 0, offset)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157] + "..."
