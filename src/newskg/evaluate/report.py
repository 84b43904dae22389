"""The text ``newskg evaluate`` prints: a score table, and with ``-v`` what each article got wrong."""

from __future__ import annotations

from collections.abc import Iterator

from . import Evaluation
from .measures import MEASURES, Differences

_WIDTH = max(map(len, MEASURES))

LEGEND = """\
missed: in the gold, not found; extra: found, not in the gold;
wrong: the right speaker and cue (or value) with the wrong content (or unit, scale, what);
?name: not the name of a gold entity; unit none: a plain count"""


def score_table(evaluation: Evaluation) -> str:
    """One line per measure with anything to count: precision, recall, F1 and the counts behind them."""
    lines = [f"{'measure':{_WIDTH}s}      P      R     F1     tp    sys   gold"]
    for measure in evaluation.measured:
        s = evaluation.scores[measure]
        rates = f"{s.precision:5.3f}  {s.recall:5.3f}  {s.f1:5.3f}"
        lines.append(f"{measure:{_WIDTH}s}  {rates}  {s.tp:5d}  {s.system:5d}  {s.gold:5d}")
    return "\n".join(lines)


def differences_listing(evaluation: Evaluation) -> str:
    """Per article with anything wrong, one line per missed, wrong or extra fact, measure by measure."""
    blocks = [
        "\n".join([article_id, *lines])
        for article_id, comparisons in evaluation.articles.items()
        if (lines := [line for m in MEASURES for line in _lines(m, comparisons[m].differences)])
    ]
    if not blocks:
        return "no differences: every article's extraction matches its gold annotation"
    return "\n\n".join([LEGEND, *blocks])


def _lines(measure: str, differences: Differences) -> Iterator[str]:
    indent = " " * (2 + _WIDTH + 2 + 6 + 2)
    for label in differences.missed:
        yield f"  {measure:{_WIDTH}s}  missed  {label}"
    for mismatch in differences.wrong:
        yield f"  {measure:{_WIDTH}s}  wrong   {mismatch.label}: {mismatch.why}"
        yield f"{indent}gold:   {mismatch.gold}"
        yield f"{indent}system: {mismatch.system}"
    for label in differences.extra:
        yield f"  {measure:{_WIDTH}s}  extra   {label}"
