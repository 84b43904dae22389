"""The closed-class vocabulary the extraction rules use, loaded once from ``rules/*.json``.

One file per topic (people, titles, reporting verbs, names of things, figures), so that users can
extend titles or speech verbs without touching code and reviewers can read each list on its own.
Every key is checked as it is read; a malformed file fails with a message naming the file and key.
No word list lives in the code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import DataFileError

RULE_FILES = ("people.json", "titles.json", "reporting.json", "names_of_things.json", "figures.json")


def phrase_key(text: str) -> tuple[str, ...]:
    """A phrase as the lower-case words the rules compare: ``"Free Zone"`` -> ``("free", "zone")``.

    Hyphens separate words (the tokenizer splits ``semi-official``), brackets are words of their own.
    """
    text = text.lower().replace("-", " ").replace("(", " ( ").replace(")", " ) ")
    return tuple(text.split())


@dataclass(frozen=True, slots=True)
class People:
    courtesy_titles: frozenset[str]
    """Written before a name and not part of it: Mr, Dr, Ayatollah, General."""
    name_prefixes: frozenset[str]
    """Part of the name: Seyyed, Mir, Haj."""
    name_particles: frozenset[str]
    """Lower or capitalised words inside a name: al, bin, van, Al-e."""
    never_in_names: frozenset[str]
    person_before_cues: tuple[tuple[str, ...], ...]
    """Lower-case word sequences that only a person follows: ``appointment of``, ``quoted``."""
    person_after_cues: tuple[tuple[str, ...], ...]
    """Lower-case word sequences that only a person precedes: ``became``, ``made the remarks``."""
    theophoric_endings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Titles:
    posts: dict[tuple[str, ...], str]
    """Post words (lower case, hyphens as spaces) -> base post: ``("chief", "executive")`` -> head."""
    modifiers: dict[str, str]
    """acting, former, deputy, first; an empty value is a modifier that changes nothing (new)."""
    roles: dict[str, dict[str, str]]
    """Kind of body (organisation, ministry, province, country) -> ``modifiers base`` -> role."""
    title_nouns: frozenset[str]
    """Nouns that name an official in ``the official said``, ``the CEO noted``."""
    heading_verbs: frozenset[str]
    """``X heads Y``: verbs that give the head of an organisation."""
    succession_verbs: frozenset[str]
    becoming_verbs: frozenset[str]
    boards: tuple[tuple[str, ...], ...]
    """``board of directors``: a body between a post and its organisation, longest first."""
    appointment_verbs: frozenset[str]
    copulas: frozenset[str]
    apposition_words: frozenset[str]
    """Words between a name, its comma and an apposed title: ``X, who is also the head of``."""
    default_country: str
    body_prepositions: frozenset[str]
    modifier_order: tuple[str, ...]
    post_starts: frozenset[str]
    longest_post: int

    def post_at(self, lower: list[str], i: int) -> tuple[str | None, int]:
        """The base post of the longest post phrase starting at word i, and where it ends."""
        if lower[i] not in self.post_starts:
            return None, i
        for size in range(min(self.longest_post, len(lower) - i), 0, -1):
            words = tuple(w for w in lower[i : i + size] if w != "-")
            base = self.posts.get(words)
            if base is not None and lower[i + size - 1] != "-":
                return base, i + size
        return None, i


@dataclass(frozen=True, slots=True)
class Reporting:
    verb_of: dict[str, str]
    """Every form of a reporting verb -> its lemma: ``said`` -> say."""
    needs_clause: frozenset[str]
    clause_openers: frozenset[str]
    need_object: dict[str, frozenset[str]]
    phrases: dict[tuple[str, ...], str]
    """Multi-word cues as lower-case words -> the cue's name: ``("pointed", "out")`` -> point out."""
    finite_markers: frozenset[str]
    passive_markers: frozenset[str]
    speaker_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    anaphor_determiners: frozenset[str]
    anaphor_adjectives: frozenset[str]
    organisation_sources: tuple[tuple[str, ...], ...]
    reporting_nouns: frozenset[str]
    not_quote_cues: frozenset[str]
    finite_auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    speaker_articles: frozenset[str]
    official_links: frozenset[str]
    referring_cues: frozenset[str]
    speech_settings: tuple[tuple[str, ...], ...]
    """``in an interview``, ``on the sidelines``: after a comma, they end the reported clause."""
    """``an official with the ministry``: prepositions between an unnamed official and the body."""
    credit_before: tuple[tuple[str, ...], ...]
    """Words before a news medium that credit it as the source: ``told``, ``quoted by``, ``(``."""
    credit_after: tuple[tuple[str, ...], ...]
    """Words after a news medium that credit it: ``reported``, ``news agency``, ``)``."""
    phrase_starts: frozenset[str]
    phrases_by_start: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    """The multi-word cues by their first word, for a lookup instead of a scan."""

    def is_participle(self, word: str) -> bool:
        return word.endswith("ing") and word in self.verb_of


