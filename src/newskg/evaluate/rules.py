"""When a system fact counts as a gold one: how names, cues, figures, units and wording are compared.

These are the corpus scorer's rules (``score.py`` beside the corpus is the judge), written out here
so that ``newskg evaluate`` gives the judge's numbers. They are lenient about how a thing is written
and strict about what it means:

- names: case, accents, curly quotes, a leading "the", punctuation and hyphens do not matter;
- speech cues: the reporting verb's stem ("said", "says", "went on to say" are one cue; "noted" and
  "noting" another);
- figures: the digits of the value ("14,458" is 14458);
- units: a measurement unit under any of its spellings ("%", "per cent"), or none for a plain count;
- wording (statement content, what a figure counts): word-overlap F1 without small function words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from typing import Any

_SEPARATORS = re.compile(r"[\s\-‐–—_.,']+")
_LEADING_THE = re.compile(r"^the\s+")


def scoring_key(text: str | None) -> str:
    """A name as the scorer compares it (its ``norm``): ``"The Central-Bank of Irán"`` and
    ``"central bank of iran"`` are one.

    Not the gazetteers' lookup key (``newskg.nlp.gazetteers.normalise``), which keeps punctuation
    (``U.S.``), reads ``&`` as ``and`` and folds letters such as ``ł``: that one finds names in the
    tables, this one judges extractions as the corpus scorer does, so each follows its own rules.
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = _LEADING_THE.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


_SAY = frozenset({"say", "said", "says", "saying"})
_IRREGULAR = {"told": "tell", "tells": "tell", "telling": "tell", "puts": "put", "putting": "put"}
_NOT_THE_VERB = frozenset({"as", "the", "also", "further", "went", "on", "to", "was", "is"})
"""Words around a reporting verb in a cue ("as announced", "went on to add", "also noted")."""
_WHOLE_STEMS = frozenset({"tell", "put"})
_SUFFIXES = ("ing", "ed", "es", "s")


def cue_stem(cue: str | None) -> str:
    """The reporting verb's stem, so that a cue matches however it was inflected.

    Any form of "say" is ``say``; "according to" and "remarks" are one cue each; "announcement" and
    "statement" are their verbs; otherwise the first word that is not a filler ("as", "also",
    "went on to", ...) loses one suffix (-ing, -ed, -es, -s), a final -e and a doubled last letter:
    "noted", "notes" and "noting" are all ``not``, "stressed" and "stresses" ``stres``.
    """
    words = scoring_key(cue).split()
    if _SAY.intersection(words):
        return "say"
    if "according" in words:
        return "according to"
    if "remark" in words or "remarks" in words:
        return "remark"
    if words and words[0] in ("announcement", "statement"):
        words = [words[0].removesuffix("ment")]
    for word in words:
        if word in _NOT_THE_VERB:
            continue
        word = _IRREGULAR.get(word, word)
        return word if word in _WHOLE_STEMS else _stem(word)
    return ""


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if (
            word.endswith(suffix)
            and len(word) > len(suffix) + 2
            and not (suffix == "s" and word.endswith("ss"))
        ):
            word = word[: -len(suffix)]
            break
    word = word.removesuffix("e")
    if len(word) > 2 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def value_digits(value: object) -> str:
    """The digits of a figure (and its decimal point): ``"14,458"`` -> ``14458``, ``"$4.5"`` -> ``4.5``.

    As in the judge, an empty or zero value (the number ``0``, not the text ``"0"``) has no digits.
    """
    return re.sub(r"[^0-9.]", "", str(value) if value else "").rstrip(".")


MEASUREMENT_UNITS = frozenset(
    {
        "percent", "rials", "tomans", "dollars", "euros", "yuan", "rubles", "tons", "barrels", "liters",
        "cubic meters", "kilometers", "meters", "square meters", "hectares", "megawatts", "gigawatts",
        "kilowatt-hours", "teus", "points", "years", "other",
    }
)  # fmt: skip
"""Units of measurement; anything else (units, people, jobs ...) is what a plain count counts."""

