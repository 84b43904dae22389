"""``newskg_persons``: personal names, by what they look like and by the slots only people fill.

A run of two to five capitalised words (``newskg.nlp.names``) is a personal name when

* it looks like one: a known given name, in any transliteration, perhaps after a prefix such as
  Seyyed, before a surname-shaped word (one English does not mostly write in lower case): ``Hamid
  Zadboum``, ``Seyed Ali Khamenei``, ``Gholam Hossein Shafei``; or
* it fills a slot only people fill: after a title (``CEO``, ``Spokesman for X``; there one word
  that is no English word is enough: ``Oil Minister Paknejad``), after ``the
  appointment of``, ``according to``, ``quoted``; before a reporting verb (``..., X said``), ``became``,
  ``made the remarks``, ``, who heads``; before an apposed title (``X, the deputy head of ...``); or
* a trained pipeline's named-entity recogniser or parser says so (a PERSON entity; the subject of
  a reporting verb).

Once a name is established anywhere in the article, every mention of it, of its surname (one or
two words: ``Modarres Khiabani``) or of a shorter form (``Asghar Mosaheb`` for ``Ali-Asghar
Mosaheb``) is the same person.
"""

from __future__ import annotations

from collections.abc import Callable, Set

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Candidate
from ..lexicon import Lexicon, load_lexicon
from ..names import Group, NameModel, hyphen_group_end
from ..text import DocView, indexes_of
from ..vocabulary import load_english_words, load_given_names

MAX_GROUPS = 5
APPOSITION_REACH = 9
CANDIDATE_KINDS = (ext.PLACE_NAMES, ext.AGENCY_NAMES, ext.ORG_NAMES, ext.MOTTO_NAMES)


class Person:
    """One person of the article: the name forms it was established by."""

    __slots__ = ("forms", "starts")

    def __init__(self, groups: tuple[str, ...], start: int) -> None:
        self.forms: list[tuple[str, ...]] = [groups]
        self.starts: list[int] = [start]

    @property
    def canonical(self) -> tuple[str, ...]:
        return max(self.forms, key=lambda f: (len(f), len(" ".join(f))))

    def matches(self, groups: tuple[str, ...], folded: Callable[[str], str] = str) -> bool:
        """Same surname, and given names that agree: ``Asghar`` is part of ``Ali-Asghar``."""
        mine = self.canonical
        if folded(groups[-1]) != folded(mine[-1]):
            return False
        return _given_agree(groups[:-1], mine[:-1])


def _given_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    parts_a = {p for g in a for p in g.lower().split("-")}
    parts_b = {p for g in b for p in g.lower().split("-")}
    return not parts_a or not parts_b or bool(parts_a & parts_b)


PORTFOLIO_WORDS = 5
"""At most this many words in a portfolio between a post and a name: ``Minister of Roads and Urban
Development X``."""


