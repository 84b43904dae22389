"""The OWL ontology parses, is documented, and declares exactly the terms of ``NKG``."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from newskg.resources import load_ontology
from newskg.vocab.namespace import NKG, OA, ONTOLOGY_IRI, ORG, PROV, SCHEMA

DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
XSD_IRI = str(rdflib.XSD)
"""A string, not the namespace: pytest probes module globals, and rdflib's XSD warns on unknown names."""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def nkg_terms() -> set[URIRef]:
    """Every term of the ``NKG`` namespace class."""
    return set(dir(NKG))


def declared_terms(graph: Graph) -> set[URIRef]:
    """Every ``nkg:`` IRI typed as an OWL class or property in the ontology."""
    return {
        subject
        for kind in DECLARATION_TYPES
        for subject in graph.subjects(RDF.type, kind)
        if isinstance(subject, URIRef) and subject.startswith(ONTOLOGY_IRI)
    }


def test_ontology_has_a_documented_header(ontology: Graph) -> None:
    headers = list(ontology.subjects(RDF.type, OWL.Ontology))
    assert len(headers) == 1
    header = headers[0]
    assert ontology.value(header, RDFS.label) is not None
    assert ontology.value(header, RDFS.comment) is not None
    assert ontology.value(header, OWL.versionInfo) is not None


def test_every_nkg_term_is_declared_in_the_ontology(ontology: Graph) -> None:
    missing = nkg_terms() - declared_terms(ontology)
    assert not missing, f"in NKG but not declared in ontology/newskg.ttl: {sorted(missing)}"


def test_every_declared_term_is_in_nkg(ontology: Graph) -> None:
    extra = declared_terms(ontology) - nkg_terms()
    assert not extra, f"declared in ontology/newskg.ttl but missing from NKG: {sorted(extra)}"


def test_no_nkg_iri_is_used_that_nkg_does_not_define(ontology: Graph) -> None:
    used = {term for triple in ontology for term in triple if isinstance(term, URIRef)}
    stray = {term for term in used if term.startswith(ONTOLOGY_IRI)} - nkg_terms()
    assert not stray, f"nkg: IRIs used in the ontology but not in NKG (typos?): {sorted(stray)}"


@pytest.mark.parametrize("term", sorted(nkg_terms()), ids=lambda term: term.removeprefix(ONTOLOGY_IRI))
def test_term_has_one_declaration_matching_its_name(ontology: Graph, term: URIRef) -> None:
    kinds = [kind for kind in DECLARATION_TYPES if (term, RDF.type, kind) in ontology]
    assert len(kinds) == 1, f"{term} has declarations {kinds}"
    is_class = term.removeprefix(ONTOLOGY_IRI)[0].isupper()
    assert (kinds[0] == OWL.Class) is is_class, "classes are capitalised, properties are not"


@pytest.mark.parametrize("term", sorted(nkg_terms()), ids=lambda term: term.removeprefix(ONTOLOGY_IRI))
@pytest.mark.parametrize("annotation", [RDFS.label, RDFS.comment], ids=["label", "comment"])
def test_term_has_an_english_annotation(ontology: Graph, term: URIRef, annotation: URIRef) -> None:
    values = list(ontology.objects(term, annotation))
    english = [v for v in values if isinstance(v, Literal) and v.language == "en" and str(v).strip()]
    assert len(english) == 1, f"{term} needs exactly one English {annotation}, has {values}"


@pytest.mark.parametrize(
    "term", sorted(set(load_ontology().subjects(RDF.type, OWL.DatatypeProperty)) & set(dir(NKG)))
)
def test_datatype_properties_have_an_xsd_range(ontology: Graph, term: URIRef) -> None:
    ranges = list(ontology.objects(term, RDFS.range))
    assert len(ranges) == 1
    assert ranges[0].startswith(XSD_IRI)


@pytest.mark.parametrize(
    "term", sorted(set(load_ontology().subjects(RDF.type, OWL.ObjectProperty)) & set(dir(NKG)))
)
def test_object_properties_do_not_range_over_literals(ontology: Graph, term: URIRef) -> None:
    for range_ in ontology.objects(term, RDFS.range):
        assert not range_.startswith(XSD_IRI), f"{term} is an object property with range {range_}"


@pytest.mark.parametrize(
    ("sub", "supers"),
    [
        (NKG.Article, {SCHEMA.NewsArticle, PROV.Entity}),
        (NKG.Person, {SCHEMA.Person, PROV.Agent}),
        (NKG.Organization, {ORG.Organization, SCHEMA.Organization, PROV.Agent}),
        (NKG.NewsAgency, {NKG.Organization}),
        (NKG.Place, {SCHEMA.Place}),
        (NKG.Country, {NKG.Place, SCHEMA.Country}),
        (NKG.Province, {NKG.Place, SCHEMA.AdministrativeArea}),
        (NKG.City, {NKG.Place, SCHEMA.City}),
        (NKG.Membership, {ORG.Membership}),
        (NKG.Statement, {PROV.Entity}),
        (NKG.Evidence, {OA.SpecificResource}),
    ],
    ids=lambda value: value.removeprefix(ONTOLOGY_IRI) if isinstance(value, str) else None,
)
def test_classes_align_with_standard_vocabularies(ontology: Graph, sub: URIRef, supers: set[URIRef]) -> None:
    assert supers <= set(ontology.objects(sub, RDFS.subClassOf))


@pytest.mark.parametrize(
    ("sub", "super_"),
    [(NKG.locatedIn, SCHEMA.containedInPlace), (NKG.reportedIn, PROV.wasDerivedFrom)],
)
def test_properties_align_with_standard_vocabularies(ontology: Graph, sub: URIRef, super_: URIRef) -> None:
    assert (sub, RDFS.subPropertyOf, super_) in ontology


def test_located_in_is_not_transitive(ontology: Graph) -> None:
    assert (NKG.locatedIn, RDF.type, OWL.TransitiveProperty) not in ontology


def test_person_organization_and_place_are_pairwise_disjoint(ontology: Graph) -> None:
    member_lists = [
        set(ontology.items(ontology.value(node, OWL.members)))
        for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert {NKG.Person, NKG.Organization, NKG.Place} in member_lists


def test_a_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        _ = NKG.Artcle