UNIT_ALIASES = {
    "%": "percent", "per cent": "percent", "percentage points": "percent", "rial": "rials",
    "toman": "tomans", "dollar": "dollars", "usd": "dollars", "$": "dollars", "euro": "euros",
    "ton": "tons", "tonnes": "tons", "tonne": "tons", "metric tons": "tons", "barrel": "barrels",
    "liter": "liters", "litres": "liters", "cubic meter": "cubic meters", "km": "kilometers",
    "kilometer": "kilometers", "hectare": "hectares", "megawatt": "megawatts", "mw": "megawatts",
    "gigawatt": "gigawatts", "gw": "gigawatts", "kwh": "kilowatt-hours", "teu": "teus", "point": "points",
    "year": "years",
}  # fmt: skip


def measurement_unit(unit: str | None) -> str:
    """The measurement unit under its one spelling, or ``""`` for a plain count."""
    text = (unit or "").strip().lower()
    text = UNIT_ALIASES.get(text, text)
    return text if text in MEASUREMENT_UNITS else ""


def gold_scale(scale: str | float | None) -> int:
    """A gold figure's multiplier (``1000000000`` for "billion"); absent means 1."""
    return int(scale or 1)


def system_scale(scale: str | float | None) -> int:
    """The system's multiplier, which may be written as a float; absent means 1."""
    return int(float(scale or 1))


STOP_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "for", "to"})


def content_words(text: str | None) -> list[str]:
    """The words that carry meaning, in order: lower-case letters and digits, no function words."""
    return [w for w in re.findall(r"[a-z0-9]+", scoring_key(text)) if w not in STOP_WORDS]


def overlap_f1(gold: str | None, system: str | None) -> float:
    """Word-overlap F1 of two texts (each word counted as often as it occurs)."""
    want, got = Counter(content_words(gold)), Counter(content_words(system))
    common = sum((want & got).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


CONTENT_OVERLAP = 0.5
"""Least word-overlap F1 for a statement's content, or a figure's what-is-counted, to be right."""


def same_what(gold: str | None, system: str | None) -> bool:
    """A figure counts the right thing: the gold phrase's head (last) word is in the system's, or the
    two phrases overlap enough ("industrial units" and "idle units" both count units)."""
    head = content_words(gold)[-1:]
    return bool(head) and (head[0] in content_words(system) or overlap_f1(gold, system) >= CONTENT_OVERLAP)


class NameMap:
    """Maps a name onto the canonical name of a gold entity of one article, as the judge does.

    A name maps when, normalised, it equals a gold canonical name or gold surface form, or when one of
    the system's surface forms for it does (the system may call ISIPO by a canonical name the gold
    does not use, and still have found the form "ISIPO"). A name that maps to no gold entity stays
    itself, marked with a leading ``?``: two such names only match when they are the same.
    """

    def __init__(self, gold: Mapping[str, Any], system: Mapping[str, Any]) -> None:
        self.gold: dict[str, str] = {}
        for entity in gold.get("entities", []):
            canonical = scoring_key(entity["canonical"])
            self.gold[canonical] = canonical
            self.gold[scoring_key(entity["text"])] = canonical
        self.system_forms: dict[str, set[str]] = {}
        for mention in system.get("entities", []):
            key = scoring_key(mention.get("canonical") or mention.get("text"))
            self.system_forms.setdefault(key, set()).add(scoring_key(mention.get("text")))

    def __call__(self, name: str | None) -> str:
        key = scoring_key(name)
        if key in self.gold:
            return self.gold[key]
        for form in sorted(self.system_forms.get(key, ())):
            if form in self.gold:
                return self.gold[form]
        return "?" + key

    def known(self, name: str | None) -> bool:
        """Whether ``name`` maps onto a gold entity."""
        return not self(name).startswith("?")
