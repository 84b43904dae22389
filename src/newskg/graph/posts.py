"""What a normalised role name says about a post: its status, and which post it is.

The NLP writes roles as ``[former] [acting] [deputy] <post>`` (``former head``, ``acting head``,
``deputy minister``). Building, the intervals of posts and the consistency checks all read them the
same way through these functions.
"""

from __future__ import annotations

SINGLE_HOLDER_POSTS = ("head",)
"""Posts one person holds at a time: naming a new holder ends the previous one's post, and two
holders on one date contradict each other. Deliberately narrow: a ministry has one minister, but
articles name deputy and former ministers loosely enough that "minister" would raise false alarms."""


def role_status(role: str) -> str:
    """current, acting, former or deputy, from a normalised role name (former wins over the rest)."""
    words = role.split()
    for status in ("former", "acting", "deputy"):
        if status in words:
            return status
    return "current"


def post_of(role: str) -> str:
    """The post a role is about, without ``former`` and ``acting``: ``former acting head`` -> ``head``.

    ``deputy`` stays: a deputy head holds another post than the head.
    """
    return " ".join(word for word in role.split() if word not in ("former", "acting"))


def is_sole_holder(role: str) -> bool:
    """Whether ``role`` names the one holder of a single-holder post (``head``, not ``acting head``)."""
    return role in SINGLE_HOLDER_POSTS
