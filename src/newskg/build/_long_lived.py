"""Making objects that live as long as the process (modules, the NLP pipeline) with the garbage
collector paused.

Importing spaCy and rdflib and loading the pipeline make about 300,000 container objects, none of
them garbage: every collection the allocations trigger meanwhile scans them all and frees nothing
(about a quarter of the start-up, which runs in one process while the other cores wait). In the
``newskg`` command, whose process is newskg's own, they are also frozen after (``gc.freeze``), so
that later collections skip them; a library caller's process is left as its owner set it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_freezing = False
"""Whether what ``long_lived`` makes is frozen: set by the command line (``freeze_long_lived``)."""


def freeze_long_lived() -> None:
    """This process is the ``newskg`` command's: freeze what ``long_lived`` makes from now on."""
    global _freezing
    _freezing = True


@contextmanager
def long_lived() -> Iterator[None]:
    """Pause the collector while what is made here is made; in the command, freeze it after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freezing:
            gc.freeze()
        if was_enabled:
            gc.enable()
