"""Frozen records: the contract between the NLP pass and the graph builder.

The NLP stage produces them, the graph stage consumes them; neither imports the other,
so these classes depend on nothing but the standard library.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class _Record:
    """Pickled as a call of its constructor with its fields.

    The pickling that ``dataclass(slots=True)`` adds sets each field from Python: unpickling records
    was then most of the cost of passing them between processes (six times what this costs).
    """

    __slots__: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple(getattr(self, name) for name in self.__slots__)


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """One news article as read from disk: its text is never modified."""

    id: str
    text: str
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    origin: str = ""
    """Where it was read from (file, or file:line for JSON Lines), for messages."""


@dataclass(frozen=True, slots=True)
class Evidence(_Record):
    """A span of the article text that supports a fact, and the rule that found it."""

    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    rule: str


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    """One occurrence of an entity in the text."""

    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Entity(_Record):
    """One real thing named in an article, with every surface form used for it."""

    canonical: str
    type: str
    mentions: tuple[Mention, ...]
    kind: str | None = None
    """For places: country, province, city or region."""
    aliases: tuple[str, ...] = ()
    """Other names known for it (gazetteer names, acronym expansions) beyond the mentions."""

    @property
    def surface_forms(self) -> tuple[str, ...]:
        forms = dict.fromkeys(m.text for m in self.mentions)
        return tuple(forms)


@dataclass(frozen=True, slots=True)
class Role(_Record):
    """A person holding a post in an organisation, as reported by the article."""

    person: str
    role: str
    """Normalised: head, acting head, former head, deputy head, minister, governor, ..."""
    org: str
    title: str
    """The title as written, e.g. ``Previous Head``; empty when the text writes none (a predecessor)."""
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Statement(_Record):
    """Somebody said something: one per speech cue."""

    speaker: str
    cue: str
    content: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Period(_Record):
    """A time span a figure refers to, when the text states one."""

    label: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Statistic(_Record):
    """A figure written in digits that counts something."""

    value: float
    """The number as written (15 for ``15 trillion rials``); ``amount`` applies the scale."""
    value_text: str
    unit: str
    what: str
    evidence: Evidence
    scale: int = 1
    """1, or 10**3, 10**6, 10**9, 10**12 for thousand, million, billion, trillion."""
    about: str | None = None
    period: Period | None = None

    @property
    def amount(self) -> float:
        """The value with its scale applied: 15 trillion -> 1.5e13."""
        return self.value * self.scale


@dataclass(frozen=True, slots=True)
class LocatedIn(_Record):
    """A place lies in a larger place."""

    place: str
    container: str
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class ReportedBy(_Record):
    """A news agency is credited with the article or part of it."""

    agency: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class ArticleRecord(_Record):
    """Everything the NLP pass found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    roles: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    located_in: tuple[LocatedIn, ...] = ()
    reported_by: tuple[ReportedBy, ...] = ()
    pipeline_version: str = field(default="")

    def entity(self, canonical: str) -> Entity | None:
        """The entity with this canonical name, if the article names it."""
        for ent in self.entities:
            if ent.canonical == canonical:
                return ent
        return None
