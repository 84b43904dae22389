"""Who spoke: the speaker of a reporting cue, wherever the sentence writes it.

Before the cue (a name, a title bound to a person, ``X, the deputy head of Y, said``, a pronoun, a
nominal, ``ISIPO data show``), after it (``..., said X``, ``according to X``), around a quoting
verb (``IRNA quoted X as saying``), or for a participle the speaker of its sentence; a trained
parser's subject when the rules find none. Why a module of its own: most rules of
``newskg_statements`` are about where a speaker is written, and only these decide who can be one
(a person or an organisation; never a country, a news agency or an unnamed group). Pronouns and
nominals are resolved by ``_speech_referents``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..facts import Cluster, Entities, TitleBinding
from ..text import OPEN_QUOTES, POSSESSIVES, DocView, Sentence
from ..titles import PORTFOLIO_WORDS
from ._speech_cues import QUOTES, Cue, Cues
from ._speech_referents import Referents

if TYPE_CHECKING:
    from .statements import StatementFinder

SPEAKER_TYPES = ("PERSON", "ORG")
"""The entity types that can be speakers."""
INVERTED = -2
"""``Subject.start`` of a subject written after its cue (``..., explained the chamber chief``)."""


UNNAMED_BODY_WORDS = 4
"""At most this many lower-case words name the body of an unnamed official: ``for the power industry``."""


class Subject(NamedTuple):
    speaker: Cluster | None
    start: int
    """Token where the subject is written (for the content before it), -1 when after the cue."""


class Speakers:
    """Finds the speaker of each cue of one Doc."""

    def __init__(
        self,
        finder: StatementFinder,
        doc: DocView,
        entities: Entities,
        bindings: list[TitleBinding],
        cues: Cues,
        referents: Referents,
    ) -> None:
        self.f = finder
        self.rep = finder.reporting
        self.doc = doc
        self.entities = entities
        self.bindings = bindings
        self.cues = cues
        self.referents = referents
        self._in_titles: set[int] | None = None

    def speaker(self, cue: Cue, sentence: Sentence, sentence_speaker: Cluster | None) -> Subject:
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
            if (
                later is not None
                and cue.start == self.first_word(sentence)
                and not self._that_clause(cue.end)
            ):
                # "Referring to ..., the official said": a topic opener; "Noting that ..., he added
                # that ...": two acts
                return Subject(None, -1)
            opening = self._opening_person(sentence, cue)  # "X defended the plan, insisting that ..."
            return Subject(
                sentence_speaker or later or opening or self.referents.salient_before(cue.start), -1
            )
        if (
            cue.start > 0
            and self.doc.lower[cue.start - 1] in self.rep.cue_coordinators
            and sentence_speaker is not None
        ):
            return Subject(sentence_speaker, -1)  # "X described ... and said the organization ...": X
        if cue.start > 0 and self.doc.lower[cue.start - 1] in self.rep.cue_coordinators:
            opening = self._opening_person(sentence, cue) or self._opening_pronoun(sentence, cue)
            if opening is not None:
                return Subject(opening, -1)  # "He put the reserves at ..., and said the ...": he
        after = self._named_at(cue.end)
        if after is not None and not self._addressed(cue.end):
            return Subject(after, INVERTED)
        return self._parsed_subject(cue)

    def _that_clause(self, k: int) -> bool:
        """A ``that`` clause, a colon or a quotation starts at token k."""
        doc = self.doc
        return k < len(doc) and (doc.lower[k] == "that" or doc.words[k] == ":" or doc.words[k] in OPEN_QUOTES)

    def _addressed(self, k: int) -> bool:
        """Whether the body named at token k is the one spoken to: ``urged the Ministry of X to
        set``, ``told the bank that``; an inverted speaker ends its clause (``..., said the CBI.``)."""
        doc = self.doc
        if k < len(doc) and doc.lower[k] in self.rep.speaker_articles:
            k += 1
        if k >= len(doc) or self.entities.at(k) is None:
            return False
        end = self.entities.end_of(k)
        return end < len(doc) and (doc.lower[end] == "to" or doc.lower[end] in self.rep.clause_openers)

    def _opening_person(self, sentence: Sentence, cue: Cue) -> Cluster | None:
        """The person named (or titled and named) where the sentence opens, before the cue: the
        subject of the main clause a participle cue hangs on."""
        k = self.first_word(sentence)
        bound = self._binding_starting_at(k)
        if bound is not None and bound.end <= cue.start:
            return bound.person
        cluster = self.entities.at(k)
        if cluster is not None and cluster.type == "PERSON" and self.entities.end_of(k) <= cue.start:
            return cluster
        return None

    def _opening_pronoun(self, sentence: Sentence, cue: Cue) -> Cluster | None:
        """The person a pronoun opening the sentence refers to (``He visited ..., and said``)."""
        k = self.first_word(sentence)
        if k < cue.start and self.doc.lower[k] in self.rep.speaker_pronouns:
            return self.referents.salient_before(k)
        return None

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

    def _body_of_an_unnamed_title(self, start: int) -> bool:
        """The body named at ``start`` closes a post phrase (``the director-general of (the) X``)
        that no person was bound to: the speaker is an official the text does not name."""
        lower = self.doc.lower
        k = start - 1
        if k > 0 and lower[k] == "the":
            k -= 1
        if k < 1 or lower[k] != "of":
            return False
        return self.f.titles.post_ending_at(lower, k) is not None

    def first_word(self, sentence: Sentence) -> int:
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
        bound = self._binding_ending_at(j + 1) or self._binding_before_portfolio(j + 1, sentence)
        if bound is not None:
            start = (
                bound.start - 1
                if bound.start > sentence.start and lower[bound.start - 1] in self.rep.anaphor_determiners
                else bound.start
            )
            return Subject(bound.person, start)
        j = self._before_acronym(j, sentence)  # "The Central Bank of Iran (CBI) said"
        if j < sentence.start:
            return Subject(None, -1)
        cluster = entities.at(j)
        if cluster is not None:
            start = entities.start_of(j)
            if cluster.type == "ORG" and self.unnamed_official_before(start) is not None:
                named = self.referents.person_named_next(k)
                if named is not None:
                    return Subject(named, start)  # "an official with the PMO said. X, the PMO's ..."
            if cluster.type == "ORG" and self._body_of_an_unnamed_title(start):
                return Subject(None, -1)  # "the director-general of X said": an unnamed official
            if cluster.type in SPEAKER_TYPES:
                title = self._binding_ending_at(start)
                return Subject(cluster, title.start if title is not None else start)
            return Subject(None, start)
        if words[j] == ",":
            apposed = self._before_apposition(j, sentence)
            if apposed is not None:
                return apposed
            return Subject(None, -1)
        if lower[j] in self.rep.relative_pronouns and j - 1 > sentence.start and words[j - 1] == ",":
            antecedent = self._before_apposition(j - 1, sentence)  # "X, the CEO of Y, who told IRNA"
            if antecedent is not None:
                return antecedent
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
            return Subject(self.referents.last_org_speaker(j), j - 1)  # "the report added"
        return Subject(None, -1)

    def _binding_before_portfolio(self, end: int, sentence: Sentence) -> TitleBinding | None:
        """``the deputy industry minister for industrial affairs said``: the title before a
        lower-case portfolio that ends at ``end``."""
        words, lower = self.doc.words, self.doc.lower
        k = end - 1
        while k > sentence.start and end - k <= PORTFOLIO_WORDS and words[k].islower() and lower[k] != "for":
            k -= 1
        return self._binding_ending_at(k) if k < end - 1 and lower[k] == "for" else None

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
            antecedent = self._relative_clause_antecedent(start, sentence)
            if antecedent is not None:  # "X, who came along with Y, described": X
                return antecedent
            bound = self._binding_ending_at(start - 1) if start > 0 and doc.words[start - 1] == "," else None
            return Subject(named, bound.start if bound is not None else start)
        if named is not None and named.type == "ORG":
            aliased = self._alias_apposition(entities.start_of(comma - 1), sentence)
            if aliased is not None:
                return Subject(named, aliased)  # "The regulator, known locally as X, said"
        # An organisation before the apposition may itself close an apposition of the person who
        # speaks: "X, the managing director of Y, a subsidiary of Z, told", "X, the head of Y (YY),
        # which ..., said", "X, the head of Y, however, said". Each further step needs a comma
        # followed by a word that opens an apposition or an aside (not a verb, not a list of names).
        organisation: Subject | None = None
        budget = 18  # words of one apposition, not counting those inside names
        k = comma - 1
        in_titles = self._title_tokens()
        while k > max(sentence.start - 1, comma - 70):
            # inside a name or a title phrase: "Industry, Mining and Trade Minister" has commas too
            inside_name = entities.at(k) is not None or k in in_titles
            if not inside_name:
                budget -= 1
                if budget < 0:
                    return organisation
            if doc.words[k] in ".;\n" or doc.words[k] in OPEN_QUOTES:
                return organisation
            if doc.words[k] == "," and not inside_name and k > sentence.start:
                # "a branch of Z", "the head of Y", and a bare title: "X, director general of Y, ..."
                aside = doc.lower[k + 1] in self.rep.aside_openers or k + 1 in in_titles
                if organisation is not None and not aside:
                    return organisation
                j = self._before_acronym(k - 1, sentence) if aside else k - 1
                cluster = entities.at(j)
                if cluster is None and aside and organisation is None:
                    nominal = self._anaphor_ending_at(j, sentence)  # "The new chief, for his part, said"
                    if nominal is not None and nominal.speaker is not None:
                        return nominal
                if (
                    cluster is None
                    and organisation is None
                    and doc.lower[k + 1] in self.rep.relative_pronouns
                ):
                    k, budget = k - 1, 18  # "X, the deputy minister, who visited Y, said": read on to X
                    continue
                if cluster is not None and cluster.type in ("GPE", "LOC") and organisation is None:
                    # "X, who came from Sanandaj, the capital of Kurdistan province, said": a place's
                    # apposition or list inside the aside, never the speaker; each part its own words
                    k, budget = k - 1, 18
                    continue
                if cluster is None or cluster.type not in SPEAKER_TYPES:
                    return organisation
                if cluster.type == "PERSON":
                    return Subject(cluster, entities.start_of(j))
                organisation = organisation or Subject(cluster, entities.start_of(j))
                k, budget = entities.start_of(j) - 1, 18
                continue
            k -= 1
        return organisation

    def _relative_clause_antecedent(self, start: int, sentence: Sentence) -> Subject | None:
        """The person a relative clause that holds token ``start`` hangs on: ``X, who attended
        along with Y,`` (Y at ``start``) hangs on X."""
        doc, entities = self.doc, self.entities
        for k in range(start - 1, sentence.start, -1):
            if doc.words[k] in ".;" or doc.words[k] in OPEN_QUOTES:
                return None
            if doc.words[k] == "," and entities.at(k) is None:
                if doc.lower[k + 1] not in self.rep.relative_pronouns:
                    return None
                person = entities.at(k - 1)
                if person is None or person.type != "PERSON":
                    return None
                first = entities.start_of(k - 1)
                bound = self._binding_ending_at(first)
                return Subject(person, bound.start if bound is not None else first)
        return None

    def _alias_apposition(self, name: int, sentence: Sentence) -> int | None:
        """Where the subject starts when the name at ``name`` is apposed to it as another name
        (``The regulator, known locally as X,``), else None."""
        lower = self.doc.lower
        k = name - 1 if name > 0 and lower[name - 1] == "the" else name
        for cue in self.f.lexicon.things.alias_cues:
            start = k - len(cue)
            if (
                start - 1 > sentence.start
                and tuple(lower[start:k]) == cue
                and self.doc.words[start - 1] == ","
            ):
                determiner = start - 2
                while determiner > sentence.start and lower[determiner] not in self.rep.anaphor_determiners:
                    determiner -= 1
                return determiner if start - 1 - determiner <= 3 else None
        return None

    def unnamed_official_before(self, start: int) -> int | None:
        """``an official with the PMO``, ``a spokesman for the bank``: where the words of an unnamed
        person of the body named at ``start`` begin; None when no such words stand before it."""
        lower = self.doc.lower
        k = start
        if k > 0 and lower[k - 1] in self.rep.speaker_articles:
            k -= 1
        if (
            k < 2
            or lower[k - 1] not in self.rep.official_links
            or lower[k - 2] not in self.f.titles.title_nouns
        ):
            return None
        k -= 2
        return k - 1 if k > 0 and lower[k - 1] in self.rep.speaker_articles else k

    def _title_tokens(self) -> set[int]:
        """The tokens of the Doc's title phrases (computed once per Doc)."""
        if self._in_titles is None:
            self._in_titles = {m for binding in self.bindings for m in range(binding.start, binding.end)}
        return self._in_titles

    def _before_acronym(self, j: int, sentence: Sentence) -> int:
        """The word before an acronym in brackets that ends at token j (``Y (YY)``); else j."""
        words = self.doc.words
        if j - 2 >= sentence.start and words[j] == ")" and words[j - 2] == "(" and self.entities.at(j - 1):
            return j - 3
        return j

    def _anaphor_ending_at(self, j: int, sentence: Sentence) -> Subject | None:
        """``he``, ``the official``, ``the Iranian official``, ``a senior industry official``,
        ``the chamber chief``, ``the ministry``."""
        doc = self.doc
        lower = doc.lower
        if lower[j] in self.rep.speaker_pronouns:
            return Subject(self.referents.salient_before(j), j)
        owned = self._title_of_a_named_owner(j, sentence)
        if owned is not None:
            return owned
        for k in range(j - 1, max(sentence.start - 1, j - 7), -1):
            if lower[k] in (*self.rep.anaphor_determiners, "a", "an") and self.referents.nominal_end(k) == j:
                j = self.referents.nominal_head(k) or j
                noun = lower[j]
                if noun in self.f.titles.title_nouns:
                    return Subject(self.referents.nominal(noun, lower[k], k, j), k)
                if noun in self.f.lexicon.things.organisation_nouns and lower[k] not in ("a", "an"):
                    return Subject(self.referents.last_org(noun, before=k), k)
                return None
        return self._official_of_unnamed_body(j, sentence)

    def _title_of_a_named_owner(self, j: int, sentence: Sentence) -> Subject | None:
        """``Hormozgan's ports chief said``: a title noun after a place's or body's possessive and
        lower-case nouns; the person it names as ``the province's ports chief`` would."""
        doc, entities = self.doc, self.entities
        if doc.lower[j] not in self.f.titles.title_nouns:
            return None
        k = j - 1
        while k > sentence.start and doc.words[k].isalpha() and doc.words[k].islower() and j - k < 4:
            k -= 1
        owner = entities.at(k - 1) if doc.words[k] in POSSESSIVES and k > sentence.start else None
        if owner is None or owner.type not in ("GPE", "ORG"):
            return None
        start = entities.start_of(k - 1)
        return Subject(self.referents.nominal(doc.lower[j], "the", k - 1, j + 1), start)

    def _official_of_unnamed_body(self, j: int, sentence: Sentence) -> Subject | None:
        """``a spokesman for the power industry``: a title noun, a link and a lower-case noun
        phrase that ends at j; the person it names as ``a spokesman`` or ``the spokesman`` would."""
        doc = self.doc
        lower = doc.lower
        k = j
        while (
            k > sentence.start
            and j - k < UNNAMED_BODY_WORDS
            and doc.words[k].islower()
            and self.entities.at(k) is None
        ):
            if lower[k] in self.rep.official_links:
                break
            k -= 1
        if k == j or lower[k] not in self.rep.official_links or k - 2 < sentence.start:
            return None
        noun, determiner = lower[k - 1], lower[k - 2]
        if noun not in self.f.titles.title_nouns or determiner not in (
            *self.rep.anaphor_determiners,
            "a",
            "an",
        ):
            return None
        return Subject(self.referents.nominal(noun, determiner, k - 2, k - 1), k - 2)

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
        if doc.lower[k] in self.rep.speaker_articles and k + 1 < len(doc) and self.entities.at(k + 1):
            k += 1  # "according to the Central Bank of Iran"
        cluster = self.entities.at(k)
        if cluster is not None:
            end = self.entities.end_of(k)
            if cluster.type in ("GPE", "LOC") and end + 1 < len(doc) and doc.lower[end] in POSSESSIVES:
                return self._named_at(end + 1)  # "according to Iran's Trade Promotion Organization"
            return cluster if cluster.type in SPEAKER_TYPES else None
        lower = doc.lower
        if lower[k] in self.rep.speaker_pronouns or lower[k] in self.rep.object_pronouns:
            return self.referents.salient_before(k)
        if lower[k] in self.rep.reporting_nouns:  # "according to data released by X"
            return self._source_after(k)
        head = self.referents.nominal_head(k)
        if head is not None:
            noun = lower[head]
            if noun in self.f.titles.title_nouns:
                return self.referents.nominal(noun, lower[k], k, head)
            if noun in self.f.lexicon.things.organisation_nouns:
                return self.referents.last_org(noun, before=k)
            if noun in self.rep.reporting_nouns:
                source = self._named_after(head)
                if source is not None and source.type == "NEWS_AGENCY":
                    return None  # "according to a report by IRNA": a credit, not a statement
                return self._source_after(head) or self.referents.last_org_speaker(k)
        return None

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
                return self.referents.salient_before(k)
            anaphor = self._anaphor_ending_at(k, sentence)  # "the official was quoted as saying"
            if anaphor is not None and anaphor.speaker is not None:
                return anaphor.speaker
        return None

    def _main_clause_speaker(self, cue: Cue, sentence: Sentence) -> Cluster | None:
        """``Saying that ..., the official said``: the speaker of a later finite cue."""
        for k in range(cue.end, sentence.end):
            if self.doc.lower[k] in self.rep.verb_of and self.doc.lower[k] not in self.f.participles:
                later = self.cues.at(k)
                if later is not None and later.kind == "finite":
                    subject = self._subject_before(k, sentence)
                    return subject.speaker or self._named_at(later.end)
        return None
