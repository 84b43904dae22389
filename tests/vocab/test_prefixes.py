"""The one prefix table, the subsets derived from it, and the two ways of shortening an IRI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newskg.vocab.prefixes import (
    BOUND_PREFIXES,
    DATA_PREFIXES,
    INSTANCE_BASE,
    ONTOLOGY_IRI,
    PREFIXES,
    SHAPES_IRI,
    WRITTEN_PREFIXES,
    compact_iri,
    local_name,
)


def test_the_subsets_are_the_table_less_what_each_writer_leaves_out() -> None:
    assert list(DATA_PREFIXES) == [p for p in PREFIXES if p not in ("sh", "nkgsh")]
    assert list(WRITTEN_PREFIXES) == [p for p in DATA_PREFIXES if p != "id"]
    assert list(BOUND_PREFIXES) == ["nkg", "id", "org", "schema", "prov", "oa", "time"]
    for subset in (DATA_PREFIXES, WRITTEN_PREFIXES, BOUND_PREFIXES):
        assert subset.items() <= PREFIXES.items()


def test_newskg_namespaces_are_in_the_table() -> None:
    assert (PREFIXES["nkg"], PREFIXES["nkgsh"], PREFIXES["id"]) == (ONTOLOGY_IRI, SHAPES_IRI, INSTANCE_BASE)


def test_no_two_prefixes_share_a_namespace() -> None:
    assert len(set(PREFIXES.values())) == len(PREFIXES)


@pytest.mark.parametrize(
    ("iri", "short"),
    [
        (INSTANCE_BASE + "person/mohsen-salehinia", "id:person/mohsen-salehinia"),
        (ONTOLOGY_IRI + "Person", "nkg:Person"),
        ("http://www.w3.org/2004/02/skos/core#prefLabel", "skos:prefLabel"),
        ("https://example.org/x", "https://example.org/x"),
        (ONTOLOGY_IRI, ONTOLOGY_IRI),  # a namespace alone has no local part
        ("https://schema.org///x", "https://schema.org///x"),  # schema://x would read as another IRI
        (SHAPES_IRI + "PersonShape", SHAPES_IRI + "PersonShape"),  # not a data prefix
    ],
)
def test_compact_iri(iri: str, short: str) -> None:
    assert compact_iri(iri) == short


def test_compact_iri_takes_the_longest_namespace() -> None:
    prefixes = {"a": "https://w3id.org/", "b": INSTANCE_BASE}
    assert compact_iri(INSTANCE_BASE + "x", prefixes) == "b:x"


@pytest.mark.parametrize(
    ("iri", "name"),
    [
        (ONTOLOGY_IRI + "Person", "Person"),
        (INSTANCE_BASE + "person/mohsen-salehinia", "mohsen-salehinia"),
        ("https://example.org/a/", "a"),
        ("urn:x", "urn:x"),
    ],
)
def test_local_name(iri: str, name: str) -> None:
    assert local_name(iri) == name


def test_the_table_and_iris_load_no_rdflib() -> None:
    """newskg.iris mints under INSTANCE_BASE for the NLP stage, which never imports rdflib."""
    code = "import sys, newskg.iris, newskg.vocab.prefixes\nassert 'rdflib' not in sys.modules\n"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
