"""Each SHACL shape accepts a small conforming graph and rejects a violating one with its own message.

Snippets are validated as the pipeline validates graphs: shapes only, no ontology, no inference.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
import pytest
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, SKOS

from newskg.resources import load_shapes
from newskg.vocab.namespace import ID, NKG, OA, ONTOLOGY_IRI, TIME
from newskg.vocab.namespace import PREFIXES as NEWSKG_PREFIXES

PREFIXES = "".join(
    f"@prefix {prefix}: <{iri}> .\n"
    for prefix, iri in {**NEWSKG_PREFIXES, "rdf": RDF, "skos": SKOS, "xsd": str(rdflib.XSD)}.items()
)
"""Turtle prefixes for the snippets: newskg's own, plus rdf, skos and xsd."""

BASE = """
id:a1 a nkg:Article ;
    schema:identifier "a1" ;
    schema:datePublished "2024-05-01"^^xsd:date ;
    schema:url "https://example.org/a1"^^xsd:anyURI ;
    schema:headline "Exports rise" ;
    schema:publisher "Example Daily" ;
    nkg:reportedBy id:irna ;
    nkg:mentions id:salehabadi, id:cbi, id:tehran .

id:irna a nkg:NewsAgency, nkg:Organization ;
    skos:prefLabel "IRNA" ; skos:altLabel "Islamic Republic News Agency" ; prov:wasDerivedFrom id:a1 .
id:salehabadi a nkg:Person ; skos:prefLabel "Ali Salehabadi" ; prov:wasDerivedFrom id:a1 .
id:cbi a nkg:Organization ;
    skos:prefLabel "Central Bank of Iran" ; skos:altLabel "CBI" ; prov:wasDerivedFrom id:a1 .
id:iran a nkg:Country, nkg:Place ; skos:prefLabel "Iran" ; prov:wasDerivedFrom id:a1 .
id:tehran a nkg:Province, nkg:Place ;
    skos:prefLabel "Tehran" ; nkg:locatedIn id:iran ; prov:wasDerivedFrom id:a1 .

id:ev1 a nkg:Evidence ;
    oa:hasSource id:a1 ;
    nkg:sentence "Exports rose 12.5 percent, Salehabadi said." ;
    oa:hasSelector id:ev1-pos, id:ev1-quote .
id:ev1-pos a oa:TextPositionSelector ;
    oa:start "0"^^xsd:nonNegativeInteger ; oa:end "12"^^xsd:nonNegativeInteger .
id:ev1-quote a oa:TextQuoteSelector ; oa:exact "Exports rose" .
"""
"""Valid nodes a snippet may point to: an article, its agency, a person, an organisation, places, evidence."""


@dataclass(frozen=True)
class Case:
    """A Turtle snippet added to ``BASE``, and what validating it should report."""

    id: str
    shape: str
    """Local name of the NodeShape the snippet exercises."""
    turtle: str
    message: str | None = None
    """For a violating snippet, a fragment of the sh:message the results must carry."""
    focus: str = "x"
    """Local name (in ``id:``) of the only node a violating snippet may break."""


