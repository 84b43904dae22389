"""``newskg_places``: which place lies in which, and which news media the article credits.

An Iranian province or city lies in Iran; a city lies in its province when the text says so
(``Chabahar in Sistan-Baluchestan Province``, ``Tabriz, East Azarbaijan Province``). A place found by
its head word (a port, a free zone, a park) lies in the Iranian city the text puts it in (``Ferdows
... in Pardis``), else in Iran when its name holds an Iranian place (``Chabahar Free Zone``); seas,
rivers and foreign places get no container. A news medium is credited when a reporting cue stands
next to it (``newskg.nlp.credits``: ``IRNA reported``, ``(MNA)``, ``told Tasnim``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..credits import credited
from ..facts import Cluster, Entities, LinkFact
from ..gazetteers import GPE_KINDS, Gazetteer, Place, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..text import POSSESSIVES, DocView, is_capitalised

SITE_CONTAINER_KINDS = ("city", "province", "port", "island")
"""What a named site (a zone, an estate, a complex) may lie in: ``the X Zone in Bandar Imam Khomeini``."""

HOME_SITE_WINDOW = 6
"""A foreign country this many words before a site's name, in its sentence, makes it that country's."""


class PlaceLinker:
    """Adds located-in links and reported-by credits."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        view = ext.view_of(doc)
        entities: Entities = ext.get(doc, ext.ENTITIES)
        located: list[LinkFact] = []
        reported: list[LinkFact] = []
        by_name = {c.canonical: c for c in entities.clusters}
        for cluster in entities.clusters:
            if cluster.type in ("GPE", "LOC"):
                link = self._container(view, entities, cluster, by_name)
                if link is not None:
                    located.append(link)
            elif cluster.type == "NEWS_AGENCY":
                for span in cluster.spans:
                    if (
                        credited(view, span.start, span.end, self.lexicon.reporting)
                        or "dateline_agency" in cluster.rules
                    ):
                        reported.append(
                            LinkFact(cluster, None, span.start_char, span.end_char, rule="agency_credit")
                        )
                        break
        ext.put(doc, ext.LOCATED_IN, located)
        ext.put(doc, ext.REPORTED_BY, reported)
        return doc

    def _container(
        self, view: DocView, entities: Entities, cluster: Cluster, by_name: dict[str, Cluster]
    ) -> LinkFact | None:
        span = cluster.spans[0]
        place = self.gazetteer.place(cluster.canonical)
        if place is None:
            return self._container_of_named_place(view, entities, cluster, by_name)
        if place.kind == "region":
            return None  # a sea, a gulf, a continent: in no place, whatever words follow it
        if place.kind not in GPE_KINDS:  # a field, port or zone: in the town the text puts it in
            for mention in cluster.spans:
                written = self._site_container(view, entities, mention)
                if written is not None:
                    return LinkFact(
                        cluster, written, mention.start_char, mention.end_char, rule="text_containment"
                    )
        if place.kind in ("city", "crossing"):
            for mention in cluster.spans:
                written = self._written_container(
                    view, entities, mention, kinds=("province",), fits=lambda c: self._agrees(place, c)
                )
                if written is not None:
                    return LinkFact(
                        cluster, written, mention.start_char, mention.end_char, rule="text_containment"
                    )
        container = self._country_of(place)
        if container is None:
            return None
        target = by_name.get(container.canonical) or Cluster(
            container.canonical, "GPE", [], kind=container.kind
        )
        return LinkFact(cluster, target, span.start_char, span.end_char, rule="gazetteer_containment")

    def _country_of(self, place: Place) -> Place | None:
        """The country an Iranian province or city lies in (foreign places get none)."""
        if not place.container or place.kind == "country":
            return None
        container = self.gazetteer.place(place.container)
        while container is not None and container.kind != "country" and container.container:
            container = self.gazetteer.place(container.container)
        if container is None or container.canonical != self.lexicon.titles.default_country:
            return None
        return container

    def _agrees(self, place: Place, written: Cluster) -> bool:
        return place.container in (None, "", written.canonical, self.lexicon.titles.default_country)

    def _container_of_named_place(
        self, view: DocView, entities: Entities, cluster: Cluster, by_name: dict[str, Cluster]
    ) -> LinkFact | None:
        """A port, free zone or park: in the Iranian place the text puts it in, or whose name it bears."""
        if cluster.type == "GPE" and cluster.kind == "town":
            return self._container_of_town(view, entities, cluster)
        if cluster.type != "LOC" or cluster.kind not in ("place",):
            return None
        for mention in cluster.spans:
            written = self._site_container(view, entities, mention)
            if written is not None:
                return LinkFact(
                    cluster, written, mention.start_char, mention.end_char, rule="text_containment"
                )
        home = self.lexicon.titles.default_country
        if any(self._foreign(word) for word in cluster.canonical.split()):
            return None  # "Iraqi Kurdistan Region": not the Iranian province its name holds
        if any(self._foreign_owner(view, mention.start) for mention in cluster.spans):
            return None  # "Iraq's Kurdistan Region"
        target = by_name.get(home) or Cluster(home, "GPE", [], kind="country")
        span = cluster.spans[0]
        for word in cluster.canonical.split():
            for place in self.gazetteer.places_named(word):
                if place.kind in ("city", "province") and self._country_of(place) is not None:
                    return LinkFact(cluster, target, span.start_char, span.end_char, rule="name_containment")
        if self._home_site(view, entities, cluster):
            return LinkFact(cluster, target, span.start_char, span.end_char, rule="home_site")
        return None

    def _container_of_town(self, view: DocView, entities: Entities, cluster: Cluster) -> LinkFact | None:
        """A town the tables do not know: in the province the text puts it in; else in no place,
        since a name the tables lack may as well be a foreign town's (``the border town of X``)."""
        for mention in cluster.spans:
            written = self._written_container(view, entities, mention, kinds=("province",))
            if written is not None:
                return LinkFact(
                    cluster, written, mention.start_char, mention.end_char, rule="text_containment"
                )
        return None

    def _home_site(self, view: DocView, entities: Entities, cluster: Cluster) -> bool:
        """A named dam, lake, airport or zone no foreign name or possessor marks: a site of the
        country the news is about (``Doroodzan Dam``, ``Imam Khomeini International Airport``)."""
        words = cluster.canonical.split()
        if len(words) < 2 or words[-1] not in self.lexicon.things.home_site_heads:
            return False
        parts = (
            " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)
        )
        if any(self._foreign_place(part) for part in parts):
            return False  # "Jebel Ali Free Zone", "Dubai International Airport"
        home = self.lexicon.titles.default_country
        for span in cluster.spans:
            first = max(view.sentence(span.start).start, span.start - HOME_SITE_WINDOW)
            for k in range(first, span.start):
                near = entities.at(k)
                if near is not None and near.kind == "country" and near.canonical != home:
                    return False  # "Afghanistan's Kamal Khan Dam", "which Qatar calls the North Field"
        return True

    def _foreign_owner(self, view: DocView, start: int) -> bool:
        """A foreign country's possessive right before token ``start``: ``Iraq's``."""
        return start >= 2 and view.words[start - 1] in POSSESSIVES and self._foreign(view.words[start - 2])

    def _foreign_place(self, words: str) -> bool:
        """Words naming a foreign country or a city of another country."""
        if self._foreign(words):
            return True
        return any(
            place.kind == "city" and self._country_of(place) is None
            for place in self.gazetteer.places_named(words)
        )

    def _foreign(self, word: str) -> bool:
        """A word naming a foreign country, or its adjective in ``-i``: ``Iraq``, ``Iraqi``, ``Omani``."""
        home = self.lexicon.titles.default_country
        for form in (word, word[:-1] if word.endswith("i") else ""):
            for place in self.gazetteer.places_named(form) if len(form) > 2 else ():
                if place.kind == "country" and place.canonical != home:
                    return True
        return False

    def _written_container(
        self,
        view: DocView,
        entities: Entities,
        mention: Span,
        *,
        kinds: tuple[str, ...],
        fits: Callable[[Cluster], bool] = lambda cluster: True,
    ) -> Cluster | None:
        """``X in Y`` / ``X, Y`` / ``X of Y`` with Y a place of one of ``kinds`` that ``fits``."""
        k = self._after_coordinated_names(view, mention.end)
        n = len(view)
        if k + 2 < n and view.words[k] == "(" and view.words[k + 2] == ")":
            k += 3  # "the Pars Special Economic Energy Zone (PSEEZ) in Asaluyeh"
        verbs = self.lexicon.things.containment_verbs
        things = self.lexicon.things
        listed = self._after_list(view, entities, k)
        if (
            listed + 2 < n
            and view.lower[listed] == ","
            and view.lower[listed + 1] in things.list_quantifiers
            and view.lower[listed + 2] in things.containment_links
        ):
            k = listed + 2  # "Borujerd, Aligudarz and Kuhdasht, all in Lorestan": each of them
        plural = listed + 1 if listed + 1 < n and view.words[listed].islower() else listed
        if (
            plural < n
            and not self._town_plural(view.lower[plural - 1])
            and self._town_plural(view.lower[plural])
        ):
            plural += 1  # "Dorud and Aligudarz industrial towns in Lorestan"
        if (
            plural > listed
            and self._town_plural(view.lower[plural - 1])
            and plural < n
            and (view.lower[plural] == "of" or view.lower[plural] in things.containment_links)
        ):
            k = plural  # "Qorveh, Bijar and Saqqez counties of the province", "... counties in Fars": each
        elif listed > k and self._after_place_apposition(view, listed) > listed:
            k = listed  # "Neyshabur and Gonabad, two counties of Razavi Khorasan": each of them
        elif (
            listed > k
            and listed + 1 < n
            and view.lower[listed] == ","
            and (view.lower[listed + 1] in things.containment_links)
        ):
            k = listed  # "Asaluyeh and Kangan, in Bushehr Province": each of them
        if k + 2 < n and view.lower[k] == "," and view.lower[k + 1] in things.containment_adverbs:
            k += 2  # "Malayer, also in Hamedan province"
        if k + 1 < n and view.lower[k] == "," and view.lower[k + 1] in verbs:
            k += 1  # the comma closing an apposition: "the country's oldest port, Jask, lies in"
        elif (
            k + 2 < n
            and view.lower[k] == ","
            and view.lower[k + 1] in things.relative_openers
            and view.lower[k + 2] in verbs
        ):
            k += 2  # "Kish, which is part of Hormozgan province"
        first = self._first_conjunct(view, entities, mention.start)
        if "province" in kinds and (
            self._own_province_apposition(view, k) or self._own_province_before(view, first)
        ):  # "X, the provincial capital," / "the provincial capital X" / "the province's X (and Y)"
            return self._last_named(entities, "province", before=mention.start, fits=fits)
        owner = self._possessive_province_before(view, entities, first)
        if "province" in kinds and owner is not None and fits(owner):
            return owner  # "Fars province's Marvdasht county"
        k = self._after_place_apposition(view, k)  # "Mashhad, the capital of Khorasan Razavi Province"
        while k < n and view.lower[k] in verbs:
            k += 1
        if k + 1 < n and view.lower[k] in things.containment_nouns and view.lower[k + 1] == "of":
            k += 1  # "is part of"
        if k < n and view.lower[k] in ("province", "city", "county"):
            k += 1
        if k >= n or view.lower[k] not in things.containment_links:
            return None
        k += 1
        if view.lower[k - 1] == "," and k < n and view.lower[k] in things.containment_links:
            k += 1  # "Jask, in Hormozgan"
        if k + 1 < n and view.lower[k] in ("this", "the") and view.lower[k + 1] in kinds:
            return self._last_named(entities, view.lower[k + 1], before=k, fits=fits)  # "in this province"
        if (
            k + 2 < n
            and view.lower[k] == "the"
            and view.lower[k + 1] in things.direction_nouns
            and view.lower[k + 2] == "of"
        ):
            k += 3  # "in the north of Khuzestan province", "in the south of the province"
            if k + 1 < n and view.lower[k] in ("this", "the") and view.lower[k + 1] in kinds:
                return self._last_named(entities, view.lower[k + 1], before=k, fits=fits)
        if k < n and view.lower[k] == "the":
            k += 1
        if k < n and view.lower[k] in things.direction_adjectives:
            k += 1  # "in the southern Hormozgan province"
        if k + 2 < n and view.lower[k] in ("province", "county") and view.lower[k + 1] == "of":
            k += 2  # "in the southwestern province of Khuzestan"
        country = entities.at(k) if k < n else None
        if country is not None and country.kind == "country" and entities.end_of(k) + 1 < n:
            after = entities.end_of(k)
            if view.words[after] in POSSESSIVES:
                k = after + 1  # "a city in Iran's Razavi Khorasan province"
                if k < n and view.lower[k] in things.direction_adjectives:
                    k += 1  # "in Iran's southeastern Sistan and Baluchestan province"
        target = entities.at(k) if k < n else None
        if (
            target is None
            or target.type not in ("GPE", "LOC")
            or target.kind not in kinds
            or target.canonical == mention.kb_id_
        ):
            return None
        place = self.gazetteer.place(target.canonical)
        if place is None or self._country_of(place) is None or not fits(target):
            return None
        return target

    def _after_coordinated_names(self, view: DocView, k: int) -> int:
        """After ``and Yadavaran oil fields`` in ``Azadegan and Yadavaran oil fields in Khuzestan``
        and after a lower-case place noun (``Azadegan oil field in``): where the link word may
        stand; else k unchanged."""
        words, lower, n = view.words, view.lower, len(view)
        j = k
        if j + 1 < n and lower[j] == "and" and is_capitalised(words[j + 1]):
            j += 1
            while j < n and is_capitalised(words[j]):
                j += 1
            if j < n and lower[j] == "in":
                return j  # "the industrial zones of Ardakan and Chadormalu in Yazd Province": both
        for phrase in self.lexicon.things.place_heads_lower:
            size = len(phrase)
            written = tuple(lower[j : j + size])
            plural = (*phrase[:-1], phrase[-1] + "s")  # "the Azadegan and Yadavaran oil fields"
            if written in (phrase, plural) and j < n and words[j].islower():
                return j + size
        return k

    @staticmethod
    def _after_list(view: DocView, entities: Entities, k: int) -> int:
        """After the places listed from token k on (``, Aligudarz and Kuhdasht``); k when none is."""
        lower, n = view.lower, len(view)
        while k + 1 < n and lower[k] in (",", "and"):
            j = k + 2 if lower[k] == "," and lower[k + 1] == "and" else k + 1
            listed = entities.at(j) if j < n else None
            if listed is None or listed.type not in ("GPE", "LOC"):
                break
            k = entities.end_of(j)
        return k

    def _after_place_apposition(self, view: DocView, k: int) -> int:
        """After ``, the capital of`` / ``, a port city in``: where the link word (``of``, ``in``) is;
        else k unchanged."""
        lower = view.lower
        things = self.lexicon.things
        if k + 3 >= len(view) or lower[k] != ",":
            return k
        if lower[k + 1] in things.apposition_articles or lower[k + 1] in self.lexicon.figures.number_words:
            first = k + 2  # ", a port city in", ", two counties of"
        elif is_capitalised(view.words[k + 1]) and lower[k + 2] in POSSESSIVES:
            first = k + 3  # ", Iran's largest container terminal in"
        else:
            return k
        for j in range(first, min(len(view) - 1, first + 4)):
            noun = lower[j] in things.place_nouns or self._town_plural(lower[j])
            if noun and lower[j + 1] in things.containment_links:
                return j + 1
            if not view.words[j].islower():
                return k
        return k

    @staticmethod
    def _first_conjunct(view: DocView, entities: Entities, start: int) -> int:
        """Where a list of places that ends with the one at ``start`` begins: ``Karkheh`` in
        ``the province's Karkheh, Maroun and Dez dams``; ``start`` itself when no place precedes."""
        while start >= 2 and view.lower[start - 1] in ("and", ","):
            before = entities.at(start - 2)
            if before is None or before.type not in ("GPE", "LOC"):
                break
            start = entities.start_of(start - 2)
        return start

    def _site_container(self, view: DocView, entities: Entities, mention: Span) -> Cluster | None:
        """The town, port or province the text puts a site in: ``X in Y``, ``Y's X``."""
        written = self._written_container(view, entities, mention, kinds=SITE_CONTAINER_KINDS)
        return written or self._possessive_town_before(view, entities, mention.start)

    def _possessive_town_before(self, view: DocView, entities: Entities, start: int) -> Cluster | None:
        """``Chabahar's Shahid Beheshti Port``: the Iranian town whose possessive opens a site's name."""
        if start < 2 or view.words[start - 1] not in POSSESSIVES:
            return None
        town = entities.at(start - 2)
        if town is None or town.type != "GPE" or town.kind not in ("city", "port", "island"):
            return None
        place = self.gazetteer.place(town.canonical)
        return town if place is not None and self._country_of(place) is not None else None

    def _possessive_province_before(self, view: DocView, entities: Entities, start: int) -> Cluster | None:
        """The province whose possessive stands right before token ``start`` (``Fars province's``),
        or that modifies a plural place noun and ``of`` there (``the Gilan counties of``)."""
        if start >= 3 and view.lower[start - 1] == "of" and self._town_plural(view.lower[start - 2]):
            start -= 1  # "the Gilan counties of Langarud and Fuman": as "Gilan's Langarud"
        elif start < 2 or view.lower[start - 1] not in POSSESSIVES:
            return None
        owner = entities.at(start - 2)
        return owner if owner is not None and owner.type == "GPE" and owner.kind == "province" else None

    def _town_plural(self, word: str) -> bool:
        """``counties``, ``cities``, ``towns``: the plural of a noun that frames a town."""
        nouns = self.lexicon.things.town_nouns
        return (word.endswith("ies") and word[:-3] + "y" in nouns) or (
            word.endswith("s") and word[:-1] in nouns
        )

    def _own_province_before(self, view: DocView, start: int) -> bool:
        """``the provincial capital X`` / ``the province's X``: words before a place that put it in the
        province the article is about (the one named last)."""
        lower, things = view.lower, self.lexicon.things
        if start >= 4 and lower[start - 1] == "," and lower[start - 2] in things.place_nouns:
            start -= 1  # "the provincial capital, Gorgan"
        if start >= 5 and lower[start - 1] == "of" and self._town_plural(lower[start - 2]):
            start -= 2  # "the province's cities of Sanandaj, Saqqez and Qorveh": as "the province's X"
        if start >= 3 and lower[start - 3] == "the" and lower[start - 2] == "province":
            return lower[start - 1] in POSSESSIVES
        return (
            start >= 3
            and lower[start - 3] == "the"
            and lower[start - 2] in things.own_province_adjectives
            and lower[start - 1] in things.place_nouns
        )

    def _own_province_apposition(self, view: DocView, k: int) -> bool:
        """``, the provincial capital``: an apposition that puts a place in the province just named."""
        lower, things = view.lower, self.lexicon.things
        return (
            k + 3 < len(view)
            and lower[k] == ","
            and lower[k + 1] in things.apposition_articles
            and lower[k + 2] in things.own_province_adjectives
            and lower[k + 3] in things.place_nouns
            and (k + 4 == len(view) or lower[k + 4] not in things.containment_links or lower[k + 4] == ",")
        )  # not "Tabriz, the provincial capital of East Azarbaijan": that names its province

    @staticmethod
    def _last_named(
        entities: Entities, kind: str, *, before: int, fits: Callable[[Cluster], bool]
    ) -> Cluster | None:
        """The place of that kind named last before token ``before`` that ``fits`` (a city's own province
        rather than a neighbour named in passing)."""
        best: tuple[int, Cluster] | None = None
        for cluster in entities.clusters:
            if cluster.type != "GPE" or cluster.kind != kind or not fits(cluster):
                continue
            starts = [span.start for span in cluster.spans if span.start < before]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), cluster)
        return best[1] if best is not None else None


@Language.factory(
    "newskg_places",
    requires=[ext.attr(ext.ENTITIES)],
    assigns=[ext.attr(ext.LOCATED_IN), ext.attr(ext.REPORTED_BY)],
)
def make_places(nlp: Language, name: str) -> PlaceLinker:
    return PlaceLinker(load_lexicon(), load_gazetteer())
