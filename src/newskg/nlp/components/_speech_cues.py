"""Where speech is reported: the reporting cues of a Doc (``said``, ``pointed out``, ``adding
that``, ``according to X``, ``quoted X as saying``) and the kind of each.

Why a module of its own: whether a reporting word is a cue depends on its neighbours more than on
the word: a clause or quotation after it (``noting that``), a passive before it (``was
announced``), a subject written before it as an inverted clause (``..., continued X``), a noun use
(``the said units``). That reading comes before, and apart from, who spoke and what was said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..facts import Entities
from ..text import CLOSE_QUOTES, OPEN_QUOTES, DocView

if TYPE_CHECKING:
    from .statements import StatementFinder

QUOTES = OPEN_QUOTES + CLOSE_QUOTES + "'"
FIGURE_AT_WORDS = 30
"""How far ``at`` and its figure may stand after a verb like ``put``: past a long object."""
"""Quotation marks of every kind, and the apostrophe used as one."""


APPOSITION_WORDS = 12
"""At most this many words in an apposition or relative clause between a speaker and a late cue."""


class Cue(NamedTuple):
    start: int
    end: int
    lemma: str
    kind: str
    """finite, participle, according (speaker after: according to X), quoted (quoted X as saying)."""


class Cues:
    """The reporting cues of one Doc."""

    def __init__(self, finder: StatementFinder, doc: DocView, entities: Entities) -> None:
        self.f = finder
        self.rep = finder.reporting
        self.english = finder.english
        self.doc = doc
        self.entities = entities

    def positions(self) -> list[int]:
        return self.doc.positions(self.rep.cue_words)

    def phrase_name(self, k: int) -> str | None:
        """The name of the phrase cue starting at token k (``announcement was made``), if any."""
        phrase = self._phrase_at(k)
        return phrase[0] if phrase is not None else None

    def _phrase_at(self, k: int) -> tuple[str, int] | None:
        lower = self.doc.lower
        best: tuple[str, int] | None = None
        for words, name in self.rep.phrases_by_start.get(lower[k], ()):
            size = len(words)
            if tuple(lower[k : k + size]) == words and (best is None or k + size > best[1]):
                best = (name, k + size)
        return best

    def at(self, k: int) -> Cue | None:
        doc, rep = self.doc, self.rep
        lower, words = doc.lower, doc.words
        n = len(lower)
        phrase = self._phrase_at(k)
        if phrase is not None:
            name, end = phrase
            if name == "according to":
                return Cue(k, end, name, "according")
            if name == "as announced by":
                return Cue(k, end, name, "according")
            if name == "quoted as saying":
                return Cue(end - 1, end, "say", "quoted")
            if name == "in a statement":
                return Cue(k, k + 1, rep.verb_of.get(lower[k], "say"), "finite")
            if name == "call on" and not self._addressee_then_infinitive(end):
                return None  # "called on Monday for ...": no one called on to act
            if name == "announcement was made":
                if end < n and lower[end] == "by":
                    return Cue(k, end, "announce", "according")  # "The remark was made by X"
                return Cue(k, end, "announce", "finite")
            if not self._passive(k):
                return Cue(k, end, name, "participle" if lower[k].endswith("ing") else "finite")
        lemma = rep.verb_of.get(lower[k])
        if lemma is None:
            return None
        if self._passive(k):
            if k + 1 < n and lower[k + 1] == "by" and lower[k - 1] in rep.passive_auxiliaries:
                return Cue(k, k + 1, lemma, "according")  # "it was announced by the ministry"
            return None
        if lemma == "say" and k + 1 < n and lower[k + 1] in rep.not_quote_cues:
            return None  # "the said units"
        if lemma == "quote" or lemma == "announcement":
            return None
        needs = rep.need_object.get(lemma)
        if needs is not None and (k + 1 >= n or lower[k + 1] not in needs):
            return None
        if lemma in rep.counting_verbs and self._figure_next(k + 1):
            return None  # "the exchange lists more than 370 companies": a count, not speech
        figure_at = lemma in rep.figure_at_verbs and self._figure_at(k + 1)
        if lemma == "put" and not figure_at:
            return None
        kind = "participle" if lower[k] in self.f.participles else "finite"
        if figure_at and kind == "finite" and not (words[k][:1].isupper() and not doc.sent_starts[k]):
            return Cue(k, k + 1, lemma, kind)  # "put the number of X at 20 million"
        if kind == "participle" and not self._introduces_speech(k + 1) and needs is None:
            return None
        if (
            lemma in rep.needs_clause
            and kind == "finite"
            and needs is None
            and not (self._introduces_speech(k + 1) or self._after_clause(k))
        ):
            return None
        if words[k][:1].isupper() and kind == "finite" and not doc.sent_starts[k]:
            return None  # part of a name: "Said", "Note"
        if (
            kind == "finite"
            and lower[k].endswith("s")
            and k + 1 < n
            and lower[k + 1] in rep.passive_auxiliaries
        ):
            return None  # "the two projects were completed": a plural noun before its verb
        return Cue(k, k + 1, lemma, kind)

    def _addressee_then_infinitive(self, k: int) -> bool:
        """``called on banks to speed up the loans``: someone, then ``to`` and a verb, in the clause."""
        doc = self.doc
        if k >= len(doc) or doc.lower[k] in self.rep.finite_markers:
            return False
        for j in range(k + 1, min(len(doc) - 1, k + FIGURE_AT_WORDS)):
            if doc.words[j] in ".;:" or doc.sent_starts[j]:
                return False
            if doc.lower[j] == "to":
                return "v" in self.english.pos(doc.lower[j + 1])
        return False

    def _figure_next(self, k: int) -> bool:
        """A figure starts within the next few words (``more than 370``, ``some 40``)."""
        words = self.doc.words
        return any(w[:1].isdigit() for w in words[k : k + 3])

    def _figure_at(self, k: int) -> bool:
        """``the number of passengers (...) at 20.4 million``: ``at`` and a figure within the
        sentence, past an object of a few words."""
        doc = self.doc
        for j in range(k, min(len(doc) - 1, k + FIGURE_AT_WORDS)):
            if doc.words[j] in ".;" or (doc.sent_starts[j] and j > k):
                return False
            if doc.lower[j] != "at":
                continue
            f = j + 1
            while f < min(len(doc), j + 4) and doc.lower[f] in self.f.lexicon.figures.hedges:
                f += 1  # "at more than 67 billion barrels"
            if any(w[:1].isdigit() or w in "$€£" for w in doc.words[f : f + 2]):
                return True  # (an earlier "at" may be the object's own: "ships that berthed at the port")
        return False

    def _passive(self, k: int) -> bool:
        lower = self.doc.lower
        return k > 0 and lower[k - 1] in self.rep.passive_markers

    def _introduces_speech(self, k: int) -> bool:
        """A clause or quotation follows: ``that``, ``:``, a quote, a subject and its verb."""
        doc = self.doc
        lower, words = doc.lower, doc.words
        n = len(lower)
        j = k
        # Skip an addressee and adjuncts: "told IRNA that", "said on Tuesday that".
        for _ in range(8):
            if j >= n:
                return False
            if lower[j] in self.rep.clause_openers or words[j][:1] in OPEN_QUOTES or words[j] in (":", '"'):
                return True
            if words[j] == "," and j + 1 < n and (words[j + 1][:1] in OPEN_QUOTES or words[j + 1] == '"'):
                return True
            if words[j] in ".;" or (doc.sent_starts[j] and j > k):
                break  # a short clause with no opener: "saying only 3 consignments had been returned."
            j += 1
        return self._has_clause(k)

    def _has_clause(self, k: int) -> bool:
        """``adding the revenues show growth``: a subject, then a finite verb, before any comma."""
        doc = self.doc
        lower = doc.lower
        for j in range(k + 1, min(len(lower), k + 10)):
            if doc.words[j] in ",.;:":
                return False
            if self.is_finite_verb(j):
                return True
        return False

    def is_finite_verb(self, j: int) -> bool:
        """An auxiliary, a past tense, or a verb after a plural noun or pronoun (``revenues show``)."""
        doc = self.doc
        word = doc.lower[j]
        if word in self.rep.finite_auxiliaries:
            return True
        pos = self.english.pos(word)
        if "v" not in pos:
            return False
        if word.endswith("ed"):
            return True
        before = doc.lower[j - 1]
        before_pos = self.english.pos(before)
        noun = (
            ("n" in before_pos and "f" not in before_pos)
            or before[:1].isupper()
            or doc.words[j - 1][:1].isupper()
        )
        pronoun = before in self.rep.speaker_pronouns or before in ("they", "we", "it")
        if noun and (word.endswith("s") or word in self.f.lexicon.figures.level_verbs):
            # "the plan sets", "output rose"; not "a 68.2-percent decrease": a figure's change noun
            return not (before[:1].isdigit() or (before,) in self.f.lexicon.figures.units)
        return (noun and before.endswith("s")) or pronoun

    def _after_clause(self, k: int) -> bool:
        """An inverted cue: ``..., continued X`` / ``..., he concluded``: the clause came before."""
        doc = self.doc
        j = k - 1
        while j >= 0 and (doc.lower[j] in self.rep.finite_markers or self._subject_token(j)):
            j -= 1
        if not (j >= 0 and doc.words[j] in (",", *CLOSE_QUOTES) and j > doc.sentence(k).start):
            return False
        if j < k - 1:
            return True  # "..., he concluded"
        if self._apposed_subject_before(j):
            return True  # '"...," X, who is also deputy oil minister, added'
        after = k + 1  # "..., continued X": with no subject before it, the cue's subject follows it
        if after < len(doc) and doc.lower[after] in self.rep.speaker_articles:
            after += 1
        named = self.entities.at(after) if after < len(doc) else None
        return (named is not None and named.type in ("PERSON", "ORG")) or (
            after < len(doc) and self._subject_token(after)
        )

    def _apposed_subject_before(self, comma: int) -> bool:
        """``"...," X, the NPC chief, added``: the comma closes an apposition or a relative clause
        on a person who comes right after the clause (a comma or a closing quote before him)."""
        doc = self.doc
        first = doc.sentence(comma).start
        for i in range(comma - 2, max(first, comma - APPOSITION_WORDS), -1):
            if doc.words[i] in CLOSE_QUOTES:
                return False
            if doc.words[i] != ",":
                continue
            person = self.entities.at(i - 1)
            if person is None or person.type != "PERSON":
                return False
            start = self.entities.start_of(i - 1)
            return start > first and doc.words[start - 1] in (",", *CLOSE_QUOTES)
        return False

    def _subject_token(self, j: int) -> bool:
        cluster = self.entities.at(j)
        return (
            (cluster is not None and cluster.type == "PERSON")
            or self.doc.lower[j] in self.rep.speaker_pronouns
            or self.doc.lower[j] in self.f.titles.title_nouns
            or self.doc.lower[j] in self.rep.anaphor_determiners
            or self.doc.lower[j] in self.rep.anaphor_adjectives
        )
