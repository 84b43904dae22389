"""``newskg_sentencizer``: spaCy's rule-based ``sentencizer``, reading the Doc as arrays.

Why a component of its own: spaCy's ``Sentencizer.predict`` makes a Token and decodes its text for
every word of a Doc to test it against its punctuation marks, which took about 4% of the NLP pass.
Its rule: a sentence starts at the first token after a mark that is neither punctuation nor a mark.
Only punctuation tokens can be marks (when every mark is punctuation to spaCy, as the default ones
are), so reading each token's punctuation flag and word hash as arrays and visiting the punctuation
tokens alone finds the same starts. The class is spaCy's ``Sentencizer`` with another ``predict``:
the same settings, serialisation and ``set_annotations``; ``make_pipeline`` adds it under spaCy's
name for it, ``sentencizer``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import IS_PUNCT, ORTH
from spacy.lang.lex_attrs import is_punct
from spacy.language import Language
from spacy.pipeline import Sentencizer as SpacySentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc


class Sentencizer(SpacySentencizer):  # type: ignore[misc]  # (spaCy's class is compiled, untyped)
    """spaCy's ``Sentencizer``, whose ``predict`` visits only the punctuation tokens of a Doc."""

    _hashed: set[str] | None = None
    """The ``punct_chars`` whose word hashes ``_mark_hashes`` holds (spaCy replaces the set whenever
    the setting changes: on loading, from the config)."""
    _mark_hashes: frozenset[int] | None = None
    """The word hashes (spaCy's ``ORTH``) of the marks; None when some mark is not punctuation."""

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        """For each Doc, whether each token starts a sentence: the same as spaCy's ``predict``."""
        marks = self._marks()
        if marks is None:
            guesses: list[list[bool]] = super().predict(docs)
            return guesses
        return [self._starts(doc, marks) for doc in docs]

    def _marks(self) -> frozenset[int] | None:
        if self._hashed is not self.punct_chars:
            punctuation = all(is_punct(mark) for mark in self.punct_chars)
            self._mark_hashes = frozenset(map(get_string_id, self.punct_chars)) if punctuation else None
            self._hashed = self.punct_chars
        return self._mark_hashes

    @staticmethod
    def _starts(doc: Doc, marks: frozenset[int]) -> list[bool]:
        n = len(doc)
        starts = [False] * n
        if not n:
            return starts
        starts[0] = True
        table = doc.to_array([IS_PUNCT, ORTH])
        punctuation: list[int] = numpy.flatnonzero(table[:, 0]).tolist()
        punctuation_at = set(punctuation)
        for k, word in zip(punctuation, table[punctuation, 1].tolist(), strict=True):
            if word in marks:
                j = k + 1
                while j in punctuation_at:
                    j += 1  # "... said.” The": the quote after the full stop goes with its sentence
                if j < n:
                    starts[j] = True
        return starts


@Language.factory(
    "newskg_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={
        "punct_chars": None,
        "overwrite": False,
        "scorer": {"@scorers": "spacy.senter_scorer.v1"},
    },
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentencizer(
    nlp: Language,
    name: str,
    punct_chars: list[str] | None,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> Sentencizer:
    return Sentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)
