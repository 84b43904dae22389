"""One vocabulary: the generated ``NKG`` and ``NKGSH`` match the Turtle files they come from, and the
named queries, the shapes and the ontology use only terms that are defined and prefixes of the one
prefix table (``newskg.vocab.prefixes.PREFIXES``)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rdflib import Graph, URIRef
from rdflib import namespace as rdflib_namespace
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.paths import Path as PropertyPath
from rdflib.plugins.sparql import prepareQuery

from conftest import ROOT
from newskg.query.named import named_queries
from newskg.resources import load_ontology, load_shapes, ontology_path, shapes_path
from newskg.vocab.entity_types import ENTITY_TYPES
from newskg.vocab.namespace import NKG, NKGSH
from newskg.vocab.prefixes import DATA_PREFIXES, PREFIXES

if TYPE_CHECKING:  # as a module global, pytest's probe for fixtures makes DefinedNamespace warn
    from rdflib.namespace import DefinedNamespace

SCRIPT = ROOT / "scripts" / "build_namespaces.py"
QUERIES = ROOT / "src" / "newskg" / "query" / "library"
DEFINED = ("RDF", "RDFS", "OWL", "XSD", "SKOS", "ORG", "PROV", "TIME", "SDO", "SH")
"""rdflib's copies of the borrowed vocabularies, by name (pytest probes module globals, and some of them
warn on unknown names); Web Annotation, ``oa:``, has none, so its terms go unchecked."""
_DECLARED_PREFIX = re.compile(r"^\s*@?prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)


def test_the_generated_namespaces_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"{result.stderr}run: python scripts/build_namespaces.py"


def iris_of(node: object, found: set[URIRef] | None = None) -> set[URIRef]:
    """Every IRI in a SPARQL algebra tree (dicts, lists, property paths)."""
    found = set() if found is None else found
    if isinstance(node, URIRef):
        found.add(node)
    elif isinstance(node, dict):
        for value in node.values():
            iris_of(value, found)
    elif isinstance(node, (list, tuple, set, frozenset)):
        for value in node:
            iris_of(value, found)
    elif isinstance(node, PropertyPath):
        iris_of(list(vars(node).values()), found)
    return found


def query_terms(name: str) -> set[URIRef]:
    """The IRIs a named query uses; parsed with only the data prefixes predeclared, as newskg runs it."""
    return iris_of(prepareQuery(named_queries()[name].sparql, initNs=DATA_PREFIXES).algebra)


def graph_terms(graph: Graph) -> set[URIRef]:
    """The IRIs of a Turtle file, less its own header (the owl:Ontology and its version IRI)."""
    headers = set(graph.subjects(RDF.type, OWL.Ontology)) | set(graph.objects(None, OWL.versionIRI))
    return {t for triple in graph for t in triple if isinstance(t, URIRef)} - headers


def vocabularies() -> list[type[DefinedNamespace]]:
    """The namespaces whose every term is known: newskg's own and rdflib's borrowed ones."""
    return [NKG, NKGSH, *(getattr(rdflib_namespace, name) for name in DEFINED)]


def undefined(terms: Iterable[URIRef]) -> list[str]:
    """The terms outside every namespace of the prefix table, or not defined by their vocabulary."""
    problems = []
    for term in sorted(terms):
        namespace = max((ns for ns in PREFIXES.values() if term.startswith(ns)), key=len, default=None)
        if namespace is None:
            problems.append(f"{term} (in no namespace of newskg.vocab.prefixes.PREFIXES)")
            continue
        vocabulary = next((v for v in vocabularies() if str(v._NS) == namespace), None)
        if str(term) != namespace and vocabulary is not None and term not in vocabulary:
            problems.append(f"{term} (not a term of {vocabulary.__name__})")
    return problems


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_a_named_query_uses_only_defined_terms(name: str) -> None:
    assert not undefined(query_terms(name)), f"{name}.rq uses {undefined(query_terms(name))}"


@pytest.mark.parametrize(
    "graph", [pytest.param(load_shapes, id="shapes"), pytest.param(load_ontology, id="ontology")]
)
def test_the_shapes_and_the_ontology_use_only_defined_terms(graph: object) -> None:
    assert callable(graph)
    problems = undefined(graph_terms(graph()))
    assert not problems, f"undefined terms: {problems}"


def declared_prefixes(path: Path) -> list[tuple[str, str]]:
    return _DECLARED_PREFIX.findall(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path",
    [ontology_path(), shapes_path(), *sorted(QUERIES.glob("*.rq"))],
    ids=lambda path: path.name,
)
def test_every_declared_prefix_is_in_the_one_table(path: Path) -> None:
    declared = declared_prefixes(path)
    assert declared or path.suffix == ".rq", f"{path.name} declares no prefix: is the pattern wrong?"
    wrong = [(prefix, iri) for prefix, iri in declared if PREFIXES.get(prefix) != iri]
    assert not wrong, f"{path.name} declares {wrong}; newskg.vocab.prefixes.PREFIXES says otherwise"


def test_a_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        _ = NKGSH.PersonShap


def test_the_query_help_lists_the_data_prefixes() -> None:
    from newskg.cli.query import query

    doc = " ".join((query.__doc__ or "").split())
    listed = ", ".join(list(DATA_PREFIXES)[:-1]) + f" and {list(DATA_PREFIXES)[-1]}"
    assert f"The prefixes {listed} need no declaration." in doc


def test_no_namespace_of_the_table_is_spelt_out_elsewhere_in_the_code() -> None:
    """Code names terms through NKG, NKGSH, rdflib's namespaces or the table, never as IRI strings."""
    package = ROOT / "src" / "newskg"
    spelt = [
        f"{path.relative_to(ROOT)}: {iri}"
        for path in sorted(package.rglob("*.py"))
        if path != package / "vocab" / "prefixes.py"
        for iri in PREFIXES.values()
        if iri in path.read_text(encoding="utf-8")
    ]
    assert not spelt, f"use newskg.vocab instead of typing these IRIs: {spelt}"


def test_every_entity_type_is_a_class_of_the_ontology_under_its_broader_one() -> None:
    ontology = load_ontology()
    for t in ENTITY_TYPES:
        assert (URIRef(t.iri), RDF.type, OWL.Class) in ontology, t.name
        if t.broader is not None:
            assert (URIRef(t.iri), RDFS.subClassOf, URIRef(PREFIXES["nkg"] + t.broader)) in ontology, t.name


@pytest.mark.parametrize(
    ("name", "narrower_only"), [("entities", False), ("entities-in", False), ("about", True)]
)
def test_the_entity_queries_know_every_entity_type(name: str, narrower_only: bool) -> None:
    classes = {URIRef(t.iri) for t in ENTITY_TYPES if t.broader is not None or not narrower_only}
    missing = classes - query_terms(name)
    assert not missing, f"{name}.rq does not name {sorted(missing)}; see newskg.vocab.entity_types"
