"""``newskg_roles``: who holds which post in which organisation.

A title phrase (``newskg.nlp.titles``) names a person in every slot news uses:

* the name right after it: ``ISIPO Head Mohsen Salehinia``, ``Head of ISIPO, Ali Rasoulian, said``;
* an apposition before it: ``Alireza Rahman-Nejad, the deputy head of ...``, with coordinated
  titles (``X, deputy industry minister and head of ISIPO``);
* ``X as TITLE``, ``the appointment of X as TITLE``, ``X became TITLE``, ``X, who heads ORG``;
* a title that is the subject of a reporting verb with no name (``The acting head of ISIPO
  announced ...``): the person an earlier phrase with the same post named, else the next person
  named within two sentences;
* succession: ``X replaced Y as TITLE`` gives Y the former post.

The role is normalised by the kind of body (see ``newskg.nlp.titles.role_of``); a post with no
named body, or one the annotation conventions do not list, binds the person (statements resolve
``the official`` through it) without a role.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Cluster, Entities, RoleFact, TitleBinding
from ..gazetteers import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..nationality import UNKNOWN, Nationalities
from ..text import POSSESSIVES, DocView
from ..titles import PORTFOLIO_WORDS, TitleFinder, TitlePhrase, role_of
from ..vocabulary import EnglishWords, load_english_words

Binding = tuple[Cluster | None, str]
APPOSITION_SPAN = 20
"""At most this many tokens of an apposition between a person's comma and a relative clause."""
AS_VERB_WORDS = 3
"""At most this many lower-case words between a person and ``as TITLE``: ``took office``."""
UNNAMED_POSTS = ("official", "other")
"""Posts too vague to stand for a person by themselves (``the official said``: statements resolve it)."""


