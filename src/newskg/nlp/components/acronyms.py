"""``newskg_acronyms``: ``Full Name (ACRONYM)`` definitions, and every later use of the acronym.

The long form is found with the Schwartz-Hearst rule (each acronym letter matches the start of a
word, right to left) so ``Iran Small Industries and Industrial Parks Organization (ISIPO)`` and
``National Development Fund of Iran (NDFI)`` are recognised without knowing either name. The entity
type comes from the long form's head word; generic plurals (``Small and Medium-sized Enterprises
(SMEs)``) are not entities.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Candidate
from ..gazetteers import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..text import POSSESSIVES, DocView, clean_name
from ..vocabulary import EnglishWords, GivenNames, load_english_words, load_given_names


def possessive_free(name: str) -> str:
    """``Iran's Small Industries Organization`` is named ``Iran Small Industries Organization``."""
    return re.sub(r"(?<=\w)(?:’s|'s)\s", " ", name)


MAX_LONG_FORM = 10
"""Words of a name before a short name in brackets."""

ACRONYM = re.compile(r"\A[A-Z][A-Za-z&]{1,11}\Z")


def long_form_start(words: list[str], acronym: str) -> int | None:
    """Index in ``words`` where the long form of ``acronym`` starts, or None.

    First each acronym letter is matched, right to left, to the first letter of a word (words in
    between may be skipped: ``Iran Small Industries and Industrial Parks Organization`` for ISIPO);
    failing that, to any letter as in Schwartz-Hearst, the first letter still starting a word, and
    then the long form is the whole name those letters lie in: ``Kingdom of Ruritania Railways
    (RAR)`` takes all four words, not ``Railways`` alone.
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    if len(letters) > 2 and acronym.endswith("s") and acronym[-2].isupper():
        letters = letters[:-1]  # plural acronym: SMEs
    if not letters:
        return None
    start = _initials_start(words, letters)
    if start is None and "of" in words[-4:-1]:
        # An acronym may leave out a trailing "of <place>": "Forest Protection Agency of Georgia (FPA)".
        of = len(words) - 1 - words[::-1].index("of")
        if all(w[:1].isupper() for w in words[of + 1 :]):
            start = _initials_start(words[:of], letters)
    return start


def _initials_start(words: list[str], letters: list[str]) -> int | None:
    start = _initials_from(words, letters, lower_case_words=True)
    if start is not None and start < len(words) and words[start][:1].islower():
        # "Office of Foreign Assets Control (OFAC)": "of" gave the O that "Office" gives
        return _initials_from(words, letters, lower_case_words=False) or start
    return start


def _initials_from(words: list[str], letters: list[str], *, lower_case_words: bool) -> int | None:
    si = len(letters) - 1
    wi = len(words) - 1
    last = words[wi].lower() if words else ""
    if len(letters) > 2 and last[:1] != letters[-1] and last.startswith(letters[-2] + letters[-1]):
        si -= 2  # the last word gives two letters: "Southern Zinc Smelting Company (SZSCO)"
        wi -= 1
    while si >= 0 and wi >= 0:
        if words[wi][:1].lower() == letters[si] and (lower_case_words or not words[wi][:1].islower()):
            si -= 1
        elif si == len(letters) - 1:
            break  # the last word must give the last letter
        wi -= 1
    if si >= 0:
        start = _schwartz_hearst_start(words, letters)
        return None if start is None else _name_start(words, start)
    return wi + 1


def _name_start(words: list[str], start: int) -> int:
    """The first word of the capitalised name (``of`` and ``and`` may join its words) word start is in."""
    while start > 0 and words[start][:1].isupper():
        before = words[start - 1]
        if before[:1].isupper() and before.isalpha():
            start -= 1
        elif (
            before in ("of", "and")
            and start > 1
            and words[start - 2][:1].isupper()
            and words[start - 2].isalpha()
        ):
            start -= 2
        else:
            break
    return start


def _schwartz_hearst_start(words: list[str], letters: list[str]) -> int | None:
    text = " ".join(words).lower()
    si = len(letters) - 1
    li = len(text) - 1
    while si >= 0:
        c = letters[si]
        while li >= 0 and (text[li] != c or (si == 0 and li > 0 and text[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        si -= 1
        li -= 1
    start_char = text.rfind(" ", 0, li + 1) + 1
    return text[:start_char].count(" ")


class AcronymFinder:
    """Marks defined acronyms and their long forms as one entity."""

    def __init__(
        self, lexicon: Lexicon, gazetteer: Gazetteer, english: EnglishWords, given: GivenNames
    ) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.english = english
        self.given = given

    def entity_type(self, long_form: str) -> str | None:
        """The type the long form's head word gives (an organisation named before an ``of`` tail
        counts: ``National Development Fund of Iran``); a news agency when it names news."""
        things = self.lexicon.things
        words = long_form.split()
        if "News" in words or "Broadcasting" in words:
            return "NEWS_AGENCY"
        kind = things.kind_of_head(words[-1]) if words else None
        if kind is None and "of" in words[1:-1]:  # "Joint Comprehensive Plan of Action"
            kind = things.kind_of_head(words[words.index("of") - 1])
        if kind is None and any(w in things.organisation_heads_before_of for w in words[1:-1]):
            kind = "ORG"
        if kind is None and len(words) > 2 and words[1] in things.name_tail_links:
            kind = things.kind_of_head(words[0])  # "Organization for Investment, ... of Iran"
        return kind

    def _inside_name(self, words: list[str], start: int, end: int) -> int:
        """Where the capitalised name that ends at token ``end`` begins, at ``start`` or after it: a
        long form is one name (``Separately, the Renewable Energy ... Organization (SATBA)``, whose
        letters match no initials, is not read from ``Separately``). Connectors and a comma between
        capitalised words stay inside (``Ministry of Industry, Mining and Trade``); a possessor does
        not (``Iran's Customs Administration (IRICA)`` is written ``Customs Administration``), but a plural's
        apostrophe does (``Students' News Agency``)."""
        joiners = self.lexicon.things.name_connectors
        k = end - 1
        while k > start:
            before = words[k - 1]
            listed = (
                before == "," and words[k][:1].isupper() and k - 2 >= start and words[k - 2][:1].isupper()
            )
            plural_possessive = (  # "Iranian Students' News Agency (ISNA)"
                before in ("'", "’")
                and k - 2 >= start
                and words[k - 2][:1].isupper()
                and words[k - 2][-1:] == "s"
            )
            if not (
                before[:1].isupper() or before in joiners or before == "-" or listed or plural_possessive
            ):
                break
            k -= 1
        return k

    def _short_name(
        self, doc: DocView, found: list[Candidate], defined: dict[str, tuple[str, str]], bracket: int
    ) -> None:
        """``Iran Aluminum Company (Iralco)``, ``the Iranian Fisheries Organization (Shilat)``: one
        word in brackets right after a name that an organisation head word ends is its short name,
        unless English, the tables or a given name know the word."""
        words = doc.words
        short = words[bracket + 1]
        if not (short.isalpha() and short[:1].isupper() and bracket > 0):
            return
        if words[bracket - 1] not in self.lexicon.things.organisation_heads:
            return
        if (
            self.english.is_common(short)
            or self.given.is_given_name(short)
            or self.gazetteer.places_named(short)
        ):
            return
        start = self._inside_name(words, max(0, bracket - MAX_LONG_FORM), bracket)
        start = self._after_title(doc.lower, start, bracket)
        if start >= bracket - 1 or not words[start][:1].isupper():
            return
        long_form = possessive_free(clean_name(doc.span_text(start, bracket)))
        defined[short] = (long_form, "ORG")
        found.append(
            Candidate(start, bracket, "ORG", "short_name_long_form", priority=85, canonical=long_form)
        )

    def _after_title(self, lower: list[str], start: int, end: int) -> int:
        """Where the name starts: after ``the``, ``of``, ``and`` and a post (``CEO of``) before it."""
        titles = self.lexicon.titles
        while start < end:
            if lower[start] in ("the", "of", "and"):
                start += 1
                continue
            base, after = titles.post_at(lower, start)
            if base is None or after >= end or lower[after] != "of":
                return start
            start = after
        return start

    def __call__(self, doc: Doc) -> Doc:
        found: list[Candidate] = []
        self._run(ext.view_of(doc), found)
        ext.extend(doc, ext.ORG_NAMES, found)
        return doc

    def _run(self, doc: DocView, found: list[Candidate]) -> None:
        words, lower = doc.words, doc.lower
        defined: dict[str, tuple[str, str]] = {}
        for bracket in doc.positions(("(",)):
            i = bracket + 1
            if not (i < len(words) - 1 and words[i + 1] == ")"):
                continue
            acronym = words[i]
            if not ACRONYM.match(acronym) or sum(c.isupper() for c in acronym) < 2:
                self._short_name(doc, found, defined, bracket)
                continue
            end = bracket - 1 if words[bracket - 1] in POSSESSIVES else bracket  # "X Company's (XC)"
            window_start = max(0, end - min(len(acronym) + 5, 2 * len(acronym)))
            offset = long_form_start(words[window_start:end], acronym)
            if offset is None:
                continue
            first = window_start + offset
            start = self._after_title(lower, self._inside_name(words, first, end), end)
            if start >= end or not words[start][:1].isupper():
                continue
            named_from = start
            if start - 2 >= first and words[start - 1] in POSSESSIVES and words[start - 2][:1] == acronym[0]:
                named_from = start - 2  # "Iran's Rail Freight Organization (IRFO)" is named "Iran Rail ..."
            # one apostrophe for a name however it is typed: "Students’" is "Students'"
            long_form = possessive_free(clean_name(doc.span_text(named_from, end))).replace("’", "'")
            etype = self.entity_type(long_form)
            if etype is None:
                continue
            defined[acronym] = (long_form, etype)
            found.append(
                Candidate(
                    start,
                    end,
                    etype,
                    "acronym_long_form",
                    priority=85,
                    canonical=long_form,
                    aliases=(acronym,),
                    kind="place" if etype == "LOC" else None,  # a site, which lies in a town
                )
            )
        if not defined:
            return
        for i in doc.positions({acronym.lower() for acronym in defined}):
            word = words[i]
            if word in defined:
                long_form, etype = defined[word]
                found.append(
                    Candidate(
                        i,
                        i + 1,
                        etype,
                        "acronym",
                        priority=85,
                        canonical=long_form,
                        aliases=(word,),
                        kind="place" if etype == "LOC" else None,
                    )
                )
        return


@Language.factory("newskg_acronyms", assigns=[ext.attr(ext.ORG_NAMES)])
def make_acronyms(nlp: Language, name: str) -> AcronymFinder:
    return AcronymFinder(load_lexicon(), load_gazetteer(), load_english_words(), load_given_names())
