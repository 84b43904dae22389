"""Import every command module so each registers itself on the app."""

from __future__ import annotations

from . import build, evaluate, export, extract, query, show, validate

__all__ = ["build", "evaluate", "export", "extract", "query", "show", "validate"]