# fmt: off
CONFORMING = [
    Case("article", "ArticleShape", """
        id:x a nkg:Article ; schema:identifier "x" ; schema:datePublished "2024-05-02"^^xsd:date ;
            schema:url "https://example.org/x"^^xsd:anyURI ; schema:headline "Headline" ;
            schema:publisher "Example Daily" ; nkg:reportedBy id:irna ; nkg:mentions id:iran .
    """),
    Case("person", "PersonShape", """
        id:x a nkg:Person ; skos:prefLabel "Mohammad Reza Farzin" ; skos:altLabel "Farzin" ;
            prov:wasDerivedFrom id:a1 .
    """),
    Case("organization", "OrganizationShape", """
        id:x a nkg:Organization ; skos:prefLabel "Ministry of Economy" ; prov:wasDerivedFrom id:a1 .
    """),
    Case("news-agency", "NewsAgencyShape", """
        id:x a nkg:NewsAgency, nkg:Organization ; skos:prefLabel "ISNA" ; prov:wasDerivedFrom id:a1 .
    """),
    Case("place", "PlaceShape", """
        id:x a nkg:Place ; skos:prefLabel "Persian Gulf" ; nkg:locatedIn id:iran ; prov:wasDerivedFrom id:a1 .
    """),
    Case("country", "CountryShape", """
        id:x a nkg:Country, nkg:Place ; skos:prefLabel "Iraq" ; prov:wasDerivedFrom id:a1 .
    """),
    Case("province", "ProvinceShape", """
        id:x a nkg:Province, nkg:Place ; skos:prefLabel "Isfahan" ; nkg:locatedIn id:iran ;
            prov:wasDerivedFrom id:a1 .
    """),
    Case("city", "CityShape", """
        id:x a nkg:City, nkg:Place ; skos:prefLabel "Tehran" ; nkg:locatedIn id:tehran ;
            prov:wasDerivedFrom id:a1 .
    """),
    Case("motto", "MottoShape", """
        id:x a nkg:Motto ; skos:prefLabel "Surge in Production" ; prov:wasDerivedFrom id:a1 .
    """),
    Case("program", "ProgramShape", """
        id:x a nkg:Program ; skos:prefLabel "Seventh Development Plan" ; prov:wasDerivedFrom id:a1 .
    """),
    Case("event", "EventShape", """
        id:x a nkg:Event ; skos:prefLabel "Iran Expo 2024" ; prov:wasDerivedFrom id:a1 .
    """),
    Case("membership", "MembershipShape", """
        id:x a nkg:Membership ; org:member id:salehabadi ; org:organization id:cbi ;
            nkg:roleName "former head" ; nkg:titleAsWritten "Previous Head" ; nkg:status "former" ;
            nkg:reportedIn id:a1 ; nkg:reportedOn "2024-05-01"^^xsd:date ; nkg:evidence id:ev1 ;
            nkg:extractedBy "role-title-of-org" .
    """),
    Case("membership-status-typed-as-xsd-string", "MembershipShape", """
        id:x a nkg:Membership ; org:member id:salehabadi ; org:organization id:cbi ;
            nkg:roleName "head" ; nkg:status "current"^^xsd:string ; nkg:reportedIn id:a1 .
    """),
    Case("statement", "StatementShape", """
        id:x a nkg:Statement ; nkg:speaker id:cbi ; nkg:cue "announced" ;
            nkg:content "Exports rose 12.5 percent." ; nkg:reportedIn id:a1 ; nkg:evidence id:ev1 .
    """),
    Case("observation", "ObservationShape", """
        id:x a nkg:Observation ; nkg:value "14458"^^xsd:decimal ; nkg:valueText "14,458" ;
            nkg:unit "units" ; nkg:measures "housing units" ; nkg:about id:tehran ;
            nkg:periodLabel "the first two months" ; nkg:periodStart "2024-03-20"^^xsd:date ;
            nkg:periodEnd "2024-05-20"^^xsd:date ; nkg:reportedIn id:a1 ; nkg:evidence id:ev1 .
    """),
    Case("percent-in-range", "PercentObservationShape", """
        id:x a nkg:Observation ; nkg:value "12.5"^^xsd:decimal ; nkg:unit "percent" ; nkg:reportedIn id:a1 .
    """),
    Case("percent-bounds-are-inclusive", "PercentObservationShape", """
        id:x a nkg:Observation ; nkg:value "100"^^xsd:decimal ; nkg:unit "percent" ; nkg:reportedIn id:a1 .
        id:y a nkg:Observation ; nkg:value "0"^^xsd:decimal ; nkg:unit "percent" ; nkg:reportedIn id:a1 .
    """),
    Case("large-value-in-another-unit", "PercentObservationShape", """
        id:x a nkg:Observation ; nkg:value "14458"^^xsd:decimal ; nkg:unit "rials" ; nkg:reportedIn id:a1 .
    """),
    Case("percent-up-to-100", "PercentAboveHundredShape", """
        id:x a nkg:Observation ; nkg:value "100"^^xsd:decimal ; nkg:unit "percent" ; nkg:reportedIn id:a1 .
        id:y a nkg:Observation ; nkg:value "-3"^^xsd:decimal ; nkg:unit "degrees" ; nkg:reportedIn id:a1 .
    """),
    Case("assertion", "AssertionShape", """
        id:x a nkg:Assertion, rdf:Statement ; rdf:subject id:cbi ; rdf:predicate skos:altLabel ;
            rdf:object "CBI" ; nkg:reportedIn id:a1 ; prov:wasDerivedFrom id:a1 ;
            nkg:reportedOn "2024-05-01"^^xsd:date ; nkg:evidence id:ev1 ; nkg:extractedBy "acronym" .
    """),
    Case("interval", "IntervalShape", """
        id:x a time:Interval ; time:hasBeginning id:d1 ; nkg:latestReport id:d2 ; time:hasEnd id:d2 ;
            nkg:endReportedIn id:a1 .
        id:d1 a time:Instant ; time:inXSDDate "2024-03-01"^^xsd:date .
        id:d2 a time:Instant ; time:inXSDDate "2024-05-01"^^xsd:date .
    """),
    Case("instant", "InstantShape", """
        id:x a time:Instant ; time:inXSDDate "2024-05-01"^^xsd:date .
    """),
    Case("evidence", "EvidenceShape", """
        id:x a nkg:Evidence ; oa:hasSource id:a1 ; nkg:sentence "Salehabadi said." ;
            oa:hasSelector [ a oa:TextPositionSelector ;
                oa:start "0"^^xsd:nonNegativeInteger ; oa:end "10"^^xsd:nonNegativeInteger ] .
    """),
    Case("text-position-selector", "TextPositionSelectorShape", """
        id:x a oa:TextPositionSelector ; oa:start "4"^^xsd:nonNegativeInteger ;
            oa:end "5"^^xsd:nonNegativeInteger .
    """),
    Case("integer-offsets-as-oxigraph-keeps-them", "TextPositionSelectorShape", """
        id:x a oa:TextPositionSelector ; oa:start 4 ; oa:end 5 .
    """),
    Case("text-quote-selector", "TextQuoteSelectorShape", """
        id:x a oa:TextQuoteSelector ; oa:exact "Salehabadi" .
    """),
]

