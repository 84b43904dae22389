"""Validation: core shapes plus cross-article checks in one report, with evidence; the graph untouched."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import BNode, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SH

from conftest import SEEDS
from newskg.graph.build import union_graph
from newskg.resources import load_shapes
from newskg.validate.checks import CHECKS, Check, find_inconsistencies
from newskg.validate.scopes import scoped_shapes
from newskg.validate.shacl import validate, whole_graph_report
from newskg.vocab.namespace import NKG, NKGSH, PREFIXES
from violations import CONTRADICTING, crafted_records, write_articles

SNIPPET_PREFIXES = "".join(
    f"@prefix {prefix}: <{iri}> .\n"
    for prefix, iri in {**PREFIXES, "rdf": RDF, "xsd": str(rdflib.XSD), "skos": str(rdflib.SKOS)}.items()
)


@pytest.fixture(scope="module")
def contradicting_graph(tmp_path_factory) -> Graph:
    from newskg import build

    folder = write_articles(tmp_path_factory.mktemp("crafted"), CONTRADICTING)
    return build([SEEDS, folder], run_validation=False).graph


def test_seeds_conform(seeds_result):
    assert seeds_result.report.conforms, str(seeds_result.report)
    assert not [v for v in seeds_result.report.violations if v.severity == "Violation"]


def test_contradicting_articles_give_exactly_the_expected_violations(contradicting_graph):
    report = validate(contradicting_graph)
    assert not report.conforms
    found = sorted((v.severity, v.shape, v.focus_label) for v in report.violations)
    assert found == [
        ("Violation", "NoHeadAfterFormerShape", "Reza Karimi, head of National Tea Organization"),
        ("Violation", "OneHeadPerDateShape", "Hamid Tavakoli, head of National Tea Organization"),
        ("Warning", "PercentAboveHundredShape", "150 percent (tea-d)"),
    ]


def test_each_violation_cites_the_sentences_of_the_clashing_articles(contradicting_graph):
    by_shape = {v.shape: v for v in validate(contradicting_graph).violations}
    same_day = by_shape["OneHeadPerDateShape"]
    assert [article for article, _ in same_day.evidence] == ["tea-a", "tea-b"]
    assert same_day.evidence[1][1].startswith(
        "TEHRAN - The head of the National Tea Organization (NTO) Hamid"
    )
    assert "2021-01-10" in same_day.message
    after_former = by_shape["NoHeadAfterFormerShape"]
    assert [article for article, _ in after_former.evidence] == ["tea-c", "tea-d"]
    assert "former head on 2021-02-01 (tea-c)" in after_former.message
    assert by_shape["PercentAboveHundredShape"].evidence == (
        ("tea-d", "He said production rose 150 percent."),
    )


def test_the_text_report_is_sorted_and_the_same_every_run(contradicting_graph):
    first, second = validate(contradicting_graph), validate(contradicting_graph)
    assert str(first) == str(second)
    assert first.turtle() == second.turtle()
    lines = str(first).splitlines()
    assert lines[0] == "SHACL: does not conform (2 violations, 1 warning)"
    assert lines[1].startswith("Violation: Hamid Tavakoli, head of National Tea Organization: Two different")
    assert lines[2].startswith("    [tea-a] TEHRAN - Reza Karimi")


def test_the_findings_are_in_the_shacl_report_graph(contradicting_graph):
    report = validate(contradicting_graph).graph
    shapes = set(report.objects(None, SH.sourceShape))
    assert {NKGSH.OneHeadPerDateShape, NKGSH.NoHeadAfterFormerShape} <= shapes
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms).toPython() is False
    assert len(list(report.objects(node, SH.result))) == 3


def test_validation_never_mutates_the_graph(contradicting_graph):
    copy = Graph()
    for triple in contradicting_graph:
        copy.add(triple)
    before = len(contradicting_graph)
    validate(contradicting_graph)
    assert len(contradicting_graph) == before
    assert isomorphic(copy, contradicting_graph)


def test_validating_a_dataset_leaves_it_untouched(seeds_result):
    before = sorted(seeds_result.dataset.quads((None, None, None, None)))
    assert validate(seeds_result.dataset).conforms
    assert sorted(seeds_result.dataset.quads((None, None, None, None))) == before


def snippet(turtle: str) -> Graph:
    return Graph().parse(data=SNIPPET_PREFIXES + turtle, format="turtle")


HEADS = """
id:a1 a nkg:Article ; schema:identifier "a1" ; schema:datePublished "2021-01-10"^^xsd:date .
id:a2 a nkg:Article ; schema:identifier "a2" ; schema:datePublished "2021-01-10"^^xsd:date .
id:a3 a nkg:Article ; schema:identifier "a3" ; schema:datePublished "2021-02-01"^^xsd:date .
id:p1 a nkg:Person ; skos:prefLabel "Reza Karimi" ; prov:wasDerivedFrom id:a1 .
id:p2 a nkg:Person ; skos:prefLabel "Hamid Tavakoli" ; prov:wasDerivedFrom id:a2 .
id:org a nkg:Organization ; skos:prefLabel "NTO" ; prov:wasDerivedFrom id:a1 .
"""


def membership(name: str, person: str, role: str, status: str, *articles: str) -> str:
    dates = {"a1": "2021-01-10", "a2": "2021-01-10", "a3": "2021-02-01"}
    return (
        f"id:{name} a nkg:Membership, org:Membership ; org:member id:{person} ; org:organization id:org ; "
        f'nkg:roleName "{role}" ; nkg:status "{status}" ; '
        + " ; ".join(f'nkg:reportedIn id:{a} ; nkg:reportedOn "{dates[a]}"^^xsd:date' for a in articles)
        + " .\n"
    )


@pytest.mark.parametrize(
    ("memberships", "expected"),
    [
        (
            membership("m1", "p1", "head", "current", "a1") + membership("m2", "p2", "head", "current", "a2"),
            [("OneHeadPerDateShape", "m1", "m2")],
        ),
        (
            membership("m1", "p1", "head", "current", "a1") + membership("m2", "p2", "head", "current", "a3"),
            [],
        ),
        (
            membership("m1", "p1", "head", "current", "a1")
            + membership("m2", "p2", "acting head", "acting", "a2"),
            [],
        ),
        (
            membership("m1", "p1", "former head", "former", "a1")
            + membership("m2", "p1", "head", "current", "a3"),
            [("NoHeadAfterFormerShape", "m2", "m1")],
        ),
        (
            membership("m1", "p1", "head", "current", "a1")
            + membership("m2", "p1", "former head", "former", "a3"),
            [],
        ),
        (
            membership("m1", "p1", "former deputy head", "former", "a1")
            + membership("m2", "p1", "head", "current", "a3"),
            [],
        ),
        (
            membership("m1", "p2", "former head", "former", "a1")
            + membership("m2", "p1", "head", "current", "a3"),
            [],
        ),
        (
            membership("m1", "p1", "former acting head", "former", "a1")
            + membership("m2", "p1", "head", "current", "a2", "a3"),
            [("NoHeadAfterFormerShape", "m2", "m1")],
        ),
    ],
    ids=[
        "two-heads-same-day",
        "two-heads-different-days",
        "head-and-acting-head-same-day",
        "head-after-former",
        "former-after-head",
        "head-after-former-deputy",
        "head-after-another-former",
        "head-after-former-acting-head",
    ],
)
def test_cross_article_checks(memberships, expected):
    graph = snippet(HEADS + memberships)
    found = [
        (f.shape.rsplit("#", 1)[1], str(f.focus).rsplit("/", 1)[1], str(f.value).rsplit("/", 1)[1])
        for f in find_inconsistencies(graph)
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("turtle", "conforms", "shape"),
    [
        (
            'id:x a nkg:Observation ; nkg:value "-2"^^xsd:decimal ; nkg:unit "percent" ; '
            "nkg:reportedIn id:a1 .",
            False,
            "PercentObservationShape",
        ),
        (
            'id:x a nkg:Observation ; nkg:value "150"^^xsd:decimal ; nkg:unit "percent" ; '
            "nkg:reportedIn id:a1 .",
            True,
            "PercentAboveHundredShape",
        ),
        ('id:x a nkg:Observation ; nkg:unit "percent" ; nkg:reportedIn id:a1 .', False, "ObservationShape"),
        (
            'id:x a nkg:Observation ; nkg:value "2"^^xsd:decimal ; nkg:reportedIn id:a1 .',
            False,
            "ObservationShape",
        ),
        ("id:p1 a nkg:Organization .", False, "PersonShape"),
        ('id:x a nkg:Statement ; nkg:cue "said" ; nkg:reportedIn id:a1 .', False, "StatementShape"),
    ],
    ids=[
        "percent-below-0",
        "percent-above-100-warns",
        "observation-without-value",
        "observation-without-unit",
        "person-also-organisation",
        "statement-without-speaker-or-evidence",
    ],
)
def test_core_checks_in_the_same_report(turtle, conforms, shape):
    report = validate(snippet(HEADS + turtle))
    assert report.conforms is conforms
    assert shape in {v.shape for v in report.violations}


def test_every_check_names_itself_and_its_iris_are_described_but_not_shapes():
    shapes = load_shapes()
    assert [check.id for check in CHECKS] == ["one-head-per-date", "no-head-after-former"]
    assert len({check.shape for check in CHECKS}) == len({check.component for check in CHECKS}) == 2
    for check in CHECKS:
        assert isinstance(check, Check)
        assert check.shape.startswith(str(NKGSH)) and check.component.startswith(str(NKGSH))
        assert check.severity == SH.Violation
        assert check.message.endswith(".")
        assert check.__doc__, check.id
        # pySHACL never runs it: the shapes file describes its IRIs (so NKGSH defines them), nothing more
        for iri in (check.shape, check.component):
            assert {p for p, _ in shapes.predicate_objects(iri)} == {RDFS.label, RDFS.comment}, iri
            assert (None, None, iri) not in shapes


def test_check_results_carry_the_checks_message_and_the_clash(contradicting_graph):
    report = validate(contradicting_graph).graph
    for check in CHECKS:
        results = list(report.subjects(SH.sourceShape, check.shape))
        assert results, check.id
        for result in results:
            assert report.value(result, SH.resultSeverity) == check.severity
            message = report.value(result, SH.resultMessage)
            assert message.language == "en" and str(message).startswith(f"{check.message} ")
            # Regression: they said sh:SPARQLConstraintComponent, though no SPARQL runs.
            assert report.value(result, SH.sourceConstraintComponent) == check.component
    assert (None, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent) not in report


def test_cli_exit_codes_and_formats(cli, tmp_path, contradicting_graph, seeds_graph):
    bad = tmp_path / "bad.ttl"
    contradicting_graph.serialize(bad, format="turtle")
    good = tmp_path / "good.ttl"
    seeds_graph.serialize(good, format="turtle")

    ok = cli("validate", str(good))
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.startswith("SHACL: conforms")

    failing = cli("validate", str(bad))
    assert failing.exit_code == 1, failing.output
    assert "[tea-c] TEHRAN - The former head of the National Tea Organization" in failing.stdout

    turtle = cli("validate", str(bad), "--format", "turtle")
    assert turtle.exit_code == 1
    report = Graph().parse(data=turtle.stdout, format="turtle")
    assert (None, SH.sourceShape, URIRef(NKGSH.NoHeadAfterFormerShape)) in report

    for args in ([str(tmp_path / "missing.ttl")], [str(good), "--format", "xml"]):
        wrong = cli("validate", *args)
        assert wrong.exit_code == 2
        assert wrong.stderr.startswith("newskg: error:")


# --- the same report as pySHACL over the whole graph -------------------------------------------


@pytest.fixture(scope="module")
def crafted_dataset(tmp_path_factory):
    """The seeds and the contradicting articles, with records broken to break shapes of both scopes."""
    from newskg.graph.build import build_dataset

    return build_dataset(crafted_records(tmp_path_factory.mktemp("crafted")))


@pytest.fixture(scope="module")
def whole_graph(crafted_dataset):
    """pySHACL over the union of the crafted graphs, plus the checks: the report to match."""
    return whole_graph_report(union_graph(crafted_dataset))


def test_the_crafted_graph_breaks_shapes_of_both_scopes_and_the_checks(whole_graph):
    scopes = scoped_shapes()
    broken = {v.shape for v in whole_graph.violations}
    assert broken & {s.rsplit("#", 1)[1] for s in scopes.article_shapes} == {
        "PercentObservationShape",
        "PercentAboveHundredShape",
        "StatementShape",
        "TextPositionSelectorShape",
    }
    assert broken & {s.rsplit("#", 1)[1] for s in scopes.corpus_shapes} == {
        "PlaceShape",
        "OrganizationShape",
        "MembershipShape",
    }
    assert {"OneHeadPerDateShape", "NoHeadAfterFormerShape"} <= broken
    empty_name = [v for v in whole_graph.violations if v.path == "altLabel"]
    assert len(empty_name) == 1, "two articles give the empty name: one result"


def test_validating_article_by_article_gives_the_whole_graph_report(crafted_dataset, whole_graph):
    report = validate(crafted_dataset)
    assert str(report) == str(whole_graph)
    assert report.turtle() == whole_graph.turtle()
    assert report.conforms is whole_graph.conforms is False


def test_a_graph_without_named_graphs_gives_the_same_report(crafted_dataset, whole_graph):
    report = validate(union_graph(crafted_dataset))  # every shape on the union, node by node
    assert str(report) == str(whole_graph)
    assert report.turtle() == whole_graph.turtle()


def test_a_graph_with_blank_nodes_is_validated_whole(crafted_dataset, whole_graph):
    graph = union_graph(crafted_dataset)
    graph.add((BNode(), RDF.type, NKG.Motto))  # a motto without a name, and no IRI
    report = validate(graph)
    assert not report.conforms
    assert str(report) != str(whole_graph)
    assert {v.shape for v in report.violations} - {v.shape for v in whole_graph.violations} == {"MottoShape"}


def test_the_cli_validates_files_and_stores_article_by_article(cli, tmp_path, crafted_dataset, whole_graph):
    import pyoxigraph as ox

    from newskg.rdf.write import write_dataset

    expected = whole_graph.turtle()
    for suffix in ("nq", "trig", "ttl", "nt"):
        path = tmp_path / f"crafted.{suffix}"
        write_dataset(crafted_dataset, path)
        result = cli("validate", str(path), "--format", "turtle")
        assert result.exit_code == 1, result.output
        assert result.stdout == expected, suffix
        text = cli("validate", str(path))
        assert text.stdout == str(whole_graph) + "\n", suffix
    store_path = tmp_path / "store"
    store = ox.Store(str(store_path))
    store.load(path=tmp_path / "crafted.nq", format=ox.RdfFormat.N_QUADS)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # the union newskg keeps
    del store
    stored = cli("validate", "--store", str(store_path))
    assert stored.exit_code == 1
    assert stored.stdout.splitlines()[0] == str(whole_graph).splitlines()[0]


@pytest.mark.parametrize("suffix", ["nq", "trig"])
def test_validate_gives_the_same_report_whatever_jobs(
    cli, tmp_path, crafted_dataset, whole_graph, monkeypatch, suffix
):
    """``--jobs`` checks the article graphs of a file in worker processes; the report stays the same."""
    import os

    from newskg.rdf.write import write_dataset
    from newskg.validate.articles import ArticleChecker

    path = tmp_path / f"crafted.{suffix}"
    write_dataset(crafted_dataset, path)
    checked_in = tmp_path / "pids"
    real = ArticleChecker.results

    def results(self, triples):
        with checked_in.open("a") as log:  # appended to by whichever process checks the graph
            log.write(f"{os.getpid()}\n")
        return real(self, triples)

    monkeypatch.setattr(ArticleChecker, "results", results)
    for jobs in (1, 2, 3):
        checked_in.unlink(missing_ok=True)
        result = cli("validate", path, "--jobs", jobs)
        assert result.exit_code == 1
        assert result.stdout == str(whole_graph) + "\n", jobs
        pids = set(checked_in.read_text().split())
        assert (pids == {str(os.getpid())}) is (jobs == 1), pids
    assert cli("validate", path, "--jobs", 2, "--format", "turtle").stdout == whole_graph.turtle()


def test_the_checks_read_the_memberships_once_and_find_what_each_finds_alone(contradicting_graph):
    class Counting(Graph):
        reads = 0

        def subjects(self, predicate=None, obj=None, unique=False):
            if predicate == NKG.roleName:
                Counting.reads += 1
            return super().subjects(predicate, obj, unique)

    graph = Counting()
    for triple in contradicting_graph:
        graph.add(triple)
    together = find_inconsistencies(graph)
    assert Counting.reads == 1
    alone = sorted(
        (f for check in CHECKS for f in find_inconsistencies(graph, [check])),
        key=lambda f: (str(f.shape), str(f.focus), str(f.value), f.detail),
    )
    assert together == alone and together
