"""Measure extraction against gold annotations in the corpus format (see the README).

Users run it on their own annotated articles (``newskg evaluate GOLD_DIR``). Matching follows the
corpus rules: entities by (surface form, type); roles by (person, role, organisation) after mapping
names onto the gold entities; statements by (speaker, cue lemma), each occurrence; statistics by the
digits of the value, each occurrence; located-in by (place, container); reported-by by agency.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .ingest import parse_date
from .nlp import extract
from .records import Article
from .records_json import record_to_dict

KINDS = ("entities", "roles", "statements", "statistics", "located_in", "reported_by")
CUE_LEMMAS = {"says": "say", "said": "say", "saying": "say", "according": "according to"}


def normalise(text: str | None) -> str:
    """Case, accents, a leading 'the', punctuation and hyphens do not matter when names are compared."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\s\-‐–—_.,']+", " ", text).strip()


def cue_lemma(cue: str | None) -> str:
    """The lemma of a speech cue, so that said/says/saying match."""
    from .nlp.lexicon import load_lexicon

    text = normalise(cue)
    verbs = load_lexicon().speech_verbs
    return CUE_LEMMAS.get(text) or verbs.get(text) or text


def value_digits(value: object) -> str:
    return re.sub(r"[^0-9.]", "", str(value if value is not None else "")).rstrip(".")


@dataclass
class Score:
    """Counts for one kind of fact: true positives, system items, gold items."""

    tp: int = 0
    system: int = 0
    gold: int = 0

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


@dataclass
class Evaluation:
    """Scores per kind, and per article what was missed and what was extra."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    differences: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=dict)

    def table(self) -> str:
        lines = [f"{'kind':12s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp/sys/gold"]
        for kind, s in self.scores.items():
            lines.append(
                f"{kind:12s} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {s.tp}/{s.system}/{s.gold}"
            )
        return "\n".join(lines)


class _NameMap:
    """Maps system names onto gold canonical names within one article."""

    def __init__(self, gold: dict[str, Any], system: dict[str, Any]) -> None:
        self.gold: dict[str, str] = {}
        for e in gold.get("entities", []):
            self.gold[normalise(e["canonical"])] = normalise(e["canonical"])
            self.gold[normalise(e["text"])] = normalise(e["canonical"])
        self.forms: dict[str, set[str]] = {}
        for m in system.get("entities", []):
            self.forms.setdefault(normalise(m.get("canonical") or m.get("text")), set()).add(
                normalise(m.get("text"))
            )

    def __call__(self, name: str | None) -> str:
        key = normalise(name)
        if key in self.gold:
            return self.gold[key]
        for form in sorted(self.forms.get(key, ())):
            if form in self.gold:
                return self.gold[form]
        return "?" + key


def _facts(doc: dict[str, Any], names: _NameMap) -> dict[str, Counter]:
    def get(item: dict[str, Any], key: str) -> Any:
        return item.get(key)

    entities = {(normalise(e.get("text")), e.get("type")) for e in doc.get("entities", [])}
    return {
        "entities": Counter(entities),
        "roles": Counter(
            {
                (names(get(r, "person")), normalise(get(r, "role")), names(get(r, "org")))
                for r in doc.get("roles", [])
            }
        ),
        "statements": Counter(
            (names(get(s, "speaker")), cue_lemma(get(s, "cue"))) for s in doc.get("statements", [])
        ),
        # The figure as written (value_text) when there is one: a range "70-75" is not the number 70.
        "statistics": Counter(
            value_digits(get(s, "value_text") or get(s, "value")) for s in doc.get("statistics", [])
        ),
        "located_in": Counter(
            {(names(get(x, "place")), names(get(x, "in"))) for x in doc.get("located_in", [])}
        ),
        "reported_by": Counter({names(get(x, "agency")) for x in doc.get("reported_by", [])}),
    }


def read_gold(folder: str | Path) -> list[dict[str, Any]]:
    """Gold articles: every ``*.json`` file in ``folder`` (corpus format)."""
    path = Path(folder)
    if not path.is_dir():
        raise InputError(f"{path}: not a folder of gold annotation files")
    docs = []
    for file in sorted(path.glob("*.json")):
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{file}: not valid JSON ({exc})") from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or "id" not in doc:
            raise InputError(f"{file}: a gold file needs at least 'id' and 'text'")
        docs.append(doc)
    if not docs:
        raise InputError(f"{path}: holds no gold annotation files (*.json)")
    return docs


def evaluate(gold_docs: Iterable[dict[str, Any]]) -> Evaluation:
    """Extract from the gold articles' texts and compare with their annotations."""
    gold_docs = list(gold_docs)
    articles = [
        Article(
            id=str(d["id"]),
            text=d["text"],
            date=parse_date(d.get("date"), where=str(d["id"])),
            url=d.get("url"),
            source=d.get("source"),
            origin=str(d["id"]),
        )
        for d in gold_docs
    ]
    system_docs = {r.article.id: record_to_dict(r) for r in extract(articles)}
    result = Evaluation()
    for gold in gold_docs:
        system = system_docs.get(str(gold["id"]), {})
        names = _NameMap(gold, system)
        want = _facts(gold, names)
        got = _facts(system, names)
        diff: dict[str, dict[str, list[str]]] = {}
        for kind in KINDS:
            score = result.scores[kind]
            score.tp += sum((want[kind] & got[kind]).values())
            score.system += sum(got[kind].values())
            score.gold += sum(want[kind].values())
            diff[kind] = {
                "missed": sorted(map(str, (want[kind] - got[kind]).elements())),
                "extra": sorted(map(str, (got[kind] - want[kind]).elements())),
            }
        result.differences[str(gold["id"])] = diff
    return result
