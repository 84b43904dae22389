"""What the newskg components find, one kind of fact each, before it becomes a frozen record.

Each kind lives in its own Doc extension (see ``newskg.nlp.extensions``), written by one component
and read by the later ones that declare it in ``requires``; ``newskg.nlp.convert`` turns the final
facts into ``newskg.records``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span


@dataclass(slots=True)
class Candidate:
    """A span that may be an entity, before overlaps are resolved."""

    start: int
    """Token offsets in the Doc."""
    end: int
    type: str
    rule: str
    priority: int
    canonical: str | None = None
    kind: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Cluster:
    """One entity of the article: every span that names it."""

    canonical: str
    type: str
    spans: list[Span]
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    rules: list[str] = field(default_factory=list)


class Entities:
    """The article's entities, and which one covers each token (a lookup, not a scan)."""

    __slots__ = ("_by_token", "clusters")

    def __init__(self, clusters: list[Cluster], n_tokens: int) -> None:
        self.clusters = clusters
        self._by_token: list[Cluster | None] = [None] * n_tokens
        for cluster in clusters:
            for span in cluster.spans:
                for k in range(span.start, span.end):
                    self._by_token[k] = cluster

    @property
    def by_token(self) -> list[Cluster | None]:
        """The entity covering each token (None for none), for rules that scan many tokens."""
        return self._by_token

    def at(self, token_index: int) -> Cluster | None:
        """The entity that covers this token, if any."""
        if 0 <= token_index < len(self._by_token):
            return self._by_token[token_index]
        return None

    def last_named(self, words: frozenset[str], *, before: int, types: tuple[str, ...]) -> Cluster | None:
        """The entity of one of ``types`` named last before token ``before`` whose canonical name
        has one of ``words`` (lower case) as a word: what ``the bank``, ``the airline's CEO`` mean."""
        best: tuple[int, Cluster] | None = None
        for cluster in self.clusters:
            if cluster.type not in types or words.isdisjoint(cluster.canonical.lower().split()):
                continue
            starts = [span.start for span in cluster.spans if span.start < before]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), cluster)
        return best[1] if best is not None else None

    def end_of(self, token_index: int) -> int:
        """End of the mention that covers ``token_index`` (the token itself when none does)."""
        cluster = self.at(token_index)
        if cluster is None:
            return token_index + 1
        k = token_index
        while k < len(self._by_token) and self._by_token[k] is cluster:
            k += 1
        return k

    def start_of(self, token_index: int) -> int:
        """Start of the mention that covers ``token_index``."""
        cluster = self.at(token_index)
        if cluster is None:
            return token_index
        k = token_index
        while k > 0 and self._by_token[k - 1] is cluster:
            k -= 1
        return k

    def of_type(self, *types: str) -> list[Cluster]:
        return [c for c in self.clusters if c.type in types]


@dataclass(slots=True)
class TitleBinding:
    """A title phrase and the person it names (``the acting head of X`` -> the person)."""

    start: int
    """Token offsets of the phrase."""
    end: int
    person: Cluster
    role: str
    org: Cluster | None


@dataclass(slots=True)
class RoleFact:
    person: Cluster
    role: str
    org: Cluster
    title: str
    start: int
    """Character offsets of the evidence."""
    end: int
    rule: str


@dataclass(slots=True)
class StatementFact:
    speaker: Cluster
    cue: str
    content: str
    start: int
    end: int
    rule: str


@dataclass(slots=True)
class StatisticFact:
    value: float
    value_text: str
    scale: int
    unit: str
    what: str
    start: int
    end: int
    rule: str
    about: Cluster | None = None
    period_label: str | None = None
    period_start: str | None = None
    period_end: str | None = None


@dataclass(slots=True)
class LinkFact:
    """``located_in`` (place in container) or ``reported_by`` (agency, container None)."""

    subject: Cluster
    container: Cluster | None
    start: int
    end: int
    rule: str