VIOLATING = [
    Case("article-without-identifier", "ArticleShape", """
        id:x a nkg:Article ; schema:headline "No id" .
    """, "An article needs exactly one identifier"),
    Case("article-reported-by-a-person", "ArticleShape", """
        id:x a nkg:Article ; schema:identifier "x" ; nkg:reportedBy id:salehabadi .
    """, "only be reported by (nkg:reportedBy) a nkg:NewsAgency"),
    Case("person-with-two-labels", "PersonShape", """
        id:x a nkg:Person ; skos:prefLabel "Farzin", "M. R. Farzin" ; prov:wasDerivedFrom id:a1 .
    """, "A person needs exactly one preferred label (skos:prefLabel)"),
    Case("person-with-language-tagged-label", "PersonShape", """
        id:x a nkg:Person ; skos:prefLabel "Farzin"@en ; prov:wasDerivedFrom id:a1 .
    """, "A person needs exactly one preferred label (skos:prefLabel)"),
    Case("person-also-organization", "PersonShape", """
        id:x a nkg:Person, nkg:Organization ; skos:prefLabel "Farzin" ; prov:wasDerivedFrom id:a1 .
    """, "cannot also be an organisation or a place"),
    Case("organization-without-article", "OrganizationShape", """
        id:x a nkg:Organization ; skos:prefLabel "Ministry of Economy" .
    """, "An organisation must be derived from (prov:wasDerivedFrom)"),
    Case("organization-also-place", "OrganizationShape", """
        id:x a nkg:Organization, nkg:Place ; skos:prefLabel "Kish Free Zone" ; prov:wasDerivedFrom id:a1 .
    """, "cannot also be a place"),
    Case("news-agency-not-organization", "NewsAgencyShape", """
        id:x a nkg:NewsAgency ; skos:prefLabel "ISNA" ; prov:wasDerivedFrom id:a1 .
    """, "must also be typed nkg:Organization"),
    Case("place-in-a-person", "PlaceShape", """
        id:x a nkg:Place ; skos:prefLabel "Kish" ; nkg:locatedIn id:salehabadi ; prov:wasDerivedFrom id:a1 .
    """, "A place can only be located in (nkg:locatedIn) another nkg:Place"),
    Case("country-not-place", "CountryShape", """
        id:x a nkg:Country ; skos:prefLabel "Iraq" ; prov:wasDerivedFrom id:a1 .
    """, "A country must also be typed nkg:Place"),
    Case("province-not-place", "ProvinceShape", """
        id:x a nkg:Province ; skos:prefLabel "Isfahan" ; prov:wasDerivedFrom id:a1 .
    """, "A province must also be typed nkg:Place"),
    Case("city-not-place", "CityShape", """
        id:x a nkg:City ; skos:prefLabel "Shiraz" ; prov:wasDerivedFrom id:a1 .
    """, "A city must also be typed nkg:Place"),
    Case("motto-with-empty-label", "MottoShape", """
        id:x a nkg:Motto ; skos:prefLabel "" ; prov:wasDerivedFrom id:a1 .
    """, "A motto needs exactly one preferred label"),
    Case("program-with-empty-alt-label", "ProgramShape", """
        id:x a nkg:Program ; skos:prefLabel "Seventh Development Plan" ; skos:altLabel "" ;
            prov:wasDerivedFrom id:a1 .
    """, "A program's other names (skos:altLabel) must be non-empty strings"),
    Case("event-derived-from-a-person", "EventShape", """
        id:x a nkg:Event ; skos:prefLabel "Iran Expo 2024" ; prov:wasDerivedFrom id:salehabadi .
    """, "An event must be derived from (prov:wasDerivedFrom) at least one nkg:Article"),
    Case("membership-with-unknown-status", "MembershipShape", """
        id:x a nkg:Membership ; org:member id:salehabadi ; org:organization id:cbi ;
            nkg:roleName "head" ; nkg:status "incumbent" ; nkg:reportedIn id:a1 .
    """, "A membership needs exactly one status (nkg:status)"),
    Case("membership-of-an-organization", "MembershipShape", """
        id:x a nkg:Membership ; org:member id:cbi ; org:organization id:cbi ;
            nkg:roleName "head" ; nkg:status "current" ; nkg:reportedIn id:a1 .
    """, "A membership needs exactly one member (org:member), a nkg:Person"),
    Case("statement-by-a-place", "StatementShape", """
        id:x a nkg:Statement ; nkg:speaker id:tehran ; nkg:cue "said" ; nkg:reportedIn id:a1 ;
            nkg:evidence id:ev1 .
    """, "A statement needs exactly one speaker (nkg:speaker)"),
    Case("statement-without-evidence", "StatementShape", """
        id:x a nkg:Statement ; nkg:speaker id:salehabadi ; nkg:cue "said" ; nkg:reportedIn id:a1 .
    """, "A statement needs at least one evidence (nkg:evidence)"),
    Case("observation-with-integer-value", "ObservationShape", """
        id:x a nkg:Observation ; nkg:value 14458 ; nkg:unit "units" ; nkg:reportedIn id:a1 .
    """, "An observation needs exactly one value (nkg:value), an xsd:decimal"),
    Case("observation-period-ends-before-it-starts", "ObservationShape", """
        id:x a nkg:Observation ; nkg:value "3"^^xsd:decimal ; nkg:unit "units" ; nkg:reportedIn id:a1 ;
            nkg:periodStart "2024-05-20"^^xsd:date ; nkg:periodEnd "2024-03-20"^^xsd:date .
    """, "not after its nkg:periodEnd"),
    Case("percent-above-100", "PercentAboveHundredShape", """
        id:x a nkg:Observation ; nkg:value "150"^^xsd:decimal ; nkg:unit "percent" ; nkg:reportedIn id:a1 .
    """, "An observation in percent"),
    Case("percent-typed-as-xsd-string-above-100", "PercentAboveHundredShape", """
        id:x a nkg:Observation ; nkg:value "101"^^xsd:decimal ; nkg:unit "percent"^^xsd:string ;
            nkg:reportedIn id:a1 .
    """, "An observation in percent"),
    Case("percent-below-0", "PercentObservationShape", """
        id:x a nkg:Observation ; nkg:value "-0.5"^^xsd:decimal ; nkg:unit "percent" ; nkg:reportedIn id:a1 .
    """, "An observation in percent"),
    Case("alias-assertion-without-evidence", "AssertionShape", """
        id:x a nkg:Assertion ; rdf:subject id:cbi ; rdf:predicate skos:altLabel ; rdf:object "CBI" ;
            nkg:reportedIn id:a1 ; nkg:extractedBy "acronym" .
    """, "An assertion needs at least one evidence (nkg:evidence)"),
    Case("assertion-of-another-predicate", "AssertionShape", """
        id:x a nkg:Assertion ; rdf:subject id:cbi ; rdf:predicate org:headOf ; rdf:object id:cbi ;
            nkg:reportedIn id:a1 ; nkg:evidence id:ev1 ; nkg:extractedBy "acronym" .
    """, "An assertion needs exactly one rdf:predicate"),
    Case("interval-without-beginning", "IntervalShape", """
        id:x a time:Interval ; nkg:latestReport id:d2 .
        id:d2 a time:Instant ; time:inXSDDate "2024-05-01"^^xsd:date .
    """, "An interval needs exactly one beginning (time:hasBeginning)"),
    Case("instant-with-a-datetime", "InstantShape", """
        id:x a time:Instant ; time:inXSDDate "2024-05-01T10:00:00"^^xsd:dateTime .
    """, "An instant needs exactly one date (time:inXSDDate)"),
    Case("evidence-without-position-selector", "EvidenceShape", """
        id:x a nkg:Evidence ; oa:hasSource id:a1 ; nkg:sentence "Salehabadi said." ;
            oa:hasSelector id:ev1-quote .
    """, "Evidence needs exactly one selector (oa:hasSelector) that is an oa:TextPositionSelector"),
    Case("evidence-with-two-position-selectors", "EvidenceShape", """
        id:x a nkg:Evidence ; oa:hasSource id:a1 ; nkg:sentence "Salehabadi said." ;
            oa:hasSelector id:ev1-pos, [ a oa:TextPositionSelector ;
                oa:start "0"^^xsd:nonNegativeInteger ; oa:end "10"^^xsd:nonNegativeInteger ] .
    """, "Evidence needs exactly one selector (oa:hasSelector) that is an oa:TextPositionSelector"),
    Case("evidence-citing-a-person", "EvidenceShape", """
        id:x a nkg:Evidence ; oa:hasSource id:salehabadi ; nkg:sentence "Salehabadi said." ;
            oa:hasSelector id:ev1-pos .
    """, "Evidence needs exactly one source (oa:hasSource), a nkg:Article"),
    Case("span-ends-before-it-starts", "TextPositionSelectorShape", """
        id:x a oa:TextPositionSelector ; oa:start "10"^^xsd:nonNegativeInteger ;
            oa:end "3"^^xsd:nonNegativeInteger .
    """, "less than its oa:end"),
    Case("span-with-negative-start", "TextPositionSelectorShape", """
        id:x a oa:TextPositionSelector ; oa:start -1 ; oa:end "3"^^xsd:nonNegativeInteger .
    """, "exactly one oa:start, a non-negative integer"),
    Case("quote-without-text", "TextQuoteSelectorShape", """
        id:x a oa:TextQuoteSelector .
    """, "A text quote selector needs exactly one oa:exact"),
]
# fmt: on


