"""The cross-article checks ``newskg.validate`` runs, in order. A new check is a class in its own file
of this folder (a ``Check`` subclass with an id, IRIs, a message and ``find``), listed here."""

from __future__ import annotations

from .base import Check
from .no_head_after_former import NoHeadAfterFormer
from .one_head_per_date import OneHeadPerDate

CHECKS: tuple[Check, ...] = (OneHeadPerDate(), NoHeadAfterFormer())
