"""The Doc as plain Python lists, and small text predicates shared by the rules."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple, TypeVar

from spacy.attrs import IDX, LENGTH, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

T = TypeVar("T")

OPEN_QUOTES = '"“‘«'
CLOSE_QUOTES = '"”’»'
QUOTE_OR_NEWLINE = re.compile('["“”\n]')


def is_capitalised(word: str) -> bool:
    """A word that starts with a capital letter (``Salehinia``, ``ISIPO``, ``Ali-Asghar``)."""
    return bool(word) and word[0].isupper() and any(c.isalpha() for c in word)


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


def clean_name(text: str) -> str:
    """Collapse white space and strip quotes, brackets and a possessive from a name."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:" + OPEN_QUOTES + CLOSE_QUOTES)
    text = re.sub(r"(?:’s|'s|’|')$", "", text)
    return text.strip()


class Sentence(NamedTuple):
    """A sentence as token offsets (``start``, ``end``) and character offsets."""

    start: int
    end: int
    start_char: int
    end_char: int


class DocView:
    """The tokens of a Doc read once into plain lists, indexed by token number.

    ``doc[i]`` builds a new spaCy Token on every call and the rules look at each token many times;
    list lookups cost a fraction of that. Token ``i`` is ``words[i]`` (``lower[i]`` lower-cased),
    at characters ``starts[i]:ends[i]`` of ``text``, followed by a space when ``spaces[i]``.
    """

    __slots__ = (
        "_sentence_firsts",
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

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        table = doc.to_array([ORTH, IDX, LENGTH, SPACY, SENT_START]).reshape(len(doc), 5)
        strings = doc.vocab.strings
        self.words: list[str] = list(map(strings.__getitem__, table[:, 0].tolist()))
        self.lower: list[str] = list(map(str.lower, self.words))
        self.starts: list[int] = table[:, 1].tolist()
        self.ends: list[int] = (table[:, 1] + table[:, 2]).tolist()
        self.spaces: list[bool] = (table[:, 3] == 1).tolist()
        n = len(self.words)
        # A sentence starts where spaCy says (only an explicit 1, as Token.is_sent_start) and after a
        # line break: headlines and datelines have no full stop. Space tokens never start one.
        spacy_starts = (table[:, 4] == 1).tolist()
        blank = [not w.strip() for w in self.words]
        starts: list[bool] = [False] * n
        pending = True
        for i in range(n):
            if blank[i]:
                pending = pending or spacy_starts[i] or "\n" in self.words[i]
                continue
            if pending or spacy_starts[i]:
                starts[i] = True
            pending = False
        self.sent_starts: list[bool] = starts
        self.text: str = "".join([w + " " if s else w for w, s in zip(self.words, self.spaces, strict=True)])
        firsts = [i for i in indexes_of(starts, True)]
        if n and (not firsts or firsts[0] != 0):
            firsts.insert(0, 0)
        lasts = [*firsts[1:], n] if n else []
        self._sentence_firsts = firsts
        self.sentences: list[Sentence] = []
        for a, b in zip(firsts, lasts, strict=True):
            last = b - 1
            while last > a and blank[last]:
                last -= 1
            first = a
            while first < last and blank[first]:
                first += 1
            self.sentences.append(Sentence(a, b, self.starts[first], self.ends[last]))

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for 0 <= start, end <= len: the tokens as written, no trailing space."""
        if end <= start:
            return ""
        return self.text[self.starts[start] : self.ends[end - 1]]

    def sentence(self, token_index: int) -> Sentence:
        """The sentence of a token."""
        return self.sentences[bisect_right(self._sentence_firsts, token_index) - 1]