@dataclass(frozen=True)
class Result:
    """One sh:ValidationResult, reduced to what the tests look at."""

    focus: rdflib.term.Node
    source_shape: rdflib.term.Node
    messages: frozenset[str]


def validate(turtle: str) -> tuple[bool, list[Result]]:
    """Validate ``BASE`` plus a snippet against the shipped shapes, without inference."""
    data = Graph().parse(data=PREFIXES + BASE + turtle, format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=load_shapes(), inference="none")
    results = [
        Result(
            focus=report.value(result, SH.focusNode),
            source_shape=report.value(result, SH.sourceShape),
            messages=frozenset(str(m) for m in report.objects(result, SH.resultMessage)),
        )
        for result in report.subjects(RDF.type, SH.ValidationResult)
    ]
    return bool(conforms), results


def node_shapes(shapes: Graph) -> set[URIRef]:
    return {s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}


def targeted_node_shapes(shapes: Graph) -> set[URIRef]:
    return {s for s in node_shapes(shapes) if (s, SH.targetClass, None) in shapes}


def shape_named(name: str) -> URIRef:
    matches = [s for s in node_shapes(load_shapes()) if s.endswith(f"#{name}")]
    assert len(matches) == 1, f"no single NodeShape named {name}: {matches}"
    return matches[0]


