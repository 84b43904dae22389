"""The Doc extensions the newskg components communicate through: one per kind of fact.

A component writes the kinds it ``assigns`` and reads the kinds it ``requires``, as declared on its
factory, so ``nlp.analyze_pipes()`` reports a pipeline whose order would find nothing. An extension
that no earlier component set is ``None`` (not an empty list), and reading it raises
:class:`~newskg.errors.PipelineOrderError` naming the component that should have run first.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..errors import PipelineOrderError
from .text import DocView

DATE = "newskg_date"
"""ISO date of the article, set by the caller before the pipeline runs (``None`` when unknown)."""
PLACE_NAMES = "newskg_place_names"
"""Candidates for places (GPE, LOC): the dateline, the gazetteer."""
AGENCY_NAMES = "newskg_agency_names"
"""Candidates for news agencies: the dateline, the gazetteer."""
ORG_NAMES = "newskg_org_names"
"""Candidates for organisations, programmes and events: acronyms and head-word names."""
MOTTO_NAMES = "newskg_motto_names"
PERSON_NAMES = "newskg_person_names"
ENTITIES = "newskg_entities"
"""The settled entities (:class:`~newskg.nlp.facts.Entities`), also written as ``doc.ents``."""
TITLES = "newskg_titles"
"""Title phrases bound to the people they name (:class:`~newskg.nlp.facts.TitleBinding`)."""
ROLES = "newskg_roles"
STATEMENTS = "newskg_statements"
STATISTICS = "newskg_statistics"
LOCATED_IN = "newskg_located_in"
REPORTED_BY = "newskg_reported_by"

CANDIDATE_KINDS = (PLACE_NAMES, AGENCY_NAMES, ORG_NAMES, MOTTO_NAMES, PERSON_NAMES)
FACT_KINDS = (ENTITIES, TITLES, ROLES, STATEMENTS, STATISTICS, LOCATED_IN, REPORTED_BY)
ALL = (DATE, *CANDIDATE_KINDS, *FACT_KINDS)

WRITTEN_BY = {
    PLACE_NAMES: "newskg_gazetteer",
    AGENCY_NAMES: "newskg_gazetteer",
    ORG_NAMES: "newskg_organizations",
    MOTTO_NAMES: "newskg_mottos",
    PERSON_NAMES: "newskg_persons",
    ENTITIES: "newskg_entities",
    TITLES: "newskg_roles",
    ROLES: "newskg_roles",
    STATEMENTS: "newskg_statements",
    STATISTICS: "newskg_statistics",
    LOCATED_IN: "newskg_places",
    REPORTED_BY: "newskg_places",
}

VIEW_KEY = "newskg_view"
TEXT_KEY = "newskg_text"


def attr(name: str) -> str:
    """The attribute as ``requires``/``assigns`` spell it: ``doc._.newskg_roles``."""
    return f"doc._.{name}"


_registered = False


def ensure_extensions() -> None:
    """Register every newskg extension once (idempotent; a flag spares the check on every call)."""
    global _registered
    if _registered:
        return
    for name in ALL:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    _registered = True


_KEYS = {name: ("._.", name, None, None) for name in ALL}
"""Where ``doc._.<name>`` keeps its value in ``doc.user_data`` (spaCy's own key for a Doc
extension): read and written directly, because ``doc._`` builds a new object on every use and the
components ask dozens of times per Doc. ``tests/nlp/test_pipeline.py`` checks both agree."""


def _data(doc: Doc) -> dict[Any, Any]:
    data: dict[Any, Any] = doc.user_data
    return data


def get(doc: Doc, name: str) -> Any:
    """The facts of one kind; raises when the component that writes them has not run."""
    value = _data(doc).get(_KEYS[name])
    if value is None:
        raise PipelineOrderError(
            f"doc._.{name} is not set: add '{WRITTEN_BY.get(name, name)}' to the pipeline before the"
            " components that read it (newskg.nlp.make_pipeline builds the right order)"
        )
    return value


def put(doc: Doc, name: str, value: Any) -> None:
    ensure_extensions()
    _data(doc)[_KEYS[name]] = value


def extend(doc: Doc, name: str, items: list[Any]) -> None:
    """Add facts to a kind several components write (the gazetteer and the dateline both name places)."""
    ensure_extensions()
    data = _data(doc)
    data[_KEYS[name]] = [*(data.get(_KEYS[name]) or ()), *items]


def article_date(doc: Doc) -> str | None:
    value: str | None = _data(doc).get(_KEYS[DATE])
    return value


def view_of(doc: Doc) -> DocView:
    """The token lists of a Doc, read once and shared by all components."""
    view = doc.user_data.get(VIEW_KEY)
    if not isinstance(view, DocView) or view.doc is not doc or len(view) != len(doc):
        view = doc.user_data[VIEW_KEY] = DocView(doc, doc.user_data.get(TEXT_KEY))
    return view


def keep_text(doc: Doc, text: str) -> None:
    """Keep the text a Doc was made from, so that its view need not join the words again."""
    doc.user_data[TEXT_KEY] = text


def forget_view(doc: Doc) -> None:
    """Drop the cached token lists (after a component changed sentence boundaries)."""
    doc.user_data.pop(VIEW_KEY, None)
