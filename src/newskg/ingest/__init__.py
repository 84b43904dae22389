"""Ingest, the first stage: inputs (files, folders, globs, stdin, ``Article`` objects) turned into checked
articles. These are its functions for other code; the modules behind them are internal."""

from .readers import article_from_text, check_article, iter_sources, read_articles, read_jsonl_stream

__all__ = ["article_from_text", "check_article", "iter_sources", "read_articles", "read_jsonl_stream"]
