"""Mint instance IRIs deterministically: same input, same IRI, everywhere; different input,
different IRI, even for names crafted to collide.

This module is pure Python (no rdflib) so that both the NLP output (``newskg extract``) and
the graph builder use the same IRIs; ``INSTANCE_BASE`` comes from the one prefix table
(``newskg.vocab.prefixes``, pure Python too). A name that is plain ASCII words slugs to a readable IRI
(``id/person/mohsen-salehinia``); any other name (punctuation, hyphens, accents, other scripts,
over 80 characters) gets its readable part, ``_`` and a 64-bit hash of its exact key
(``id/person/o-brien_3c1f...``). Readable slugs never contain ``_``, and each has exactly one
name it can come from, so no two different names can share an IRI; only names with the same
``name_key`` (case, spacing, Unicode compatibility forms) are the same name.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from urllib.parse import quote

from .vocab.entity_types import BY_LABEL
from .vocab.prefixes import INSTANCE_BASE

ARTICLE_BASE = f"{INSTANCE_BASE}article/"
"""Where article IRIs live; an article's IRI also names its graph."""

MAX_READABLE = 80
"""Longest readable part of a slug; longer names are cut and hashed."""
_DIGEST_CHARS = 16
"""Hex digits of the hash in a hashed slug: 64 bits, beyond reach of a search for a crafted twin."""


_NEEDS_JSON_ESCAPE = re.compile(r'["\\\x00-\x1f]')
"""Characters ``json.dumps(..., ensure_ascii=False)`` escapes."""


def name_key(name: str) -> str:
    """The form two names must share to be the same name: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def slug(name: str) -> str:
    """A readable, always-valid IRI segment for a name; distinct names get distinct slugs.

    ``mohsen salehinia`` -> ``mohsen-salehinia``; ``Ministry of Industry, Mining and Trade`` ->
    ``ministry-of-industry-mining-and-trade_<hash>``: the comma is gone from the readable part, so
    the hash keeps it apart from the name without a comma.
    """
    key = name_key(name)
    decomposed = unicodedata.normalize("NFKD", key)
    spaced = "".join(ch if ch.isalnum() or unicodedata.category(ch) == "Mn" else " " for ch in decomposed)
    words = re.findall(r"[a-z0-9]+", spaced.encode("ascii", "ignore").decode())
    readable = "-".join(words)
    if key and key == " ".join(words) and len(key) <= MAX_READABLE:
        return readable
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST_CHARS]
    readable = readable[:MAX_READABLE].rstrip("-")
    return f"{readable}_{digest}" if readable else digest


def entity_iri(entity_type: str, canonical: str) -> str:
    """IRI of an entity from its record type and canonical name, under its type's path
    (``newskg.vocab.entity_types``: news agencies are organisations, so they share ``org/``)."""
    return f"{INSTANCE_BASE}{BY_LABEL[entity_type].path}/{slug(canonical)}"


def article_iri(article_id: str) -> str:
    """IRI of an article (also the name of its named graph)."""
    return f"{ARTICLE_BASE}{_segment(article_id)}"


def fact_iri(kind: str, article_id: str, *parts: object) -> str:
    """IRI of a fact (statement, observation, evidence...) found in one article.

    ``parts`` identify the fact within the article (offsets, names); they are hashed so the IRI
    stays short and valid whatever they contain.
    """
    return f"{INSTANCE_BASE}{kind}/{_segment(article_id)}/{_digest(*parts, length=12)}"


def membership_iri(person_iri: str, org_iri: str, role: str) -> str:
    """IRI of a post: one per person, organisation and role, shared by every article reporting it."""
    person = person_iri.rsplit("/", 1)[-1]
    return f"{INSTANCE_BASE}membership/{person}/{_digest(org_iri, role, length=10)}"


@functools.lru_cache(maxsize=1024)
def _segment(text: str) -> str:
    """``text`` as one IRI path segment: percent-encoded (which is one-to-one), and never ``.``
    or ``..``, which IRI resolution would remove."""
    encoded = quote(text, safe="", errors="surrogatepass")
    return encoded.replace(".", "%2E") if encoded in (".", "..") else encoded


def _digest(*parts: object, length: int) -> str:
    """A hash of ``parts`` that cannot be forged by moving text between them (JSON-encoded)."""
    texts = [str(part) for part in parts]
    if not texts or any(_NEEDS_JSON_ESCAPE.search(text) for text in texts):
        data = json.dumps(texts, ensure_ascii=False)
    else:  # what json.dumps writes, without its machinery (this runs for every fact)
        data = '["' + '", "'.join(texts) + '"]'
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:length]
