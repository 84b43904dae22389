"""Import every command module so each registers itself on the app."""

from __future__ import annotations

from . import build, evaluate, extract, validate

__all__ = ["build", "evaluate", "extract", "validate"]
