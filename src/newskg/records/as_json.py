"""Records as JSON: the ``newskg extract --format json`` line format (documented in the README)."""

from __future__ import annotations

import re
from typing import Any

from .. import iris
from . import ArticleRecord, Evidence


def record_to_dict(record: ArticleRecord) -> dict[str, Any]:
    """One article's extraction as a JSON-ready dict; every entity mention is listed."""
    article = record.article
    return {
        "id": article.id,
        "date": article.date.isoformat() if article.date else None,
        "entities": sorted(
            (
                {
                    "text": m.text,
                    "type": e.type,
                    "canonical": e.canonical,
                    "iri": iris.entity_iri(e.type, e.canonical),
                    "start": m.start,
                    "end": m.end,
                }
                for e in record.entities
                for m in e.mentions
            ),
            key=lambda d: (d["start"], d["end"]),
        ),
        "roles": [
            {
                "person": r.person,
                "role": r.role,
                "org": r.org,
                "title": r.title or None,
                **_evidence(r.evidence),
            }
            for r in record.roles
        ],
        "statements": [
            {"speaker": s.speaker, "cue": s.cue, "content": s.content, **_evidence(s.evidence)}
            for s in record.statements
        ],
        "statistics": [
            {
                "value": _value(s.value, s.value_text),
                "value_text": s.value_text,
                "scale": s.scale,
                "unit": s.unit,
                "what": s.what,
                "about": s.about,
                "period": None
                if s.period is None
                else {
                    "label": s.period.label,
                    "start": s.period.start.isoformat() if s.period.start else None,
                    "end": s.period.end.isoformat() if s.period.end else None,
                },
                **_evidence(s.evidence),
            }
            for s in record.statistics
        ],
        "located_in": [{"place": x.place, "in": x.container} for x in record.located_in],
        "reported_by": [{"agency": a} for a in dict.fromkeys(x.agency for x in record.reported_by)],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {"evidence": evidence.text, "start": evidence.start, "end": evidence.end}


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _value(value: float, written: str) -> int | float | list[int | float]:
    """The number as written (``12.0`` stays a decimal); a range (``70-75``, ``$1.5 to $2.0``) as its
    two ends, ``[70, 75]``."""
    numbers = [_as_written(n) for n in NUMBER.findall(written)]
    if len(numbers) == 2 and numbers[0] == value:
        return numbers
    if len(numbers) == 1 and numbers[0] == value:
        return numbers[0]  # "12.0 percent" keeps its decimal
    return _number(value)


def _as_written(number: str) -> int | float:
    """``2.0`` stays a decimal, ``1,200`` is 1200."""
    plain = number.replace(",", "")
    return float(plain) if "." in plain else int(plain)
