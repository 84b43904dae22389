"""What the newskg components find, kept on the Doc while the pipeline runs.

Each component reads what earlier ones found and adds its own; ``newskg.nlp.convert`` turns the
final state into frozen records. The state lives in one lazily registered ``Doc._.newskg``
extension so that the components stay independent of each other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .text import DocView

EXTENSION = "newskg"


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


@dataclass(slots=True)
class DocState:
    """Everything found so far in one Doc."""

    candidates: list[Candidate] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    roles: list[RoleFact] = field(default_factory=list)
    statements: list[StatementFact] = field(default_factory=list)
    statistics: list[StatisticFact] = field(default_factory=list)
    located_in: list[LinkFact] = field(default_factory=list)
    reported_by: list[LinkFact] = field(default_factory=list)
    title_bindings: dict[tuple[int, int], Cluster] = field(default_factory=dict)
    """Title phrases (token offsets) and the person each one names, for speaker resolution."""
    view: DocView | None = None
    """The Doc's tokens as lists, shared by the components (see ``view_of``)."""
    token_cluster: list[Cluster | None] | None = None
    article_date: str | None = None
    """ISO date of the article when known, set by the caller before the pipeline runs."""

    def view_of(self, doc: Doc) -> DocView:
        """The token lists of ``doc``, read once and shared by all components."""
        if self.view is None or self.view.doc is not doc:
            self.view = DocView(doc)
        return self.view

    def index_clusters(self, n_tokens: int) -> None:
        """Remember which entity covers each token, so ``cluster_at`` is a lookup, not a scan."""
        self.token_cluster = [None] * n_tokens
        for cluster in self.clusters:
            for span in cluster.spans:
                for k in range(span.start, span.end):
                    self.token_cluster[k] = cluster

    def cluster_at(self, token_index: int) -> Cluster | None:
        """The entity that covers this token, if any."""
        if self.token_cluster is not None:
            return self.token_cluster[token_index] if 0 <= token_index < len(self.token_cluster) else None
        for cluster in self.clusters:
            for span in cluster.spans:
                if span.start <= token_index < span.end:
                    return cluster
        return None

    def add(self, candidate: Candidate) -> None:
        self.candidates.append(candidate)


def ensure_extension() -> None:
    """Register ``Doc._.newskg`` once (idempotent, so importing twice is harmless)."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)


def view_of(doc: Doc) -> DocView:
    """The token lists of a Doc, shared by all components (read once per Doc)."""
    return state_of(doc).view_of(doc)


def state_of(doc: Doc | DocView) -> DocState:
    """The newskg state of a Doc, created on first use."""
    if isinstance(doc, DocView):
        doc = doc.doc
    ensure_extension()
    state = doc._.get(EXTENSION)
    if state is None:
        state = DocState()
        doc._.set(EXTENSION, state)
    return state
