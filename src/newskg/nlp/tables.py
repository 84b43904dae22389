"""Reading the tab-separated tables in ``nlp/data``, shared by the gazetteer and the vocabulary.

One reader for every table, so that each one is checked the same way: a malformed row raises
:class:`~newskg.errors.DataFileError` naming ``file:line`` and what to fix. Also the one way
names are folded for lookups, so the tables and the text are compared alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import DataFileError

__all__ = ["DataPath", "data_rows", "fold", "label", "required"]

DataPath = Path | Traversable

# Letters NFKD does not decompose, and typographic apostrophes.
_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
        "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "`": "'",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """Strip diacritics (Āz̄ārbāyjān -> Azarbayjan, Łódź -> Lodz) and straighten apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


def label(path: DataPath) -> str:
    """How messages name a table."""
    return str(path)


def data_rows(
    path: DataPath, columns: Sequence[str], *, optional: int = 0
) -> Iterator[tuple[str, list[str]]]:
    """Yield ``(file:line, fields)`` for each data row; ``#`` lines and blank lines are skipped.

    The last ``optional`` columns may be left out.
    """
    name = label(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{name}: not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from exc
    except OSError as exc:
        raise DataFileError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    wanted = len(columns)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        where = f"{name}:{number}"
        if not wanted - optional <= len(fields) <= wanted:
            expected = str(wanted) if not optional else f"{wanted - optional} to {wanted}"
            raise DataFileError(
                f"{where}: expected {expected} tab-separated columns ({', '.join(columns)}),"
                f" found {len(fields)}"
            )
        fields += [""] * (wanted - len(fields))
        yield where, fields


def required(where: str, value: str, column: str) -> str:
    """``value``, which must not be empty."""
    if not value:
        raise DataFileError(f"{where}: empty {column}")
    return value
