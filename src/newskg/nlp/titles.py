"""Title phrases: ``ISIPO's Previous Head``, ``the deputy industry minister``, ``Head of ISIPO``.

A title phrase is a post word (head, CEO, director-general, minister, governor, ...: the
``posts`` of ``rules/titles.json``) with its modifiers (acting, former, deputy, vice, first ...),
the sector words of a minister (``industry, mining and trade minister``), and the body it belongs
to, written before it (``ISIPO Head``, ``Kerman's governor``, ``Iran's Minister of Industry``) or
after it (``Head of ISIPO``, ``spokesman for the Customs Administration``, ``governor of the Central
Bank``). Its role is normalised by the kind of body (``rules/titles.json``: the governor of a bank
is its head, of a province its governor; a country's vice president is its vice president, a
chamber's its deputy head). Roles and statements both read them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .facts import Cluster, Entities
from .gazetteers import Gazetteer
from .lexicon import Lexicon
from .text import POSSESSIVES, DocView

MANAGED_SITE_KINDS = ("place", "zone", "port")
"""Places that have a head as bodies do: free zones, ports, industrial estates named by their head word."""

PORTFOLIO_WORDS = 6
"""At most this many lower-case words in a portfolio after a title: ``for small industries affairs``."""


@dataclass(slots=True)
class TitlePhrase:
    start: int
    """Token offsets of the whole phrase, organisation included."""
    end: int
    title_start: int
    """Token offsets of the title as written (modifiers, sector words, post word and portfolio)."""
    title_end: int
    post_end: int
    """End of the post word itself (``Minister`` in ``Minister of Industry``)."""
    base: str
    """Base post: head, president, governor, minister, spokesman, secretary, member, other ..."""
    modifiers: tuple[str, ...]
    org: Cluster | None
    ministry: str | None = None
    """Canonical ministry named by sector words (``industry minister``), when no entity is written."""
    country_post: bool = False
    """A post of a state with no body written (``President X``, ``Vice President for Science``)."""

    def key(self, order: tuple[str, ...]) -> str:
        """``former acting deputy head``: the modifiers in the lexicon's order, then the base post."""
        mods = [m for m in order if m in self.modifiers]
        return " ".join([*mods, self.base])


def body_kind(org: Cluster | None, ministry: str | None) -> str | None:
    """What kind of body a post belongs to: organisation, ministry, province or country."""
    if ministry is not None:
        return "ministry"
    if org is None:
        return None
    if org.type in ("ORG", "NEWS_AGENCY"):
        return "ministry" if org.canonical.startswith("Ministry of") else "organisation"
    if org.type == "GPE" and org.kind in ("province", "country"):
        return org.kind
    if org.type == "LOC" and org.kind in MANAGED_SITE_KINDS:
        return "organisation"  # "the head of Aras Free Zone": a zone or port is run like a body
    return None


def role_of(phrase: TitlePhrase, lexicon: Lexicon) -> str | None:
    """The normalised role of a title phrase, or None when the annotation conventions give none."""
    kind = "country" if phrase.country_post and phrase.org is None else body_kind(phrase.org, phrase.ministry)
    if kind is None:
        return None
    table = lexicon.titles.roles.get(kind, {})
    key = phrase.key(lexicon.titles.modifier_order)
    if key in table:
        return table[key]
    if kind != "country" and key.startswith("first "):
        return table.get(key[len("first ") :])
    return None


