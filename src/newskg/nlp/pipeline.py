"""Build the newskg spaCy pipeline and run it over articles.

The default pipeline is ``spacy.blank("en")`` plus newskg's rule components: no model download.
A trained pipeline (``en_core_web_sm`` ...) can be passed as ``base`` when a user has one; newskg's
components then run after its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from ..records import Article, ArticleRecord
from . import extensions as ext
from .components import (  # noqa: F401  (importing registers the factories)
    acronyms,
    dateline,
    entities,
    gazetteer,
    mottos,
    organizations,
    persons,
    places,
    roles,
    sentencizer,
    statements,
    statistics,
)
from .convert import to_record

PIPELINE_VERSION = "0.4.0"
MAX_TEXT_CHARACTERS = 1_000_000
"""The longest article text the pipeline takes (its ``nlp.max_length``): the build skips longer ones."""
"""Bumped whenever extraction output may change, so incremental builds know to redo articles."""

COMPONENTS = (
    "newskg_dateline",
    "newskg_gazetteer",
    "newskg_acronyms",
    "newskg_mottos",
    "newskg_organizations",
    "newskg_persons",
    "newskg_entities",
    "newskg_roles",
    "newskg_statements",
    "newskg_statistics",
    "newskg_places",
)


def make_pipeline(base: str | Language | None = None) -> Language:
    """The newskg pipeline on top of ``spacy.blank("en")`` or the given spaCy pipeline.

    A trained pipeline's named entities and dependency parse are read as extra evidence for
    people, organisations, places and speakers. A pipeline passed in is copied, never changed.
    """
    if base is None:
        nlp = spacy.blank("en")
    elif isinstance(base, Language):
        nlp = _copy(base)
    else:
        nlp = spacy.load(base)
    # Split a dash glued to a capitalised dateline word: "TEHRAN- The ..." -> "TEHRAN", "-".
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=[A-Z]{2})[-–—]"]
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    if (
        "sentencizer" not in nlp.pipe_names
        and "parser" not in nlp.pipe_names
        and "senter" not in nlp.pipe_names
    ):
        # spaCy's sentencizer with a faster predict, under spaCy's name (components/sentencizer.py)
        nlp.add_pipe("newskg_sentencizer", name="sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.max_length = MAX_TEXT_CHARACTERS
    return nlp


def _copy(base: Language) -> Language:
    """A separate pipeline with the same configuration and weights as ``base``."""
    copy = spacy.util.load_model_from_config(base.config, auto_fill=True, validate=True)
    copy.from_bytes(base.to_bytes())
    return copy


def extract(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 32
) -> Iterator[ArticleRecord]:
    """Run the NLP pass over articles, yielding one record per article, in order."""
    nlp = nlp or make_pipeline()
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            ext.put(doc, ext.DATE, article.date.isoformat() if article.date else None)
            ext.keep_text(doc, article.text)
            pending.append(article)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        record = to_record(doc, pending.pop(0), pipeline_version=PIPELINE_VERSION)
        # The facts (their Spans) and the cached token lists refer back to the Doc; with them gone,
        # reference counting frees the Doc at once, where the cycle waited for the garbage collector.
        doc.user_data.clear()
        yield record


def extract_one(article: Article, *, nlp: Language | None = None) -> ArticleRecord:
    """Extract from a single article."""
    return next(extract([article], nlp=nlp))


__all__ = ["COMPONENTS", "MAX_TEXT_CHARACTERS", "PIPELINE_VERSION", "extract", "extract_one", "make_pipeline"]