class RoleFinder:
    """Binds title phrases to people and records the posts."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer, english: EnglishWords) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.titles = TitleFinder(lexicon, gazetteer)
        reporting = lexicon.reporting
        self.markers = reporting.finite_markers | {"as"}  # "quoting X as saying"
        self.relative_pronouns = reporting.relative_pronouns
        self.speech_words = {form for form in reporting.verb_of} | {words[0] for words in reporting.phrases}
        self.heading_verbs = lexicon.titles.heading_verbs
        self.succession = lexicon.titles.succession_verbs
        self.predecessor_words = lexicon.titles.predecessor_words
        self.succession_or_of = self.succession | {"of"}
        self.apposition_words = lexicon.titles.apposition_words
        self.nationalities = Nationalities(gazetteer, english, lexicon.things.nationality_endings)
        self.english = english

    def __call__(self, doc: Doc) -> Doc:
        view = ext.view_of(doc)
        entities: Entities = ext.get(doc, ext.ENTITIES)
        bindings, roles = self._run(view, entities)
        ext.put(doc, ext.TITLES, bindings)
        ext.put(doc, ext.ROLES, roles)
        return doc

    def _run(self, doc: DocView, entities: Entities) -> tuple[list[TitleBinding], list[RoleFact]]:
        phrases = self.titles.find(doc, entities)
        named = [self._named_person(doc, entities, p) for p in phrases]
        found: dict[int, Binding] = {}
        # Right to left, so "Deputy Minister of X and Chief Executive of Y said" gives both phrases
        # the person of the second; left to right afterwards for "X, minister and head of Y".
        for index in range(len(phrases) - 1, -1, -1):
            phrase = phrases[index]
            person, rule = named[index]
            following = phrases[index + 1] if index + 1 < len(phrases) else None
            if person is None and following is not None and self._coordinated(doc, phrase, following):
                person, rule = found[index + 1]
            found[index] = (person, rule)
        for index in range(1, len(phrases)):
            if found[index][0] is None and self._coordinated(doc, phrases[index - 1], phrases[index]):
                found[index] = (found[index - 1][0], "coordinated_title")
        posts_of: dict[tuple[int, int], set[str]] = {}  # a person's known posts, by sentence
        for phrase, (person, _rule) in zip(phrases, named, strict=True):
            post = role_of(phrase, self.lexicon) if person is not None else None
            if person is not None and post is not None:
                posts_of.setdefault((id(person), doc.sentence(phrase.start).start), set()).add(post)
        for index, phrase in enumerate(phrases):
            if found[index][0] is None and phrase.base not in UNNAMED_POSTS and self._is_subject(doc, phrase):
                person, rule = self._earlier_holder(
                    phrase, phrases[:index], found, self.lexicon.titles.modifier_order
                )
                if person is None and (phrase.org is not None or phrase.ministry or phrase.country_post):
                    # "The head of X announced ... Y said": only a title that names its body
                    role = role_of(phrase, self.lexicon)
                    person = self._next_person(doc, entities, phrase.end, posts_of, role)
                    rule = "title_subject_then_name"
                found[index] = (person, rule)
        # "Deputy Minister of X and Chief Executive of Y said ..., Z added": the subject found only now.
        for index in range(len(phrases) - 2, -1, -1):
            if found[index][0] is None and self._coordinated(doc, phrases[index], phrases[index + 1]):
                found[index] = (found[index + 1][0], "coordinated_title")
        bindings: list[TitleBinding] = []
        roles: list[RoleFact] = []
        for index, phrase in enumerate(phrases):
            person, rule = found[index]
            if person is None:
                continue
            if phrase.org is None and phrase.ministry is None and not phrase.country_post:
                phrase.org = self._appointing_body(doc, phrase)  # "NITC's board named X as acting CEO"
            role = role_of(phrase, self.lexicon)
            left = rule == "dismissed_from_post" or self._vacated(doc, phrase)
            if left and role is not None and role.removeprefix("acting ") in ("head", "minister"):
                role = f"former {role.removeprefix('acting ')}"  # "the resignation of its chief, Y"
            bindings.append(TitleBinding(phrase.start, phrase.end, person, role or phrase.base, phrase.org))
            fact = self._fact(doc, phrase, person, role, rule)
            if fact is not None:
                roles.append(fact)
        roles.extend(self._heading_verbs(doc, entities))
        roles.extend(self._deputies_of_appointers(doc, entities, roles))
        roles.extend(self._successions(doc, entities, roles))
        return bindings, roles

    def _deputies_of_appointers(
        self, doc: DocView, entities: Entities, roles: list[RoleFact]
    ) -> list[RoleFact]:
        """``Minister X appointed Y as his deputy``: Y is the deputy of X's post (deputy minister of
        X's ministry, deputy head of X's body)."""
        facts: list[RoleFact] = []
        lower = doc.lower
        titles = self.lexicon.titles
        for k in doc.positions(titles.modifier_nouns):
            if k < 4 or lower[k - 1] not in titles.appointer_possessives or lower[k - 2] != "as":
                continue
            appointee = entities.at(k - 3)
            start = entities.start_of(k - 3) if appointee is not None else 0
            if (
                appointee is None
                or appointee.type != "PERSON"
                or lower[start - 1] not in titles.appointment_verbs
            ):
                continue
            first = doc.sentence(k).start
            appointers = {id(c) for c in (entities.at(j) for j in range(first, start - 1)) if c is not None}
            held = [r for r in roles if id(r.person) in appointers and r.role in ("minister", "head")]
            if not held:
                continue
            post = held[-1]
            begin, end = self._evidence(doc, start - 1, k + 1, appointee)
            facts.append(
                RoleFact(
                    appointee,
                    f"deputy {post.role}",
                    post.org,
                    doc.words[k],
                    begin,
                    end,
                    rule="deputy_of_appointer",
                )
            )
        return facts

    def _vacated(self, doc: DocView, phrase: TitlePhrase) -> bool:
        """``following the resignation of its chief``: a post its holder has left."""
        lower = doc.lower
        k = phrase.start - 1
        if k > 0 and lower[k] in self.lexicon.figures.determiners:
            k -= 1
        return k > 0 and lower[k] == "of" and lower[k - 1] in self.lexicon.titles.vacancy_nouns

    def _fact(
        self, doc: DocView, phrase: TitlePhrase, person: Cluster, role: str | None, rule: str
    ) -> RoleFact | None:
        if role is None:
            return None
        org = phrase.org
        nation = self._nation_before(doc, phrase)
        home = self.lexicon.titles.default_country
        if org is None and phrase.ministry and nation in (None, home):
            org = Cluster(
                phrase.ministry, "ORG", [], rules=["ministry_table"]
            )  # not "Chinese Foreign Minister"
        elif org is None and phrase.ministry and nation is not None and nation != UNKNOWN:
            org = self._foreign_ministry(doc, phrase, nation)  # "Turkish Energy Minister X"
        if org is None and phrase.country_post and nation != UNKNOWN:
            # "Russian President X" is Russia's; "President X" the article's country
            org = self._home_country(doc) if nation is None else self._country(doc, nation)
        if org is None:
            return None
        title = doc.span_text(phrase.title_start, phrase.title_end)
        start, end = self._evidence(doc, phrase.start, phrase.end, person)
        return RoleFact(person, role, org, title, start, end, rule=rule)

    def _foreign_ministry(self, doc: DocView, phrase: TitlePhrase, nation: str) -> Cluster:
        """``Iraq's Deputy Electricity Minister X``: the ministry of that country the title names, by
        the portfolio as written (``Ministry of Electricity of Iraq``), or by the Iranian ministry of the
        same sector when the portfolio is an adjective (``Chinese Foreign Minister``: ``Ministry of
        Foreign Affairs of China``); a minister of the country when neither says more."""
        titles = self.lexicon.titles
        portfolio = [
            doc.words[k]
            for k in range(phrase.title_start, phrase.title_end)
            if doc.lower[k] not in titles.modifiers
            and titles.post_at(doc.lower, k)[0] is None
            and not (k == phrase.post_end and doc.lower[k] in ("of", "for"))
            and doc.words[k][:1].isalpha()
        ]
        while portfolio and portfolio[0].lower() in ("of", "for", "the"):
            portfolio.pop(0)
        if portfolio and "n" in self.english.pos(portfolio[-1]):
            name = " ".join(w if w.lower() == "and" else w[:1].upper() + w[1:] for w in portfolio)
            ministry = f"Ministry of {name}"
        elif phrase.ministry is not None:
            ministry = phrase.ministry
        else:
            return self._country(doc, nation)
        return Cluster(f"{ministry} of {nation}", "ORG", [], rules=["foreign_ministry"])

    def _appointing_body(self, doc: DocView, phrase: TitlePhrase) -> Cluster | None:
        """The body whose board gives the post a title names after ``as``, earlier in its sentence:
        ``NITC's board named X as acting CEO``, ``the board of NICICO ... named X as acting CEO``,
        ``IME's board confirmed the appointment of X as deputy CEO``."""
        lower = doc.lower
        if phrase.start == 0 or lower[phrase.start - 1] != "as":
            return None
        entities: Entities = ext.get(doc.doc, ext.ENTITIES)
        first = doc.sentence(phrase.start).start
        for k in range(first, phrase.start):
            board = next((b for b in self.lexicon.titles.boards if tuple(lower[k : k + len(b)]) == b), None)
            if board is None:
                continue
            if k >= 2 and doc.words[k - 1] in POSSESSIVES:
                owner = entities.at(k - 2)  # "NITC's board"
            elif k + len(board) + 1 < len(doc) and lower[k + len(board)] == "of":
                owner = entities.at(k + len(board) + 1)  # "the board of NICICO"
            else:
                continue
            if owner is not None and owner.type == "ORG":
                return owner
        for k in range(first + 1, phrase.start):  # "Meanwhile, IRISL named its director, X, as ..."
            if lower[k] in self.lexicon.titles.appointment_verbs:
                j = k - 4 if k >= 4 and doc.words[k - 1] == ")" and doc.words[k - 3] == "(" else k - 1
                subject = entities.at(j)
                if subject is not None and subject.type == "ORG" and entities.start_of(j) <= first + 2:
                    return subject
        return None

    @staticmethod
    def _evidence(doc: DocView, start_token: int, end_token: int, person: Cluster) -> tuple[int, int]:
        start, end = doc.starts[start_token], doc.ends[end_token - 1]
        if person.spans:
            near = min(person.spans, key=lambda s: abs(s.start - start_token))
            if doc.sentence(near.start).start == doc.sentence(start_token).start:
                start, end = min(start, near.start_char), max(end, near.end_char)
        return start, end

    def _nation_before(self, doc: DocView, phrase: TitlePhrase) -> str | None:
        """The country of a nationality adjective or a country's possessive right before the title
        (``Russian President``, ``Iraq's Trade Minister``)."""
        k = phrase.title_start - 1
        if k >= 1 and doc.words[k] in POSSESSIVES:
            entities: Entities = ext.get(doc.doc, ext.ENTITIES)
            owner = entities.at(k - 1)
            return owner.canonical if owner is not None and owner.kind == "country" else None
        return self.nationalities.country_of(doc.words[k]) if k >= 0 else None

    @staticmethod
    def _country(doc: DocView, name: str) -> Cluster:
        entities: Entities = ext.get(doc.doc, ext.ENTITIES)
        named = next((c for c in entities.clusters if c.canonical == name), None)
        return named or Cluster(name, "GPE", [], kind="country")

    def _home_country(self, doc: DocView) -> Cluster:
        """The country a head-of-state title with no country belongs to: the one the article
        names most, with the provinces and towns it names in it (an article on Ardabil's trade with
        Azerbaijan is Iranian news), Iran when it names none (the beat newskg is built for)."""
        entities: Entities = ext.get(doc.doc, ext.ENTITIES)
        countries = {c.canonical: c for c in entities.clusters if c.type == "GPE" and c.kind == "country"}
        weight = {name: (len(c.spans), -c.spans[0].start) for name, c in countries.items()}
        for cluster in entities.clusters:
            country = self._country_containing(cluster.canonical) if cluster.kind != "country" else None
            if country is not None and cluster.spans:
                count, first = weight.get(country, (0, -len(doc)))
                weight[country] = (count + len(cluster.spans), max(first, -cluster.spans[0].start))
        if not weight:
            return Cluster(self.lexicon.titles.default_country, "GPE", [], kind="country")
        return self._country(doc, max(weight, key=weight.__getitem__))

    def _country_containing(self, canonical: str) -> str | None:
        """The country a known province or town lies in (a town's province's country)."""
        place = self.gazetteer.place(canonical)
        for _ in range(3):
            if place is None or place.container is None:
                return None
            container = self.gazetteer.place(place.container)
            if container is not None and container.kind == "country":
                return container.canonical
            place = container
        return None

    # -- who a phrase names ----------------------------------------------------------------------

    def _named_person(self, doc: DocView, entities: Entities, phrase: TitlePhrase) -> Binding:
        """The person a title phrase names in writing, and the rule that says so."""
        end = self._after_portfolio(doc, entities, phrase.end)
        if end + 3 < len(doc) and doc.words[end] == "(" and doc.words[end + 2] == ")":
            end += 3  # "the head of the Iranian Fisheries Organization (Shilat), X": a name in brackets
        k = end
        while k < len(doc) and doc.words[k] in self.lexicon.people.courtesy_titles:
            k += 1
        after = entities.at(k) if k < len(doc) else None
        if after is not None and after.type == "PERSON":
            return after, "title_before_name"
        if end + 1 < len(doc) and doc.words[end] == ",":
            apposed = entities.at(end + 1)
            if apposed is not None and apposed.type == "PERSON":
                return apposed, "title_then_apposed_name"
        return self._before(doc, entities, phrase)

    @staticmethod
    def _after_portfolio(doc: DocView, entities: Entities, end: int) -> int:
        """``deputy head for industrial parks, X``: the end of a lower-case portfolio after a title;
        a capitalised one only right before a person (``Deputy Governor of the CBI for Monetary
        Policy X``)."""
        if end >= len(doc) or doc.lower[end] != "for":
            return end
        capitalised = False
        for k in range(end + 1, min(len(doc), end + 1 + PORTFOLIO_WORDS)):
            named = entities.at(k)
            if doc.words[k] == "," or named is not None:
                if capitalised and (named is None or named.type != "PERSON"):
                    return end
                return k if k > end + 1 else end
            if not doc.words[k].islower():
                if not doc.words[k].isalpha():
                    return end
                capitalised = True
        return end

    def _before(self, doc: DocView, entities: Entities, phrase: TitlePhrase) -> Binding:
        """``X, the deputy head of``, ``X as head of``, ``appointment of X as``, ``X became head``."""
        lower = doc.lower
        titles = self.lexicon.titles
        j = phrase.start - 1
        # "X has been appointed chairman of Y": the verb may be read as the title's own modifier
        appointed = any(word in titles.appointment_verbs for word in lower[phrase.start : phrase.post_end])
        while (
            j >= 0
            and (
                lower[j] in self.apposition_words
                or lower[j] in titles.appointment_verbs
                or lower[j] in titles.becoming_verbs
                or (lower[j] in titles.appointment_nouns and j > 0 and lower[j - 1] == "whose")
                or lower[j] == "-"
                or (
                    lower[j] in self.markers
                    and lower[j] not in titles.past_markers  # "who previously served as": a post held before
                    and "as" in lower[j + 1 : phrase.start]
                )
                or (  # "appointed X as his deputy and head of Y": a first post coordinated before this one
                    (lower[j] in titles.modifier_nouns or lower[j] in self.lexicon.figures.determiners)
                    and "as" in lower[max(0, j - 2) : j]
                    and "and" in lower[j + 1 : phrase.start]
                )
            )
        ):
            # "X was appointed head of Y", "X becomes economy minister", "X, whose appointment as",
            # "X was introduced on Tuesday as the new head of Y"
            appointed = appointed or lower[j] in titles.appointment_verbs or lower[j] in titles.becoming_verbs
            j -= 1
        if j < 0:
            return None, ""
        if doc.words[j] != "," and j + 1 < phrase.start and lower[j + 1] in self.relative_pronouns:
            holder = self._apposition_head_before(doc, entities, j)
            if holder is not None:  # "X, the head of Y (YY) who also serves as deputy minister"
                return holder, "relative_clause_title"
        if doc.words[j] == ",":
            person = entities.at(j - 1) if j > 0 else None
            if lower[j + 1] == "and":
                return None, ""  # "X, and the Vice-President, Y,": a second person, not X's apposition
            if person is not None and person.type == "PERSON":
                return person, "apposition"
            if lower[j + 1] == "as" and j > 0:  # "named X, the firm's deputy for Y, as acting CEO"
                holder = self._apposition_head_before(doc, entities, j - 1)
                if holder is not None and self._named_by_appointment(doc, holder):
                    return holder, "name_as_title"
            return None, ""
        if "as" in lower[j + 1 : phrase.start] and entities.at(j) is None:
            # "X took office as head of Y", "X started work as CEO": a short verb phrase before "as"
            k = j
            while k > 0 and j - k < AS_VERB_WORDS and doc.words[k].islower() and entities.at(k) is None:
                k -= 1
            if k < j and entities.at(k) is not None and "v" in self.english.pos(lower[k + 1]):
                j = k
        person = entities.at(j)
        if person is not None and person.type == "PERSON":
            verb = entities.start_of(j) - 1
            if verb > 0 and lower[verb] in titles.dismissal_verbs:
                return person, "dismissed_from_post"  # "dismissed X as head of Y": held it before
            if verb > 0 and lower[verb] in titles.appointment_verbs:
                appointed = True  # "named X acting head of Y"
        if person is not None and person.type == "PERSON" and "as" in lower[j + 1 : phrase.start]:
            verb = entities.start_of(j) - 1
            if verb > 0 and lower[verb] in self.succession:  # "X replaced Y as head of Z": X's post
                successor = entities.at(verb - 1)
                if successor is not None and successor.type == "PERSON":
                    return successor, "succession_subject"
                return None, ""
        if (
            person is not None
            and person.type == "PERSON"
            and (
                appointed
                or "as" in lower[j + 1 : phrase.start]
                or (j + 1 < len(doc) and lower[j + 1] in titles.becoming_verbs)
                or (j + 1 < len(doc) and lower[j + 1] in titles.copulas)  # "X is the CEO of Y"
            )
        ):
            return person, "name_as_title"
        return None, ""

    def _named_by_appointment(self, doc: DocView, holder: Cluster) -> bool:
        """Whether an appointment verb stands right before one of the holder's names (``named X``)."""
        verbs = self.lexicon.titles.appointment_verbs
        return any(span.start > 0 and doc.lower[span.start - 1] in verbs for span in holder.spans)

    @staticmethod
    def _apposition_head_before(doc: DocView, entities: Entities, j: int) -> Cluster | None:
        """The person whose apposition ends at token j: ``X, the managing director of Y (YY)``."""
        sentence = doc.sentence(j)
        for k in range(j, max(sentence.start, j - APPOSITION_SPAN) - 1, -1):
            if doc.words[k] == "," and k > sentence.start:
                person = entities.at(k - 1)
                return person if person is not None and person.type == "PERSON" else None
            if doc.words[k] in ".;":
                return None
        return None

    @staticmethod
    def _coordinated(doc: DocView, first: TitlePhrase, second: TitlePhrase) -> bool:
        """``deputy industry minister and head of ISIPO``: two titles joined by ``and``."""
        between = doc.lower[first.end : second.start]
        return between in (["and"], [",", "and"], ["and", "the"], [",", "and", "the"])

    def _is_subject(self, doc: DocView, phrase: TitlePhrase) -> bool:
        lower = doc.lower
        j = phrase.end
        if j < len(lower) and lower[j] == "for":  # "the deputy industry minister for industrial affairs said"
            k = j + 1
            while k < min(len(lower), j + 1 + PORTFOLIO_WORDS) and doc.words[k].islower():
                if lower[k] in self.speech_words or lower[k] in self.markers:
                    j = k
                    break
                k += 1
        while j < len(lower) and lower[j] in self.markers:
            j += 1
        if j < len(lower) and lower[j] in self.speech_words:
            return True
        before = lower[max(0, phrase.start - 3) : phrase.start]
        while before and before[-1] in ("the", "a", "an"):
            before = before[:-1]
        if before and before[-1] in self.speech_words and before[:-1][-1:] in ([","], ["”"], ['"']):
            return True  # "..., announced the managing director of the company"
        return (
            before[-1:] == ["quoting"]
            or before[-2:] == ["according", "to"]
            or before[-3:] == ["according", "to", "the"]
        )

    @staticmethod
    def _earlier_holder(
        phrase: TitlePhrase, earlier: list[TitlePhrase], found: dict[int, Binding], order: tuple[str, ...]
    ) -> Binding:
        """``the ISIPO head said``: the person an earlier phrase with the same post named."""
        for index in range(len(earlier) - 1, -1, -1):
            other = earlier[index]
            person = found[index][0]
            if (
                person is not None
                and other.key(order) == phrase.key(order)
                and (
                    (other.org is phrase.org and other.ministry == phrase.ministry)
                    or (phrase.org is None and phrase.ministry is None)  # "the minister added"
                )
            ):
                return person, "title_subject_earlier_name"
        return None, ""

    @staticmethod
    def _next_person(
        doc: DocView,
        entities: Entities,
        after: int,
        posts_of: dict[tuple[int, int], set[str]],
        role: str | None,
    ) -> Cluster | None:
        """The person named next, within two sentences, passing over one whom a title in that
        sentence gives another post (``the provincial governor said. ... attended by First Vice
        President X, Governor of Y Z said``: Z)."""
        sentence_ends = 0
        sent_starts, by_token = doc.sent_starts, entities.by_token
        for k in range(max(0, after), len(doc)):
            if sent_starts[k] and k > after:
                sentence_ends += 1
                if sentence_ends > 2:
                    return None
            cluster = by_token[k]
            if cluster is not None and cluster.type == "PERSON":
                posts = posts_of.get((id(cluster), doc.sentence(k).start))
                if posts and role not in posts:
                    continue
                return cluster
        return None

    # -- posts said with a verb ------------------------------------------------------------------

    def _heading_verbs(self, doc: DocView, entities: Entities) -> list[RoleFact]:
        """``X, who heads the Trade Promotion Organization``, ``X chairs Y``: the head of Y."""
        facts: list[RoleFact] = []
        lower = doc.lower
        for k in doc.positions(self.heading_verbs):
            if k + 1 >= len(doc):
                continue
            j = k + 1
            if lower[j] == "the":
                j += 1
                if j + 1 < len(doc) and lower[j] in self.lexicon.things.own_province_adjectives:
                    j += 1  # "who heads the provincial Agriculture Jihad Organization"
            owner, after = entities.at(j), entities.end_of(j)
            if (
                owner is not None
                and owner.type == "GPE"
                and after + 1 < len(doc)
                and doc.words[after] in POSSESSIVES
            ):
                j = after + 1  # "who heads Iran's Steel Association"
            org = entities.at(j)
            if org is None or org.type not in ("ORG", "NEWS_AGENCY"):
                continue
            i = k - 1
            if i > 0 and lower[i - 1] == "who" and self._only_adverb(lower[i]):
                i -= 1  # "X, who also heads Y", "who currently chairs Y": an adverb only
            if i >= 0 and lower[i] == "who":
                i -= 1
                if i >= 0 and doc.words[i] == ",":
                    i -= 1
            person = entities.at(i) if i >= 0 else None
            if person is None or person.type != "PERSON":
                continue
            start, end = self._evidence(doc, k, entities.end_of(j), person)
            role = "minister" if org.canonical.startswith("Ministry of") else "head"
            facts.append(RoleFact(person, role, org, doc.words[k], start, end, rule="heading_verb"))
        return facts

    def _only_adverb(self, word: str) -> bool:
        """An adverb that can be no verb: ``also``, ``currently``, ``now`` (not ``still``, a verb too)."""
        pos = self.english.pos(word)
        return "r" in pos and "v" not in pos

    def _successions(self, doc: DocView, entities: Entities, roles: list[RoleFact]) -> list[RoleFact]:
        """``X replaced Y as head of Z``: Y held the post before."""
        facts: list[RoleFact] = []
        lower = doc.lower
        vacancies = self.lexicon.titles.vacancy_nouns
        for k in doc.positions(self.succession_or_of):
            word = lower[k]
            if k == 0 or k + 1 >= len(doc):
                continue
            if (
                word == "of" and lower[k - 1] in vacancies
            ):  # "named X acting head, following the resignation of Y"
                new, old = self._appointed_before(doc, roles, k), entities.at(k + 1)
            elif word not in self.succession:
                continue
            else:
                new, old = entities.at(k - 1), entities.at(k + 1)
            if lower[k - 1] in self.lexicon.reporting.passive_auxiliaries and lower[k + 1] == "by":
                facts.extend(self._passive_succession(doc, entities, roles, k))
                continue
            if lower[k - 1] == "by":
                continue
            if lower[k - 1] == "," and word.endswith("ing"):  # "X was appointed head of Z, replacing Y"
                new = self._appointed_before(doc, roles, k)
            elif new is None and lower[k - 1] in self.lexicon.reporting.speaker_pronouns:
                new = self._given_a_post_last(doc, roles, k)  # "X was named CEO. He succeeds Y"
            elif new is None and lower[k - 1] in (",", *self.lexicon.reporting.relative_pronouns):
                new = self._sentence_subject(doc, entities, k)  # "X, a native of Y who ..., succeeds Z"
            if new is None or old is None or new.type != "PERSON" or old.type != "PERSON":
                continue
            posts = [
                f for f in roles if f.person is new and f.role.removeprefix("acting ") in ("head", "minister")
            ]
            sentence = doc.sentence(k)
            here = [f for f in posts if doc.starts[sentence.start] <= f.start < sentence.end_char]
            if here:  # the post this sentence gives (nearest the verb), not every post of the successor
                verb = doc.starts[k]
                posts = [min(here, key=lambda f: min(abs(f.start - verb), abs(f.end - verb)))]
            for fact in posts:
                first = entities.start_of(k - 1) if entities.at(k - 1) is not None else k
                start, end = self._evidence(doc, first, entities.end_of(k + 1), old)
                facts.append(
                    RoleFact(
                        old,
                        f"former {fact.role.removeprefix('acting ')}",
                        fact.org,
                        "",
                        start,
                        end,
                        rule="succession",
                    )
                )
        facts.extend(self._left_posts(doc, entities, roles))
        return facts

    def _left_posts(self, doc: DocView, entities: Entities, roles: list[RoleFact]) -> list[RoleFact]:
        """``named X acting head after Y resigned``: Y held the post before."""
        lower = doc.lower
        verbs = self.lexicon.titles.vacancy_verbs
        facts: list[RoleFact] = []
        for k in doc.positions({verb[0] for verb in verbs}):
            if k < 2 or not any(tuple(lower[k : k + len(verb)]) == verb for verb in verbs):
                continue
            old = entities.at(k - 1)
            if old is None or old.type != "PERSON":
                continue
            j = entities.start_of(k - 1) - 1
            while j > 0 and lower[j] in self.predecessor_words:
                j -= 1  # "after his predecessor X stepped down"
            if lower[j] != "after":
                continue
            sentence = doc.sentence(k)
            first = doc.starts[sentence.start]
            new = self._appointed_before(doc, roles, k)
            if new is None:  # "X, who was appointed after his predecessor Y stepped down": X's post
                new, first = self._sentence_subject(doc, entities, k), 0
            if new is None or new is old:
                continue
            for fact in roles:
                base = fact.role.removeprefix("acting ")
                if (
                    fact.person is new
                    and base in ("head", "minister")
                    and first <= fact.start < doc.starts[k]
                ):
                    start, end = self._evidence(doc, entities.start_of(k - 1), k + 1, old)
                    facts.append(RoleFact(old, f"former {base}", fact.org, "", start, end, rule="succession"))
        return facts

    def _passive_succession(
        self, doc: DocView, entities: Entities, roles: list[RoleFact], k: int
    ) -> list[RoleFact]:
        """``X, the governor of Y, was replaced by Z``: Z takes the post the sentence gives X."""
        new = entities.at(k + 2) if k + 2 < len(doc) else None
        sentence = doc.sentence(k)
        first, verb = doc.starts[sentence.start], doc.starts[k]
        held = [f for f in roles if first <= f.start < verb and f.role in ("head", "minister")]
        if new is None or new.type != "PERSON" or not held:
            return []
        fact = held[0]
        if fact.person is new:
            return []
        start, end = self._evidence(doc, k, entities.end_of(k + 2), new)
        return [RoleFact(new, fact.role, fact.org, "", start, end, rule="succession")]

    @staticmethod
    def _sentence_subject(doc: DocView, entities: Entities, k: int) -> Cluster | None:
        """The person who opens the sentence of token k, before an apposition that ends at k."""
        first = doc.sentence(k).start
        cluster = entities.at(first)
        if cluster is None or cluster.type != "PERSON" or doc.words[entities.end_of(first)] != ",":
            return None
        return cluster

    @staticmethod
    def _given_a_post_last(doc: DocView, roles: list[RoleFact], k: int) -> Cluster | None:
        """The person given a post last before token k, in its sentence or the one before."""
        sentence = doc.sentence(k)
        previous = doc.sentence(sentence.start - 1) if sentence.start > 0 else sentence
        earlier = [f for f in roles if doc.starts[previous.start] <= f.start < doc.starts[k]]
        return max(earlier, key=lambda f: f.start).person if earlier else None

    @staticmethod
    def _appointed_before(doc: DocView, roles: list[RoleFact], k: int) -> Cluster | None:
        """The person given a post earlier in the sentence of token k."""
        sentence_start = doc.starts[doc.sentence(k).start]
        earlier = [f for f in roles if sentence_start <= f.start < doc.starts[k]]
        return max(earlier, key=lambda f: f.start).person if earlier else None


@Language.factory(
    "newskg_roles",
    requires=[ext.attr(ext.ENTITIES)],
    assigns=[ext.attr(ext.TITLES), ext.attr(ext.ROLES)],
)
def make_roles(nlp: Language, name: str) -> RoleFinder:
    return RoleFinder(load_lexicon(), load_gazetteer(), load_english_words())
