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

from ..lexicon import Lexicon, load_lexicon
from ..state import Candidate, state_of, view_of
from ..text import DocView, clean_name


def possessive_free(name: str) -> str:
    """``Iran's Small Industries Organization`` is named ``Iran Small Industries Organization``."""
    return re.sub(r"(?<=\w)(?:’s|'s)\s", " ", name)


ACRONYM = re.compile(r"\A[A-Z][A-Za-z&]{1,11}\Z")


def long_form_start(words: list[str], acronym: str) -> int | None:
    """Index in ``words`` where the long form of ``acronym`` starts, or None.

    First each acronym letter is matched, right to left, to the first letter of a word (words in
    between may be skipped: ``Iran Small Industries and Industrial Parks Organization`` for ISIPO);
    failing that, to any letter as in Schwartz-Hearst, the first letter still starting a word.
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    if len(letters) > 2 and acronym.endswith("s") and acronym[-2].isupper():
        letters = letters[:-1]  # plural acronym: SMEs
    return _initials_start(words, letters) if letters else None


def _initials_start(words: list[str], letters: list[str]) -> int | None:
    si = len(letters) - 1
    wi = len(words) - 1
    while si >= 0 and wi >= 0:
        if words[wi][:1].lower() == letters[si]:
            si -= 1
        elif si == len(letters) - 1:
            return None  # the last word must give the last letter
        wi -= 1
    if si >= 0:
        return _schwartz_hearst_start(words, letters)
    return wi + 1


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

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def entity_type(self, long_form: str) -> str | None:
        words = long_form.split()
        head = words[-1] if words else ""
        if "News" in words or "Broadcasting" in words:
            return "NEWS_AGENCY"
        if head in self.lexicon.org_heads or any(w in self.lexicon.org_heads for w in words[1:-2]):
            return "ORG"
        if head in self.lexicon.program_heads:
            return "PROGRAM"
        if head in self.lexicon.event_heads:
            return "EVENT"
        return None

    def __call__(self, doc: Doc) -> Doc:
        self._run(view_of(doc))
        return doc

    def _run(self, doc: DocView) -> None:
        state = state_of(doc)
        defined: dict[str, tuple[str, str]] = {}
        for i, token in enumerate(doc):
            if not (0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"):
                continue
            if not ACRONYM.match(token.text) or sum(c.isupper() for c in token.text) < 2:
                continue
            window_start = max(0, i - 1 - min(len(token.text) + 5, 2 * len(token.text)))
            window = doc[window_start : i - 1]
            words = [t.text for t in window]
            offset = long_form_start(words, token.text)
            if offset is None:
                continue
            long_span = doc[window_start + offset : i - 1]
            while len(long_span) and long_span[0].lower_ in ("the", "of", "and"):
                long_span = long_span[1:]
            if not len(long_span) or not long_span[0].text[:1].isupper():
                continue
            long_form = possessive_free(clean_name(long_span.text))
            etype = self.entity_type(long_form)
            if etype is None:
                continue
            defined[token.text] = (long_form, etype)
            state.add(
                Candidate(
                    long_span.start,
                    long_span.end,
                    etype,
                    "acronym_long_form",
                    priority=85,
                    canonical=long_form,
                    aliases=(token.text,),
                )
            )
        if not defined:
            return
        for token in doc:
            if token.text in defined:
                long_form, etype = defined[token.text]
                state.add(
                    Candidate(
                        token.i,
                        token.i + 1,
                        etype,
                        "acronym",
                        priority=85,
                        canonical=long_form,
                        aliases=(token.text,),
                    )
                )
        return


@Language.factory("newskg_acronyms", assigns=["doc._.newskg"])
def make_acronyms(nlp: Language, name: str) -> AcronymFinder:
    return AcronymFinder(load_lexicon())
