"""Every node shape says where it is checked, and the two halves of the shapes are whole shapes."""

from __future__ import annotations

from rdflib import BNode, Graph
from rdflib.namespace import RDF, SH
from test_shapes import PREFIXES, node_shapes

from newskg.resources import load_shapes
from newskg.validate.scopes import scoped_shapes
from newskg.vocab.namespace import NKGSH


def names(shapes) -> set[str]:
    return {shape.rsplit("#", 1)[1] for shape in shapes}


def test_every_node_shape_has_one_scope():
    shapes = load_shapes()
    for shape in node_shapes(shapes):
        scopes = set(shapes.objects(shape, NKGSH.scope))
        assert len(scopes) == 1 and scopes <= {NKGSH.ArticleScope, NKGSH.CorpusScope}, shape


def test_what_is_checked_per_article_and_what_on_the_union():
    scoped = scoped_shapes()
    assert names(scoped.article_shapes) == {
        "ArticleShape",
        "StatementShape",
        "ObservationShape",
        "PercentObservationShape",
        "PercentAboveHundredShape",
        "EvidenceShape",
        "TextPositionSelectorShape",
        "TextQuoteSelectorShape",
        "AssertionShape",
    }
    assert names(scoped.corpus_shapes) == {
        "PersonShape",
        "OrganizationShape",
        "NewsAgencyShape",
        "PlaceShape",
        "CountryShape",
        "ProvinceShape",
        "CityShape",
        "MottoShape",
        "ProgramShape",
        "EventShape",
        "MembershipShape",
        "IntervalShape",
        "InstantShape",
    }


def test_the_halves_hold_their_shapes_whole_under_the_same_blank_nodes():
    scoped = scoped_shapes()
    whole = scoped.shapes
    for half, shapes in ((scoped.article, scoped.article_shapes), (scoped.corpus, scoped.corpus_shapes)):
        assert set(half.subjects(RDF.type, SH.NodeShape)) == shapes
        for shape in shapes:
            for prop in whole.objects(shape, SH.property):
                assert isinstance(prop, BNode)
                assert set(half.predicate_objects(prop)) == set(whole.predicate_objects(prop))
    assert len(scoped.article) + len(scoped.corpus) < len(whole), "the checks' descriptions are in neither"


def test_a_node_shape_that_says_nothing_is_checked_on_the_union():
    turtle = PREFIXES + "id:S a sh:NodeShape ; sh:targetClass nkg:Person ."
    shapes = Graph().parse(data=turtle, format="turtle")
    scoped = scoped_shapes(shapes)
    assert [str(shape) for shape in scoped.corpus_shapes] == ["https://w3id.org/newskg/id/S"]
    assert not scoped.article_shapes
    assert scoped.digest != scoped_shapes().digest
