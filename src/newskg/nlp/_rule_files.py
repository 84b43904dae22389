"""Reading ``rules/*.json`` into the lexicon's topics, every key checked as it is read.

Why a module of its own: the rule files are edited by people who read the news, not Python, so
reading them is mostly checking them; a malformed file fails with a
:class:`~newskg.errors.DataFileError` naming the file and the key, and what it should hold. One
``read_*`` function per file builds its topic (``_lexicon_topics``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from ..errors import DataFileError
from ._lexicon_topics import Figures, NamedThings, People, Reporting, Titles


def phrase_key(text: str) -> tuple[str, ...]:
    """A phrase as the lower-case words the rules compare: ``"Free Zone"`` -> ``("free", "zone")``.

    Hyphens separate words (the tokenizer splits ``semi-official``), brackets are words of their own.
    """
    text = text.lower().replace("-", " ").replace("(", " ( ").replace(")", " ) ")
    return tuple(text.split())


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


def read_people() -> People:
    f = _File("people.json")
    return People(
        courtesy_titles=f.words("courtesy_titles"),
        name_prefixes=f.words("name_prefixes"),
        name_particles=f.words("name_particles"),
        ezafe_particles=f.words("ezafe_particles"),
        never_in_names=f.words("never_in_names"),
        person_before_cues=f.phrases("person_before_cues"),
        person_after_cues=f.phrases("person_after_cues"),
        theophoric_endings=tuple(f.get("theophoric_endings", list)),
        month_given_names=f.words("month_given_names"),
    )


def read_titles() -> Titles:
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
        vacancy_nouns=f.words("vacancy_nouns"),
        vacancy_verbs=f.phrases("vacancy_verbs"),
        predecessor_words=f.words("predecessor_words"),
        appointer_possessives=f.words("appointer_possessives"),
        dismissal_verbs=f.words("dismissal_verbs"),
        becoming_verbs=f.words("becoming_verbs"),
        boards=f.phrases("boards"),
        appointment_verbs=f.words("appointment_verbs"),
        appointment_nouns=f.words("appointment_nouns"),
        copulas=f.words("copulas"),
        apposition_words=f.words("apposition_words"),
        default_country=str(f.get("default_country", str)),
        body_prepositions=f.words("body_prepositions"),
        modifier_order=tuple(f.get("modifier_order", list)),
        past_markers=f.words("past_markers"),
        modifier_nouns={k: v for k, v in f.table("modifier_nouns").items() if isinstance(v, str)},
        post_starts=frozenset(words[0] for words in posts),
        longest_post=max(len(words) for words in posts),
    )


def read_reporting() -> Reporting:
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
        reporting_nouns=f.words("reporting_nouns"),
        not_quote_cues=f.words("not_quote_cues"),
        finite_auxiliaries=f.words("finite_auxiliaries"),
        passive_auxiliaries=f.words("passive_auxiliaries"),
        cue_coordinators=f.words("cue_coordinators"),
        speaker_articles=f.words("speaker_articles"),
        official_links=f.words("official_links"),
        referring_cues=f.words("referring_cues"),
        speech_settings=f.phrases("speech_settings"),
        speech_setting_starts=frozenset(words[0] for words in f.phrases("speech_settings")),
        aside_openers=f.words("aside_openers"),
        relative_pronouns=f.words("relative_pronouns"),
        figure_at_verbs=f.words("figure_at_verbs"),
        addressee_verbs=f.words("addressee_verbs"),
        counting_verbs=f.words("counting_verbs"),
        credit_before=f.phrases("credit_before"),
        credit_after=f.phrases("credit_after"),
        phrase_starts=frozenset(words[0] for words in phrases),
        cue_words=frozenset(verb_of) | frozenset(words[0] for words in phrases),
        phrases_by_start={
            first: tuple((words, name) for words, name in phrases.items() if words[0] == first)
            for first in {words[0] for words in phrases}
        },
    )


def read_things() -> NamedThings:
    f = _File("names_of_things.json")
    return NamedThings(
        organisation_heads=f.words("organisation_heads"),
        organisation_heads_before_of=f.words("organisation_heads_before_of"),
        organisation_heads_closing=f.words("organisation_heads_closing"),
        dropped_company_heads=f.words("dropped_company_heads"),
        provincial_body_heads=f.words("provincial_body_heads"),
        occasions=tuple((name, (name, *spellings)) for name, spellings in f.table("occasions").items()),
        program_heads=f.words("program_heads"),
        event_heads=f.words("event_heads"),
        place_heads=f.words("place_heads"),
        place_heads_lower=f.phrases("place_heads_lower"),
        motto_cues=tuple(f.get("motto_cues", list)),
        unquoted_motto_cues=tuple(f.get("unquoted_motto_cues", list)),
        name_tail_links=f.words("name_tail_links"),
        naming_verbs=f.words("naming_verbs"),
        title_case_small_words=f.words("title_case_small_words"),
        standalone_names=f.words("standalone_names"),
        common_acronyms=f.words("common_acronyms"),
        route_nouns=f.words("route_nouns"),
        heads_first=f.words("heads_first"),
        name_connectors=f.words("name_connectors"),
        containment_links=f.words("containment_links"),
        containment_verbs=f.words("containment_verbs"),
        containment_nouns=f.words("containment_nouns"),
        relative_openers=f.words("relative_openers"),
        crossing_nouns=f.phrases("crossing_nouns"),
        home_site_heads=f.words("home_site_heads"),
        adjectival_place_heads=f.words("adjectival_place_heads"),
        list_quantifiers=f.words("list_quantifiers"),
        direction_nouns=f.words("direction_nouns"),
        region_nouns=f.words("region_nouns"),
        containment_adverbs=f.words("containment_adverbs"),
        ministry_filler_words=f.words("ministry_filler_words"),
        organisation_nouns_lower=f.phrases("organisation_nouns_lower"),
        qualified_place_heads=tuple(tuple(p.split()) for p in f.get("qualified_place_heads", list)),
        persian_name_connectors=f.words("persian_name_connectors"),
        kind_nouns={k: frozenset(w.lower() for w in v) for k, v in f.table("kind_nouns").items()},
        alias_cues=f.phrases("alias_cues"),
        organisation_nouns=frozenset(w.lower() for w in f.words("organisation_heads") if w.isalpha()),
        persian_place_spellings=f.rewrites("persian_place_spellings"),
        apposition_articles=f.words("apposition_articles"),
        program_acronyms=f.words("program_acronyms"),
        program_nouns_lower=f.words("program_nouns_lower"),
        event_nouns_lower=f.words("event_nouns_lower"),
        place_nouns=f.words("place_nouns"),
        town_nouns=f.words("town_nouns"),
        town_frame_nouns=f.words("town_frame_nouns"),
        locative_prepositions=f.words("locative_prepositions"),
        direction_adjectives=f.words("direction_adjectives"),
        own_province_adjectives=f.words("own_province_adjectives"),
        nationality_endings=f.pairs("nationality_endings"),
    )


def read_figures() -> Figures:
    f = _File("figures.json")
    units: dict[tuple[str, ...], str] = {}
    for unit, forms in f.table("units").items():
        for form in str(forms).split("|"):
            for words in {tuple(form.split()), tuple(re.sub(r"(?<=\w)-(?=\w)", " - ", form).split())}:
                # "kilowatt-hours" as the tokenizer splits it too: kilowatt, -, hours
                key = (
                    words
                    if any(not w.islower() for w in words if w != "-")
                    else tuple(w.lower() for w in words)
                )
                units[key] = unit
    scales = f.table("scales")
    if not all(isinstance(v, int) for v in scales.values()):
        raise DataFileError(f"{f.where}: key 'scales' must map words to whole numbers")
    scaled_units: dict[str, tuple[str, int]] = {}
    for word, value in f.table("scaled_units").items():
        unit, _sep, scale = str(value).partition(">")
        if not unit or not scale.isdigit():
            raise DataFileError(
                f"{f.where}: key 'scaled_units': '{word}' must map to 'unit>scale', not '{value}'"
            )
        scaled_units[word.lower()] = (unit, int(scale))
    return Figures(
        units=units,
        unit_sizes=_sizes_by_first_word(units),
        prefix_units=f.words("prefix_units"),
        scales=scales,
        scaled_units=scaled_units,
        duration_units={k.lower(): str(v) for k, v in f.table("duration_units").items()},
        time_units=f.words("time_units"),
        months=f.words("months"),
        rank_words=f.words("rank_words"),
        repeat_markers=f.words("repeat_markers"),
        approximators=f.words("approximators"),
        level_verbs=f.words("level_verbs"),
        measuring_verbs=f.words("measuring_verbs"),
        change_nouns=f.words("change_nouns"),
        measure_nouns=f.words("measure_nouns"),
        manner_nouns=f.words("manner_nouns"),
        worth_words=f.phrases("worth_words"),
        distance_units=f.words("distance_units"),
        investment_verbs=f.words("investment_verbs"),
        purpose_nouns=f.words("purpose_nouns"),
        worth_firsts=frozenset(p[0] for p in f.phrases("worth_words")),
        ellipsis_words=f.words("ellipsis_words"),
        money_units=f.words("money_units"),
        verb_chain_words=f.words("verb_chain_words"),
        determiners=f.words("determiners"),
        year_prepositions=f.words("year_prepositions"),
        pronouns=f.words("pronouns"),
        amount_links=f.words("amount_links"),
        clause_conjunctions=f.words("clause_conjunctions"),
        anaphoric_quantity_nouns=f.words("anaphoric_quantity_nouns"),
        modifier_prepositions=f.words("modifier_prepositions"),
        change_adverbs=f.words("change_adverbs"),
        personal_subjects=f.words("personal_subjects"),
        number_words={k: int(v) for k, v in f.table("number_words").items()},
        allocation_verbs=f.words("allocation_verbs"),
        age_unit=str(f.table("person_age")["unit"]),
        age_what=str(f.table("person_age")["what"]),
        oldest_age=int(f.table("person_age")["oldest"]),
        year_offsets={k: int(v) for k, v in f.table("year_offsets").items()},
        gregorian_months={
            name: int(number)
            for number, names in f.table("gregorian_months").items()
            for name in str(names).split()
        },
        comparatives=f.words("comparatives"),
        hedges=f.words("hedges"),
    )


def _sizes_by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """First word -> the lengths of the phrases it starts, longest first (one lookup per word)."""
    sizes: dict[str, set[int]] = {}
    for words in phrases:
        sizes.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}
