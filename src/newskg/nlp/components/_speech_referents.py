"""Who a pronoun or a nominal refers to: ``he``, ``the official``, ``a senior official``, ``the
minister``, ``the zone's head``, ``the ministry``, ``the report``.

Why a module of its own: the referent depends on the article so far, not on the sentence: the last
person who spoke or opened a sentence, the next person named, the person last bound to a post,
the organisation last named or quoted. This module keeps that state over one Doc, and the speaker
rules (``_speakers``) ask it.
"""

from __future__ import annotations

from bisect import insort
from typing import TYPE_CHECKING

from ..facts import Cluster, Entities, TitleBinding
from ..text import POSSESSIVES, DocView, in_regions
from ._speech_cues import QUOTES

if TYPE_CHECKING:
    from .statements import StatementFinder


TITLE_CONNECTORS = frozenset({"of", "for", "and", ",", "-"})
"""Words inside a title before a name: ``Minister of Cultural Heritage, Tourism and Handicrafts``."""


class Referents:
    """Who is salient in one Doc, and whom a pronoun or a nominal names."""

    def __init__(
        self,
        finder: StatementFinder,
        doc: DocView,
        entities: Entities,
        bindings: list[TitleBinding],
        quotes: list[tuple[int, int]],
    ) -> None:
        self.f = finder
        self.rep = finder.reporting
        self.english = finder.english
        self.doc = doc
        self.entities = entities
        self.bindings = bindings
        self.person_starts = sorted(
            s.start
            for c in entities.clusters
            if c.type == "PERSON"
            for s in c.spans
            if not in_regions(s.start_char, quotes)
        )
        self.org_speakers: list[Cluster] = []
        self.salient: list[tuple[int, Cluster]] = []
        """(token, person) each time a person spoke or opened a sentence, in text order."""
        for start in self.person_starts:
            if self._opens_sentence(start):
                cluster = entities.at(start)
                if cluster is not None:
                    self.salient.append((start, cluster))

    def _opens_sentence(self, start: int) -> bool:
        """Whether the person at ``start`` is the sentence's subject: nothing but quote marks, a
        sentence adverb (``But``, ``Meanwhile,``) and a title (``Deputy Energy Minister for Water
        Affairs``) before the name."""
        words, lower = self.doc.words, self.doc.lower
        sentence = self.doc.sentence(start)
        k = sentence.start
        while k < start and not words[k].strip():
            k += 1
        if k < start and words[k] in QUOTES:
            closing = [j for j in range(k + 1, start) if words[j] in QUOTES]
            if closing and words[closing[-1] + 1 : start] in ([], [","]):
                return True  # '"Last year, 276 contracts were signed," X, the company's head, said'
        while k < start and (not words[k].strip() or words[k] in QUOTES):
            k += 1
        if k < start and lower[k].endswith("ing") and "," in words[k:start]:
            k = words.index(",", k, start) + 1  # "Speaking to reporters, X said": a participle's phrase
        elif k < start and words[k] in self.f.lexicon.people.never_in_names:
            k += 2 if k + 1 < start and words[k + 1] == "," else 1
        if k == start:
            return True
        titles = self.f.titles
        has_post = False
        for j in range(k, start):
            if lower[j] in titles.post_starts:
                has_post = True
            elif not (words[j][:1].isupper() or lower[j] in TITLE_CONNECTORS):
                return False
        return has_post

    def spoke(self, k: int, speaker: Cluster) -> None:
        """A speaker was found at token k: a person becomes salient, an organisation a source."""
        if speaker.type == "ORG":
            self.org_speakers.append(speaker)
        if speaker.type == "PERSON":
            insort(self.salient, (k, speaker), key=lambda item: item[0])  # after those at k already

    def nominal(self, noun: str, determiner: str, start: int, end: int) -> Cluster | None:
        """``a senior official`` names the next person; ``the minister`` the person last bound to
        that post; ``the official`` the salient person. A title of a body written in the phrase
        (``the zone's head``, ``the company CEO``) names only a person known to hold it."""
        lower = self.doc.lower
        modifiers = self.f.titles.modifiers
        former = any(modifiers.get(w) == "former" for w in lower[start + 1 : end])
        if any(w in POSSESSIVES for w in lower[start + 1 : end]):
            nouns = [w for w in lower[start + 1 : end] if w.isalpha()]
            named = self.person_named_next(start)  # "..., the zone's chief executive said. X told ..."
            if named is not None and not self._may_hold(named, noun, start):
                named = None  # "Iran's oil minister said. X, director general of Y, told ..."
            return self._title_holder(noun, before=start, owner_nouns=nouns, former=former) or named
        if determiner in ("a", "an"):
            return self._next_person(end) or self.salient_before(start)
        return self._title_holder(noun, before=start, former=former) or self.salient_before(start)

    def last_org_speaker(self, k: int) -> Cluster | None:
        """``the report added``: the organisation last quoted as a source."""
        return self.org_speakers[-1] if self.org_speakers else None

    def salient_before(self, k: int) -> Cluster | None:
        """The person a pronoun refers to: the last who spoke or opened a sentence; else the last named."""
        before = [person for start, person in self.salient if start < k]
        if before:
            return before[-1]
        named = [s for s in self.person_starts if s < k]
        return self.entities.at(named[-1]) if named else None

    def person_named_next(self, k: int) -> Cluster | None:
        """The person who opens the sentence after the one token k is in: whom a lede's unnamed
        official (``an official with the PMO said. X, the PMO's deputy head, ...``) turns out to be."""
        sentence = self.doc.sentence(k)
        after = [s for s in self.person_starts if s >= sentence.end]
        if not after or self.doc.sentence(after[0]).start != self.doc.sentence(sentence.end).start:
            return None
        return self.entities.at(after[0]) if self._opens_sentence(after[0]) else None

    def _may_hold(self, person: Cluster, noun: str, k: int) -> bool:
        """Whether no title in the next sentence gives ``person`` a post other than ``noun``'s."""
        base = self.f.titles.posts.get((noun,))
        sentence = self.doc.sentence(self.doc.sentence(k).end)
        posts = [
            b.role for b in self.bindings if b.person is person and sentence.start <= b.start < sentence.end
        ]
        if base is None or base in ("official", "other") or not posts:
            return True  # "the chief executive": a title that names no post of its own
        return any(role.endswith(base) or role.endswith(noun) for role in posts)

    def _next_person(self, k: int) -> Cluster | None:
        after = [s for s in self.person_starts if s > k]
        return self.entities.at(after[0]) if after else None

    def _title_holder(
        self, noun: str, *, before: int, owner_nouns: list[str] | None = None, former: bool = False
    ) -> Cluster | None:
        """``the minister``: the person last bound, before token ``before``, to a title with that post
        word (and, for ``the bank's CEO``, of a body whose name has one of the owner's words); one
        who held it before only for ``the former minister``, not for ``the new Tavanir chief``."""
        titles = self.f.titles
        base = titles.posts.get((noun,))
        if base is None or base in ("official", "other"):
            return None
        for binding in reversed(self.bindings):
            if binding.start >= before or not (binding.role.endswith(base) or binding.role.endswith(noun)):
                continue
            if binding.role.startswith("former") != former:
                continue
            if owner_nouns is not None:
                name = binding.org.canonical.lower().split() if binding.org is not None else []
                if not any(w in name for w in owner_nouns):
                    continue
            return binding.person
        return None

    def last_org(self, noun: str, *, before: int) -> Cluster | None:
        """``the bank``, ``the bourse``: the organisation named last whose name has the noun, or a
        head word of its kind (``Exchange`` for ``bourse``)."""
        heads = self.f.lexicon.things.kind_nouns.get(noun, frozenset()) | {noun}
        return self.entities.last_named(heads, before=before, types=("ORG",))

    def nominal_end(self, k: int) -> int | None:
        """The last head word of the noun phrase at k (``department`` in ``the bank's department``)."""
        found = self._nominal_scan(k)
        return found[1] if found is not None else None

    def nominal_head(self, k: int) -> int | None:
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
        if lower[k] not in self.f.nominal_determiners:
            return None
        heads = self.f.nominal_heads
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
            named = self.entities.at(j)
            inside = (
                word in self.rep.anaphor_adjectives
                or (named is not None and named.type != "PERSON")
                or (
                    named is None and doc.words[j][:1].isupper() and word.isalpha()
                )  # "the new Tavanir chief"
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
        if (
            owner is not None
            and lower[owner] in organisation_nouns
            and (lower[head] in organisation_nouns or lower[head] in self.rep.reporting_nouns)
        ):
            return owner, head  # "the bank's public relations department announced", "the company's report"
        return head, head

    def _is_agency(self, k: int) -> bool:
        cluster = self.entities.at(k)
        return cluster is not None and cluster.type == "NEWS_AGENCY"