class PersonFinder:
    """Marks personal names and every later mention of them."""

    def __init__(self, lexicon: Lexicon, model: NameModel) -> None:
        self.lexicon = lexicon
        self.model = model
        reporting = lexicon.reporting
        self.finite_cues = {form for form in reporting.verb_of if not form.endswith("ing")}
        self.after_cues = lexicon.people.person_after_cues
        self.before_cues = lexicon.people.person_before_cues
        self.markers = reporting.finite_markers
        self.dating_words = frozenset(lexicon.figures.year_offsets)
        """Words that date a month after them: ``last Bahman``, ``the current Mehr``."""

    def __call__(self, doc: Doc) -> Doc:
        view = ext.view_of(doc)
        others = [c for kind in CANDIDATE_KINDS for c in ext.get(doc, kind)]
        taken = {k for c in others if not self._surname_like_town(view, c) for k in range(c.start, c.end)}
        months_as_given = self._months_as_given_names(view, taken)
        found = self._find(view, taken, self._model_evidence(doc) | months_as_given, others, months_as_given)
        ext.put(doc, ext.PERSON_NAMES, found)
        return doc

    def _surname_like_town(self, view: DocView, candidate: Candidate) -> bool:
        """``Seyyed Rouhollah Latifi``: a one-word town right after a given name is the surname."""
        if candidate.kind != "city" or candidate.end - candidate.start != 1:
            return False
        k = candidate.start - 1
        while k >= 0 and self.model.is_name_word[view.words[k]]:
            if self.model.is_given[view.words[k]] or self.model.is_prefix(view.words[k]):
                return True
            k -= 1
        # "Liu Baoshan, the general manager of X": a name-like word, then the town, then a title
        # apposed to both: the town's name is the second word of a personal name
        first = candidate.start - 1
        return (
            first >= 0
            and k < first
            and not view.sent_starts[candidate.start]
            and not self.model.is_common[view.words[first]]
            and self._apposed_title(view, candidate.end)
        )

    # -- evidence from a trained pipeline ------------------------------------------------------

    def _model_evidence(self, doc: Doc) -> set[int]:
        """Tokens a trained pipeline marks as a person: PERSON entities, subjects of reporting verbs."""
        tokens: set[int] = set()
        for ent in doc.ents:  # none without a trained pipeline (faster than has_annotation)
            if ent.label_ in ("PERSON", "PER"):
                tokens.update(range(ent.start, ent.end))
        if doc.has_annotation("DEP"):
            verbs = self.lexicon.reporting.verb_of
            for token in doc:
                if (
                    token.dep_ in ("nsubj", "nsubjpass")
                    and token.head.lower_ in verbs
                    and token.text[:1].isupper()
                ):
                    tokens.add(token.i)
        return tokens

    # -- names -----------------------------------------------------------------------------------

    def _months_as_given_names(self, view: DocView, taken: set[int]) -> set[int]:
        """``Bahman Rezaei-Sharif``: a month that is also a given name, right before a surname-like
        word and after no word that dates it (``in``, ``since``, ``22``, ``last``), opens a name."""
        words, lower = view.words, view.lower
        model = self.model
        found: set[int] = set()
        for k in view.positions({name.lower() for name in self.lexicon.people.month_given_names}):
            after = k + 1
            if (
                after >= len(view)
                or words[k] not in self.lexicon.people.month_given_names
                or after in taken
                or not view.spaces[k]
                or not model.is_part[words[after]]
                or model.is_common[words[after]]
            ):
                continue
            if k > 0 and not view.sent_starts[k]:
                before = lower[k - 1]
                if before[:1].isdigit() or "f" in model.english.pos(before) or before in self.dating_words:
                    continue
            found.update((k, after))
        return found

    def _find(
        self,
        view: DocView,
        taken: set[int],
        vouched: set[int],
        others: list[Candidate],
        opening: set[int],
    ) -> list[Candidate]:
        runs = self._runs(view, taken, opening=opening)
        people: list[Person] = []
        for run in runs:
            name = self._trim(run)
            if name is not None:
                name = self._after_portfolio(view, run, name)
            if name is None or not self._is_name(view, name, taken, vouched):
                continue
            key = tuple(g.text for g in name)
            for person in people:
                if person.matches(key):
                    person.forms.append(key)
                    person.starts.append(name[0].start)
                    break
            else:
                people.append(Person(key, name[0].start))
        if not people:
            return []
        # "According to Latifi": a one-word town that is an established surname is the person.
        surnames = {p.canonical[-1] for p in people}
        towns = {
            k
            for c in others
            if c.kind == "city" and c.end - c.start == 1 and view.words[c.start] in surnames
            for k in range(c.start, c.end)
        }
        if towns:
            runs = self._runs(view, taken - towns, opening=opening)
        return self._mentions(view, runs, people)

    def _runs(self, view: DocView, taken: set[int], opening: Set[int] = frozenset()) -> list[list[Group]]:
        """Maximal runs of name-like word groups inside one sentence, outside other names.

        Only tokens that may be part of a name start a group (a dictionary lookup per token); a
        group takes the hyphens glued to it (``Ali-Asghar``)."""
        model = self.model
        is_part, is_word = model.is_part, model.is_name_word
        words, spaces, sent_starts = view.words, view.spaces, view.sent_starts
        flags = list(map(is_word.__getitem__, words))
        for k in opening:
            flags[k] = True  # "Bahman Rezaei-Sharif": a month that opens a name here
        for k in view.positions(("-",)):
            j = k - 1  # "Sheikh-ol-Eslami": a word no name holds alone may open a hyphened name part
            if j >= 0 and not flags[j] and not spaces[j] and words[j][:1].isupper():
                flags[j] = is_word["".join(words[j : hyphen_group_end(words, spaces, j)])]
        runs: list[list[Group]] = []
        current: list[Group] = []
        group_end = -1
        for k in indexes_of(flags, True):
            if k < group_end:
                continue  # inside the hyphenated group before
            end = hyphen_group_end(words, spaces, k)
            group = Group(k, end, words[k] if end == k + 1 else "".join(words[k:end]))
            group_end = end
            free = k not in taken and (end == k + 1 or not taken.intersection(range(k, end)))
            text = group.text
            if free and is_word[text] and current and current[-1].end == k and not sent_starts[k]:
                current.append(group)
                continue
            if current:
                runs.append(current)
            current = [group] if free and (is_part[text] or model.is_prefix(text) or k in opening) else []
        if current:
            runs.append(current)
        return runs

    def _trim(self, run: list[Group], *, keep_particles: bool = False) -> list[Group] | None:
        """Drop leading common words (``Technology Sourena Sattari``) and edge particles."""
        model = self.model
        start, end = 0, len(run)
        while start < end and not model.is_prefix(run[start].text):
            text = run[start].text
            if model.is_particle(text):
                if keep_particles and start + 1 < end:
                    break  # "Al-e Es'haq": a surname may start with its particle
            elif not (model.is_common[text] and not model.is_given[text]):
                break
            start += 1
        while end > start and (model.is_particle(run[end - 1].text) or model.is_prefix(run[end - 1].text)):
            end -= 1
        name = run[start:end]
        return name if name else None

    def _after_portfolio(self, view: DocView, run: list[Group], name: list[Group]) -> list[Group]:
        """``Minister of Agriculture Jihad Ahmad-Reza X``, ``... Tourism and Handicrafts Hossein X``: a
        run that goes on from ``of`` or ``and`` after a post holds the end of the portfolio before the
        personal name, which starts at its first given name."""
        model = self.model
        if len(name) < 3 or model.is_given[name[0].text] or model.is_prefix(name[0].text):
            return name  # (checked first: most runs start with a given name or are too short)
        for i, group in enumerate(name):
            if model.is_given[group.text] or model.is_prefix(group.text):
                if len(name) - i >= 2 and self._ends_portfolio(view, run[0].start):
                    return name[i:]
                return name
        return name

    def _ends_portfolio(self, view: DocView, start: int) -> bool:
        """Whether the words before token ``start`` are a post and the start of its portfolio:
        ``Minister of``, ``Deputy Minister of Cultural Heritage, Tourism and``."""
        lower, words = view.lower, view.words
        j = start - 1
        while j > 0 and start - j <= PORTFOLIO_WORDS + 3 and lower[j] not in ("of", "for"):
            if not (words[j][:1].isupper() or lower[j] in ("and", ",")):
                return False
            j -= 1
        return j > 0 and lower[j] in ("of", "for") and self._is_post_word(view, j - 1)

    def _is_name(self, view: DocView, name: list[Group], taken: set[int], vouched: set[int]) -> bool:
        model = self.model
        core = [g for g in name if not model.is_prefix(g.text)]
        if len(name) == 1:
            return self._lone_surname(view, name[0], taken, vouched)
        if len(core) < 2 or len(name) > MAX_GROUPS:
            return False
        last = core[-1].text
        if any(k in vouched for g in name for k in range(g.start, g.end)):
            return True
        if self._before_a_site_noun(view, name[-1].end):
            return False  # "the Parviz Khan border crossing", "Bashmaq and Parviz Khan crossings"
        first = core[0].text
        if model.is_given[first] or (len(core) > 2 and model.given_pair(first, core[1].text)):
            # A given name vouches for the word after it even when that word is also English
            # ("Mehdi Safari"), unless the words go on into the name of a body or place.
            return not self._inside_longer_name(view, name)
        if model.is_common[last] and not model.is_given[last]:
            return False
        if all(model.is_common[g.text] for g in core):
            return False
        return self._in_person_slot(view, name[0].start, name[-1].end, taken)

    def _before_a_site_noun(self, view: DocView, end: int) -> bool:
        """A lower-case place noun (``crossing``, ``port``, ``dam``; or its plural) right after the
        words: they name a site, as ``X border crossing``, not a person."""
        lower = view.lower
        things = self.lexicon.things
        for phrase in (*things.place_heads_lower, *things.crossing_nouns):
            written = tuple(lower[end : end + len(phrase)])
            if written in (phrase, (*phrase[:-1], phrase[-1] + "s")) and view.words[end].islower():
                return True
        return False

    def _lone_surname(self, view: DocView, group: Group, taken: set[int], vouched: set[int]) -> bool:
        """``Oil Minister Paknejad``, ``the head of the X Organization, Rahimi, said``: one word a title
        introduces (or a trained model marks as a person) that is neither English nor a given name
        (unless set off by commas: ``the governor of the CBI, Farzin, said``)."""
        model = self.model
        text = group.text
        if model.is_common[text] or text.isupper() or len(text) < 3:
            return False
        apposed = (
            group.start > 0
            and view.words[group.start - 1] == ","
            and view.words[group.end : group.end + 1] == [","]
        )
        if model.is_given[text] and not apposed:
            return False  # "Minister Ali" is no name, but "the governor of X, Farzin, said" is
        if self._inside_longer_name(view, [group]):
            return False
        if any(k in vouched for k in range(group.start, group.end)):
            return True
        return self._title_before(view, group.start, taken)

    def _inside_longer_name(self, view: DocView, name: list[Group]) -> bool:
        """``Imam Reza Hospital``: the run goes on into a head word of an organisation or place."""
        end = name[-1].end
        return end < len(view) and self.lexicon.things.kind_of_head(view.words[end]) is not None

    # -- slots -----------------------------------------------------------------------------------

    def _in_person_slot(self, view: DocView, start: int, end: int, taken: set[int]) -> bool:
        return (
            self._title_before(view, start, taken)
            or self._cue_before(view, start)
            or self._cue_after(view, end)
            or self._apposed_title(view, end)
        )

    def _title_before(self, view: DocView, start: int, taken: set[int]) -> bool:
        """``Governor X``, ``ICCIMA Deputy Head X``, ``Spokesman for the Y Administration X``."""
        lower = view.lower
        k = start - 1
        if k >= 0 and view.words[k] == ",":
            k -= 1  # "the head of the X Organization, Y Z, visited"
        if k >= 2 and view.words[k] == ")" and view.words[k - 2] == "(" and k - 1 in taken:
            k -= 3  # "the governor of the Central Bank of Iran (CBI), Y Z"
        while k >= 0 and view.words[k] in self.lexicon.people.courtesy_titles:
            k -= 1
        k = self._before_portfolio(view, k, taken)
        if k >= 0 and k in taken:  # an organisation between the title and the name
            while k >= 0 and k in taken:
                k -= 1
            if k >= 0 and lower[k] == "the":
                k -= 1
            if k < 0 or lower[k] not in self.lexicon.titles.body_prepositions:
                return self._is_post_word(view, k)
            k -= 1
        return self._is_post_word(view, k)

    def _before_portfolio(self, view: DocView, k: int, taken: set[int]) -> int:
        """``Minister of Economy X``: the post word before a portfolio of capitalised English words
        that ends at token k; else k unchanged."""
        words, is_common = view.words, self.model.is_common
        j = k
        while (
            j >= 0
            and k - j < PORTFOLIO_WORDS
            and j not in taken
            and (
                (words[j][:1].isupper() and is_common[words[j]]) or (j < k and view.lower[j] in ("and", ","))
            )
        ):
            j -= 1
        if j < k and j >= 1 and view.lower[j] in ("of", "for") and self._is_post_word(view, j - 1):
            return j - 1
        return k

    def _is_post_word(self, view: DocView, k: int) -> bool:
        if k < 0:
            return False
        lower = view.lower
        titles = self.lexicon.titles
        if titles.modifiers.get(lower[k]) in ("acting", "former", "deputy"):
            return True
        base = titles.post_ending_at(lower, k + 1)
        return base is not None and base != "official"

    def _cue_before(self, view: DocView, start: int) -> bool:
        before = tuple(w for w in view.lower[max(0, start - 4) : start] if w not in ("-", ","))
        return any(before[-len(cue) :] == cue for cue in self.before_cues if len(cue) <= len(before))

    def _cue_after(self, view: DocView, end: int) -> bool:
        lower = view.lower
        n = len(lower)
        j = end
        if j < n and lower[j] == ",":
            j += 1
            j = self._after_participle_aside(view, j)
        k = j
        while k < n and k < j + 4 and lower[k] in self.markers:
            k += 1
        if k < n and lower[k] in self.finite_cues and lower[k] not in self.lexicon.reporting.passive_markers:
            return True
        after = tuple(lower[j : j + 4])
        return any(after[: len(cue)] == cue for cue in self.after_cues)

    def _after_participle_aside(self, view: DocView, j: int) -> int:
        """After ``speaking at the closing session,`` in ``X, speaking at the closing session, said``:
        an aside that a participle opens, up to its closing comma; else j unchanged."""
        word = view.lower[j] if j < len(view) else ""
        if not (word.endswith("ing") and "v" in self.model.english.pos(word)):
            return j
        for k in range(j + 1, min(len(view), j + APPOSITION_REACH + 3)):
            if view.words[k] == ",":
                return k + 1
            if view.words[k] in ".;:()":
                return j
        return j

    def _apposed_title(self, view: DocView, end: int) -> bool:
        """``X, the deputy head of ...``, ``X, CEO of ...``: a title within a few words after a comma."""
        if end >= len(view) or view.words[end] != ",":
            return False
        for k in range(end + 1, min(len(view), end + APPOSITION_REACH)):
            if view.words[k] in ",.;:()":
                return False
            if self._is_post_word(view, k):
                return True
        return False

    # -- mentions --------------------------------------------------------------------------------

    def _mentions(self, view: DocView, runs: list[list[Group]], people: list[Person]) -> list[Candidate]:
        """Every run that names one of the people: whole, shortened, or by surname."""
        found: list[Candidate] = []
        for run in runs:
            name = self._trim(run, keep_particles=True)
            if name is None:
                continue
            name = self._after_portfolio(view, run, name)
            i = 0
            while i < len(name):
                match = self._longest_match(name[i:], people)
                if match is None:
                    i += 1
                    continue
                size, person = match
                part = name[i : i + size]
                canonical = " ".join(person.canonical)
                found.append(
                    Candidate(
                        part[0].start, part[-1].end, "PERSON", "person", priority=65, canonical=canonical
                    )
                )
                i += size
        return found

    def _longest_match(self, groups: list[Group], people: list[Person]) -> tuple[int, Person] | None:
        folded = self.model.folded
        for size in range(len(groups), 0, -1):
            key = tuple(folded(g.text) for g in groups[:size])
            if (
                size == 1
                and self.model.is_given[key[0]]
                and not any(p.canonical[-1] == key[0] for p in people)
            ):
                continue
            matching = [p for p in people if self._names(key, p, folded)]
            if matching:
                start = groups[0].start
                best = min(
                    matching,
                    key=lambda p: min(abs(s - start) + (0 if s <= start else 10_000) for s in p.starts),
                )
                return size, best
        return None

    @staticmethod
    def _names(key: tuple[str, ...], person: Person, folded: Callable[[str], str]) -> bool:
        """A full form, the surname (one or more final words), or given names that agree; a
        particle's case aside (``Ale-Taha`` and ``ale-Taha``, ``Al-Saadi`` and ``al-Saadi``)."""
        for written in person.forms:
            form = tuple(map(folded, written))
            if key == form or form[-len(key) :] == key:
                return True
        return person.matches(key, folded) and len(key) > 1


@Language.factory(
    "newskg_persons",
    requires=[ext.attr(kind) for kind in CANDIDATE_KINDS],
    assigns=[ext.attr(ext.PERSON_NAMES)],
)
def make_persons(nlp: Language, name: str) -> PersonFinder:
    lexicon = load_lexicon()
    return PersonFinder(lexicon, NameModel(lexicon, load_given_names(), load_english_words()))
