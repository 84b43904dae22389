"""Text that is safe to show on a terminal: control characters made visible.

Labels in a graph are data from anywhere. An ESC or CSI character in a name could recolour a
terminal, move its cursor, rewrite what was printed before or set the window title; a carriage
return could hide the start of a line. Where newskg prints data for people to read, each C0 and C1
control character (but tab and newline, which tables and text need) is shown as a visible escape
such as ``\\x1b`` instead.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS_AND_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with its control characters shown as ``\\xNN`` escapes; ``one_line`` escapes tabs
    and newlines too (for a message that must stay on one line)."""
    pattern = _CONTROLS_AND_BREAKS if one_line else _CONTROLS
    return pattern.sub(_escape, text)


def has_controls(text: str) -> bool:
    """Whether ``printable`` would change ``text``."""
    return _CONTROLS.search(text) is not None


def _escape(found: re.Match[str]) -> str:
    return f"\\x{ord(found.group()):02x}"
