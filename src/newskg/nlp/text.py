"""Small text predicates shared by the rules: capitalisation, quotes, sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import overload

from spacy.tokens import Doc, Span, Token

OPEN_QUOTES = '"“‘«'
CLOSE_QUOTES = '"”’»'


def is_capitalised(token: Token) -> bool:
    """A word that starts with a capital letter (``Salehinia``, ``ISIPO``, ``Ali-Asghar``)."""
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def is_all_caps(token: Token) -> bool:
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotes (straight or curly), quotes excluded.

    Curly quotes nest inside a quotation (a motto quoted within a quote); a quotation opened with a
    straight quote may close with either kind, as careless typing does. An unclosed quotation ends
    at the end of its paragraph.
    """
    regions: list[tuple[int, int]] = []
    start = -1
    nested = 0
    for i, c in enumerate(text):
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


class DocView:
    """A Doc whose tokens are made once: ``doc[i]`` builds a new Token object on every call, and
    the rules look at each token many times. Slices still return spaCy Spans."""

    __slots__ = ("doc", "text", "tokens")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = list(doc)

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    @overload
    def __getitem__(self, key: int) -> Token: ...

    @overload
    def __getitem__(self, key: slice) -> Span: ...

    def __getitem__(self, key: int | slice) -> Token | Span:
        if type(key) is int:
            return self.tokens[key]
        return self.doc[key]

    def char_span(self, start: int, end: int, *, alignment_mode: str = "strict") -> Span | None:
        return self.doc.char_span(start, end, alignment_mode=alignment_mode)

    @property
    def sents(self) -> Iterator[Span]:
        return self.doc.sents
