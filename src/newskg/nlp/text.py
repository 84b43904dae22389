"""The Doc as plain Python lists, and small text predicates shared by the rules."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator
from typing import Any, NamedTuple, TypeVar

import numpy
from spacy.attrs import IDX, IS_DIGIT, IS_SPACE, IS_UPPER, LENGTH, ORTH, SENT_START, SPACY
from spacy.strings import StringStore
from spacy.tokens import Doc

from .memo import Memo

T = TypeVar("T")

OPEN_QUOTES = '"“‘«'
CLOSE_QUOTES = '"”’»'
QUOTE_OR_NEWLINE = re.compile('["“”\n]')


POSSESSIVES = ("’s", "'s")
YEAR = re.compile(r"\A(?:19|20)\d\d\Z")
"""A year of the Gregorian calendar written as a word: ``2024``."""
"""The possessive ending as the tokenizer splits it off, with a typographic or a straight apostrophe."""


def is_capitalised(word: str) -> bool:
    """A word that starts with a capital letter (``Salehinia``, ``ISIPO``, ``Ali-Asghar``); only a
    cased letter is upper case, so the first character says it all."""
    return word[:1].isupper()


def is_all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def indexes_of(items: list[T], value: T) -> Iterator[int]:
    """Where ``value`` occurs in ``items``, found by ``list.index`` rather than a Python loop."""
    i = -1
    try:
        while True:
            i = items.index(value, i + 1)
            yield i
    except ValueError:
        return


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotes (straight or curly), quotes excluded.

    Curly quotes nest inside a quotation (a motto quoted within a quote); a quotation opened with a
    straight quote may close with either kind, as careless typing does. An unclosed quotation ends
    at the end of its paragraph.
    """
    regions: list[tuple[int, int]] = []
    start = -1
    nested = 0
    for found in QUOTE_OR_NEWLINE.finditer(text):  # no other character changes the state
        i, c = found.start(), found.group()
        if start < 0:
            if c in '"“':
                start, nested = i + 1, 0
        elif c == "\n":
            regions.append((start, i))
            start = -1
        elif c == "“":
            nested += 1
        elif c == "”" and nested:
            nested -= 1
        elif c in '"”':
            regions.append((start, i))
            start = -1
    if start >= 0:
        regions.append((start, len(text)))
    return regions


