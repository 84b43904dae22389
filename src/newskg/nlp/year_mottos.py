"""The mottos of the Iranian years, read from ``nlp/data/iran_year_mottos.tsv``.

Why a table: news names the year's motto in many frames (``the year named X``, ``in line with the
motto of X``, ``This is the year of X``), often without quote marks, and where the frame cannot say
where an unquoted motto ends, the known wording can. Each year has one motto and English news
renders it a few ways; every rendering is one form of the same motto.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import DataFileError
from .tables import DataPath, data_rows, required

MOTTOS_FILE = "iran_year_mottos.tsv"
MOTTO_COLUMNS = ("year", "began", "motto", "variants")


@dataclass(frozen=True, slots=True)
class YearMotto:
    year: int
    """The Solar Hijri year it names (1402)."""
    began: int
    """The Gregorian year in which that year began (2023)."""
    motto: str
    forms: tuple[str, ...]
    """Every English rendering, the canonical one first."""


def read_year_mottos(path: DataPath) -> list[YearMotto]:
    mottos = []
    for where, (year, began, motto, variants) in data_rows(path, MOTTO_COLUMNS, optional=1):
        if not (year.isdigit() and began.isdigit()):
            raise DataFileError(f"{where}: year and began must be whole numbers, not '{year}', '{began}'")
        name = required(where, motto, "motto")
        forms = (name, *(v for v in variants.split("|") if v.strip()))
        mottos.append(YearMotto(int(year), int(began), name, tuple(f.strip() for f in forms)))
    return mottos


@lru_cache(maxsize=1)
def load_year_mottos() -> tuple[YearMotto, ...]:
    """The shipped table (cached: it never changes at run time)."""
    return tuple(read_year_mottos(resources.files("newskg.nlp.data").joinpath(MOTTOS_FILE)))