def test_base_graph_conforms() -> None:
    conforms, results = validate("")
    assert conforms, results


@pytest.mark.parametrize("case", CONFORMING, ids=lambda case: case.id)
def test_conforming_snippet(case: Case) -> None:
    conforms, results = validate(case.turtle)
    assert conforms, results
    assert not results


@pytest.mark.parametrize("case", VIOLATING, ids=lambda case: case.id)
def test_violating_snippet_is_reported_by_its_shape(case: Case) -> None:
    shapes = load_shapes()
    shape = shape_named(case.shape)
    own_shapes = {shape, *shapes.objects(shape, SH.property)}

    conforms, results = validate(case.turtle)

    assert case.message is not None
    assert not conforms
    assert results
    for result in results:
        assert result.focus == ID[case.focus], f"the snippet breaks another node: {result}"
        assert result.source_shape in own_shapes, f"reported by another shape: {result}"
        declared = {str(m) for m in shapes.objects(result.source_shape, SH.message)}
        assert result.messages <= declared, "results must carry the shape's own sh:message"
    assert any(case.message in message for result in results for message in result.messages), results


def test_every_targeted_shape_has_a_conforming_and_a_violating_case() -> None:
    names = {shape.rsplit("#", 1)[1] for shape in targeted_node_shapes(load_shapes())}
    assert {case.shape for case in CONFORMING} == names
    assert {case.shape for case in VIOLATING} == names