def in_regions(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


_WHITE_SPACE = re.compile(r"\s+")
_POSSESSIVE_END = re.compile(r"(?:’s|'s|’|')$")
_NAME_EDGES = " ,;:" + OPEN_QUOTES + CLOSE_QUOTES


def clean_name(text: str) -> str:
    """Collapse white space and strip quotes, brackets and a possessive from a name."""
    text = _WHITE_SPACE.sub(" ", text).strip(_NAME_EDGES)
    text = _POSSESSIVE_END.sub("", text)
    return text.strip()


class Sentence(NamedTuple):
    """A sentence as token offsets (``start``, ``end``) and character offsets."""

    start: int
    end: int
    start_char: int
    end_char: int


_SHARED_STRINGS: dict[int, str] = {}
"""Words by their spaCy hash, one ``str`` per distinct word for the whole process. The rules look
words up in sets and dicts, and a ``str`` computes its hash once; a new ``str`` per word per Doc paid
that again for every Doc."""
_SHARED_STRINGS_LIMIT = 1_000_000
"""Start again past this many distinct words, so that memory stays flat on a large corpus."""


_LOWER_CASED: Memo[str] = Memo(str.lower, limit=_SHARED_STRINGS_LIMIT)
"""Each shared word's lower-case form, also one ``str`` per distinct word. spaCy's ``LOWER`` is
``str.lower`` of the word (``spacy.lang.lex_attrs.lower``), so a dictionary look-up per token
replaces reading the attribute from the Doc and looking its hash up."""


def _shared_strings(hashes: list[int], strings: StringStore) -> list[str]:
    """The words of the given spaCy string hashes, as shared ``str`` objects."""
    shared = _SHARED_STRINGS
    try:
        return [shared[h] for h in hashes]
    except KeyError:
        if len(shared) > _SHARED_STRINGS_LIMIT:
            shared.clear()
        for h in hashes:
            if h not in shared:
                shared[h] = strings[h]
        return [shared[h] for h in hashes]


class DocView:
    """The tokens of a Doc read once into plain lists, indexed by token number.

    ``doc[i]`` builds a new spaCy Token on every call and the rules look at each token many times;
    list lookups cost a fraction of that. Token ``i`` is ``words[i]`` (``lower[i]`` lower-cased),
    at characters ``starts[i]:ends[i]`` of ``text``, followed by a space when ``spaces[i]``.
    """

    __slots__ = (
        "_all_capitals",
        "_distinct",
        "_four_digits",
        "_positions_of",
        "_sentence_firsts",
        "answers",
        "doc",
        "ends",
        "lower",
        "sent_starts",
        "sentences",
        "spaces",
        "starts",
        "text",
        "words",
    )

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text``: the text the Doc was made from, when the caller has it (saves joining the words)."""
        self.doc = doc
        self._positions_of: dict[str, list[int]] | None = None
        self._distinct: set[str] = set()
        self.answers: dict[tuple[object, int], Any] = {}
        """What rules found out about this Doc's tokens, by (question, token number), for a question
        several rules ask of the same token (``NameWords.stops_left``); it goes with the view."""
        n = len(doc)
        attributes = [ORTH, IDX, LENGTH, SPACY, SENT_START, IS_SPACE, IS_UPPER, IS_DIGIT]
        table = doc.to_array(attributes).reshape(n, len(attributes))
        self._all_capitals = table[:, 6] == 1
        self._four_digits = (table[:, 7] == 1) & (table[:, 2] == 4)
        strings = doc.vocab.strings
        self.words: list[str] = _shared_strings(table[:, 0].tolist(), strings)
        self.lower: list[str] = list(map(_LOWER_CASED.__getitem__, self.words))
        self.starts: list[int] = table[:, 1].tolist()
        self.ends: list[int] = (table[:, 1] + table[:, 2]).tolist()
        self.spaces: list[bool] = (table[:, 3] == 1).tolist()
        # The same as doc.text, without a Token object per word.
        written = n and self.ends[-1] + self.spaces[-1]
        if text is None or len(text) != written:
            text = "".join([w + " " if s else w for w, s in zip(self.words, self.spaces, strict=True)])
        self.text: str = text
        # A sentence starts where spaCy says (only an explicit 1, as Token.is_sent_start) and after a
        # line break: headlines and datelines have no full stop. Space tokens never start one; a
        # start spaCy put on one moves to the word after it.
        blank = table[:, 5] == 1
        spacy_starts = table[:, 4] == 1
        starts = spacy_starts & ~blank
        blank_at = numpy.flatnonzero(blank).tolist()
        run_start = None
        for k, i in enumerate(blank_at):
            run_start = i if run_start is None else run_start
            if k + 1 < len(blank_at) and blank_at[k + 1] == i + 1:
                continue  # the run of space tokens goes on
            run = range(run_start, i + 1)
            if i + 1 < n and (run_start == 0 or any(spacy_starts[j] or "\n" in self.words[j] for j in run)):
                starts[i + 1] = True
            run_start = None
        if n and not blank[0]:
            starts[0] = True
        self.sent_starts: list[bool] = starts.tolist()
        firsts = numpy.flatnonzero(starts).tolist()
        if n and (not firsts or firsts[0] != 0):
            firsts.insert(0, 0)
        lasts = [*firsts[1:], n] if n else []
        self._sentence_firsts = firsts
        blanks = blank.tolist()
        self.sentences: list[Sentence] = []
        for a, b in zip(firsts, lasts, strict=True):
            last = b - 1
            while last > a and blanks[last]:
                last -= 1
            first = a
            while first < last and blanks[first]:
                first += 1
            self.sentences.append(Sentence(a, b, self.starts[first], self.ends[last]))

    def __len__(self) -> int:
        return len(self.words)

    def all_capitals(self) -> list[int]:
        """The token numbers of words written in capitals (``ISIPO``, ``TEHRAN``, ``I``)."""
        found: list[int] = numpy.flatnonzero(self._all_capitals).tolist()
        return found

    def four_digits(self) -> list[int]:
        """The token numbers of four-digit numbers (``2024``, ``1402``): the words a year may be."""
        found: list[int] = numpy.flatnonzero(self._four_digits).tolist()
        return found

    def positions(self, lowers: Collection[str]) -> list[int]:
        """The token numbers whose lower-cased word is in ``lowers``, in order.

        The rules look for a few dozen words each (organisation nouns, post words, reporting
        verbs), about twenty times per Doc, and a Doc holds few of them: the set of the Doc's words
        says which, and an index of where each word stands, made on the first call (one pass over
        the Doc), says where. A scan of the Doc per word looked for cost twice as much in all."""
        index = self._positions_of
        if index is None:
            index = self._positions_of = {}
            for i, word in enumerate(self.lower):
                at = index.get(word)
                if at is None:
                    index[word] = [i]
                else:
                    at.append(i)
            self._distinct = set(index)
        words = self._distinct.intersection(lowers)
        if not words:
            return []
        found: list[int] = []
        for word in words:
            found += index[word]
        if len(words) > 1:
            found.sort()
        return found

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for 0 <= start, end <= len: the tokens as written, no trailing space."""
        if end <= start:
            return ""
        return self.text[self.starts[start] : self.ends[end - 1]]

    def sentence(self, token_index: int) -> Sentence:
        """The sentence of a token."""
        return self.sentences[bisect_right(self._sentence_firsts, token_index) - 1]
