"""``newskg_places``: which place lies in which, and which news agency reported the article.

Provinces and cities lie in the place their gazetteer entry names (a province in Iran); a news
agency is credited when a reporting cue stands next to it (``IRIB reported``, ``(MNA)``, ``Tasnim
news agency reported``, ``All Content by Mehr News Agency is licensed ...``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteers import Gazetteer, load_gazetteer
from ..state import Cluster, DocState, LinkFact, state_of
from ..text import DocView

CREDIT_AFTER = re.compile(
    r"\A\W{0,3}(?:news agency\s+)?(?:reported|reports|quoted|cited|said|says|wrote|\))", re.I
)
CREDIT_BEFORE = re.compile(r"(?:according to|told|by|quoted by|\(|reported by|content by|to)\s*\Z", re.I)


class PlaceLinker:
    """Adds located-in links from the gazetteer and reported-by credits from cues."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        self._run(state.view_of(doc), state)
        return doc

    def _run(self, doc: DocView, state: DocState) -> None:
        by_name = {c.canonical: c for c in state.clusters}
        text = doc.text
        for cluster in state.clusters:
            if cluster.type in ("GPE", "LOC"):
                container = self._container(cluster.canonical, by_name)
                if container is not None:
                    span = cluster.spans[0]
                    state.located_in.append(
                        LinkFact(
                            cluster, container, span.start_char, span.end_char, rule="gazetteer_containment"
                        )
                    )
            elif cluster.type == "NEWS_AGENCY":
                for span in cluster.spans:
                    before = text[max(0, span.start_char - 16) : span.start_char]
                    after = text[span.end_char : span.end_char + 24]
                    if CREDIT_AFTER.match(after) or CREDIT_BEFORE.search(before):
                        state.reported_by.append(
                            LinkFact(cluster, None, span.start_char, span.end_char, rule="agency_credit")
                        )
                        break
        return

    def _container(self, canonical: str, by_name: dict[str, Cluster]) -> Cluster | None:
        """The country a province or city lies in (a city's province is not stated by the text)."""
        place = self.gazetteer.place(canonical)
        if place is None or not place.container:
            return None
        container = self.gazetteer.place(place.container)
        if (
            place.kind == "city"
            and container is not None
            and container.kind == "province"
            and container.container
        ):
            container = self.gazetteer.place(container.container)
        if container is None:
            return None
        return by_name.get(container.canonical) or Cluster(
            container.canonical, "GPE", [], kind=container.kind
        )


@Language.factory("newskg_places", assigns=["doc._.newskg"], requires=["doc.ents"])
def make_places(nlp: Language, name: str) -> PlaceLinker:
    return PlaceLinker(load_gazetteer())