def test_one_node_shape_targets_each_nkg_class() -> None:
    shapes = load_shapes()
    nkg_classes = {term for term in dir(NKG) if term.removeprefix(ONTOLOGY_IRI)[0].isupper()}
    class_shapes = {shape_named(f"{cls.removeprefix(ONTOLOGY_IRI)}Shape"): cls for cls in nkg_classes}
    for shape, cls in class_shapes.items():
        assert set(shapes.objects(shape, SH.targetClass)) == {cls}

    # Any other targeted shape is a deliberate addition, listed here.
    others = {
        shape.rsplit("#", 1)[1]: set(shapes.objects(shape, SH.targetClass))
        for shape in targeted_node_shapes(shapes) - set(class_shapes)
    }
    assert others == {
        "PercentObservationShape": {NKG.Observation},
        "PercentAboveHundredShape": {NKG.Observation},
        "IntervalShape": {TIME.Interval},
        "InstantShape": {TIME.Instant},
        "TextPositionSelectorShape": {OA.TextPositionSelector},
        "TextQuoteSelectorShape": {OA.TextQuoteSelector},
    }


def test_every_shape_and_property_shape_has_an_english_message() -> None:
    shapes = load_shapes()
    all_shapes = node_shapes(shapes) | set(shapes.objects(None, SH.property))
    for shape in all_shapes:
        messages = list(shapes.objects(shape, SH.message))
        assert len(messages) == 1, f"{shape} has messages {messages}"
        assert isinstance(messages[0], Literal)
        assert messages[0].language == "en"


def test_shapes_use_only_shacl_core() -> None:
    """sh:sparql costs milliseconds per focus node in pySHACL; the shapes keep to SHACL Core."""
    shapes = load_shapes()
    assert (None, SH.sparql, None) not in shapes
    assert (None, SH.select, None) not in shapes


def test_validation_leaves_the_shared_shapes_graph_alone() -> None:
    shapes = load_shapes()
    before = len(shapes)
    validate(VIOLATING[0].turtle)
    assert len(shapes) == before
