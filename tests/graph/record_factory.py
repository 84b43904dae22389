"""Build ``ArticleRecord``s by hand from short texts, so graph tests do not depend on the NLP's output.

Offsets, sentences and mentions are computed from the text, as the NLP would give them.
"""

from __future__ import annotations

import datetime as dt
import re

from newskg.records import (
    Article,
    ArticleRecord,
    Entity,
    Evidence,
    LocatedIn,
    Mention,
    ReportedBy,
    Role,
    Statement,
    Statistic,
)


def sentence_of(text: str, start: int) -> tuple[int, str]:
    """The sentence (split after '. ') holding ``start``."""
    begin = 0
    for found in re.finditer(r"(?<=\.)\s+", text):
        if found.start() >= start:
            break
        begin = found.end()
    end = text.find(". ", begin)
    end = len(text) if end == -1 else end + 1
    return begin, text[begin:end]


def evidence(text: str, phrase: str, rule: str = "test_rule") -> Evidence:
    start = text.index(phrase)
    sentence_start, sentence = sentence_of(text, start)
    return Evidence(start, start + len(phrase), phrase, sentence, sentence_start, rule)


def entity(
    text: str, canonical: str, type_: str, *forms: str, kind: str | None = None, aliases: tuple[str, ...] = ()
) -> Entity:
    """An entity mentioned at the first occurrence of each form (the canonical name if none given)."""
    mentions = []
    for form in forms or (canonical,):
        start = text.index(form)
        mentions.append(Mention(form, start, start + len(form), f"{type_.lower()}_rule"))
    return Entity(canonical, type_, tuple(mentions), kind=kind, aliases=aliases)


def role(text: str, person: str, role_: str, org: str, phrase: str, title: str = "") -> Role:
    return Role(person, role_, org, title or role_, evidence(text, phrase, "title_of_org"))


def record(
    article_id: str,
    text: str,
    *,
    date: str | None = None,
    entities: tuple[Entity, ...] = (),
    roles: tuple[Role, ...] = (),
    statements: tuple[Statement, ...] = (),
    statistics: tuple[Statistic, ...] = (),
    located_in: tuple[LocatedIn, ...] = (),
    reported_by: tuple[ReportedBy, ...] = (),
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> ArticleRecord:
    article = Article(
        article_id,
        text,
        date=dt.date.fromisoformat(date) if date else None,
        url=url,
        source=source,
        title=title,
    )
    return ArticleRecord(
        article,
        entities=entities,
        roles=roles,
        statements=statements,
        statistics=statistics,
        located_in=located_in,
        reported_by=reported_by,
        pipeline_version="test-1",
    )


def head_report(
    article_id: str, date: str | None, person: str, org: str, role_: str = "head", *, acronym: str = ""
) -> ArticleRecord:
    """An article reporting ``person`` as ``role_`` of ``org``: ``<Person>, the <role> of <Org>, said``."""
    text = (
        f"{person}, the {role_} of {org}, said on Monday that 12 new factories opened. "
        f"{person} spoke in Tehran."
    )
    if acronym:
        text += f" {acronym} runs 40 parks."
    org_forms = (org, acronym) if acronym else (org,)
    return record(
        article_id,
        text,
        date=date,
        entities=(
            entity(text, person, "PERSON"),
            entity(text, org, "ORG", *org_forms, aliases=(acronym,) if acronym else ()),
            entity(text, "Tehran", "GPE", kind="city"),
        ),
        roles=(role(text, person, role_, org, f"{person}, the {role_} of {org}"),),
        statements=(
            Statement(person, "said", "12 new factories opened", evidence(text, "said", "speech_cue")),
        ),
    )
