"""The closed-class vocabulary the extraction rules use, loaded once from ``rules/lexicon.json``.

Keeping it as data lets users extend titles or speech verbs without touching code; a malformed
file fails with a message naming the file and the key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import DataFileError

LEXICON_FILE = "lexicon.json"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Title words, speech verbs, organisational head words and units, ready for lookups."""

    org_heads: frozenset[str]
    program_heads: frozenset[str]
    event_heads: frozenset[str]
    head_titles: frozenset[str]
    other_titles: dict[str, str | None]
    title_modifiers: dict[str, str]
    speech_verbs: dict[str, str]
    speech_verbs_need_object: dict[str, frozenset[str]]
    speaker_anaphors: tuple[str, ...]
    stop_name_words: frozenset[str]
    name_particles: frozenset[str]
    honorifics: frozenset[str]
    units: dict[str, str]
    scales: dict[str, int]
    time_units: frozenset[str]
    months: frozenset[str]
    repeat_markers: frozenset[str]
    motto_cues: tuple[str, ...]
    cue_adverbs: frozenset[str]
    """Words that may stand between a speaker and a speech verb: 'Salehinia further said'."""
    title_words: frozenset[str] = field(init=False)
    """Head titles and other titles in one set, so that ``is_title_word`` is one lookup."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "title_words", self.head_titles | frozenset(self.other_titles))

    def is_title_word(self, lower: str) -> bool:
        """True for a word that names a post (head, minister, governor, ...)."""
        return lower in self.title_words


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and check the shipped lexicon (cached: it never changes at run time)."""
    path = resources.files("newskg.nlp").joinpath("rules", LEXICON_FILE)
    where = f"newskg/nlp/rules/{LEXICON_FILE}"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{where}:{exc.lineno}: not valid JSON ({exc.msg})") from exc

    def get(key: str, kind: type) -> Any:
        if key not in data:
            raise DataFileError(f"{where}: missing key '{key}'")
        if not isinstance(data[key], kind):
            raise DataFileError(f"{where}: key '{key}' must be a {kind.__name__}")
        return data[key]

    return Lexicon(
        org_heads=frozenset(get("org_heads", list)),
        program_heads=frozenset(get("program_heads", list)),
        event_heads=frozenset(get("event_heads", list)),
        head_titles=frozenset(get("head_titles", list)),
        other_titles=dict(get("other_titles", dict)),
        title_modifiers=dict(get("title_modifiers", dict)),
        speech_verbs=dict(get("speech_verbs", dict)),
        speech_verbs_need_object={k: frozenset(v) for k, v in get("speech_verbs_need_object", dict).items()},
        speaker_anaphors=tuple(sorted(get("speaker_anaphors", list), key=len, reverse=True)),
        stop_name_words=frozenset(get("stop_name_words", list)),
        name_particles=frozenset(get("name_particles", list)),
        honorifics=frozenset(get("honorifics", list)),
        units=dict(get("units", dict)),
        scales={k: int(v) for k, v in get("scales", dict).items()},
        time_units=frozenset(get("time_units", list)),
        months=frozenset(get("months", list)),
        repeat_markers=frozenset(get("repeat_markers", list)),
        motto_cues=tuple(get("motto_cues", list)),
        cue_adverbs=frozenset(get("cue_adverbs", list)),
    )
