"""How many processes a build runs by default: the cores this process may use.

Kept apart from ``parallel`` (which loads spaCy) so that ``newskg build --help`` can show the number
without importing anything heavy.
"""

from __future__ import annotations

import os
import sys


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity (a container's or ``taskset``'s limit),
    not every core of the machine, which ``os.cpu_count()`` counts."""
    counted: int | None
    if sys.version_info >= (3, 13):
        counted = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        counted = len(os.sched_getaffinity(0))
    else:  # macOS, Windows: no affinity to ask about
        counted = os.cpu_count()
    return max(1, counted or 1)


__all__ = ["usable_cores"]