@dataclass(frozen=True, slots=True)
class NamedThings:
    organisation_heads: frozenset[str]
    organisation_heads_before_of: frozenset[str]
    organisation_heads_closing: frozenset[str]
    """Head words that end a name: ``and`` after one starts another name."""
    program_heads: frozenset[str]
    event_heads: frozenset[str]
    place_heads: frozenset[str]
    place_heads_multi: tuple[tuple[str, ...], ...]
    """Multi-word place heads as lower-case words (``free zone``), longest first."""
    place_heads_lower: tuple[tuple[str, ...], ...]
    motto_cues: tuple[str, ...]
    naming_verbs: frozenset[str]
    title_case_small_words: frozenset[str]
    """Words a title-cased name keeps in lower case: ``Surge in Production``."""
    standalone_names: frozenset[str]
    """Head words that name one body by themselves: ``the Parliament``, ``the Constitution``."""
    common_acronyms: frozenset[str]
    """All-capital words that are not organisations: GDP, VAT, MoU."""
    organisation_nouns: frozenset[str]
    apposition_articles: frozenset[str]
    program_acronyms: frozenset[str]
    program_nouns_lower: frozenset[str]
    place_nouns: frozenset[str]
    nationality_endings: tuple[tuple[str, str], ...]
    """(adjective ending, country-name ending): ``("ese", "a")`` reads Chinese as China."""
    persian_place_spellings: tuple[tuple[re.Pattern[str], str], ...]
    """How English news respells a Persian place name: (pattern, replacement), applied to whole names."""
    route_nouns: frozenset[str]
    heads_first: frozenset[str]
    name_connectors: frozenset[str]
    containment_links: frozenset[str]
    containment_verbs: frozenset[str]
    ministry_filler_words: frozenset[str]
    organisation_nouns_lower: tuple[tuple[str, ...], ...]
    """The organisation head words in lower case: ``the organization``, ``the bank``."""

    def kind_of_head(self, word: str) -> str | None:
        """The entity type a capitalised head word gives a name, if any."""
        if word in self.organisation_heads:
            return "ORG"
        if word in self.program_heads:
            return "PROGRAM"
        if word in self.event_heads:
            return "EVENT"
        if word in self.place_heads:
            return "LOC"
        return None


@dataclass(frozen=True, slots=True)
class Figures:
    units: dict[tuple[str, ...], str]
    """Unit words as written (case kept for symbols and codes, lower case otherwise) -> unit."""
    longest_unit: int
    unit_starts: frozenset[str]
    prefix_units: frozenset[str]
    scales: dict[str, int]
    time_units: frozenset[str]
    months: frozenset[str]
    rank_words: frozenset[str]
    repeat_markers: frozenset[str]
    approximators: frozenset[str]
    level_verbs: frozenset[str]
    change_nouns: frozenset[str]
    worth_words: tuple[tuple[str, ...], ...]
    ellipsis_words: frozenset[str]
    money_units: frozenset[str]
    verb_chain_words: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    amount_links: frozenset[str]
    clause_conjunctions: frozenset[str]
    anaphoric_quantity_nouns: frozenset[str]
    modifier_prepositions: frozenset[str]
    change_adverbs: frozenset[str]
    personal_subjects: frozenset[str]
    number_words: dict[str, int]
    year_offsets: dict[str, int]
    gregorian_months: dict[str, int]
    """Month names and abbreviations in lower case -> month number."""

    def unit_at(self, words: list[str], i: int) -> tuple[str | None, int]:
        """The unit written at word i (``percent``, ``metric tons``, ``$``), and where it ends."""
        if i >= len(words) or (words[i] not in self.unit_starts and words[i].lower() not in self.unit_starts):
            return None, i
        for size in range(min(self.longest_unit, len(words) - i), 0, -1):
            written = tuple(words[i : i + size])
            unit = self.units.get(written) or self.units.get(tuple(w.lower() for w in written))
            if unit is not None:
                return unit, i + size
        return None, i


@dataclass(frozen=True, slots=True)
class Lexicon:
    people: People
    titles: Titles
    reporting: Reporting
    things: NamedThings
    figures: Figures


