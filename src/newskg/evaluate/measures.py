"""Compare one article's extraction with its gold annotation, measure by measure.

Both sides are in the corpus format (a gold file, a ``newskg extract --format json`` line). Each
measure turns a side into facts, each with a key that is compared and a label that is shown:

- ``entities``: (surface form, type), each distinct one once;
- ``roles``: (person, role, organisation) with names mapped onto gold entities, each distinct once;
- ``statements``: (speaker, cue stem), each occurrence;
- ``statistics``: the digits of the value, each occurrence;
- ``located_in``: (place, container), each distinct once; ``reported_by``: the agency, each once;
- ``statement_content``: gold statements that carry ``content``, paired one-to-one with system
  statements of the same speaker and cue whose content overlaps the gold content enough;
- ``statistic_meaning``: gold figures that carry ``what``, paired one-to-one with system figures of
  the same digits whose unit, scale and what-is-counted are right.

The two meaning measures count an article only when its gold has them; they then count every system
statement (or figure) of that article. Pairing is greedy, in document order: each gold item takes the
first system item not yet taken that is right for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .rules import (
    CONTENT_OVERLAP,
    NameMap,
    cue_stem,
    gold_scale,
    measurement_unit,
    overlap_f1,
    same_what,
    scoring_key,
    system_scale,
    value_digits,
)

FACT_MEASURES = ("entities", "roles", "statements", "statistics", "located_in", "reported_by")
MEANING_MEASURES = ("statement_content", "statistic_meaning")
MEASURES = FACT_MEASURES + MEANING_MEASURES

Doc = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one measure: true positives, system items, gold items."""

    tp: int = 0
    system: int = 0
    gold: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.system + other.system, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.tp / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def measured(self) -> bool:
        """Whether there was anything to count (a measure the gold lacks counts nothing)."""
        return bool(self.system or self.gold)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A gold item the system found with the right key but the wrong meaning (content, unit ...)."""

    label: str
    gold: str
    system: str
    why: str


@dataclass(frozen=True, slots=True)
class Differences:
    """What one measure got wrong in one article, as readable labels in document order.

    A mismatch is both a miss and an extra: ``len(missed) + len(wrong) == gold - tp`` and
    ``len(extra) + len(wrong) == system - tp``.
    """

    missed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    wrong: tuple[Mismatch, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.missed or self.extra or self.wrong)


@dataclass(frozen=True, slots=True)
class Comparison:
    """One measure on one article."""

    score: Score
    differences: Differences


@dataclass(frozen=True, slots=True)
class _Fact:
    key: Hashable
    label: str


def compare_article(gold: Doc, system: Doc) -> dict[str, Comparison]:
    """Every measure on one article: ``gold`` is its gold annotation, ``system`` the extraction."""
    names = NameMap(gold, system)
    result = {}
    for measure in FACT_MEASURES:
        facts = _FACTS[measure]
        want, got = facts(gold, names), facts(system, names)
        if measure not in _EACH_OCCURRENCE:
            want, got = _distinct(want), _distinct(got)
        result[measure] = _compare_facts(want, got)
    result["statement_content"] = _compare_contents(gold, system, names)
    result["statistic_meaning"] = _compare_meanings(gold, system, names)
    return result


# --- facts compared by key -----------------------------------------------------------------------


def _entities(doc: Doc, names: NameMap) -> list[_Fact]:
    return [
        _Fact((scoring_key(e.get("text")), e.get("type")), f'"{e.get("text")}" {e.get("type")}')
        for e in doc.get("entities", [])
    ]


def _roles(doc: Doc, names: NameMap) -> list[_Fact]:
    return [
        _Fact(
            (names(r.get("person")), scoring_key(r.get("role")), names(r.get("org"))),
            f"{_name(r.get('person'), names)} | {r.get('role')} | {_name(r.get('org'), names)}",
        )
        for r in doc.get("roles", [])
    ]


def _statements(doc: Doc, names: NameMap) -> list[_Fact]:
    return [
        _Fact((names(s.get("speaker")), cue_stem(s.get("cue"))), _statement_label(s, names))
        for s in doc.get("statements", [])
    ]


def _statistics(doc: Doc, names: NameMap) -> list[_Fact]:
    # The figure compared is ``value``; the system's ``value_text`` ("70-75") is only shown.
    return [_Fact(value_digits(s.get("value")), _figure_label(s)) for s in doc.get("statistics", [])]


def _located_in(doc: Doc, names: NameMap) -> list[_Fact]:
    return [
        _Fact(
            (names(x.get("place")), names(x.get("in"))),
            f"{_name(x.get('place'), names)} in {_name(x.get('in'), names)}",
        )
        for x in doc.get("located_in", [])
    ]


def _reported_by(doc: Doc, names: NameMap) -> list[_Fact]:
    return [_Fact(names(x.get("agency")), _name(x.get("agency"), names)) for x in doc.get("reported_by", [])]


_FACTS: dict[str, Callable[[Doc, NameMap], list[_Fact]]] = {
    "entities": _entities,
    "roles": _roles,
    "statements": _statements,
    "statistics": _statistics,
    "located_in": _located_in,
    "reported_by": _reported_by,
}
_EACH_OCCURRENCE = frozenset({"statements", "statistics"})
"""Said twice is two statements, a figure given twice two figures; other facts count once."""


def _distinct(facts: list[_Fact]) -> list[_Fact]:
    first: dict[Hashable, _Fact] = {}
    for fact in facts:
        first.setdefault(fact.key, fact)
    return list(first.values())


def _compare_facts(want: list[_Fact], got: list[_Fact]) -> Comparison:
    """Multiset comparison of keys; the occurrences beyond the other side's count are listed."""
    tp = sum((Counter(f.key for f in want) & Counter(f.key for f in got)).values())
    score = Score(tp=tp, system=len(got), gold=len(want))
    return Comparison(score, Differences(missed=_unmatched(want, got), extra=_unmatched(got, want)))


