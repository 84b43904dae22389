"""One entity across articles: map each article's canonical names onto corpus-wide ones.

Articles name the same person or organisation differently (``Asghar Mosaheb``, ``Ali-Asghar
Mosaheb``, ``Ali Asqar Mosaheb``; ``ISIPO`` and its full name). Merging is deterministic and
explainable:

- people merge when their surnames have the same transliteration key and one's given names are
  contained in the other's (``Asghar`` in ``Ali-Asghar``); the longest form names the group;
- organisations merge when one's name is an alias (acronym) of the other, or the names are equal;
- places and everything else merge on equal names;
- entities of different types never merge.

An incremental build resolves new articles against the entities already in the graph (``known``):
those keep their names, and so their IRIs, even when a new article writes a longer form. Adding an
article then adds only its own facts; a full rebuild may pick the longer form instead.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..iris import name_key
from . import ArticleRecord, Entity

TYPE_GROUP = {"NEWS_AGENCY": "ORG", "GPE": "PLACE", "LOC": "PLACE"}
TRANSLITERATION = (
    ("gh", "q"),
    ("kh", "x"),
    ("ee", "i"),
    ("ie", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("aa", "a"),
    ("w", "v"),
    ("y", "i"),
    ("dh", "z"),
)


def transliteration_key(word: str) -> str:
    """A spelling-insensitive key for a Persian name written in Latin letters (Asqar == Asghar)."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(c for c in text if c.isalpha() and not unicodedata.combining(c))
    for old, new in TRANSLITERATION:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def _person_parts(name: str) -> tuple[str, tuple[str, ...]]:
    words = name.replace("-", " ").split()
    surname_words = name.split()[-1].split("-")
    given = words[: len(words) - len(surname_words)]
    return transliteration_key("".join(surname_words)), tuple(transliteration_key(w) for w in given)


@dataclasses.dataclass(frozen=True, slots=True)
class Resolution:
    """Corpus-wide canonical names: ``canonical[(type group, article canonical)] -> corpus canonical``."""

    canonical: dict[tuple[str, str], str]

    def __call__(self, entity_type: str, name: str) -> str:
        return self.canonical.get((TYPE_GROUP.get(entity_type, entity_type), name_key(name)), name)


def resolve(records: Sequence[ArticleRecord], *, known: Sequence[Entity] = ()) -> Resolution:
    """Decide the corpus-wide canonical name of every entity in ``records``.

    ``known`` are entities already in a graph, with their canonical names and aliases: each keeps its
    name, and a new name that would merge with it takes that name.
    """
    return resolve_entities([e for r in records for e in r.entities], known=known)


def resolve_entities(found: Iterable[Entity], *, known: Sequence[Entity] = ()) -> Resolution:
    """:func:`resolve` for entities without their articles: a streaming build keeps only these."""
    entities = [*known, *found]
    mapping: dict[tuple[str, str], str] = {}
    people = [e for e in entities if e.type == "PERSON"]
    mapping.update(_resolve_people(people))
    orgs = [e for e in entities if TYPE_GROUP.get(e.type, e.type) == "ORG"]
    mapping.update(_resolve_orgs(orgs))
    for entity in entities:
        mapping.setdefault(_key(entity.type, entity.canonical), entity.canonical)
    if known:
        mapping = _keep_known(mapping, {_key(e.type, e.canonical): e.canonical for e in known})
    return Resolution(mapping)


def _key(entity_type: str, name: str) -> tuple[str, str]:
    return TYPE_GROUP.get(entity_type, entity_type), name_key(name)


def _keep_known(
    mapping: dict[tuple[str, str], str], known: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """Known names map to themselves; a new name joins its group's target if that is known, else the
    first known name of its group (sorted: deterministic), else the target."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, target in mapping.items():
        groups[(key[0], target)].append(key)
    kept = dict(mapping)
    for (group, target), members in groups.items():
        names = sorted(known[key] for key in members if key in known)
        if not names:
            continue
        joined = known.get((group, name_key(target)), names[0])
        for key in members:
            kept[key] = known.get(key, joined)
    return kept


def _resolve_people(people: list[Entity]) -> dict[tuple[str, str], str]:
    names = Counter(e.canonical for e in people)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        by_surname[_person_parts(name)[0]].append(name)
    mapping: dict[tuple[str, str], str] = {}
    for group in by_surname.values():
        # Longest forms first: each name joins the first longer compatible name.
        ordered = sorted(group, key=lambda n: (-len(_person_parts(n)[1]), -names[n], n))
        heads: list[str] = []
        for name in ordered:
            given = set(_person_parts(name)[1])
            if given:
                target = next((h for h in heads if given <= set(_person_parts(h)[1])), None)
            else:  # a surname alone joins the only full name with that surname
                target = heads[0] if len(heads) == 1 else None
            if target is None:
                heads.append(name)
                target = name
            mapping[("PERSON", name_key(name))] = target
    return mapping


def _resolve_orgs(orgs: list[Entity]) -> dict[tuple[str, str], str]:
    by_alias: dict[str, set[str]] = defaultdict(set)
    for entity in orgs:
        for alias in entity.aliases:
            by_alias[name_key(alias)].add(entity.canonical)
    mapping: dict[tuple[str, str], str] = {}
    for entity in sorted(orgs, key=lambda e: e.canonical):
        full = by_alias.get(name_key(entity.canonical), set())
        target = sorted(full)[0] if len(full) == 1 else entity.canonical
        mapping[("ORG", name_key(entity.canonical))] = target
    return mapping
