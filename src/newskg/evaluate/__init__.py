"""Measure extraction against gold annotations in the corpus format (``newskg evaluate GOLD_DIR``).

Users run it on their own annotated articles. It extracts from each gold article's text, as
``newskg extract`` would, and compares with the annotation under the corpus scorer's rules, so that
it gives the same numbers as ``score.py`` beside the corpus (the judge):

- ``gold``: reading and checking the gold folder;
- ``rules``: how names, cues, figures, units and wording are compared;
- ``measures``: what each measure counts, on one article, and what it got wrong;
- ``report``: the score table and the per-article listing of ``-v``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .gold import gold_article, read_gold
from .measures import FACT_MEASURES, MEANING_MEASURES, MEASURES, Comparison, Differences, Mismatch, Score
from .measures import compare_article as _compare_article

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Totals per measure, and per article (in gold order) each measure's counts and differences."""

    scores: Mapping[str, Score]
    articles: Mapping[str, Mapping[str, Comparison]]

    @property
    def measured(self) -> tuple[str, ...]:
        """The measures with anything to count: the meaning measures only when the gold has them."""
        return tuple(m for m in MEASURES if self.scores[m].measured)


def score(gold_docs: Iterable[Mapping[str, Any]], system_docs: Mapping[str, Mapping[str, Any]]) -> Evaluation:
    """Compare system output with gold annotations, both in the corpus format, keyed by article id.

    ``system_docs`` holds ``newskg extract --format json`` objects; an article without one counts
    as one where nothing was found.
    """
    totals = dict.fromkeys(MEASURES, Score())
    articles: dict[str, dict[str, Comparison]] = {}
    for gold in gold_docs:
        article_id = str(gold["id"])
        comparisons = _compare_article(gold, system_docs.get(article_id, {}))
        articles[article_id] = comparisons
        for measure, comparison in comparisons.items():
            totals[measure] += comparison.score
    return Evaluation(scores=totals, articles=articles)


def evaluate(gold_docs: Iterable[Mapping[str, Any]], *, nlp: Language | None = None) -> Evaluation:
    """Extract from the gold articles' texts and compare with their annotations."""
    from ..nlp import extract
    from ..records.as_json import record_to_dict

    gold_docs = list(gold_docs)
    records = extract((gold_article(doc) for doc in gold_docs), nlp=nlp)
    return score(gold_docs, {r.article.id: record_to_dict(r) for r in records})


__all__ = [
    "FACT_MEASURES",
    "MEANING_MEASURES",
    "MEASURES",
    "Comparison",
    "Differences",
    "Evaluation",
    "Mismatch",
    "Score",
    "evaluate",
    "read_gold",
    "score",
]