def _unmatched(facts: list[_Fact], other: list[_Fact]) -> tuple[str, ...]:
    available = Counter(f.key for f in other)
    left = []
    for fact in facts:
        if available[fact.key]:
            available[fact.key] -= 1
        else:
            left.append(fact.label)
    return tuple(left)


# --- facts whose meaning is compared too ---------------------------------------------------------


def _compare_contents(gold: Doc, system: Doc, names: NameMap) -> Comparison:
    want = [s for s in gold.get("statements", []) if "content" in s]
    if not want:
        return Comparison(Score(), Differences())
    got = list(system.get("statements", []))

    def same(g: Doc, s: Doc) -> bool:
        return names(g["speaker"]) == names(s.get("speaker")) and cue_stem(g["cue"]) == cue_stem(s.get("cue"))

    def right(g: Doc, s: Doc) -> bool:
        return g["content"] is None or overlap_f1(g["content"], s.get("content")) >= CONTENT_OVERLAP

    def mismatch(g: Doc, s: Doc) -> Mismatch:
        overlap = overlap_f1(g["content"], s.get("content"))
        return Mismatch(
            label=_statement_label(g, names),
            gold=_one_line(g["content"]),
            system=_one_line(s.get("content") or "(no content)"),
            why=f"content overlap {overlap:.2f} < {CONTENT_OVERLAP}",
        )

    return _compare_paired(
        want,
        got,
        same=same,
        right=right,
        mismatch=mismatch,
        label=lambda statement: _statement_label(statement, names),
    )


