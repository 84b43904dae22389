"""``newskg_statements``: who said what, one statement per reporting cue.

Cues are the reporting verbs and phrases of ``rules/reporting.json``: finite (``said``, ``noted``,
``pointed out``, ``went on to say``, ``made the remarks``), non-finite with a clause or quotation
(``adding that``, ``noting that``, ``expressing hope``), ``according to X``, ``as announced by X`` and
``quoted X as saying``. The speaker is

* the subject before the verb: a person or organisation, a title bound to a person (``The acting
  head of X announced``), an apposition (``X, the deputy head of Y, said``), a pronoun or a title
  nominal (``he``, ``the official``, ``the minister``, ``a senior industry official``), an organisation
  nominal (``the ministry said``: the ministry last named);
* or, inverted, the subject after it (``..., said X``, ``..., explained the chamber chief``);
* for a participle, the speaker of its sentence.

Pronouns and title nominals refer to the most salient person: the last speaker or the last person
who opened a sentence, whichever came later; ``a/an`` nominals to the next person named. Countries,
news agencies (their credits are ``reported_by``) and unnamed groups are never speakers; cues inside
quotations and passives (``was announced``) are not statements. The content is the reported clause
or quotation only: not the speaker, the cue, the addressee (``told IRNA that``) or the dateline.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Cluster, Entities, StatementFact, TitleBinding
from ..lexicon import Lexicon, load_lexicon
from ..text import CLOSE_QUOTES, OPEN_QUOTES, POSSESSIVES, DocView, Sentence, in_regions, quoted_regions
from ..vocabulary import EnglishWords, load_english_words
from .dateline import find_dateline

SPEAKER_TYPES = ("PERSON", "ORG")
QUOTES = OPEN_QUOTES + CLOSE_QUOTES + "'"
STOP_AFTER = 2
"""Fewer content words than this after a cue: the reported clause is before it (``..., he said.``)."""


INVERTED = -2
"""``Subject.start`` of a subject written after its cue (``..., explained the chamber chief``)."""
APPOSITION_TOKENS = 30
"""The most tokens a title apposed to a speaker takes: ``the acting head of the X Chamber of ... (XCC)``."""


class Cue(NamedTuple):
    start: int
    end: int
    lemma: str
    kind: str
    """finite, participle, according (speaker after: according to X), quoted (quoted X as saying)."""


class Subject(NamedTuple):
    speaker: Cluster | None
    start: int
    """Token where the subject is written (for the content before it), -1 when after the cue."""


class StatementFinder:
    """Finds reporting cues and resolves their speakers and contents."""

    def __init__(self, lexicon: Lexicon, english: EnglishWords) -> None:
        self.lexicon = lexicon
        self.reporting = lexicon.reporting
        self.titles = lexicon.titles
        self.participles = {form for form in self.reporting.verb_of if form.endswith("ing")}
        self.english = english

    def __call__(self, doc: Doc) -> Doc:
        view = ext.view_of(doc)
        entities: Entities = ext.get(doc, ext.ENTITIES)
        bindings: list[TitleBinding] = ext.get(doc, ext.TITLES)
        ext.put(doc, ext.STATEMENTS, _Reader(self, view, entities, bindings).statements())
        return doc


class _Reader:
    """One pass over one Doc, keeping track of who is salient."""

    def __init__(
        self, finder: StatementFinder, doc: DocView, entities: Entities, bindings: list[TitleBinding]
    ) -> None:
        self.f = finder
        self.rep = finder.reporting
        self.english = finder.english
        self.doc = doc
        self.entities = entities
        self.bindings = bindings
        self.quotes = quoted_regions(doc.text)
        self.person_starts = sorted(
            s.start
            for c in entities.clusters
            if c.type == "PERSON"
            for s in c.spans
            if not in_regions(s.start_char, self.quotes)
        )
        self.org_speakers: list[Cluster] = []
        self.salient: list[tuple[int, Cluster]] = []
        """(token, person) each time a person spoke or opened a sentence, in text order."""
        for start in self.person_starts:
            if self._opens_sentence(start):
                cluster = entities.at(start)
                if cluster is not None:
                    self.salient.append((start, cluster))
        dateline = find_dateline(doc.text)
        self.dateline_end = dateline.end() if dateline else 0

    def _opens_sentence(self, start: int) -> bool:
        sentence = self.doc.sentence(start)
        k = sentence.start
        while k < start and (not self.doc.words[k].strip() or self.doc.words[k] in QUOTES):
            k += 1
        return k == start

    # -- cues --------------------------------------------------------------------------------------

    def statements(self) -> list[StatementFact]:
        doc = self.doc
        found: list[StatementFact] = []
        sentence_speaker: dict[int, Cluster] = {}
        i = 0
        for k in self._cue_positions():
            if k < i:
                continue
            cue = self._cue_at(k)
            if cue is None or in_regions(doc.starts[k], self.quotes):
                continue
            i = cue.end
            sentence = doc.sentence(k)
            subject = self._speaker(cue, sentence, sentence_speaker.get(sentence.start))
            if subject.speaker is None or subject.speaker.type not in SPEAKER_TYPES:
                continue
            content = self._content(cue, subject, sentence)
            if cue.lemma in self.rep.referring_cues and found and found[-1].speaker is subject.speaker:
                content = found[-1].content  # "X said ... . X made the remarks at a meeting": those remarks
            cue_text = "saying" if cue.kind == "quoted" else doc.span_text(cue.start, cue.end)
            found.append(
                StatementFact(
                    subject.speaker,
                    cue_text,
                    content,
                    sentence.start_char,
                    sentence.end_char,
                    rule=f"speech_cue_{cue.kind}",
                )
            )
            sentence_speaker.setdefault(sentence.start, subject.speaker)
            if subject.speaker.type == "ORG":
                self.org_speakers.append(subject.speaker)
            if subject.speaker.type == "PERSON":
                self.salient.append((k, subject.speaker))
                self.salient.sort(key=lambda item: item[0])
        return found

    def _cue_positions(self) -> list[int]:
        verbs, starts = self.rep.verb_of, self.rep.phrase_starts
        return [k for k, word in enumerate(self.doc.lower) if word in verbs or word in starts]

    def _phrase_at(self, k: int) -> tuple[str, int] | None:
        lower = self.doc.lower
        best: tuple[str, int] | None = None
        for words, name in self.rep.phrases_by_start.get(lower[k], ()):
            size = len(words)
            if tuple(w for w in lower[k : k + size]) == words and (best is None or k + size > best[1]):
                best = (name, k + size)
        return best

    def _cue_at(self, k: int) -> Cue | None:
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
        if lemma == "put" and not any(w == "at" for w in lower[k + 1 : k + 12]):
            return None
        kind = "participle" if lower[k] in self.f.participles else "finite"
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
        return Cue(k, k + 1, lemma, kind)

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
                return False
            j += 1
        return self._has_clause(k)

    def _has_clause(self, k: int) -> bool:
        """``adding the revenues show growth``: a subject, then a finite verb, before any comma."""
        doc = self.doc
        lower = doc.lower
        for j in range(k + 1, min(len(lower), k + 10)):
            if doc.words[j] in ",.;:":
                return False
            if self._is_finite_verb(j):
                return True
        return False

    def _is_finite_verb(self, j: int) -> bool:
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
            return True  # "the plan sets", "output rose"
        return (noun and before.endswith("s")) or pronoun

    def _after_clause(self, k: int) -> bool:
        """An inverted cue: ``..., continued X`` / ``..., he concluded``: the clause came before."""
        doc = self.doc
        j = k - 1
        while j >= 0 and (doc.lower[j] in self.rep.finite_markers or self._subject_token(j)):
            j -= 1
        return j >= 0 and doc.words[j] in (",", *CLOSE_QUOTES) and j > doc.sentence(k).start

    def _subject_token(self, j: int) -> bool:
        cluster = self.entities.at(j)
        return (
            (cluster is not None and cluster.type == "PERSON")
            or self.doc.lower[j] in self.rep.speaker_pronouns
            or self.doc.lower[j] in self.f.titles.title_nouns
            or self.doc.lower[j] in self.rep.anaphor_determiners
            or self.doc.lower[j] in self.rep.anaphor_adjectives
        )

    # -- speakers ----------------------------------------------------------------------------------

    def _speaker(self, cue: Cue, sentence: Sentence, sentence_speaker: Cluster | None) -> Subject:
        if cue.kind == "according":
            agent = cue.end + 1 if cue.end < len(self.doc) and self.doc.lower[cue.end] == "by" else cue.end
            return Subject(self._named_at(agent), -1)
        if cue.kind == "quoted":
            return Subject(self._quoted_speaker(cue.start, sentence), -1)
        before = self._subject_before(cue.start, sentence)
        if before.speaker is None and before.start >= 0:
            parsed = self._parsed_subject(cue)
            return parsed if parsed.speaker is not None else before
        if before.speaker is not None:
            return before
        if cue.kind == "participle":
            later = self._main_clause_speaker(cue, sentence)
            if later is not None and cue.start == self._first_word(sentence):
                return Subject(None, -1)  # "Saying that ..., the official said": one act, the finite cue's
            return Subject(sentence_speaker or later or self._salient_before(cue.start), -1)
        after = self._named_at(cue.end)
        if after is not None:
            return Subject(after, INVERTED)
        if self.doc.lower[cue.start - 1 : cue.start] == ["and"] and sentence_speaker is not None:
            return Subject(sentence_speaker, -1)
        return self._parsed_subject(cue)

    def _parsed_subject(self, cue: Cue) -> Subject:
        """With a trained parser: the subject the parse gives the reporting verb, when it is named."""
        doc = self.doc.doc
        if not doc.has_annotation("DEP"):
            return Subject(None, -1)
        for child in doc[cue.start].children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                cluster = self.entities.at(child.i)
                if cluster is not None and cluster.type in SPEAKER_TYPES:
                    start = self.entities.start_of(child.i)
                    return Subject(cluster, start if start < cue.start else INVERTED)
        return Subject(None, -1)

    def _first_word(self, sentence: Sentence) -> int:
        k = sentence.start
        while k < sentence.end - 1 and (not self.doc.words[k].strip() or self.doc.words[k] in QUOTES):
            k += 1
        return k

    def _subject_before(self, k: int, sentence: Sentence) -> Subject:
        """The speaker written just before the cue, and where its words start."""
        doc, entities = self.doc, self.entities
        lower, words = doc.lower, doc.words
        j = k - 1
        while j >= sentence.start and lower[j] in self.rep.finite_markers:
            j -= 1
        bound = self._binding_ending_at(j + 1)
        if bound is not None:
            start = (
                bound.start - 1
                if bound.start > sentence.start and lower[bound.start - 1] in self.rep.anaphor_determiners
                else bound.start
            )
            return Subject(bound.person, start)
        if (
            j - 2 >= sentence.start
            and words[j] == ")"
            and words[j - 2] == "("
            and self.entities.at(j - 1) is not None
        ):
            j -= 3  # "The Central Bank of Iran (CBI) said"
        if j < sentence.start:
            return Subject(None, -1)
        cluster = entities.at(j)
        if cluster is not None:
            start = entities.start_of(j)
            if cluster.type in SPEAKER_TYPES:
                title = self._binding_ending_at(start)
                return Subject(cluster, title.start if title is not None else start)
            return Subject(None, start)
        if words[j] == ",":
            apposed = self._before_apposition(j, sentence)
            if apposed is not None:
                return apposed
            return Subject(None, -1)
        anaphor = self._anaphor_ending_at(j, sentence)
        if anaphor is not None:
            return anaphor
        source = self._source_ending_at(j, sentence)
        if source is not None:
            return source
        if (
            lower[j] in self.rep.reporting_nouns
            and j > sentence.start
            and lower[j - 1] in self.rep.anaphor_determiners
        ):
            return Subject(self._last_org_speaker(j), j - 1)  # "the report added"
        return Subject(None, -1)

    def _binding_ending_at(self, end: int) -> TitleBinding | None:
        for binding in self.bindings:
            if binding.end == end:
                return binding
        return None

    def _binding_starting_at(self, start: int) -> TitleBinding | None:
        for binding in self.bindings:
            if binding.start == start or (binding.start == start + 1 and self.doc.lower[start] == "the"):
                return binding
        return None

    def _before_apposition(self, comma: int, sentence: Sentence) -> Subject | None:
        """``X, the deputy head of Y for Z affairs, said`` / ``The head of X, Y, said``."""
        doc, entities = self.doc, self.entities
        named = entities.at(comma - 1)
        if named is not None and named.type == "PERSON":
            start = entities.start_of(comma - 1)
            bound = self._binding_ending_at(start - 1) if start > 0 and doc.words[start - 1] == "," else None
            return Subject(named, bound.start if bound is not None else start)
        budget = 18  # words of the apposition, not counting those inside names
        for k in range(comma - 1, max(sentence.start - 1, comma - 70), -1):
            inside_name = entities.at(k) is not None
            if not inside_name:
                budget -= 1
                if budget < 0:
                    return None
            if doc.words[k] in ".;\n" or doc.words[k] in OPEN_QUOTES:
                return None
            if doc.words[k] == "," and not inside_name and k > sentence.start:
                cluster = entities.at(k - 1)
                if cluster is not None and cluster.type in SPEAKER_TYPES:
                    return Subject(cluster, entities.start_of(k - 1))
                return None
        return None

    def _anaphor_ending_at(self, j: int, sentence: Sentence) -> Subject | None:
        """``he``, ``the official``, ``the Iranian official``, ``a senior industry official``,
        ``the chamber chief``, ``the ministry``."""
        doc = self.doc
        lower = doc.lower
        if lower[j] in self.rep.speaker_pronouns:
            return Subject(self._salient_before(j), j)
        for k in range(j - 1, max(sentence.start - 1, j - 7), -1):
            if lower[k] in (*self.rep.anaphor_determiners, "a", "an") and self._nominal_end(k) == j:
                j = self._nominal_head(k) or j
                noun = lower[j]
                if noun in self.f.titles.title_nouns:
                    return Subject(self._nominal(noun, lower[k], k, j), k)
                if noun in self.f.lexicon.things.organisation_nouns and lower[k] not in ("a", "an"):
                    return Subject(self._last_org(noun, before=k), k)
                return None
        return None

    def _source_ending_at(self, j: int, sentence: Sentence) -> Subject | None:
        """``the data released by ISIPO show``, ``ISIPO data show``: the organisation that is the source."""
        doc = self.doc
        lower = doc.lower
        for k in range(j, max(sentence.start - 1, j - 8), -1):
            cluster = self.entities.at(k)
            if cluster is not None and cluster.type == "ORG":
                window = lower[k + 1 : j + 1] + lower[max(sentence.start, k - 4) : k]
                if any(w in self.rep.reporting_nouns for w in window):
                    return Subject(cluster, self.entities.start_of(k))
                return None
            if doc.words[k] in ",;:":
                return None
        return None

    def _named_at(self, k: int) -> Cluster | None:
        """The speaker written at token k: ``according to X``, ``..., said X``, ``..., said the official``."""
        doc = self.doc
        if k >= len(doc):
            return None
        bound = self._binding_starting_at(k)
        if bound is not None:
            return bound.person
        cluster = self.entities.at(k)
        if cluster is not None:
            end = self.entities.end_of(k)
            if cluster.type in ("GPE", "LOC") and end + 1 < len(doc) and doc.lower[end] in POSSESSIVES:
                return self._named_at(end + 1)  # "according to Iran's Trade Promotion Organization"
            return cluster if cluster.type in SPEAKER_TYPES else None
        lower = doc.lower
        if lower[k] in self.rep.speaker_pronouns or lower[k] in self.rep.object_pronouns:
            return self._salient_before(k)
        if lower[k] in self.rep.reporting_nouns:  # "according to data released by X"
            return self._source_after(k)
        head = self._nominal_head(k)
        if head is not None:
            noun = lower[head]
            if noun in self.f.titles.title_nouns:
                return self._nominal(noun, lower[k], k, head)
            if noun in self.f.lexicon.things.organisation_nouns:
                return self._last_org(noun, before=k)
            if noun in self.rep.reporting_nouns:
                source = self._named_after(head)
                if source is not None and source.type == "NEWS_AGENCY":
                    return None  # "according to a report by IRNA": a credit, not a statement
                return self._source_after(head) or self._last_org_speaker(k)
        return None

    def _nominal_end(self, k: int) -> int | None:
        """The last head word of the noun phrase at k (``department`` in ``the bank's department``)."""
        found = self._nominal_scan(k)
        return found[1] if found is not None else None

    def _nominal_head(self, k: int) -> int | None:
        """The word that names the referent of the noun phrase at k (``bank`` in ``the bank's
        public relations department``)."""
        found = self._nominal_scan(k)
        return found[0] if found is not None else None

    def _nominal_scan(self, k: int) -> tuple[int, int] | None:
        """``the senior industry official``, ``the chamber chief``, ``the data``: the head noun of a
        noun phrase starting at token k with a determiner, when it names an official, an organisation
        or a source."""
        doc = self.doc
        lower = doc.lower
        if lower[k] not in (*self.rep.anaphor_determiners, "a", "an"):
            return None
        heads = (
            self.f.titles.title_nouns | self.f.lexicon.things.organisation_nouns | self.rep.reporting_nouns
        )
        head: int | None = None
        owner: int | None = None
        for j in range(k + 1, min(len(doc), k + 8)):
            word = lower[j]
            if word in heads:
                head = j
                continue
            if word in POSSESSIVES:
                owner, head = head, None  # "the company's website": the company owns the head
                continue
            inside = (
                word in self.rep.anaphor_adjectives
                or (self.entities.at(j) is not None and self.entities.at(j).type != "PERSON")  # type: ignore[union-attr]
                or (
                    doc.words[j].islower()
                    and word.isalpha()
                    and word not in self.rep.verb_of
                    and "f" not in self.english.pos(word)
                )
                or word in ("-", *POSSESSIVES)
            )
            if not inside:
                break
        if head is None or any(self._is_agency(t) for t in range(k, head)):
            return None  # "the semi-official Tasnim news agency": a credit, not a speaker
        organisation_nouns = self.f.lexicon.things.organisation_nouns
        if owner is not None and lower[head] in organisation_nouns and lower[owner] in organisation_nouns:
            return owner, head  # "the bank's public relations department announced": the bank
        return head, head

    def _is_agency(self, k: int) -> bool:
        cluster = self.entities.at(k)
        return cluster is not None and cluster.type == "NEWS_AGENCY"

    def _source_after(self, j: int) -> Cluster | None:
        """``according to the data released by X``, ``according to X's report``."""
        cluster = self._named_after(j)
        return cluster if cluster is not None and cluster.type == "ORG" else None

    def _named_after(self, j: int) -> Cluster | None:
        """The first entity in the few words after token j, within the clause."""
        for k in range(j, min(len(self.doc), j + 6)):
            cluster = self.entities.at(k)
            if cluster is not None:
                return cluster
            if self.doc.words[k] in ",.;":
                return None
        return None

    def _quoted_speaker(self, saying: int, sentence: Sentence) -> Cluster | None:
        """``IRNA quoted X as saying``, ``X was quoted as saying``, ``cited X, the head of Y, as saying``."""
        doc, entities = self.doc, self.entities
        for k in range(saying - 2, sentence.start - 1, -1):
            cluster = entities.at(k)
            if cluster is not None and cluster.type == "PERSON":
                return cluster
            bound = self._binding_ending_at(k + 1)
            if bound is not None:
                return bound.person
            if doc.lower[k] in self.rep.speaker_pronouns:
                return self._salient_before(k)
        return None

    def _main_clause_speaker(self, cue: Cue, sentence: Sentence) -> Cluster | None:
        """``Saying that ..., the official said``: the speaker of a later finite cue."""
        for k in range(cue.end, sentence.end):
            if self.doc.lower[k] in self.rep.verb_of and self.doc.lower[k] not in self.f.participles:
                later = self._cue_at(k)
                if later is not None and later.kind == "finite":
                    subject = self._subject_before(k, sentence)
                    return subject.speaker or self._named_at(later.end)
        return None

    def _nominal(self, noun: str, determiner: str, start: int, end: int) -> Cluster | None:
        """``a senior official`` names the next person; ``the minister`` the person last bound to
        that post; ``the official`` the salient person. A title of a body written in the phrase
        (``the zone's head``, ``the company CEO``) names only a person known to hold it."""
        lower = self.doc.lower
        if any(w in POSSESSIVES for w in lower[start + 1 : end]):
            nouns = [w for w in lower[start + 1 : end] if w.isalpha()]
            return self._title_holder(noun, before=start, owner_nouns=nouns)
        if determiner in ("a", "an"):
            return self._next_person(end) or self._salient_before(start)
        return self._title_holder(noun, before=start) or self._salient_before(start)

    def _last_org_speaker(self, k: int) -> Cluster | None:
        """``the report added``: the organisation last quoted as a source."""
        return self.org_speakers[-1] if self.org_speakers else None

    def _salient_before(self, k: int) -> Cluster | None:
        """The person a pronoun refers to: the last who spoke or opened a sentence; else the last named."""
        before = [person for start, person in self.salient if start < k]
        if before:
            return before[-1]
        named = [s for s in self.person_starts if s < k]
        return self.entities.at(named[-1]) if named else None

    def _next_person(self, k: int) -> Cluster | None:
        after = [s for s in self.person_starts if s > k]
        return self.entities.at(after[0]) if after else None

    def _title_holder(
        self, noun: str, *, before: int, owner_nouns: list[str] | None = None
    ) -> Cluster | None:
        """``the minister``: the person last bound, before token ``before``, to a title with that post
        word (and, for ``the bank's CEO``, of a body whose name has one of the owner's words)."""
        titles = self.f.titles
        base = titles.posts.get((noun,))
        if base is None or base in ("official", "other"):
            return None
        for binding in reversed(self.bindings):
            if binding.start >= before or not (binding.role.endswith(base) or binding.role.endswith(noun)):
                continue
            if owner_nouns is not None:
                name = binding.org.canonical.lower().split() if binding.org is not None else []
                if not any(w in name for w in owner_nouns):
                    continue
            return binding.person
        return None

    def _last_org(self, noun: str, *, before: int) -> Cluster | None:
        best: tuple[int, Cluster] | None = None
        for cluster in self.entities.clusters:
            if cluster.type != "ORG" or noun not in cluster.canonical.lower().split():
                continue
            starts = [span.start for span in cluster.spans if span.start < before]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), cluster)
        return best[1] if best is not None else None

    # -- content -----------------------------------------------------------------------------------

    def _content(self, cue: Cue, subject: Subject, sentence: Sentence) -> str:
        doc = self.doc
        start = cue.end
        if cue.kind == "according":
            start = self._after_speaker(cue.end, sentence)
        elif cue.kind == "quoted":
            start = cue.end
        else:
            start = self._after_addressee(cue.end, sentence)
        end = self._clause_end(start, sentence)
        after = self._clean(doc.text[doc.starts[start] : doc.ends[end - 1]] if end > start else "")
        if cue.kind == "quoted" and len(after.split()) < STOP_AFTER:
            return self._before_quoting(cue, sentence) or after
        if (
            subject.start != INVERTED
            and len(after.split()) >= STOP_AFTER
            and not self._clause_before(cue, subject, sentence)
        ):
            return after
        before_end = self._with_article(subject.start) if 0 <= subject.start < cue.start else cue.start
        if cue.kind == "according":
            before_end = cue.start
        first = self._after_dateline(doc.starts[sentence.start], sentence)
        before = self._clean(doc.text[first : doc.starts[before_end]] if before_end > sentence.start else "")
        return before or after

    def _before_quoting(self, cue: Cue, sentence: Sentence) -> str:
        """``The figures are optimistic, IRNA quoted him as saying.``: the words before the quoting clause."""
        doc = self.doc
        for j in range(cue.start - 1, sentence.start, -1):
            if doc.words[j] == "," or doc.words[j] in CLOSE_QUOTES:
                first = self._after_dateline(doc.starts[self._first_word(sentence)], sentence)
                return self._clean(doc.text[first : doc.starts[j]])
        return ""

    def _clause_before(self, cue: Cue, subject: Subject, sentence: Sentence) -> bool:
        """``Output rose 5 percent, the head of X said on Saturday.``: the reported clause comes
        first and what follows the cue is no clause."""
        doc = self.doc
        start = self._with_article(subject.start)
        if start <= self._first_word(sentence) + 2 or doc.words[start - 1] not in (
            ",",
            *CLOSE_QUOTES,
        ):
            return False
        k = cue.end
        if k < len(doc) and (
            doc.lower[k] in self.rep.clause_openers or doc.words[k][:1] in OPEN_QUOTES or doc.words[k] == ":"
        ):
            return False
        if any(self._is_finite_verb(j) for j in range(cue.end + 1, self._clause_end(cue.end, sentence))):
            return False
        return any(self._is_finite_verb(j) for j in range(self._first_word(sentence) + 1, start))

    def _after_dateline(self, first: int, sentence: Sentence) -> int:
        """Where a sentence's own words start: after the dateline when the sentence opens with it."""
        return self.dateline_end if first <= self.dateline_end < sentence.end_char else first

    def _with_article(self, start: int) -> int:
        """Where a speaker's noun phrase starts: ``the`` belongs to ``the CBI`` it introduces, and
        ``an official with`` to ``an official with the CBI``."""
        lower = self.doc.lower
        if start > 1 and lower[start - 1] in POSSESSIVES:
            owner = self.entities.at(start - 2)
            if owner is not None and owner.type in ("GPE", "LOC"):
                start = self.entities.start_of(start - 2)  # "Iran's Minister of Roads X said"
        if start > 0 and lower[start - 1] in self.rep.speaker_articles:
            start -= 1
        if (
            start >= 2
            and lower[start - 1] in self.rep.official_links
            and lower[start - 2] in self.f.titles.title_nouns
        ):
            start -= 2
            if start > 0 and lower[start - 1] in self.rep.speaker_articles:
                start -= 1
        return start

    def _after_speaker(self, k: int, sentence: Sentence) -> int:
        """``According to X, the ...``: where the content starts after the speaker and its comma."""
        doc = self.doc
        for j in range(k, min(sentence.end, k + 25)):
            if doc.words[j] == ",":
                return self._after_apposition(j + 1, sentence)
        return sentence.end

    def _after_apposition(self, k: int, sentence: Sentence) -> int:
        """``According to X, the deputy minister for trade, exports ...``: skip the title apposed to X."""
        lower, titles = self.doc.lower, self.f.titles
        j = k
        while j < sentence.end and (lower[j] in self.rep.speaker_articles or lower[j] in titles.modifiers):
            j += 1
        near = range(j, min(j + 3, sentence.end))
        if not any(titles.post_at(lower, m)[0] is not None or lower[m] in titles.title_nouns for m in near):
            return k
        for m in range(j, min(sentence.end - 1, j + APPOSITION_TOKENS)):
            if self.doc.words[m] == "," and self.entities.at(m) is None:  # not "Chamber of Commerce, Mines"
                return m + 1
        return k

    def _after_addressee(self, k: int, sentence: Sentence) -> int:
        """Skip ``IRNA that``, ``reporters on Monday that``, ``, “`` to where the reported words start."""
        doc = self.doc
        lower = doc.lower
        for j in range(k, min(sentence.end, k + 20)):
            if lower[j] == "that":
                return j + 1
            if doc.words[j] in ".;,:" or doc.words[j] in QUOTES:
                break
        return k

    def _clause_end(self, start: int, sentence: Sentence) -> int:
        """The reported clause ends at the sentence's end or before a participle cue (``, adding``)."""
        doc = self.doc
        for j in range(start, sentence.end - 1):
            if doc.words[j] == "," and (
                (doc.lower[j + 1] in self.f.participles and self._cue_at(j + 1) is not None)
                or doc.lower[j + 1 : j + 3] == ["according", "to"]
                or self._credit_at(j + 1)
                or self._setting_at(j + 1)
            ):
                return j
        return sentence.end

    def _setting_at(self, k: int) -> bool:
        """``..., in an interview with X``: where the words were said, not what."""
        lower = self.doc.lower
        return any(tuple(lower[k : k + len(p)]) == p for p in self.rep.speech_settings)

    def _credit_at(self, k: int) -> bool:
        """``..., IRNA reported``: a news medium credited at token k ends the clause before it."""
        cluster = self.entities.at(k)
        return cluster is not None and cluster.type == "NEWS_AGENCY"

    @staticmethod
    def _clean(text: str) -> str:
        text = " ".join(text.split())
        text = text.strip(" ,:;-–—")
        if text.lower().startswith("that "):
            text = text[5:]
        text = text.strip(" " + QUOTES)
        text = text.rstrip(" ,:;.")
        return text.strip(" " + QUOTES)


@Language.factory(
    "newskg_statements",
    requires=[ext.attr(ext.ENTITIES), ext.attr(ext.TITLES)],
    assigns=[ext.attr(ext.STATEMENTS)],
)
def make_statements(nlp: Language, name: str) -> StatementFinder:
    return StatementFinder(load_lexicon(), load_english_words())
