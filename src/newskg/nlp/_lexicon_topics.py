"""What each rule file gives the rules: one frozen dataclass per topic of ``rules/*.json``.

Why a module of its own: the rules read these sets and tables at every token, so they are plain
frozensets, tuples and dicts built once, and the few look-ups that walk them (``Titles.post_at``,
``NamedThings.kind_of_head``, ``Figures.unit_at``) sit beside the data they walk. Reading and
checking the files is ``_rule_files``; the whole vocabulary, loaded once, is ``lexicon.Lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class People:
    courtesy_titles: frozenset[str]
    """Written before a name and not part of it: Mr, Dr, Ayatollah, General."""
    name_prefixes: frozenset[str]
    """Part of the name: Seyyed, Mir, Haj."""
    name_particles: frozenset[str]
    ezafe_particles: frozenset[str]
    """Lower or capitalised words inside a name: al, bin, van, Al-e."""
    never_in_names: frozenset[str]
    person_before_cues: tuple[tuple[str, ...], ...]
    """Lower-case word sequences that only a person follows: ``appointment of``, ``quoted``."""
    person_after_cues: tuple[tuple[str, ...], ...]
    """Lower-case word sequences that only a person precedes: ``became``, ``made the remarks``."""
    theophoric_endings: tuple[str, ...]
    month_given_names: frozenset[str]
    """Given names that are also Solar Hijri months: a given name only right before a surname."""


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
    vacancy_nouns: frozenset[str]
    vacancy_verbs: tuple[tuple[str, ...], ...]
    predecessor_words: frozenset[str]
    appointer_possessives: frozenset[str]
    """Verbs of leaving a post: ``named X acting head after Y resigned``."""
    dismissal_verbs: frozenset[str]
    becoming_verbs: frozenset[str]
    boards: tuple[tuple[str, ...], ...]
    """``board of directors``: a body between a post and its organisation, longest first."""
    appointment_verbs: frozenset[str]
    appointment_nouns: frozenset[str]
    copulas: frozenset[str]
    apposition_words: frozenset[str]
    """Words between a name, its comma and an apposed title: ``X, who is also the head of``."""
    default_country: str
    body_prepositions: frozenset[str]
    modifier_order: tuple[str, ...]
    past_markers: frozenset[str]
    """``previously``, ``formerly``: a post held before, not now."""
    modifier_nouns: dict[str, str]
    """A modifier used as a noun -> the base post it holds: ``the deputy for economic affairs at X``."""
    post_starts: frozenset[str]
    longest_post: int

    def post_at(self, lower: list[str], i: int) -> tuple[str | None, int]:
        """The base post of the longest post phrase starting at word i, and where it ends."""
        if lower[i] not in self.post_starts:
            return None, i
        posts = self.posts
        for size in range(min(self.longest_post, len(lower) - i), 0, -1):
            if lower[i + size - 1] == "-":
                continue
            written = lower[i : i + size]
            words = tuple(written) if "-" not in written else tuple(w for w in written if w != "-")
            base = posts.get(words)
            if base is not None:
                return base, i + size
        return None, i

    def post_ending_at(self, lower: list[str], end: int) -> str | None:
        """The base post of a post phrase that ends right before word ``end`` (``Deputy Minister``
        before ``of``), found from its earliest possible start."""
        for start in range(max(0, end - self.longest_post), end):
            base, stop = self.post_at(lower, start)
            if base is not None and stop == end:
                return base
        return None


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
    reporting_nouns: frozenset[str]
    not_quote_cues: frozenset[str]
    finite_auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    cue_coordinators: frozenset[str]
    speaker_articles: frozenset[str]
    official_links: frozenset[str]
    """``an official with the ministry``: prepositions between an unnamed official and the body."""
    referring_cues: frozenset[str]
    speech_settings: tuple[tuple[str, ...], ...]
    """``in an interview``, ``on the sidelines``: after a comma, they end the reported clause."""
    speech_setting_starts: frozenset[str]
    """The first words of ``speech_settings``, to skip the phrases at most commas."""
    aside_openers: frozenset[str]
    relative_pronouns: frozenset[str]
    figure_at_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    """Reporting verbs whose object is the one spoken to: ``X told Tehran Times``."""
    counting_verbs: frozenset[str]
    credit_before: tuple[tuple[str, ...], ...]
    """Words before a news medium that credit it as the source: ``told``, ``quoted by``, ``(``."""
    credit_after: tuple[tuple[str, ...], ...]
    """Words after a news medium that credit it: ``reported``, ``news agency``, ``)``."""
    phrase_starts: frozenset[str]
    cue_words: frozenset[str]
    """Every word a cue may start with: the verbs' forms and the phrases' first words."""
    phrases_by_start: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    """The multi-word cues by their first word, for a lookup instead of a scan."""


@dataclass(frozen=True, slots=True)
class NamedThings:
    organisation_heads: frozenset[str]
    organisation_heads_before_of: frozenset[str]
    organisation_heads_closing: frozenset[str]
    """Head words that end a name: ``and`` after one starts another name."""
    dropped_company_heads: frozenset[str]
    provincial_body_heads: frozenset[str]
    """Head words of a province's administrative bodies: ``Kerman's ... Department``."""
    """Head words a later mention of the company leaves out: ``Mobarakeh Steel (Company)``."""
    occasions: tuple[tuple[str, tuple[str, ...]], ...]
    """Named holidays (EVENT) as (canonical, every way of writing it): ``Nowruz``, ``Ten-Day Dawn``."""
    program_heads: frozenset[str]
    event_heads: frozenset[str]
    place_heads: frozenset[str]
    place_heads_lower: tuple[tuple[str, ...], ...]
    motto_cues: tuple[str, ...]
    unquoted_motto_cues: tuple[str, ...]
    name_tail_links: frozenset[str]
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
    event_nouns_lower: frozenset[str]
    place_nouns: frozenset[str]
    town_nouns: frozenset[str]
    town_frame_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    direction_adjectives: frozenset[str]
    own_province_adjectives: frozenset[str]
    nationality_endings: tuple[tuple[str, str], ...]
    """(adjective ending, country-name ending): ``("ese", "a")`` reads Chinese as China."""
    persian_place_spellings: tuple[tuple[re.Pattern[str], str], ...]
    """How English news respells a Persian place name: (pattern, replacement), applied to whole names."""
    route_nouns: frozenset[str]
    heads_first: frozenset[str]
    name_connectors: frozenset[str]
    containment_links: frozenset[str]
    containment_verbs: frozenset[str]
    containment_nouns: frozenset[str]
    relative_openers: frozenset[str]
    crossing_nouns: tuple[tuple[str, ...], ...]
    home_site_heads: frozenset[str]
    adjectival_place_heads: frozenset[str]
    list_quantifiers: frozenset[str]
    direction_nouns: frozenset[str]
    region_nouns: frozenset[str]
    containment_adverbs: frozenset[str]
    ministry_filler_words: frozenset[str]
    organisation_nouns_lower: tuple[tuple[str, ...], ...]
    """The organisation head words in lower case: ``the organization``, ``the bank``."""
    qualified_place_heads: tuple[tuple[str, ...], ...]
    persian_name_connectors: frozenset[str]
    """``Industrial Town``: words that head a place's name together (case as written)."""
    kind_nouns: dict[str, frozenset[str]]
    """``airline`` -> the lower-cased head words of airline names (``air``, ``airlines``)."""
    alias_cues: tuple[tuple[str, ...], ...]
    """``known locally as``: words before another name of the thing named before them."""

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
    unit_sizes: dict[str, tuple[int, ...]]
    """A unit's first word (as in ``units``) -> the lengths of the units it starts, longest first."""
    prefix_units: frozenset[str]
    scales: dict[str, int]
    scaled_units: dict[str, tuple[str, int]]
    """Abbreviations that hold a unit and its scale: ``bcm`` -> (cubic meters, 10^9)."""
    duration_units: dict[str, str]
    """Time words that measure a thing when hyphened to a figure: ``a 25-year contract``."""
    time_units: frozenset[str]
    months: frozenset[str]
    rank_words: frozenset[str]
    repeat_markers: frozenset[str]
    approximators: frozenset[str]
    level_verbs: frozenset[str]
    measuring_verbs: frozenset[str]
    change_nouns: frozenset[str]
    measure_nouns: frozenset[str]
    manner_nouns: frozenset[str]
    worth_words: tuple[tuple[str, ...], ...]
    distance_units: frozenset[str]
    investment_verbs: frozenset[str]
    purpose_nouns: frozenset[str]
    """Units a distance between places is given in: ``15 kilometers northwest of Mashhad``."""
    worth_firsts: frozenset[str]
    """The first words of ``worth_words``: where a noun phrase before them ends."""
    ellipsis_words: frozenset[str]
    money_units: frozenset[str]
    verb_chain_words: frozenset[str]
    determiners: frozenset[str]
    year_prepositions: frozenset[str]
    pronouns: frozenset[str]
    amount_links: frozenset[str]
    clause_conjunctions: frozenset[str]
    anaphoric_quantity_nouns: frozenset[str]
    modifier_prepositions: frozenset[str]
    change_adverbs: frozenset[str]
    personal_subjects: frozenset[str]
    number_words: dict[str, int]
    allocation_verbs: frozenset[str]
    age_unit: str
    age_what: str
    oldest_age: int
    year_offsets: dict[str, int]
    gregorian_months: dict[str, int]
    """Month names and abbreviations in lower case -> month number."""
    comparatives: frozenset[str]
    """Words between a figure and what it counts that say it is more of it: ``3 more planes``."""
    hedges: frozenset[str]
    """Adverbs that hedge a figure and link it to nothing: ``around $8 billion``."""

    def unit_at(self, words: list[str], i: int) -> tuple[str | None, int]:
        """The unit written at word i (``percent``, ``metric tons``, ``$``), and where it ends."""
        if i >= len(words):
            return None, i
        sizes = self.unit_sizes.get(words[i]) or self.unit_sizes.get(words[i].lower())
        if sizes is None:
            return None, i
        for size in sizes:
            if size > len(words) - i:
                continue
            written = tuple(words[i : i + size])
            unit = self.units.get(written) or self.units.get(tuple(w.lower() for w in written))
            if unit is not None:
                return unit, i + size
        return None, i
