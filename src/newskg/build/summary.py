"""The build's summary for people: articles, entities by type, relations, triples, SHACL; counted
as records stream past, never keeping the records themselves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..records import ArticleRecord
from ..validate.shacl import ValidationReport
from .progress import Phase

RELATION_NAMES = ("roles", "statements", "statistics", "located in", "reported by")


@dataclass(frozen=True, slots=True)
class RecordCounts:
    """What the summary counts of a record: words, entity types, relations (``RELATION_NAMES``)."""

    words: int
    types: tuple[str, ...]
    relations: tuple[int, ...]

    @classmethod
    def of(cls, record: ArticleRecord) -> RecordCounts:
        r = record
        relations = (r.roles, r.statements, r.statistics, r.located_in, r.reported_by)
        return cls(len(r.article.text.split()), tuple(e.type for e in r.entities), tuple(map(len, relations)))


@dataclass(slots=True)
class Tally:
    """Counts for the summary, kept as records stream past (never the records themselves)."""

    extracted: int = 0
    unchanged: int = 0
    skipped: int = 0
    removed: int = 0
    words: int = 0
    types: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)

    def count(self, record: ArticleRecord) -> None:
        self.add(RecordCounts.of(record))

    def add(self, counts: RecordCounts) -> None:
        self.extracted += 1
        self.words += counts.words
        self.types.update(counts.types)
        self.relations.update(dict(zip(RELATION_NAMES, counts.relations, strict=True)))

    def summary(self, *, triples: int, report: ValidationReport | None) -> str:
        articles = f"articles: {self.extracted + self.unchanged}"
        found = f" (in the {self.extracted} extracted)" if self.unchanged else ""
        extras = [
            f"{n} {what}"
            for n, what in (
                (self.unchanged, "unchanged, not extracted again"),
                (self.removed, "removed"),
                (self.skipped, "skipped as unreadable"),
            )
            if n
        ]
        if extras:
            articles += f" ({self.extracted} extracted, {', '.join(extras)})"
        names = RELATION_NAMES
        lines = [
            articles,
            f"entities{found}: " + (", ".join(f"{t} {n}" for t, n in sorted(self.types.items())) or "none"),
            f"relations{found}: " + ", ".join(f"{k} {self.relations[k]}" for k in names),
            f"triples: {triples}",
            str(report).splitlines()[0] if report is not None else "SHACL: not run (--no-validate)",
        ]
        return "\n".join(lines)


def phase_times(phases: Mapping[Phase, float], tally: Tally, *, triples: int) -> list[str]:
    """A line for each phase that ran: its time and its speed over that time alone, so that a slow
    phase shows as what it is instead of lowering one rate for the whole run."""
    lines = []
    for phase, seconds in sorted(phases.items(), key=lambda item: list(Phase).index(item[0])):
        line = f"  {_PHASE_NAMES[phase]}: {seconds:.1f} s"
        if phase in (Phase.EXTRACT, Phase.GRAPH) and not tally.extracted:
            line += ", nothing extracted" if phase is Phase.EXTRACT else ", no new graph"
        elif seconds > 0 and phase is Phase.EXTRACT:
            line += f", {tally.extracted / seconds:.1f} articles/s, {tally.words / seconds:,.0f} words/s"
        elif seconds > 0 and phase is Phase.GRAPH:
            line += f", {tally.extracted / seconds:.1f} articles/s"
        elif seconds > 0:
            line += f", {triples / seconds:,.0f} triples/s"
        lines.append(line)
    return lines


_PHASE_NAMES = {
    Phase.EXTRACT: "reading and extraction",
    Phase.GRAPH: "graphs",
    Phase.WRITE: "writing",
    Phase.VALIDATE: "validation",
}
