"""Import every command module so each registers itself on the app."""

from __future__ import annotations

from . import build, evaluate, export, extract, push, query, show, timeline, validate

__all__ = ["build", "evaluate", "export", "extract", "push", "query", "show", "timeline", "validate"]
