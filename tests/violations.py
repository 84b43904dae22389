"""Articles whose graph breaks the shapes and the cross-article checks, for the validation tests.

``CONTRADICTING`` are articles that contradict each other (two heads on one day; a former head called
head again; a 150 % change). ``crafted_records`` extracts them with the seeds and then breaks some
records the way a faulty extraction could, so that the graph built from them breaks shapes of both
scopes (``newskg.validate.scopes``): article-scope ones (a negative percentage, an empty speech verb, a
span that ends where it starts, a share above 100 %) and corpus-scope ones (an entity with an empty
name given by two articles, an entity whose preferred label is empty, a post with an empty role name).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from conftest import SEEDS
from newskg.records import ArticleRecord

CONTRADICTING = {
    "tea-a": (
        "2021-01-10",
        "TEHRAN - Reza Karimi, the head of the National Tea Organization (NTO), said on Sunday that tea "
        "exports rose 12 percent in the past nine months. Karimi said the NTO will open two new auction "
        "centres.",
    ),
    "tea-b": (
        "2021-01-10",
        "TEHRAN - The head of the National Tea Organization (NTO) Hamid Tavakoli announced on Sunday that "
        "2,300 tea farmers have received loans. Tavakoli said the loans total 15 billion rials.",
    ),
    "tea-c": (
        "2021-02-01",
        "TEHRAN - The former head of the National Tea Organization (NTO) Reza Karimi said that tea imports "
        "fell in 2020. Karimi said the share of imported tea reached 60 percent.",
    ),
    "tea-d": (
        "2021-03-01",
        "TEHRAN - Reza Karimi, the head of the National Tea Organization (NTO), said that 400 tea factories "
        "are active in Gilan Province. He said production rose 150 percent.",
    ),
}
"""Two heads on one day (a, b); a former head (c) reported as head again (d); a 150 % change (d)."""


def write_articles(folder: Path, articles: dict[str, tuple[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article_id, (date, text) in articles.items():
        record = {"id": article_id, "date": date, "source": "Example Daily", "text": text}
        (folder / f"{article_id}.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def crafted_records(folder: Path) -> list[ArticleRecord]:
    """The seeds' and ``CONTRADICTING``'s records (written to ``folder``), some of them broken."""
    from newskg.build.parallel import extract_records
    from newskg.ingest.sources import to_articles

    records = list(extract_records(to_articles([SEEDS, write_articles(folder, CONTRADICTING)])))
    broken = [_broken(record) for record in records]
    assert sum(a != b for a, b in zip(records, broken, strict=True)) == 6, "each break found its record"
    return broken


def _broken(record: ArticleRecord) -> ArticleRecord:
    replace = dataclasses.replace
    article = record.article.id
    if article == "tea-a":  # article scope: a percentage below 0
        first, *others = record.statistics
        return replace(record, statistics=(replace(first, unit="percent", value=-5.0), *others))
    if article == "tea-b":  # article scope: no speech verb, and a span that ends where it starts
        first, *others = record.statements
        evidence = replace(first.evidence, end=first.evidence.start)
        return replace(record, statements=(replace(first, cue="", evidence=evidence), *others))
    if article in ("tea-c", "tea-d"):  # corpus scope: the same empty name of one entity, from two articles
        first, *others = record.entities
        return replace(record, entities=(replace(first, aliases=(*first.aliases, "")), *others))
    if article == "seed-000":  # corpus scope: an entity without a name, and a post without a role
        *entities, last = record.entities
        role, *roles = record.roles
        return replace(
            record, entities=(*entities, replace(last, canonical="")), roles=(replace(role, role=""), *roles)
        )
    if article == "seed-002":  # article scope, a warning: a share above 100 %
        first, *others = record.statistics
        return replace(record, statistics=(replace(first, unit="percent", value=250.0), *others))
    return record