class _File:
    """One rule file, read and checked key by key."""

    def __init__(self, name: str) -> None:
        self.where = f"newskg/nlp/rules/{name}"
        path = resources.files("newskg.nlp").joinpath("rules", name)
        try:
            self.data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{self.where}:{exc.lineno}: not valid JSON ({exc.msg})") from exc
        except OSError as exc:
            raise DataFileError(f"{self.where}: cannot be read ({exc.strerror or exc})") from exc

    def get(self, key: str, kind: type) -> Any:
        if key not in self.data:
            raise DataFileError(f"{self.where}: missing key '{key}'")
        value: Any = self.data[key]
        if not isinstance(value, kind):
            raise DataFileError(f"{self.where}: key '{key}' must be a {kind.__name__}")
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            raise DataFileError(f"{self.where}: key '{key}' must list strings")
        return value

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.get(key, list))

    def table(self, key: str) -> dict[str, Any]:
        return {k: v for k, v in self.get(key, dict).items() if not k.startswith("_")}

    def pairs(self, key: str) -> tuple[tuple[str, str], ...]:
        """A list of ``"left>right"`` strings, in order."""
        items = self.get(key, list)
        bad = [item for item in items if item.count(">") != 1]
        if bad:
            raise DataFileError(f"{self.where}: key '{key}': each item must be 'left>right', not '{bad[0]}'")
        return tuple((left, right) for left, _sep, right in (item.partition(">") for item in items))

    def rewrites(self, key: str) -> tuple[tuple[re.Pattern[str], str], ...]:
        """A table of regular expression -> replacement, each expression compiled and checked."""
        rules = []
        for pattern, replacement in self.table(key).items():
            if not isinstance(replacement, str):
                raise DataFileError(
                    f"{self.where}: key '{key}': the replacement of '{pattern}' must be a string"
                )
            try:
                rules.append((re.compile(pattern), replacement))
            except re.error as exc:
                raise DataFileError(
                    f"{self.where}: key '{key}': '{pattern}' is not a regular expression ({exc})"
                ) from exc
        return tuple(rules)

    def phrases(self, key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({phrase_key(p) for p in self.get(key, list)}, key=len, reverse=True))


def _people() -> People:
    f = _File("people.json")
    return People(
        courtesy_titles=f.words("courtesy_titles"),
        name_prefixes=f.words("name_prefixes"),
        name_particles=f.words("name_particles"),
        never_in_names=f.words("never_in_names"),
        person_before_cues=f.phrases("person_before_cues"),
        person_after_cues=f.phrases("person_after_cues"),
        theophoric_endings=tuple(f.get("theophoric_endings", list)),
    )


def _titles() -> Titles:
    f = _File("titles.json")
    posts = {phrase_key(k): v for k, v in f.table("posts").items()}
    roles = {kind: {k: v for k, v in table.items()} for kind, table in f.table("roles").items()}
    for kind, table in roles.items():
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise DataFileError(f"{f.where}: roles '{kind}' must map titles to role names")
    return Titles(
        posts=posts,
        modifiers={k.lower(): v for k, v in f.table("modifiers").items()},
        roles=roles,
        title_nouns=f.words("title_nouns"),
        heading_verbs=f.words("heading_verbs"),
        succession_verbs=f.words("succession_verbs"),
        becoming_verbs=f.words("becoming_verbs"),
        boards=f.phrases("boards"),
        appointment_verbs=f.words("appointment_verbs"),
        copulas=f.words("copulas"),
        apposition_words=f.words("apposition_words"),
        default_country=str(f.get("default_country", str)),
        body_prepositions=f.words("body_prepositions"),
        modifier_order=tuple(f.get("modifier_order", list)),
        post_starts=frozenset(words[0] for words in posts),
        longest_post=max(len(words) for words in posts),
    )


def _reporting() -> Reporting:
    f = _File("reporting.json")
    verb_of: dict[str, str] = {}
    for lemma, forms in f.table("verbs").items():
        for form in str(forms).split():
            verb_of[form] = lemma
    phrases: dict[tuple[str, ...], str] = {}
    for name, forms in f.table("phrases").items():
        for form in str(forms).split("|"):
            phrases[phrase_key(form)] = name
    return Reporting(
        verb_of=verb_of,
        needs_clause=f.words("needs_clause"),
        clause_openers=f.words("clause_openers"),
        need_object={k: frozenset(v) for k, v in f.table("need_object").items()},
        phrases=phrases,
        finite_markers=f.words("finite_markers"),
        passive_markers=f.words("passive_markers"),
        speaker_pronouns=f.words("speaker_pronouns"),
        object_pronouns=f.words("object_pronouns"),
        anaphor_determiners=f.words("anaphor_determiners"),
        anaphor_adjectives=f.words("anaphor_adjectives"),
        organisation_sources=f.phrases("organisation_sources"),
        reporting_nouns=f.words("reporting_nouns"),
        not_quote_cues=f.words("not_quote_cues"),
        finite_auxiliaries=f.words("finite_auxiliaries"),
        passive_auxiliaries=f.words("passive_auxiliaries"),
        speaker_articles=f.words("speaker_articles"),
        official_links=f.words("official_links"),
        referring_cues=f.words("referring_cues"),
        speech_settings=f.phrases("speech_settings"),
        credit_before=f.phrases("credit_before"),
        credit_after=f.phrases("credit_after"),
        phrase_starts=frozenset(words[0] for words in phrases),
        phrases_by_start={
            first: tuple((words, name) for words, name in phrases.items() if words[0] == first)
            for first in {words[0] for words in phrases}
        },
    )


