"""The NLP stage: spaCy rule components that turn article text into records.

This package never imports rdflib: its output is ``newskg.records``.
"""

from __future__ import annotations

from .pipeline import MAX_TEXT_CHARACTERS, PIPELINE_VERSION, extract, extract_one, make_pipeline

__all__ = ["MAX_TEXT_CHARACTERS", "PIPELINE_VERSION", "extract", "extract_one", "make_pipeline"]
