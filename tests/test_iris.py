"""Minted IRIs: readable when they can be, always valid, never shared by two different names."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from newskg import iris
from newskg.vocab.entity_types import BY_LABEL

# RFC 3987 ipath-segment characters, as ASCII: unreserved, sub-delims, ':', '@' and %XX escapes.
SEGMENT = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})+")

names = st.text(min_size=1, max_size=120).filter(lambda s: iris.name_key(s) != "")
tricky = st.lists(
    st.sampled_from(
        ["o", "brien", "'", "’", "-", " ", ".", ",", "é", "e\u0301", "\u200d", "\u200f", "x" * 90, "_"]
    ),
    min_size=1,
    max_size=8,
).map("".join)


def _valid_iri(iri: str) -> bool:
    if not iri.startswith(iris.INSTANCE_BASE):
        return False
    return all(SEGMENT.fullmatch(part) for part in iri[len(iris.INSTANCE_BASE) :].split("/"))


def test_plain_names_get_readable_slugs():
    assert iris.slug("Mohsen Salehinia") == "mohsen-salehinia"
    assert iris.slug("  MOHSEN   salehinia ") == "mohsen-salehinia"
    assert (
        iris.entity_iri("PERSON", "Mohsen Salehinia") == "https://w3id.org/newskg/id/person/mohsen-salehinia"
    )


def test_names_that_slug_alike_get_distinct_iris():
    crafted = ["O'Brien", "O’Brien", "O Brien", "O-Brien", "O. Brien", "O, Brien", "Ó Brien", "O Brien."]
    slugs = [iris.slug(name) for name in crafted]
    assert len(set(slugs)) == len(crafted)
    assert slugs[2] == "o-brien"
    assert all(s.startswith("o-brien_") for i, s in enumerate(slugs) if i != 2)


def test_hashed_slugs_cannot_be_imitated_by_a_plain_name():
    hashed = iris.slug("O'Brien")
    imitation = hashed.replace("-", " ").replace("_", " ")  # a plain name spelling out the slug
    assert iris.slug(imitation) != hashed
    assert "_" not in iris.slug(imitation)


def test_other_scripts_emoji_and_long_names_get_short_valid_slugs():
    for name in ["محسن صالحی‌نیا", "👩‍👩‍👧 group", "x" * 5000, "۱۴۰۰", "\u202eevil"]:
        value = iris.slug(name)
        assert SEGMENT.fullmatch(value) and len(value) <= 97


def test_the_same_name_in_another_case_or_spacing_is_the_same_entity():
    assert iris.slug("ISIPO") == iris.slug("isipo") == iris.slug(" Isipo ")


def test_article_ids_are_percent_encoded_one_to_one():
    ids = ["a/b", "a%2Fb", ".", "..", "%2E", "a b", "تهران", "a?b#c"]
    minted = [iris.article_iri(i) for i in ids]
    assert len(set(minted)) == len(ids)
    assert all(_valid_iri(m) for m in minted)
    assert iris.article_iri("..") == iris.INSTANCE_BASE + "article/%2E%2E"


def test_fact_parts_cannot_be_shifted_to_forge_a_collision():
    assert iris.fact_iri("statement", "a", "x\x1fy") != iris.fact_iri("statement", "a", "x", "y")
    assert iris.fact_iri("statement", "a", "x", "y") == iris.fact_iri("statement", "a", "x", "y")
    assert iris.membership_iri("p/q", "o", "head") != iris.membership_iri("p/q", "o", "acting head")


@given(names, names)
def test_distinct_names_never_share_an_iri(first, second):
    same_name = iris.name_key(first) == iris.name_key(second)
    assert (iris.slug(first) == iris.slug(second)) == same_name


@given(tricky, tricky)
def test_crafted_lookalikes_never_share_an_iri(first, second):
    if iris.name_key(first) and iris.name_key(second):
        assert (iris.slug(first) == iris.slug(second)) == (iris.name_key(first) == iris.name_key(second))


@given(names, st.sampled_from(sorted(BY_LABEL)))
def test_minted_iris_are_valid_and_survive_n_triples(name, entity_type):
    iri = iris.entity_iri(entity_type, name)
    assert _valid_iri(iri)
    assert iri == iris.entity_iri(entity_type, name)  # deterministic
    graph = Graph()
    graph.add((URIRef(iri), SKOS.prefLabel, Literal(name)))
    again = Graph().parse(data=graph.serialize(format="nt"), format="nt")
    assert set(again) == set(graph)


@pytest.mark.parametrize("article_id", ["seed-000", "a b/c", "۱۲۳", "\u200fx"])
def test_article_and_fact_iris_are_valid(article_id):
    assert _valid_iri(iris.article_iri(article_id))
    assert _valid_iri(iris.fact_iri("evidence", article_id, 1, 5, "text «quoted»"))


@given(st.lists(st.text(), max_size=4))
def test_the_digest_encodes_parts_as_json_does(parts):
    """Fact IRIs must not change when the encoding of their parts is made faster."""
    data = json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert iris._digest(*parts, length=12) == hashlib.sha256(data).hexdigest()[:12]


def test_the_iris_docs_show_are_the_ones_minted():
    """docs/graph.md explains the ``_<hash>`` suffix with examples: they must stay what newskg mints."""
    from conftest import ROOT

    docs = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
    section = docs.split("### IRIs, and why some end in `_` and a hash", 1)[1].split("\n### ", 1)[0]
    examples = re.findall(r"^\| ([^|`]+?)(?: \([^)]*\))? \| `id:(\w+)/([^`]+)` \|$", section, re.MULTILINE)
    assert len(examples) == 3
    for name, path, slug in examples:
        entity_type = {"person": "PERSON", "org": "ORG"}[path]
        assert iris.entity_iri(entity_type, name).endswith(f"/{path}/{slug}"), name
        assert ("_" in slug) == (name != " ".join(re.findall(r"[A-Za-z0-9]+", name)))