class TitleFinder:
    """Finds title phrases in a Doc whose entities are settled."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.titles = lexicon.titles
        self.gazetteer = gazetteer
        self.own_province_adjectives = lexicon.things.own_province_adjectives

    def find(self, doc: DocView, entities: Entities) -> list[TitlePhrase]:
        """Every singular post word in the text, with its modifiers and body."""
        phrases: list[TitlePhrase] = []
        lower = doc.lower
        i = 0
        post_starts = self.titles.post_starts
        nouns = self.titles.modifier_nouns
        starts = sorted({*doc.positions(post_starts), *doc.positions(nouns)})
        for k in starts:
            if k < i:
                continue
            i = k
            base, word_end = self.titles.post_at(lower, i)
            if base is None and self._modifier_as_noun(doc, i):
                phrase = self._phrase(doc, entities, i, i + 1, nouns[lower[i]])
                if phrase is not None:
                    phrases.append(
                        replace(phrase, modifiers=(*phrase.modifiers, self.titles.modifiers[lower[i]]))
                    )
                i += 1
                continue
            if base is None or entities.at(i) is not None:
                i += 1
                continue
            if word_end < len(doc) and lower[word_end] in POSSESSIVES:
                i = word_end  # "the president's chief of staff": the post owns the title after it
                continue
            phrase = self._phrase(doc, entities, i, word_end, base)
            if phrase is not None:
                phrases.append(phrase)
            i = word_end
        return phrases

    def _phrase(
        self, doc: DocView, entities: Entities, i: int, word_end: int, base: str
    ) -> TitlePhrase | None:
        lower = doc.lower
        start, modifiers, sector = self._left_of(doc, entities, i, base)
        org, end = self._org_after(doc, entities, word_end)
        title_end = word_end
        phrase_start = start
        ministry = None
        country_post = False
        if base == "minister" and (org is None or org.type in ("GPE", "LOC")):
            ministry, tail = self._ministry(doc, entities, sector, word_end)
            if ministry is not None:
                org, end, title_end = None, max(end, tail), max(title_end, tail)
        if ministry is not None and self._capitalised_portfolio_at(doc, entities, end):
            title_end = end = self._portfolio_end(
                doc, entities, end + 1
            )  # "... Minister for Economic Diplomacy X"
        if org is None and ministry is None:
            before, before_start = self._org_before(doc, entities, start)
            if before is not None:
                org, phrase_start = before, before_start
                more_start, more, _ = self._left_of(doc, entities, phrase_start, base, post=lower[i])
                if more:  # "Former ISIPO head": modifiers before the organisation
                    modifiers = more + modifiers
                    phrase_start = more_start
        if (
            org is None
            and ministry is None
            and base == "governor"
            and ("general" in lower[start:word_end] or self._provincial_before(doc, start))
        ):
            # "..., the governor-general said", "the provincial governor X said": a provincial
            # title, of the province last named
            org = _last_province_named(entities, before=start)
            if org is not None and start > 0 and lower[start - 1] in self.own_province_adjectives:
                start = phrase_start = start - 1  # the adjective is part of the title as written
        if base == "governor" and org is not None and org.kind == "city":
            org = self._province_of_same_name(entities, org)  # "Hamedan's Governor-General"
        owned_by_a_noun = (
            start >= 2 and doc.words[start - 1] in POSSESSIVES and doc.words[start - 2].islower()
        )
        if (
            ministry is None
            and base in ("president", "head of state")
            and (org is None or org.kind == "country")
            and not owned_by_a_noun  # "the park's president": the park's head, not a head of state
        ):
            country_post = org is None
            portfolio = lower[word_end] == "for" or (lower[word_end] == "of" and org is None)
            if word_end + 1 < len(doc) and portfolio and doc.words[word_end + 1][:1].isupper():
                # "Vice President for Economic Affairs" (also after "Iran's"), "of Science and Technology"
                title_end = end = self._portfolio_end(doc, entities, word_end + 1)
        return TitlePhrase(
            phrase_start,
            max(end, title_end),
            start,
            title_end,
            word_end,
            base,
            tuple(modifiers),
            org,
            ministry,
            country_post,
        )

    def _province_of_same_name(self, entities: Entities, city: Cluster) -> Cluster:
        """A governor of a provincial capital named like its province (``Hamedan's governor``,
        the dateline's ``HAMEDAN``) governs the province."""
        place = self.gazetteer.place(city.canonical)
        province = self.gazetteer.place(place.container) if place and place.container else None
        if (
            province is None
            or province.kind != "province"
            or not province.canonical.startswith(city.canonical)
        ):
            return city
        named = next((c for c in entities.clusters if c.canonical == province.canonical), None)
        return named or Cluster(province.canonical, "GPE", [], kind="province")

    def _provincial_before(self, doc: DocView, start: int) -> bool:
        """``the provincial governor``: an adjective before the title that makes it the province's."""
        k = start if doc.lower[start] in self.own_province_adjectives else start - 1
        return k >= 0 and doc.lower[k] in self.own_province_adjectives

    @staticmethod
    def _capitalised_portfolio_at(doc: DocView, entities: Entities, k: int) -> bool:
        """``for Economic Diplomacy`` at token k: a capitalised portfolio that names no entity."""
        return (
            k + 1 < len(doc)
            and doc.lower[k] == "for"
            and doc.words[k + 1][:1].isupper()
            and entities.at(k + 1) is None
        )

    def _portfolio_end(self, doc: DocView, entities: Entities, k: int) -> int:
        """``Vice President for Science and Technology``: the capitalised words of the portfolio."""
        words, lower = doc.words, doc.lower
        n = len(words)
        while (
            k < n
            and entities.at(k) is None
            and (
                words[k][:1].isupper()
                or (
                    lower[k] in ("and", ",")
                    and k + 1 < n
                    and words[k + 1][:1].isupper()
                    and entities.at(k + 1) is None
                )
            )
        ):
            k += 1
        return k

    def _ministry(
        self, doc: DocView, entities: Entities, sector: str, word_end: int
    ) -> tuple[str | None, int]:
        """The ministry a minister's title names: by sector words (``industry minister``) or an
        ``of`` tail (``Minister of Industry, Mine and Trade``); and where the phrase ends."""
        if sector:
            found = self.gazetteer.ministry_for(sector)
            if found is not None:
                return found.canonical, word_end
        if word_end + 1 < len(doc) and doc.lower[word_end] in ("of", "for"):
            tail = self._capitalised_run(doc, entities, word_end + 1)
            if tail == word_end + 1:
                tail = self._sector_run(doc, word_end + 1)  # "the minister of industry, mining and trade"
            found = (
                self.gazetteer.ministry_for(doc.span_text(word_end + 1, tail))
                if tail > word_end + 1
                else None
            )
            if found is not None:
                return found.canonical, tail
        return None, word_end

    def _modifier_as_noun(self, doc: DocView, i: int) -> bool:
        """``the deputy for economic affairs at X``, ``a deputy at X``: a modifier with no post word
        after it, before the preposition of a portfolio or a body."""
        lower = doc.lower
        return (
            lower[i] in self.titles.modifier_nouns
            and i + 1 < len(doc)
            and lower[i + 1] in ("for", "at", "of")
            and (i == 0 or lower[i - 1] not in self.titles.modifiers)
        )

    def _left_of(
        self, doc: DocView, entities: Entities, i: int, base: str, *, post: str | None = None
    ) -> tuple[int, list[str], str]:
        """Modifiers and a minister's sector words written before token i."""
        words, lowers = doc.words, doc.lower
        start = i
        modifiers: list[str] = []
        sector_tokens: list[str] = []
        j = i - 1
        while j >= 0 and entities.at(j) is None:
            lower = lowers[j]
            if lower in self.titles.modifiers:
                if self.titles.modifiers[lower]:
                    modifiers.insert(0, self.titles.modifiers[lower])
                start = j
            elif lower == "-" and j > 0 and lowers[j - 1] in self.titles.modifiers:
                pass
            elif base == "minister" and (
                lower in (",", "and") or self.gazetteer.ministry_for(lower) is not None
            ):
                sector_tokens.insert(0, words[j])
                if lower not in (",", "and"):
                    start = j
            else:
                break
            j -= 1
        sector = " ".join(sector_tokens).strip(" ,")
        return start, modifiers, sector

    def _over_board(self, lower: list[str], end: int) -> int:
        """``of the board of directors of X``: the ``of`` before X when a board stands between."""
        j = end + 1
        if j < len(lower) and lower[j] == "the":
            j += 1
        for board in self.titles.boards:
            after = j + len(board)
            if tuple(lower[j:after]) == board and after < len(lower) and lower[after] == "of":
                return after
        return end

    def _org_after(self, doc: DocView, entities: Entities, end: int) -> tuple[Cluster | None, int]:
        """``Head of ISIPO``, ``deputy head of Kerman's Department``, ``spokesman for the X``."""
        words, lower = doc.words, doc.lower
        n = len(words)
        if end >= n or lower[end] not in self.titles.body_prepositions:
            return None, end
        if lower[end] == "for":  # "deputy head for economic affairs at X": a portfolio, then the body
            j = end + 1
            while (
                j < min(n, end + 1 + PORTFOLIO_WORDS) and words[j].islower() and lower[j] not in ("at", "of")
            ):
                j += 1
            if j > end + 1 and j < n and lower[j] in ("at", "of"):
                org, org_end = self._org_after(doc, entities, j)
                if org is not None:
                    return org, org_end
        end = self._over_board(lower, end)  # "chairman of the board of directors of X": a post of X
        if (
            end + 2 < n
            and lower[end + 1] == "the"
            and lower[end + 2] in self.lexicon.things.organisation_nouns
        ):
            owned = entities.at(end + 4) if end + 4 < n and words[end + 3] in POSSESSIVES else None
            if owned is not None and owned.type in ("ORG", "NEWS_AGENCY"):
                # "director-general of the ministry's Office of Metallic Industries": the office
                return owned, self._after_cluster(doc, entities, end + 4, owned)
            earlier = _last_org_named(entities, lower[end + 2], before=end)
            if earlier is not None:  # "the head of the organization": the organisation last named
                return earlier, end + 3
        if (
            end + 2 < n
            and lower[end + 1] == "the"
            and lower[end + 2] == "province"
            and not (end + 3 < n and words[end + 3] in POSSESSIVES)  # "head of the province's X Park"
        ):
            province = _last_province_named(entities, before=end)
            if province is not None:  # "the governor-general of the province": the province last named
                return province, end + 3
        j = end + 1
        while j < n and (
            lower[j] == "the"
            or (
                (words[j].islower() or _adjective_before_noun(words, entities, j))
                and j < end + 4
                and entities.at(j) is None
                and lower[j] not in self.lexicon.things.name_connectors
                and lower[j] not in self.titles.body_prepositions
                and lower[j] not in (",", "as", "to")
            )
        ):
            j += 1
        if j >= n:
            return None, end
        cluster = entities.at(j)
        if cluster is None or cluster.type in ("PERSON", "MOTTO", "EVENT", "PROGRAM"):
            return None, end
        k = self._after_cluster(doc, entities, j, cluster)
        if k < n and words[k] in POSSESSIVES:
            owned = entities.at(k + 1) if k + 1 < n else None
            if owned is not None and owned.type in ("ORG", "NEWS_AGENCY"):
                return owned, self._after_cluster(doc, entities, k + 1, owned)
        if cluster.type in ("GPE", "LOC") and lower[end] == "in":
            return None, end
        return cluster, k

    @staticmethod
    def _after_cluster(doc: DocView, entities: Entities, j: int, cluster: Cluster) -> int:
        """End of the mention starting at j, with a bracketed acronym of it: ``X (XO)``."""
        words = doc.words
        n = len(words)
        k = entities.end_of(j)
        if k + 2 < n and words[k] == "(" and entities.at(k + 1) is cluster and words[k + 2] == ")":
            k += 3
        return k

    def _org_before(self, doc: DocView, entities: Entities, start: int) -> tuple[Cluster | None, int]:
        """``ISIPO Head``, ``ISIPO's Previous Head``, ``Sistan-Baluchestan Governor``, ``the bank's CEO``
        (the bank last named)."""
        j = start - 1
        if j >= 2 and doc.words[j] == ")" and doc.words[j - 2] == "(":
            j -= 3  # "The Iran Minerals Production Company (IMPC) CEO"
            start = j + 1
        if j >= 0 and doc.lower[j] == "its":  # "Mobarakeh Steel ... plans ..., its CEO X said"
            earlier = _last_org_in_sentence(doc, entities, before=j)
            return (earlier, j) if earlier is not None else (None, start)
        possessive = j >= 0 and doc.words[j] in POSSESSIVES
        if possessive:
            j -= 1
        if j < 0:
            return None, start
        things = self.lexicon.things
        if possessive and j > 0 and doc.lower[j - 1] == "the" and doc.lower[j] == "province":
            province = _last_province_named(entities, before=j)
            return (province, j - 1) if province is not None else (None, start)  # "the province's governor"
        if possessive and j > 0 and doc.lower[j - 1] == "the":
            noun = doc.lower[j]  # "the bank's CEO", "the airline's CEO": the one named last
            heads = things.kind_nouns.get(
                noun, frozenset({noun}) if noun in things.organisation_nouns else None
            )
            if heads is not None:
                earlier = _last_org_named(entities, heads, before=j)
                return (earlier, j - 1) if earlier is not None else (None, start)
        cluster = entities.at(j)
        if cluster is None or cluster.type in ("PERSON", "MOTTO", "EVENT", "PROGRAM"):
            return None, start
        return cluster, entities.start_of(j)

    def _sector_run(self, doc: DocView, i: int) -> int:
        """End of the lower-case sector words of a ministry from i (``of industry, mining and
        trade``), or i when there are none."""
        lower = doc.lower
        j = i
        while j < len(doc) and (
            (doc.words[j].islower() and self.gazetteer.ministry_for(lower[j]) is not None)
            or (j > i and lower[j] in ("and", ",") and j + 1 < len(doc) and doc.words[j + 1].islower())
        ):
            j += 1
        while j > i and lower[j - 1] in ("and", ","):
            j -= 1
        return j

    def _capitalised_run(self, doc: DocView, entities: Entities, i: int) -> int:
        """End of the capitalised words from i (with list commas and 'and'), stopping at a post word
        or a named entity (``Minister of Industry, Mine and Trade Reza Fatemi Amin``)."""
        words, lower = doc.words, doc.lower
        n = len(words)
        j = i
        while j < n and (
            words[j][:1].isupper() or (lower[j] in ("and", ",") and j + 1 < n and words[j + 1][:1].isupper())
        ):
            if (
                lower[j] in self.titles.post_starts
                or lower[j] in self.titles.modifiers
                or entities.at(j) is not None
            ):
                break
            if j > i and self.gazetteer.ministry_for(lower[j]) is None and lower[j] not in ("and", ","):
                break
            j += 1
        while j > i and lower[j - 1] in ("and", ","):
            j -= 1
        return j


def _last_org_named(entities: Entities, nouns: str | frozenset[str], *, before: int) -> Cluster | None:
    """The organisation named last before token ``before`` whose name has ``nouns`` (or one of
    them) as a word."""
    wanted = frozenset({nouns}) if isinstance(nouns, str) else nouns
    return entities.last_named(wanted, before=before, types=("ORG", "NEWS_AGENCY"))


def _last_province_named(entities: Entities, *, before: int) -> Cluster | None:
    """The province named last before token ``before``: what ``the province`` means."""
    return entities.last_named(frozenset({"province"}), before=before, types=("GPE",))


def _last_org_in_sentence(doc: DocView, entities: Entities, *, before: int) -> Cluster | None:
    """The organisation named last in the sentence of token ``before``, before it: what ``its`` means;
    for ``Its`` opening a sentence, the one named last in the sentence before."""
    first = doc.sentence(before).start
    if before == first and first > 0:
        first = doc.sentence(first - 1).start  # "... the Auto Parts Makers Association. Its secretary, X"
    for k in range(before - 1, first - 1, -1):
        cluster = entities.at(k)
        if cluster is not None and cluster.type == "ORG":
            return cluster
    return None


def _adjective_before_noun(words: list[str], entities: Entities, j: int) -> bool:
    """``Turkish`` in ``chairman of Turkish hotel chain X``: a capitalised word that names nothing,
    before a lower-case word."""
    return entities.at(j) is None and j + 1 < len(words) and words[j + 1].islower() and words[j][:1].isupper()
