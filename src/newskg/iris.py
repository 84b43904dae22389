"""Mint instance IRIs deterministically: same input, same IRI, everywhere.

This module is pure Python (no rdflib) so that both the NLP output (``newskg extract``) and
the graph builder use the same IRIs. Names that are plain ASCII words slug to readable IRIs
(``id/person/mohsen-salehinia``); any other name gets a short hash of its exact form appended, so
two different names never share an IRI even when their slugs coincide.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

INSTANCE_BASE = "https://w3id.org/newskg/id/"

TYPE_PATHS = {
    "PERSON": "person",
    "ORG": "org",
    "NEWS_AGENCY": "org",
    "GPE": "place",
    "LOC": "place",
    "MOTTO": "motto",
    "PROGRAM": "program",
    "EVENT": "event",
}
"""IRI path segment per entity type. News agencies are organisations, so they share ``org/``."""

_CLEAN = re.compile(r"[A-Za-z0-9]+(?:(?:[ -]|, |\. ?|['’])[A-Za-z0-9]+)*\.?")


def name_key(name: str) -> str:
    """The form two names must share to be the same name: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def slug(name: str) -> str:
    """A readable, always-valid IRI segment for a name; distinct names get distinct slugs."""
    key = name_key(name)
    ascii_form = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    readable = "-".join(re.findall(r"[a-z0-9]+", ascii_form))[:80].strip("-")
    if _CLEAN.fullmatch(key) and len(key) <= 80:
        return readable
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}" if readable else digest


def entity_iri(entity_type: str, canonical: str) -> str:
    """IRI of an entity from its type and canonical name."""
    return f"{INSTANCE_BASE}{TYPE_PATHS[entity_type]}/{slug(canonical)}"


def article_iri(article_id: str) -> str:
    """IRI of an article (also the name of its named graph)."""
    return f"{INSTANCE_BASE}article/{quote(article_id, safe='')}"


def fact_iri(kind: str, article_id: str, *parts: object) -> str:
    """IRI of a fact (statement, observation, evidence...) found in one article.

    ``parts`` identify the fact within the article (offsets, names); they are hashed so the IRI
    stays short and valid whatever they contain.
    """
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]
    return f"{INSTANCE_BASE}{kind}/{quote(article_id, safe='')}/{digest}"


def membership_iri(person_iri: str, org_iri: str, role: str) -> str:
    """IRI of a post: one per person, organisation and role, shared by every article reporting it."""
    person = person_iri.rsplit("/", 1)[-1]
    digest = hashlib.sha1(f"{org_iri}\x1f{role}".encode()).hexdigest()[:10]
    return f"{INSTANCE_BASE}membership/{person}/{digest}"
