"""The one table of entity types: for each nkg class of entity, the record types (spaCy labels) that
are it, the IRI path its entities are minted under, the class also asserted, and its colour in views.

Pure Python, with class IRIs as strings: ``newskg.iris`` (which the NLP stage uses) reads the paths,
and code facing rdflib turns the IRIs into ``URIRef``s. The sync test checks every class against the
ontology.
"""

from __future__ import annotations

from dataclasses import dataclass

from .prefixes import ONTOLOGY_IRI


@dataclass(frozen=True, slots=True)
class EntityType:
    """One class of entity."""

    name: str
    """The nkg class's local name, which is also the type views show: ``NewsAgency``."""
    labels: tuple[str, ...]
    """The record types (``Entity.type``) of this class: ``("GPE", "LOC")`` for places; none for the
    kinds of place, which a place's ``Entity.kind`` selects."""
    path: str
    """Where its IRIs live under ``INSTANCE_BASE``: ``org`` (news agencies are organisations)."""
    colour: str
    """Its nodes' colour in drawings and HTML views (Tableau 10, readable for the common colour-vision
    deficiencies)."""
    broader: str | None = None
    """The nkg class also asserted on its entities, since graphs are validated without inference."""
    kind: str | None = None
    """The ``Entity.kind`` of a place that makes it this class: ``country``."""

    @property
    def iri(self) -> str:
        return ONTOLOGY_IRI + self.name

    @property
    def classes(self) -> tuple[str, ...]:
        """The class IRIs asserted on an entity of this type: its own, then the broader one."""
        return (self.iri,) if self.broader is None else (self.iri, ONTOLOGY_IRI + self.broader)


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("Person", ("PERSON",), "person", "#e15759"),
    EntityType("NewsAgency", ("NEWS_AGENCY",), "org", "#76b7b2", broader="Organization"),
    EntityType("Organization", ("ORG",), "org", "#4e79a7"),
    EntityType("Country", (), "place", "#59a14f", broader="Place", kind="country"),
    EntityType("Province", (), "place", "#8cd17d", broader="Place", kind="province"),
    EntityType("City", (), "place", "#b6992d", broader="Place", kind="city"),
    EntityType("Place", ("GPE", "LOC"), "place", "#a0cbe8"),
    EntityType("Motto", ("MOTTO",), "motto", "#f28e2b"),
    EntityType("Program", ("PROGRAM",), "program", "#b07aa1"),
    EntityType("Event", ("EVENT",), "event", "#ff9da7"),
)
"""Most specific class first, so the first one a node has is its type."""

BY_LABEL: dict[str, EntityType] = {label: t for t in ENTITY_TYPES for label in t.labels}
"""The type of each record type: ``BY_LABEL["NEWS_AGENCY"].path == "org"``."""
BY_KIND: dict[str, EntityType] = {t.kind: t for t in ENTITY_TYPES if t.kind is not None}
"""The class of each kind of place: ``BY_KIND["city"].name == "City"``."""
