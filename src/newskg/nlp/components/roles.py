"""``newskg_roles``: who holds which post in which organisation.

A title phrase (see ``newskg.nlp.titles``) names a person when the name follows it (``ISIPO Head
Mohsen Salehinia``), when it is an apposition to the name (``Alireza Rahman-Nejad, the deputy head
of ...``), or, when the phrase is the subject of a speech verb without a name (``The acting head of
ISIPO announced ...``), the next person named within two sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteers import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..state import Cluster, DocState, RoleFact, state_of
from ..text import DocView
from ..titles import TitlePhrase, find_title_phrases

APPOSITION_WORDS = {"the", "who", "is", "was", "also", "a", "an", "currently", "now", "as", "and"}


class RoleFinder:
    """Binds title phrases to people and records the posts."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.adverbs = lexicon.cue_adverbs | {"as"}  # "quoting X as saying"
        self.gazetteer = gazetteer
        self.speech_first_words = {cue.split()[0] for cue in lexicon.speech_verbs} | {"saying"}

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        self._run(state.view_of(doc), state)
        return doc

    def _run(self, doc: DocView, state: DocState) -> None:
        ministries = {c.canonical: c for c in state.clusters if c.type == "ORG"}
        phrases = find_title_phrases(doc, state, self.lexicon, self.gazetteer)
        found: dict[int, tuple[Cluster | None, str]] = {}
        named = [(p, self._named_person(doc, state, p)) for p in phrases]
        # Right to left, so "Deputy Minister of X and Chief Executive of Y said" gives both phrases
        # the person of the second.
        for index in range(len(phrases) - 1, -1, -1):
            phrase = phrases[index]
            person, rule = named[index][1]
            if person is None and self._is_subject(doc, phrase):
                person, rule = self._earlier_holder(phrase, named[:index])
                if person is None:
                    person, rule = self._next_person(doc, state, phrase.end), "title_subject_then_name"
            following = phrases[index + 1] if index + 1 < len(phrases) else None
            if (
                person is None
                and following is not None
                and following.start == phrase.end + 1
                and doc.lower[phrase.end] == "and"
            ):
                person, rule = found[index + 1]
            found[index] = (person, rule)
        for index, phrase in enumerate(phrases):
            person, rule = found[index]
            if person is None:
                continue
            state.title_bindings[(phrase.start, phrase.end)] = person
            org = phrase.org or (ministries.get(phrase.ministry) if phrase.ministry else None)
            if org is None and phrase.ministry:
                org = Cluster(phrase.ministry, "ORG", [], rules=["ministry_table"])
            if org is None:
                continue
            title = doc.span_text(phrase.title_start, phrase.title_end)
            role = phrase.role
            if org.type in ("ORG", "NEWS_AGENCY") and role.endswith("governor"):
                role = role[: -len("governor")] + "head"  # the governor of a bank heads it
            start = doc.starts[phrase.start]
            end = doc.ends[phrase.end - 1]
            near = min(person.spans, key=lambda s: abs(s.start - phrase.start))
            if doc.sentence(near.start).start == doc.sentence(phrase.start).start:
                start, end = min(start, near.start_char), max(end, near.end_char)
            state.roles.append(RoleFact(person, role, org, title, start, end, rule=rule))
        return

    @staticmethod
    def _earlier_holder(
        phrase: TitlePhrase, earlier: list[tuple[TitlePhrase, tuple[Cluster | None, str]]]
    ) -> tuple[Cluster | None, str]:
        """``the ISIPO head said``: the person an earlier phrase named with the same post."""
        for other, (person, _) in reversed(earlier):
            if (
                person is not None
                and other.role == phrase.role
                and other.org is phrase.org
                and other.ministry == phrase.ministry
            ):
                return person, "title_subject_earlier_name"
        return None, ""

    def _named_person(self, doc: DocView, state: DocState, phrase: TitlePhrase) -> tuple[Cluster | None, str]:
        """The person a title phrase names in writing, and the rule that says so."""
        after = state.cluster_at(phrase.end) if phrase.end < len(doc) else None
        if after is not None and after.type == "PERSON":
            return after, "title_before_name"
        if phrase.end + 1 < len(doc) and doc.words[phrase.end] == ",":
            apposed = state.cluster_at(phrase.end + 1)
            if apposed is not None and apposed.type == "PERSON":
                return apposed, "title_then_apposed_name"
        person = self._apposition(doc, state, phrase)
        if person is not None:
            return person, "apposition"
        return None, ""

    def _apposition(self, doc: DocView, state: DocState, phrase: TitlePhrase) -> Cluster | None:
        j = phrase.start - 1
        while j >= 0 and doc.lower[j] in APPOSITION_WORDS:
            j -= 1
        if j < 1 or doc.words[j] != ",":
            return None
        cluster = state.cluster_at(j - 1)
        return cluster if cluster is not None and cluster.type == "PERSON" else None

    def _is_subject(self, doc: DocView, phrase: TitlePhrase) -> bool:
        lower = doc.lower
        j = phrase.end
        while j < len(lower) and lower[j] in self.adverbs:
            j += 1
        if j < len(lower) and lower[j] in self.speech_first_words:
            return True
        return phrase.start > 0 and lower[phrase.start - 1] == "quoting"

    @staticmethod
    def _next_person(doc: DocView, state: DocState, after: int) -> Cluster | None:
        sentence_ends = 0
        for k in range(after, len(doc)):
            if doc.sent_starts[k] and k > after:
                sentence_ends += 1
                if sentence_ends > 2:
                    return None
            cluster = state.cluster_at(k)
            if cluster is not None and cluster.type == "PERSON":
                return cluster
        return None


@Language.factory("newskg_roles", assigns=["doc._.newskg"], requires=["doc.ents"])
def make_roles(nlp: Language, name: str) -> RoleFinder:
    return RoleFinder(load_lexicon(), load_gazetteer())
