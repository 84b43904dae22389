"""The seed articles end to end: `newskg build seeds/` and SPARQL over the Turtle it writes."""

from __future__ import annotations

import pytest
from rdflib import Graph

from conftest import ROOT, SEEDS, Cli
from newskg.vocab.namespace import PREFIXES

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


@pytest.fixture(scope="module")
def built(cli: Cli, tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("out") / "graph.ttl"
    run = cli.run("build", SEEDS, "-o", out, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "SHACL: conforms" in run.stdout
    graph = Graph()
    graph.parse(out, format="turtle")
    return graph


def select(graph: Graph, query: str) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row) for row in graph.query(SPARQL_PREFIXES + query)}


def test_isipo_and_its_full_name_are_one_organisation(built):
    rows = select(
        built,
        """SELECT ?org ?name WHERE {
        ?org a nkg:Organization ; skos:prefLabel ?name ; skos:altLabel "ISIPO" }""",
    )
    assert {name for _, name in rows} == {"Iran Small Industries and Industrial Parks Organization"}


def test_persons(built):
    names = {n for (n,) in select(built, "SELECT ?n WHERE { ?p a nkg:Person ; skos:prefLabel ?n }")}
    assert {"Mohsen Salehinia", "Asghar Mosaheb"} <= names


def test_heads_of_isipo(built):
    rows = select(
        built,
        """SELECT ?person ?role ?article WHERE {
        ?m a nkg:Membership ; org:member/skos:prefLabel ?person ; nkg:roleName ?role ;
           org:organization/skos:altLabel "ISIPO" ; nkg:reportedIn/schema:identifier ?article }""",
    )
    assert ("Asghar Mosaheb", "acting head", "seed-000") in rows
    assert ("Mohsen Salehinia", "former head", "seed-000") in rows
    assert ("Mohsen Salehinia", "head", "seed-002") in rows


def test_east_azarbaijan_is_a_province_in_iran(built):
    rows = select(
        built,
        """SELECT ?country WHERE {
        ?p a nkg:Province ; skos:prefLabel "East Azarbaijan Province" ;
           nkg:locatedIn/skos:prefLabel ?country }""",
    )
    assert rows == {("Iran",)}


def test_motto_and_news_agencies(built):
    assert select(built, 'SELECT ?m WHERE { ?m a nkg:Motto ; skos:prefLabel "Surge in Production" }')
    agencies = {
        n
        for (n,) in select(built, "SELECT ?n WHERE { ?a a nkg:NewsAgency ; skos:altLabel|skos:prefLabel ?n }")
    }
    assert {"IRIB", "Mehr News Agency"} <= agencies
    credited = select(
        built, "SELECT ?id ?n WHERE { ?a nkg:reportedBy/skos:prefLabel ?n ; schema:identifier ?id }"
    )
    assert ("seed-002", "Islamic Republic of Iran Broadcasting") in credited
    assert ("seed-000", "Mehr News Agency") in credited


def test_article_metadata_from_the_sidecar_file(built):
    rows = select(built, 'SELECT ?d WHERE { ?a schema:identifier "seed-002" ; schema:datePublished ?d }')
    assert rows == {("2020-06-09",)}


@pytest.mark.slow
def test_building_twice_gives_byte_identical_turtle(cli, tmp_path):
    outputs = []
    for name in ("a.ttl", "b.ttl"):
        out = tmp_path / name
        run = cli.run("build", SEEDS, "-o", out, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"_:" not in outputs[0]  # no blank nodes
