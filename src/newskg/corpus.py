"""Run the stages in order over a corpus: ingest -> nlp -> records -> graph -> validate."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from .errors import InputError
from .graph.build import build_dataset, union_graph
from .ingest import article_from_text, read_articles
from .nlp import extract
from .records import Article, ArticleRecord
from .validate import ValidationReport, validate

Source = str | Path | Article
"""What the API accepts: a path (file or folder), an ``Article``, or the text of an article."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build produced: the records, the dataset, and the SHACL report when validated."""

    records: tuple[ArticleRecord, ...]
    dataset: Dataset
    report: ValidationReport | None

    @property
    def graph(self) -> Graph:
        return union_graph(self.dataset)

    def summary(self) -> str:
        """A few lines for people: articles, entities by type, relations, triples, SHACL."""
        types = Counter(e.type for r in self.records for e in r.entities)
        relations = {
            "roles": sum(len(r.roles) for r in self.records),
            "statements": sum(len(r.statements) for r in self.records),
            "statistics": sum(len(r.statistics) for r in self.records),
            "located in": sum(len(r.located_in) for r in self.records),
            "reported by": sum(len(r.reported_by) for r in self.records),
        }
        triples = sum(len(g) for g in self.dataset.graphs())
        lines = [
            f"articles: {len(self.records)}",
            "entities: " + (", ".join(f"{t} {n}" for t, n in sorted(types.items())) or "none"),
            "relations: " + ", ".join(f"{k} {v}" for k, v in relations.items()),
            f"triples: {triples}",
            str(self.report).splitlines()[0] if self.report is not None else "SHACL: not run (--no-validate)",
        ]
        return "\n".join(lines)


def to_articles(sources: Iterable[Source]) -> list[Article]:
    """Articles from paths, ``Article`` objects and raw texts (a string that names no file is text)."""
    articles: list[Article] = []
    for source in sources:
        if isinstance(source, Article):
            articles.append(source)
        elif isinstance(source, Path) or (isinstance(source, str) and _looks_like_path(source)):
            articles.extend(read_articles([source]))
        elif isinstance(source, str):
            digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:10]
            articles.append(article_from_text(source, id=f"text-{digest}"))
        else:
            raise InputError(f"cannot read an article from a {type(source).__name__}")
    return _unique(articles)


def _looks_like_path(text: str) -> bool:
    return "\n" not in text and len(text) < 1024 and (Path(text).exists() or text.endswith(
        (".txt", ".json", ".jsonl", "/")))


def _unique(articles: Sequence[Article]) -> list[Article]:
    """Drop exact repeats of an article (same id, same text); two texts under one id is an error."""
    seen: dict[str, Article] = {}
    for article in articles:
        first = seen.get(article.id)
        if first is None:
            seen[article.id] = article
        elif first.text.strip() != article.text.strip():
            raise InputError(f"{article.origin}: article id '{article.id}' is also used by {first.origin} for another text")
    return list(seen.values())


def build(sources: Iterable[Source], *, run_validation: bool = True) -> BuildResult:
    """Build the knowledge graph of ``sources`` and validate it."""
    records = tuple(extract(to_articles(sources)))
    dataset = build_dataset(records)
    report = validate(union_graph(dataset)) if run_validation else None
    return BuildResult(records, dataset, report)
