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

The jobs are private modules beside this one: ``_speech_cues`` finds the cues, ``_speakers`` their
speakers (with ``_speech_referents`` for pronouns and nominals), ``_reported_content`` what was
said; this module runs them over a Doc, one statement per cue.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Cluster, Entities, StatementFact, TitleBinding
from ..lexicon import Lexicon, load_lexicon
from ..text import DocView, in_regions, quoted_regions
from ..vocabulary import EnglishWords, load_english_words
from ._reported_content import ReportedContent
from ._speakers import SPEAKER_TYPES, Speakers
from ._speech_cues import Cues
from ._speech_referents import Referents


class StatementFinder:
    """Finds reporting cues and resolves their speakers and contents."""

    def __init__(self, lexicon: Lexicon, english: EnglishWords) -> None:
        self.lexicon = lexicon
        self.reporting = lexicon.reporting
        self.titles = lexicon.titles
        self.participles = {form for form in self.reporting.verb_of if form.endswith("ing")}
        self.organisation_nouns = frozenset(lexicon.things.organisation_nouns_lower)
        self.english = english
        self.nominal_heads = (
            self.titles.title_nouns | lexicon.things.organisation_nouns | self.reporting.reporting_nouns
        )
        """The head nouns of a nominal speaker (``the official``, ``the ministry``, ``the report``)."""
        self.nominal_determiners = frozenset((*self.reporting.anaphor_determiners, "a", "an"))
        """The words a nominal speaker starts with (``the``, ``this``, ``a``)."""

    def __call__(self, doc: Doc) -> Doc:
        view = ext.view_of(doc)
        entities: Entities = ext.get(doc, ext.ENTITIES)
        bindings: list[TitleBinding] = ext.get(doc, ext.TITLES)
        ext.put(doc, ext.STATEMENTS, _Reader(self, view, entities, bindings).statements())
        return doc


class _Reader:
    """One pass over one Doc: its cues, their speakers (keeping track of who is salient) and contents."""

    def __init__(
        self, finder: StatementFinder, doc: DocView, entities: Entities, bindings: list[TitleBinding]
    ) -> None:
        self.rep = finder.reporting
        self.doc = doc
        self.quotes = quoted_regions(doc.text)
        self.cues = Cues(finder, doc, entities)
        self.referents = Referents(finder, doc, entities, bindings, self.quotes)
        self.speakers = Speakers(finder, doc, entities, bindings, self.cues, self.referents)
        self.content = ReportedContent(finder, doc, entities, self.cues, self.speakers)

    def statements(self) -> list[StatementFact]:
        doc = self.doc
        found: list[StatementFact] = []
        sentence_speaker: dict[int, Cluster] = {}
        i = 0
        for k in self.cues.positions():
            if k < i:
                continue
            cue = self.cues.at(k)
            if cue is None or in_regions(doc.starts[k], self.quotes):
                continue
            i = cue.end
            sentence = doc.sentence(k)
            subject = self.speakers.speaker(cue, sentence, sentence_speaker.get(sentence.start))
            if subject.speaker is None or subject.speaker.type not in SPEAKER_TYPES:
                continue
            content = self.content.of(cue, subject, sentence)
            if cue.lemma in self.rep.referring_cues and found and found[-1].speaker is subject.speaker:
                content = found[-1].content  # "X said ... . X made the remarks at a meeting": those remarks
            elif (
                cue.kind == "according"
                and sentence.start > 0
                and self.cues.phrase_name(cue.start) in self.rep.referring_cues
            ):
                content = self.content.previous_sentence(sentence)  # "... rose. The remark was made by X"
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
            self.referents.spoke(k, subject.speaker)
        return found


@Language.factory(
    "newskg_statements",
    requires=[ext.attr(ext.ENTITIES), ext.attr(ext.TITLES)],
    assigns=[ext.attr(ext.STATEMENTS)],
)
def make_statements(nlp: Language, name: str) -> StatementFinder:
    return StatementFinder(load_lexicon(), load_english_words())