def _things() -> NamedThings:
    f = _File("names_of_things.json")
    place_heads = f.get("place_heads", list)
    return NamedThings(
        organisation_heads=f.words("organisation_heads"),
        organisation_heads_before_of=f.words("organisation_heads_before_of"),
        organisation_heads_closing=f.words("organisation_heads_closing"),
        program_heads=f.words("program_heads"),
        event_heads=f.words("event_heads"),
        place_heads=frozenset(p for p in place_heads if " " not in p),
        place_heads_multi=tuple(
            sorted({phrase_key(p) for p in place_heads if " " in p}, key=len, reverse=True)
        ),
        place_heads_lower=f.phrases("place_heads_lower"),
        motto_cues=tuple(f.get("motto_cues", list)),
        naming_verbs=f.words("naming_verbs"),
        title_case_small_words=f.words("title_case_small_words"),
        standalone_names=f.words("standalone_names"),
        common_acronyms=f.words("common_acronyms"),
        route_nouns=f.words("route_nouns"),
        heads_first=f.words("heads_first"),
        name_connectors=f.words("name_connectors"),
        containment_links=f.words("containment_links"),
        containment_verbs=f.words("containment_verbs"),
        ministry_filler_words=f.words("ministry_filler_words"),
        organisation_nouns_lower=f.phrases("organisation_nouns_lower"),
        organisation_nouns=frozenset(w.lower() for w in f.words("organisation_heads") if w.isalpha()),
        persian_place_spellings=f.rewrites("persian_place_spellings"),
        apposition_articles=f.words("apposition_articles"),
        program_acronyms=f.words("program_acronyms"),
        program_nouns_lower=f.words("program_nouns_lower"),
        place_nouns=f.words("place_nouns"),
        nationality_endings=f.pairs("nationality_endings"),
    )


def _figures() -> Figures:
    f = _File("figures.json")
    units: dict[tuple[str, ...], str] = {}
    for unit, forms in f.table("units").items():
        for form in str(forms).split("|"):
            words = tuple(form.split())
            units[words if any(not w.islower() for w in words) else tuple(w.lower() for w in words)] = unit
    scales = f.table("scales")
    if not all(isinstance(v, int) for v in scales.values()):
        raise DataFileError(f"{f.where}: key 'scales' must map words to whole numbers")
    return Figures(
        units=units,
        longest_unit=max(len(words) for words in units),
        unit_starts=frozenset(words[0] for words in units),
        prefix_units=f.words("prefix_units"),
        scales=scales,
        time_units=f.words("time_units"),
        months=f.words("months"),
        rank_words=f.words("rank_words"),
        repeat_markers=f.words("repeat_markers"),
        approximators=f.words("approximators"),
        level_verbs=f.words("level_verbs"),
        change_nouns=f.words("change_nouns"),
        worth_words=f.phrases("worth_words"),
        ellipsis_words=f.words("ellipsis_words"),
        money_units=f.words("money_units"),
        verb_chain_words=f.words("verb_chain_words"),
        determiners=f.words("determiners"),
        pronouns=f.words("pronouns"),
        amount_links=f.words("amount_links"),
        clause_conjunctions=f.words("clause_conjunctions"),
        anaphoric_quantity_nouns=f.words("anaphoric_quantity_nouns"),
        modifier_prepositions=f.words("modifier_prepositions"),
        change_adverbs=f.words("change_adverbs"),
        personal_subjects=f.words("personal_subjects"),
        number_words={k: int(v) for k, v in f.table("number_words").items()},
        year_offsets={k: int(v) for k, v in f.table("year_offsets").items()},
        gregorian_months={
            name: int(number)
            for number, names in f.table("gregorian_months").items()
            for name in str(names).split()
        },
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and check the shipped rule files (cached: they never change at run time)."""
    return Lexicon(
        people=_people(), titles=_titles(), reporting=_reporting(), things=_things(), figures=_figures()
    )