def _compare_meanings(gold: Doc, system: Doc, names: NameMap) -> Comparison:
    want = [x for x in gold.get("statistics", []) if "what" in x]
    if not want:
        return Comparison(Score(), Differences())
    got = list(system.get("statistics", []))

    def same(g: Doc, s: Doc) -> bool:
        return value_digits(g["value"]) == value_digits(s.get("value_text") or s.get("value"))

    def wrong_parts(g: Doc, s: Doc) -> list[str]:
        parts = []
        if measurement_unit(g.get("unit")) != measurement_unit(s.get("unit")):
            parts.append("unit")
        if gold_scale(g.get("scale")) != system_scale(s.get("scale")):
            parts.append("scale")
        if not same_what(g["what"], s.get("what")):
            parts.append("what")
        return parts

    def mismatch(g: Doc, s: Doc) -> Mismatch:
        return Mismatch(
            label=_figure_label(g),
            gold=_meaning(g.get("unit"), gold_scale(g.get("scale")), g["what"]),
            system=_meaning(s.get("unit"), system_scale(s.get("scale")), s.get("what")),
            why="wrong " + ", ".join(wrong_parts(g, s)),
        )

    return _compare_paired(
        want,
        got,
        same=same,
        right=lambda g, s: not wrong_parts(g, s),
        mismatch=mismatch,
        label=_figure_label,
    )


def _compare_paired(
    want: Sequence[Doc],
    got: Sequence[Doc],
    *,
    same: Callable[[Doc, Doc], bool],
    right: Callable[[Doc, Doc], bool],
    mismatch: Callable[[Doc, Doc], Mismatch],
    label: Callable[[Doc], str],
) -> Comparison:
    """Greedy one-to-one pairing: each gold item, in order, takes the first free system item with the
    same key and the right meaning. Of what is left, items with the same key are shown side by side."""
    taken: set[int] = set()
    unpaired = []
    for g in want:
        match = _first_free(got, taken, g, lambda g, s: same(g, s) and right(g, s))
        if match is None:
            unpaired.append(g)
        else:
            taken.add(match)
    tp = len(want) - len(unpaired)
    wrong, missed = [], []
    for g in unpaired:
        near = _first_free(got, taken, g, same)
        if near is None:
            missed.append(label(g))
        else:
            taken.add(near)
            wrong.append(mismatch(g, got[near]))
    extra = [label(s) for i, s in enumerate(got) if i not in taken]
    return Comparison(
        Score(tp=tp, system=len(got), gold=len(want)),
        Differences(missed=tuple(missed), extra=tuple(extra), wrong=tuple(wrong)),
    )


def _first_free(
    items: Sequence[Doc], taken: set[int], gold: Doc, fits: Callable[[Doc, Doc], bool]
) -> int | None:
    return next((i for i, item in enumerate(items) if i not in taken and fits(gold, item)), None)


# --- labels ----------------------------------------------------------------------------------------


def _name(name: str | None, names: NameMap) -> str:
    """A name as written, marked ``?`` when it is no gold entity's (so it cannot match one)."""
    return str(name) if names.known(name) else f"?{name}"


def _statement_label(statement: Doc, names: NameMap) -> str:
    cue = statement.get("cue")
    return f'{_name(statement.get("speaker"), names)} | "{cue}" (stem {cue_stem(cue)})'


def _figure_label(statistic: Doc) -> str:
    value = statistic.get("value")
    written = statistic.get("value_text")
    shown = (
        f"{value} (written {written!r})"
        if written and value_digits(written) != value_digits(value)
        else str(value)
    )
    what = statistic.get("what") or statistic.get("unit_or_what")
    return f"{shown}: {_one_line(what)}" if what else shown


def _meaning(unit: str | None, scale: int, what: str | None) -> str:
    shown_unit = measurement_unit(unit) or "none"
    if unit and measurement_unit(unit) != unit.strip().lower():
        shown_unit += f" (given {unit!r})"
    shown_what = f'"{what}"' if what else "none"
    return f"unit {shown_unit}, scale {scale:,}, what {shown_what}"


def _one_line(text: object) -> str:
    """Contents span lines and run long: one line, cut at ``_SHOWN`` characters."""
    words = " ".join(str(text).split())
    return words if len(words) <= _SHOWN else words[: _SHOWN - 1] + "…"


_SHOWN = 200
