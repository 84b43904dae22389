"""Names with no head word that their context makes a place, an organisation or a programme.

``South Pars gas field`` (a lower-case place noun after it), ``Iran Khodro company`` (a lower-case
organisation noun), ``Zarin Auto, the country's second carmaker`` (an apposed organisation noun),
``the Mehr Housing scheme`` (a programme noun), ``managing director of Saipa`` (a post before it).
Why a module of its own: these rules read the words around a capitalised run, not the run itself,
and they give way to every name the gazetteer knows and rank below the names built on head
words.
"""

from __future__ import annotations

from .. import extensions as ext
from ..facts import Candidate
from ..gazetteers import GPE_KINDS, Gazetteer
from ..lexicon import Lexicon
from ..text import CLOSE_QUOTES, OPEN_QUOTES, POSSESSIVES, YEAR, DocView, clean_name, is_capitalised
from ..vocabulary import EnglishWords
from ._name_words import NameWords

APPOSITION_WORDS = 6
"""At most this many words between the article and the noun of an apposition: ``the country's two major``."""


class ContextNames:
    """Finds names by the nouns and posts around them."""

    def __init__(
        self, lexicon: Lexicon, gazetteer: Gazetteer, english: EnglishWords, name_words: NameWords
    ) -> None:
        self.lexicon = lexicon
        self.things = lexicon.things
        self.gazetteer = gazetteer
        self.english = english
        self.name_words = name_words
        things = lexicon.things
        self.place_noun_starts = {phrase[0] for phrase in things.place_heads_lower}
        self.org_noun_starts = {phrase[0] for phrase in things.organisation_nouns_lower}
        self.town_plurals = frozenset(
            noun[:-1] + "ies" if noun.endswith("y") else noun + "s" for noun in things.town_nouns
        )
        self.org_single_nouns = {phrase[0] for phrase in things.organisation_nouns_lower if len(phrase) == 1}
        self.org_noun_forms = self.org_single_nouns | {noun + "s" for noun in self.org_single_nouns}

    def lower_place_heads(self, doc: DocView, places: list[Candidate]) -> None:
        """``South Pars gas field``: a capitalised name before a lower-case place noun is a place."""
        lower, words = doc.lower, doc.words
        firsts = self.place_noun_starts
        for k in [k for k in doc.positions(firsts) if k > 0]:
            for phrase in self.things.place_heads_lower:
                size = len(phrase)
                if tuple(lower[k : k + size]) != phrase or not words[k].islower():
                    continue
                start = k
                while (
                    start > 0
                    and is_capitalised(words[start - 1])
                    and not self.name_words.stops_left(doc, start - 1)
                ):
                    start -= 1
                while start < k and self.name_words.is_nationality(words[start]):
                    start += 1  # "the Pakistani port city of Gwadar": an adjective, no name
                if start < k and self._names_the_town_after(doc, k + size):
                    self._region_as_modifier(doc, start, k, places)
                elif start < k and not self.gazetteer.places_named(doc.span_text(start, k)):
                    name = clean_name(doc.span_text(start, k))
                    # "Shahid Rajaee port" is the known "Shahid Rajaee Port"
                    known = self.gazetteer.places_named(f"{name} {' '.join(w.capitalize() for w in phrase)}")
                    kind = known[0].kind if known else "place"
                    places.append(
                        Candidate(
                            start,
                            k,
                            "GPE" if kind in GPE_KINDS else "LOC",
                            "place_before_place_noun",
                            priority=55,
                            canonical=known[0].canonical if known else name,
                            kind=kind,
                        )
                    )
                break

    def _names_the_town_after(self, doc: DocView, k: int) -> bool:
        """``the Caspian port of Anzali``: a place noun followed by ``of`` and a town is named by
        that town, so the capitalised words before the noun only describe it (where ``Rafsanjan
        county of Kerman`` names the county before ``of`` and its province after)."""
        if k + 1 >= len(doc) or doc.lower[k] != "of" or not is_capitalised(doc.words[k + 1]):
            return False
        return any(place.kind == "city" for place in self.gazetteer.places_named(doc.words[k + 1]))

    def _region_as_modifier(self, doc: DocView, start: int, end: int, places: list[Candidate]) -> None:
        """``the Caspian port``, ``the Persian Gulf port``: a sea or gulf named without its head
        word, as an adjective, is still that region; any other modifier names nothing."""
        name = clean_name(doc.span_text(start, end))
        for head in sorted(self.things.adjectival_place_heads):
            known = [p for p in self.gazetteer.places_named(f"{name} {head}") if p.kind not in GPE_KINDS]
            if known:
                places.append(
                    Candidate(
                        start,
                        end,
                        "LOC",
                        "region_as_modifier",
                        priority=55,
                        canonical=known[0].canonical,
                        kind=known[0].kind,
                    )
                )
                return

    def regions_listed(self, doc: DocView, places: list[Candidate]) -> None:
        """``in Diyala and Basra provinces``: names listed before a plural region noun are regions,
        those the tables do not know too."""
        plurals = {noun + "s" for noun in self.things.region_nouns} | {"provinces"}
        lower = doc.lower
        for k in doc.positions(plurals):
            end = k if doc.words[k].islower() else 0
            while end > 0:
                start = self._run_before(doc, end)
                if start == end:
                    break
                text = doc.span_text(start, end)
                if (
                    end - start <= 3
                    and self._is_unknown_word(doc.words[start])
                    and not self._named_elsewhere(text)
                ):
                    canonical = clean_name(text)
                    places.append(
                        Candidate(
                            start,
                            end,
                            "GPE",
                            "region_listed",
                            priority=58,
                            canonical=canonical,
                            kind="foreign_province",
                        )
                    )
                end = start - 1  # the word before: "and" or "," of the list, or the end of it
                if end >= 1 and lower[end] == "and" and lower[end - 1] == ",":
                    end -= 1  # ", and"
                if end < 1 or lower[end] not in ("and", ","):
                    break

    def towns_by_frame(self, doc: DocView, places: list[Candidate], found: list[Candidate]) -> None:
        """A town the tables do not know, named by the words news frames a town with: ``the village
        of Deh Sorkh``, ``Vazmal county``, ``Dashtkhan, a small town in Golestan``, a locative
        preposition before it and its province or country after it (``in Garmab, Semnan province``,
        ``to Tsakhkadzor in Armenia``). Every word of the name is unknown to English and to the
        tables, and no other rule makes the same words an organisation."""
        lower, words, n = doc.lower, doc.words, len(doc)
        things = self.things
        runs: list[tuple[int, int]] = []
        for k in doc.positions(things.town_nouns):
            if not words[k].islower():
                continue
            if 0 < k < n - 2 and lower[k + 1] == "of" and self._after_the(doc, k):
                runs.append((k + 2, self._run_after(doc, k + 2)))  # "the (coastal) village of X"
            elif k > 0:
                runs.append((self._run_before(doc, k), k))  # "X county"
                comma = self._apposition_comma_before(doc, k)
                if comma is not None:
                    runs.append((self._run_before(doc, comma), comma))  # "X, a small town in"
        for k in doc.positions(self.town_plurals):
            end = k  # "Fariman and Torbat-e Jam counties", "A, B and C districts": every one listed
            while words[k].islower() and end > 0:
                start = self._run_before(doc, end)
                runs.append((start, end))
                if start < 2 or lower[start - 1] not in (",", "and"):
                    break
                end = start - 2 if lower[start - 1] == "and" and words[start - 2] == "," else start - 1
        known = ext.get(doc.doc, ext.PLACE_NAMES)
        link_ends = self._before_a_province_or_country(doc, known)  # where "in Semnan province" starts
        for k in {c.end for c in known if c.kind == "city"}:  # "Ardakan and Chadormalu in Yazd Province"
            if k + 1 < n and lower[k] == "and" and is_capitalised(words[k + 1]):
                end = self._run_after(doc, k + 1)
                if end in link_ends or self._list_in_province_at(doc, end):
                    runs.append((k + 1, end))
        for end in link_ends:  # "in Garmab, Semnan province", "to Tsakhkadzor in Armenia"
            start = self._run_before(doc, end)
            k = start - 1
            if start == end or k < 0 or lower[k] not in things.locative_prepositions:
                continue
            if lower[k] == "in" and lower[end] == "in":
                continue  # "a stake in Vostoklink in Russia": what is in a place may be a company
            if k > 0 and lower[k - 1] == "according":
                continue  # "According to Karimi, Iran's reserves ...": a source
            runs.append((start, end))
        runs = [(start, end) for start, end in runs if start < end]
        if not runs:
            return
        taken = {doc.span_text(c.start, c.end) for c in found}
        links = self.lexicon.people.ezafe_particles
        for start, end in runs:
            # ("Dasht-e Karvan": the link and its hyphens are no words of their own)
            name_words = [w for w in words[start:end] if w != "-" and w not in links]
            if not name_words or len(name_words) > 3 or doc.sent_starts[start]:
                continue
            if not all(self._is_unknown_word(w) for w in name_words):
                continue
            if any(self.name_words.starts_a_person(doc, k) for k in range(start, end)):
                continue
            if any(self._follows_a_given_name(doc, word) for word in words[start:end]):
                continue  # "Farahbakhsh" of "Mohammad-Kazem Farahbakhsh" elsewhere in the article
            name = doc.span_text(start, end)
            if name in taken:
                continue  # "Gazprom company": the text makes it a company
            places.append(
                Candidate(start, end, "GPE", "town_by_frame", priority=50, canonical=name, kind="town")
            )

    @staticmethod
    def _after_the(doc: DocView, k: int) -> bool:
        """``the`` before token k, with at most two lower-case words between: ``the coastal village``."""
        for j in range(k - 1, max(-1, k - 4), -1):
            if doc.lower[j] == "the":
                return True
            if not (doc.words[j].isalpha() and doc.words[j].islower()):
                return False
        return False

    def owned_by_a_country(self, doc: DocView, found: list[Candidate], places: list[Candidate]) -> None:
        """``Russia's Rosatom``, ``Germany's Hannover Re``: a name of unknown words that a country's
        possessive introduces is a company or body of that country (a place, a person, a post or a
        ministry there is known by other rules: ``Iraq's Basra``, ``Iran's Minister of ...``); before
        ``province`` it is a province of that country (``China's Zhejiang province``)."""
        words = doc.words
        for k in doc.positions(POSSESSIVES):
            start = k + 1
            while start < len(doc) and start - k <= 3 and self._owner_adjective(doc, start):
                start += 1  # "Chile's state-owned Codelco"
            if k == 0 or start >= len(doc) or not is_capitalised(words[start]):
                continue
            if not any(p.kind == "country" for p in self.gazetteer.places_named(words[k - 1])):
                continue
            end = self._run_after(doc, start)
            if end - start > 3 or not self._is_unknown_word(words[start]):
                continue
            if end < len(doc) and doc.lower[end] in self.things.region_nouns:
                if doc.lower[end] == "province" and not self._named_elsewhere(doc.span_text(start, end)):
                    self._foreign_province(doc, start, end, places)
                continue  # "Pakistan's Balochistan province": a place of that country, not a company
            if self.name_words.starts_a_person(doc, start) or self._follows_a_given_name(doc, words[start]):
                continue
            text = doc.span_text(start, end)
            if not self._named_elsewhere(text):
                found.append(Candidate(start, end, "ORG", "owned_by_a_country", priority=55, canonical=text))

    def _owner_adjective(self, doc: DocView, k: int) -> bool:
        """``state-owned``, ``-``, ``owned``: lower-case words between an owner and what it owns."""
        word = doc.words[k]
        hyphened = k + 1 < len(doc) and doc.words[k + 1] == "-" and not doc.spaces[k]  # "state-"
        return word == "-" or (
            word.islower() and word.isalpha() and (hyphened or "a" in self.english.pos(word))
        )

    def _foreign_province(self, doc: DocView, start: int, end: int, places: list[Candidate]) -> None:
        """``China's Zhejiang province`` and the later ``Zhejiang``: one province of that country."""
        canonical = f"{clean_name(doc.span_text(start, end))} Province"
        places.append(
            Candidate(
                start,
                end + 1,
                "GPE",
                "province_of_a_country",
                priority=58,
                canonical=canonical,
                kind="foreign_province",
            )
        )
        size = end - start
        for k in doc.positions({doc.lower[start]}):
            if k != start and doc.words[k : k + size] == doc.words[start:end]:
                places.append(
                    Candidate(
                        k,
                        k + size,
                        "GPE",
                        "province_of_a_country",
                        priority=58,
                        canonical=canonical,
                        kind="foreign_province",
                    )
                )

    def coordinated_with_organisations(
        self, doc: DocView, found: list[Candidate], known: list[Candidate]
    ) -> None:
        """``Lufthansa, Austrian Airlines, KLM and Alitalia``: coordination joins phrases of one
        kind, so words that are no English word, place, nationality or personal name, listed with
        an organisation, name an organisation too."""
        orgs: dict[int, int] = {}
        for cand in (*known, *found):
            if cand.type == "ORG" and orgs.get(cand.start, 0) < cand.end:
                orgs[cand.start] = cand.end
        if not orgs:
            return
        for conjunction in doc.positions({"and", "or"}):
            items = self._list_around(doc, conjunction, orgs)
            if not any(orgs.get(start) == end for start, end in items):
                continue
            for start, end in items:
                if orgs.get(start) != end and self._unknown_name(doc, start, end):
                    text = doc.span_text(start, end)
                    found.append(
                        Candidate(
                            start, end, "ORG", "coordinated_with_organisation", priority=50, canonical=text
                        )
                    )

    def _list_around(self, doc: DocView, conjunction: int, orgs: dict[int, int]) -> list[tuple[int, int]]:
        """The names of ``A, B and C`` around its conjunction (none when the words are no such list)."""
        words, lower = doc.words, doc.lower
        start = conjunction + 1
        if start < len(doc) and lower[start] == "the":
            start += 1
        end = orgs.get(start) or self._run_after(doc, start)
        if end == start or (end < len(doc) and words[end] in POSSESSIVES):
            return []
        items = [(start, end)]
        oxford = conjunction > 0 and words[conjunction - 1] == ","
        end = conjunction - 1 if oxford else conjunction
        ends = {e: s for s, e in orgs.items()}
        while end > 0:
            start = ends.get(end, self._run_before(doc, end))
            if start == end or (len(items) > 1 and end > start and words[end - 1] in POSSESSIVES):
                break
            items.append((start, end))
            if start > 0 and lower[start - 1] == "the":
                start -= 1
            if start < 2 or words[start - 1] != ",":
                break
            end = start - 1
        if len(items) < 2 or (oxford and len(items) == 2):
            return []  # "said the CBI, and Hemmati said": two clauses, not a list
        return items

    def _unknown_name(self, doc: DocView, start: int, end: int) -> bool:
        """One to three words that no table knows and no personal name explains."""
        words = doc.words[start:end]
        return (
            0 < len(words) <= 3
            and all(
                self._is_unknown_word(word)
                and not self.name_words.given.is_given_name(word)
                and word not in self.lexicon.figures.months
                for word in words
            )
            and not self.name_words.starts_a_person(doc, start)
            and not self._follows_a_given_name(doc, words[0])
            and not self._named_elsewhere(doc.span_text(start, end))
        )

    def other_names(self, doc: DocView, found: list[Candidate], known: list[Candidate]) -> None:
        """``the regulator, known locally as Bimeh Markazi``; ``Homa, as Iran Air is known
        locally``: another name of an organisation names the same organisation."""
        lower, words = doc.lower, doc.words
        orgs = {cand.end: cand for cand in (*known, *found) if cand.type == "ORG"}
        org_starts = {cand.start: cand for cand in (*known, *found) if cand.type == "ORG"}
        firsts = {cue[0] for cue in self.things.alias_cues}
        for k in doc.positions(firsts):
            cue = next((c for c in self.things.alias_cues if tuple(lower[k : k + len(c)]) == c), None)
            if cue is None or k < 2 or words[k - 1] != ",":
                continue
            start = k + len(cue)
            if start < len(doc) and lower[start] == "the":
                start += 1
            end = self._run_after(doc, start)
            before = orgs.get(k - 1)
            if end == start or end - start > 4:
                continue
            if before is None and lower[k - 2] not in self.org_noun_forms | self.things.organisation_nouns:
                continue  # "the official, known as ...": no organisation before the cue
            canonical = before.canonical if before is not None else clean_name(doc.span_text(start, end))
            found.append(
                Candidate(start, end, "ORG", "other_name_of_organisation", priority=78, canonical=canonical)
            )
        for k in doc.positions({"as"}):  # "Homa, as Iran Air is known locally"
            org = org_starts.get(k + 1)
            if org is None or k < 2 or words[k - 1] != "," or org.end + 1 >= len(doc):
                continue
            if lower[org.end] not in ("is", "was") or lower[org.end + 1] != "known":
                continue
            start = self._run_before(doc, k - 1)
            if start < k - 1 and k - 1 - start <= 4:
                found.append(
                    Candidate(
                        start,
                        k - 1,
                        "ORG",
                        "other_name_of_organisation",
                        priority=78,
                        canonical=org.canonical,
                    )
                )

    def _follows_a_given_name(self, doc: DocView, word: str) -> bool:
        """Whether the article writes ``word`` right after a given name somewhere: a surname."""
        return any(
            k > 0 and self.name_words.starts_a_person(doc, k - 1) for k in doc.positions({word.lower()})
        )

    def _before_a_province_or_country(self, doc: DocView, known: list[Candidate]) -> set[int]:
        """The tokens at which ``, Semnan province``, ``in Armenia``, ``, in the X province`` start:
        found from the provinces and countries the gazetteer marked, not word by word."""
        lower = doc.lower
        ends: set[int] = set()
        for cand in known:
            if cand.kind not in ("province", "country"):
                continue
            for k in range(max(1, cand.start - 3), cand.start):
                if (
                    lower[k] in (",", "in")
                    and is_capitalised(doc.words[k - 1])
                    and self._province_or_country_at(doc, k)
                ):
                    ends.add(k)  # (a town's name ends right before: a capitalised word)
        return ends

    def _list_in_province_at(self, doc: DocView, k: int) -> bool:
        """``, all in Kerman province`` at k, after a list of towns."""
        lower = doc.lower
        return (
            k + 2 < len(doc)
            and lower[k] == ","
            and lower[k + 1] in self.things.list_quantifiers
            and self._province_or_country_at(doc, k + 2)
        )

    def _province_or_country_at(self, doc: DocView, k: int) -> bool:
        """``, Semnan province`` / ``in Armenia`` at k: a province or country after a town's name."""
        lower = doc.lower
        if k + 1 >= len(doc) or lower[k] not in (",", "in"):
            return False
        k += 1
        if lower[k - 1] == "," and lower[k] == "in" and k + 1 < len(doc):
            k += 1  # "at Sirik, in Hormozgan province"
        if lower[k] == "the" and k + 1 < len(doc):
            k += 1
        for size in (3, 2, 1):
            end = min(len(doc), k + size)
            if end < len(doc) and lower[end] in POSSESSIVES:
                continue  # "Tabriz and Karimi, Iran's firms": the country owns what follows
            for place in self.gazetteer.places_named(doc.span_text(k, end)):
                if place.kind in ("province", "country"):
                    return True
        return False

    def _apposition_comma_before(self, doc: DocView, k: int) -> int | None:
        """The comma of ``, a small town in`` whose town noun is at k, if it is one."""
        lower = doc.lower
        if k + 1 >= len(doc) or lower[k + 1] not in self.things.containment_links:
            return None
        for j in range(k - 1, max(0, k - 4), -1):
            if lower[j] in self.things.apposition_articles:
                return j - 1 if lower[j - 1] == "," else None
            if not doc.words[j].islower():
                return None
        return None

    def named_by_context(self, doc: DocView, found: list[Candidate]) -> None:
        """A capitalised name with no head word that its context makes an organisation: a
        lower-case organisation noun after it (``Iran Khodro company``) or a post before it
        (``managing director of Saipa``)."""
        lower, words = doc.lower, doc.words
        titles = self.lexicon.titles
        org_nouns = self.org_noun_starts
        for k in [k for k in doc.positions(org_nouns) if k > 0]:
            if words[k].islower() and any(
                tuple(lower[k : k + len(p)]) == p for p in self.things.organisation_nouns_lower
            ):
                self._context_name(doc, found, self._run_before(doc, k), k, "name_before_organisation_noun")
        time_words = self.lexicon.reporting.finite_markers  # "the company Monday said"
        for k in [k for k in doc.positions(self.org_single_nouns) if k < len(doc) - 1]:
            as_noun = words[k].islower() or (doc.sent_starts[k] and words[k].istitle())  # "Carmaker X"
            if as_noun and is_capitalised(words[k + 1]) and lower[k + 1] not in time_words:
                end = self._run_after(doc, k + 1)  # "hotel chain Anatolia Resorts"
                self._context_name(
                    doc,
                    found,
                    k + 1,
                    end,
                    "name_after_organisation_noun",
                    one_word_ok=self._of_a_nationality(doc, k),
                )
        self._named_editions(doc, found)
        self._named_news_agencies(doc, found)
        self._apposed_after_organisation_nouns(doc, found)
        self._apposed_to_organisation_nouns(doc, found)
        for k in [k for k in doc.positions(self.things.event_nouns_lower) if k > 1]:
            start = self._run_before(doc, k)  # "the Iran Agrofood exhibition", "the Kish Invex fair"
            if words[k].islower() and start < k and start > 0 and lower[start - 1] == "the":
                self._context_name(doc, found, start, k, "name_before_event_noun", kind="EVENT")
        for k in [k for k in doc.positions(self.things.program_nouns_lower) if k > 0]:
            if words[k].islower():  # "the Mehr Housing scheme", 'the "Production Leap" plan'
                end = k - 1 if words[k - 1] in CLOSE_QUOTES else k
                start = self._run_before(doc, end)
                quoted = end < k and start > 0 and words[start - 1] in OPEN_QUOTES
                if quoted or (start > 0 and lower[start - 1] in self.things.apposition_articles):
                    self._context_name(doc, found, start, end, "name_before_programme_noun", kind="PROGRAM")
        post_starts = titles.post_starts
        for post in doc.positions(post_starts):
            self._name_before_post(doc, found, post)
            base, k = titles.post_at(lower, post)
            if base is None or k + 1 >= len(doc) or lower[k] not in titles.body_prepositions:
                continue
            if base is None or base in ("other", "official"):
                continue  # "Leader of the Islamic Revolution": no post of an organisation
            if base == "minister" and lower[k] == "for":
                continue  # "Minister for Agronomy Affairs": a portfolio, no organisation
            start = k + 2 if lower[k + 1] == "the" else k + 1
            end = self._run_after(doc, start)
            if base == "minister" and self.gazetteer.ministry_for(doc.span_text(start, end)) is not None:
                continue  # "Minister of Cooperatives, Labour and Social Welfare": a ministry's portfolio
            end = self._before_a_name_tail(doc, start, end, minister=base == "minister")
            self._context_name(doc, found, start, end, "name_after_post")
        self._brands_after_places(doc, found)

    def _name_before_post(self, doc: DocView, found: list[Candidate], post: int) -> None:
        """``Gazprom Deputy CEO Vitaly Markelov``: words that are no English word, place, nationality
        or given name, right before a post (and its modifiers) that a capitalised name follows, name
        the body the post is in."""
        titles, lower, words = self.lexicon.titles, doc.lower, doc.words
        base, end = titles.post_at(lower, post)
        if base is None or base in ("other", "official") or end >= len(doc) or not is_capitalised(words[end]):
            return
        k = post
        while (
            k > 0
            and lower[k - 1] in titles.modifiers
            and is_capitalised(words[k - 1]) == is_capitalised(words[post])
        ):
            k -= 1  # "Deputy CEO"
        start = k
        while (
            start > 0
            and k - start < 3
            and self._is_brand_word(words[start - 1])
            and words[start - 1][:1].isupper()
        ):
            start -= 1
        if start < k and not (start > 0 and words[start - 1] == "-" and not doc.spaces[start - 2]):
            start = self._with_place_before(doc, start)  # "Iran Khodro CEO X"
            self._context_name(doc, found, start, k, "name_before_post")  # not "Sistan-Baluchestan"

    def _with_place_before(self, doc: DocView, start: int) -> int:
        """``Iran Khodro``, ``Tabriz Kashi``: a place's one-word name right before a brand word opens
        the brand's name (news names firms after their town or country), unless a possessive or a
        hyphen binds the place to what precedes it."""
        k = start - 1
        if k < 0 or not is_capitalised(doc.words[k]) or not doc.spaces[k]:
            return start
        if not self.gazetteer.places_named(doc.words[k]) or self.name_words.stops_left(doc, k):
            return start
        return k

    def _brands_after_places(self, doc: DocView, found: list[Candidate]) -> None:
        """``Iran Khodro produced``: a place's one-word name followed by words that are no English
        word, place, nationality, month or given name is a firm named after the place, wherever it
        stands."""
        words, never = doc.words, self.lexicon.people.never_in_names
        for place in ext.get(doc.doc, ext.PLACE_NAMES):
            k = place.end
            if place.end - place.start != 1 or k >= len(doc) or not doc.spaces[k - 1]:
                continue
            end = k
            while (
                end < len(doc)
                and end - k < 2
                and words[end].istitle()
                and words[end] not in never  # "in Khuzestan Sunday"
                and self._is_brand_word(words[end])
            ):
                end += 1
            if end == k:
                continue
            if end < len(doc) and (is_capitalised(words[end]) or words[end] == "-"):
                continue  # a longer run: other rules name it
            if any(cand.start < end and place.start < cand.end for cand in found):
                continue  # "the Kish Invex fair": named already, by its context
            self._context_name(doc, found, place.start, end, "brand_after_place")

    def _apposed_after_organisation_nouns(self, doc: DocView, found: list[Candidate]) -> None:
        """``Iran's national flag carrier, Iran Air, will ...``: a name apposed after a noun phrase
        whose head is an organisation noun, closed by a comma or the sentence's end."""
        lower, words = doc.lower, doc.words
        n = len(doc)
        for k in [k for k in doc.positions(self.org_single_nouns) if k < len(doc) - 2]:
            if not words[k].islower() or words[k + 1] != "," or not is_capitalised(words[k + 2]):
                continue
            articles = self.things.apposition_articles
            j = k - 1
            while (
                j >= 0
                and k - j <= APPOSITION_WORDS
                and lower[j] not in articles
                and words[j] not in POSSESSIVES
                and self._inside_noun_phrase(words[j])
            ):
                j -= 1
            if j < 0 or not (lower[j] in articles or words[j] in POSSESSIVES):
                continue  # the noun phrase opens with an article or a possessive: "Iran's ... carrier"
            end = self._run_after(doc, k + 2)
            if end < n and words[end] in ",.;":
                self._context_name(doc, found, k + 2, end, "name_apposed_after_organisation_noun")

    def _named_editions(self, doc: DocView, found: list[Candidate]) -> None:
        """``Iran Agrotech 2024``, ``Kish Invex 2014``: a capitalised name with a word that is no
        English word, place or given name (a brand), then a year, is an edition of a fair or show."""
        words = doc.words
        for k in [k for k in doc.four_digits() if YEAR.match(words[k])]:
            start = self._run_before(doc, k)
            if start == k or k - start > 4 or not self._ends_noun_phrase(doc, k + 1):
                continue  # not "Iran Khodro 2019 sales": a year before a noun modifies it
            if any(self._is_brand_word(word) for word in words[start:k]):
                self._context_name(doc, found, start, k + 1, "name_and_year_of_an_event", kind="EVENT")

    def _named_news_agencies(self, doc: DocView, found: list[Candidate]) -> None:
        """``quoted by the Bakhtar news agency``: a name before the lower-case words ``news agency``
        is a news agency, even one the tables do not know (or know as a town)."""
        lower, words = doc.lower, doc.words
        for k in doc.positions({"agency"}):
            if k < 2 or lower[k - 1] != "news" or not words[k - 1].islower() or not words[k].islower():
                continue
            start = self._run_before(doc, k - 1)
            if (
                start < k - 1
                and k - 1 - start <= 3
                and not self.gazetteer.agency_named(doc.span_text(start, k - 1))
            ):
                # named in full, as agencies are: "Bakhtar News Agency"
                name = f"{clean_name(doc.span_text(start, k - 1))} News Agency"
                found.append(
                    Candidate(
                        start, k - 1, "NEWS_AGENCY", "name_before_news_agency", priority=62, canonical=name
                    )
                )

    def _is_brand_word(self, word: str) -> bool:
        return (
            word.isalpha()
            and not self.english.is_common(word)
            and "a" not in self.english.pos(word)
            and not self.gazetteer.places_named(word)
            and not self.name_words.given.is_given_name(word)
            and word not in self.lexicon.figures.months
        )

    def _apposed_to_organisation_nouns(self, doc: DocView, found: list[Candidate]) -> None:
        """``Zarin Auto, the country's second carmaker, ...``; ``Zarin Auto and Pars Motor, the two
        largest automakers``: names apposed to a noun phrase whose head is an organisation noun."""
        lower, words = doc.lower, doc.words
        forms = self.org_noun_forms
        for k in doc.positions(forms):
            plural = lower[k] not in self.org_single_nouns
            if not words[k].islower() or not self._ends_noun_phrase(doc, k + 1):
                continue
            j = k - 1
            articles = self.things.apposition_articles
            while (
                j > 0
                and k - j <= APPOSITION_WORDS
                and lower[j] not in articles
                and self._inside_noun_phrase(words[j])
            ):
                j -= 1
            if j < 2 or words[j - 1] != "," or lower[j] not in articles:
                continue
            start = self._run_before(doc, j - 1)
            self._context_name(doc, found, start, j - 1, "name_apposed_to_organisation_noun")
            if plural and start >= 2 and lower[start - 1] == "and":
                self._context_name(
                    doc,
                    found,
                    self._run_before(doc, start - 1),
                    start - 1,
                    "name_apposed_to_organisation_noun",
                )

    def _inside_noun_phrase(self, word: str) -> bool:
        """A word between an article and its noun: ``country``, ``'s``, ``two``, ``state-owned``."""
        return (
            word.islower()
            or word in POSSESSIVES
            or word == "-"
            or word.isdigit()
            or self.name_words.is_nationality(word)
        )

    def _ends_noun_phrase(self, doc: DocView, k: int) -> bool:
        """The word after a noun ends its phrase: punctuation or a function word, not ``'s`` or a noun."""
        if k >= len(doc):
            return True
        word = doc.words[k]
        return word in ",.;:)" or (word not in POSSESSIVES and "f" in self.english.pos(word))

    def _before_a_name_tail(self, doc: DocView, start: int, end: int, *, minister: bool) -> int:
        """``Minister of Commerce Piyush Goyal``: capitalised English words (a portfolio) and then, up
        to the run's end, two or more words that are no English word, place or nationality (a name
        the tables do not know), or one after a minister's portfolio that names a ministry
        (``Minister of Economy Khandouzi``): the run ends before those words, which the persons
        component reads."""
        words = doc.words
        tail = end
        while tail > start and self._is_unknown_word(words[tail - 1]):
            tail -= 1
        if tail in (start, end):
            return end
        if not all(self.english.is_common(w) for w in words[start:tail]):
            return end  # "Saipa Diesel", "Pars Khodro": no portfolio before the words
        if end - tail == 1 and not (minister and self.gazetteer.ministry_for(doc.span_text(start, tail))):
            return end
        return tail

    def _is_unknown_word(self, word: str) -> bool:
        """A word neither English, nor a nationality, a known place or a month (``in October, India``)."""
        return (
            word.isalpha()
            and word not in self.lexicon.figures.months
            and not self.english.is_common(word)
            and not self.name_words.is_nationality(word)
            and not self.gazetteer.places_named(word)
        )

    def _run_before(self, doc: DocView, end: int) -> int:
        """Where the capitalised words (and Persian links: ``Rounaq-e Tolid``) that end at ``end`` begin."""
        start = end
        while start > 0 and (
            (is_capitalised(doc.words[start - 1]) and not self.name_words.stops_left(doc, start - 1))
            or self.name_words.in_persian_link(doc, start - 1)
        ):
            start -= 1
        return start

    def _run_after(self, doc: DocView, start: int) -> int:
        """Capitalised words from ``start``, up to a personal name (``Minister of Economy Ehsan X``);
        a lower-case particle may join two of them (``Azafranes del Sur``)."""
        end = start
        words = doc.words
        while end < len(doc) and not (end > start and self.name_words.starts_a_person(doc, end)):
            if not (
                (is_capitalised(words[end]) and not self.name_words.stops_left(doc, end))
                or self._particle_inside(doc, start, end)
            ):
                break
            end += 1
        return end

    def _particle_inside(self, doc: DocView, start: int, k: int) -> bool:
        """``del`` in ``Azafranes del Sur``: a lower-case particle between capitalised words."""
        words = doc.words
        return (
            k > start
            and words[k] in self.name_words.particles
            and words[k].islower()
            and k + 1 < len(doc)
            and is_capitalised(words[k + 1])
        )

    def _of_a_nationality(self, doc: DocView, noun: int) -> bool:
        """``the French energy major``: a nationality opens the noun phrase that ends at ``noun``."""
        k = noun - 1
        while k > 0 and noun - k < 3 and doc.words[k].islower():
            k -= 1
        return self.name_words.is_nationality(doc.words[k])

    def _context_name(
        self,
        doc: DocView,
        found: list[Candidate],
        start: int,
        end: int,
        rule: str,
        *,
        kind: str = "ORG",
        one_word_ok: bool = False,
    ) -> None:
        """Add the name of ``start:end`` unless it is a known name, a person or common words
        (one common word is a name after ``the French energy major``: ``one_word_ok``)."""
        if start >= end or end - start > 4 or (doc.sent_starts[start] and end - start == 1):
            return
        if doc.words[start] in self.lexicon.figures.months:
            return  # "the CBI governor in December 2022": a date, not a body
        if self._named_elsewhere(doc.span_text(start, end)) or self._inside_a_known_place(doc, start, end):
            return  # "the governor of East Azarbaijan": a province, whose "East" is no nationality
        while start < end and self.name_words.is_nationality(doc.words[start]):
            start += 1  # "Russian Gazprom company"
        text = doc.span_text(start, end)
        words = doc.words[start:end]
        plain = all(self.english.is_common(w) or self.name_words.is_nationality(w) for w in words)
        if kind == "PROGRAM":  # a programme's name is common words, capitalised: "Targeted Subsidies"
            plain = all(self.name_words.is_nationality(w) for w in words) or (len(words) == 1 and plain)
        if one_word_ok and len(words) == 1 and not self.name_words.is_nationality(words[0]):
            plain = False  # "the French energy major Total"
        if any(self.name_words.starts_a_person(doc, k) for k in range(start, end)) or plain:
            return  # "Iranian company", "the Industry company"
        if self._named_elsewhere(text):
            return
        found.append(Candidate(start, end, kind, rule, priority=62, canonical=clean_name(text)))

    @staticmethod
    def _inside_a_known_place(doc: DocView, start: int, end: int) -> bool:
        """Whether a longer place the gazetteer found covers words of ``start:end``: ``Sistan`` in
        ``the governor-general of Sistan and Baluchestan``."""
        return any(
            place.start < end and start < place.end and place.end - place.start > end - start
            for place in ext.get(doc.doc, ext.PLACE_NAMES)
        )

    def _named_elsewhere(self, text: str) -> bool:
        """A place, agency or body the tables know, which their own rules name."""
        return bool(
            self.gazetteer.places_named(text)
            or self.gazetteer.agency_named(text)
            or self.gazetteer.body_named(text)
        )
