"""Which arrows a picture draws, and where they start, bend and end; shared by the matplotlib drawing and
the web page so both show the same thing.

Parallel edges are merged: every edge of one relation from one node to another is one arrow with one
label that names each distinct role once (``former head / head``), so labels never stack. Arrows between
the same two nodes bend to alternate sides, so theirs never meet. An arrow ends where it meets the
target's circle or, coming from below, the box of its label, never under the label's text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

LABEL_SEPARATOR = " / "
UNLABELLED = frozenset({"saidAbout", "reported"})
"""Relations whose arrows carry no label: their style says what they are (see the legend)."""
_BENDS = (0.12, -0.12, 0.34, -0.34, 0.56, -0.56)
"""Curvature of the 1st, 2nd... arrow between two nodes, as a fraction of their distance."""


@dataclass(frozen=True, slots=True)
class Arrow:
    """One drawn arrow: all edges of ``relation`` from ``source`` to ``target``."""

    source: str
    target: str
    relation: str
    label: str
    """The distinct labels of the merged edges, sorted, joined by `` / ``; empty when unlabelled."""
    members: tuple[int, ...]
    """Positions of the merged edges in ``sorted_edges(network)``."""
    bend: float
    """Curvature: the control point lies ``bend`` times the distance off the straight line."""


@dataclass(frozen=True, slots=True)
class NodeShape:
    """A node's circle and the box of its label below it, relative to its centre, y pointing down."""

    radius: float
    half_width: float
    top: float
    bottom: float


def sorted_edges(network: nx.MultiDiGraph) -> list[tuple[str, str, Any, dict[str, Any]]]:
    """The edges in a stable order (source, target, key): the order the web page's data lists them in."""
    return sorted(network.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))


def arrows(network: nx.MultiDiGraph) -> list[Arrow]:
    """The arrows to draw: one per source, target and relation, bent apart when they share two nodes."""
    merged: dict[tuple[str, str, str], list[tuple[int, str]]] = defaultdict(list)
    for index, (source, target, _, data) in enumerate(sorted_edges(network)):
        merged[(str(source), str(target), str(data.get("relation", "")))].append(
            (index, str(data.get("label", "")))
        )
    between: dict[tuple[str, str], int] = defaultdict(int)
    out = []
    for (source, target, relation), members in sorted(merged.items()):
        pair = (min(source, target), max(source, target))
        nth = between[pair]
        between[pair] += 1
        side = 1.0 if source <= target else -1.0  # the same bend seen from the other end is the other side
        labels = sorted({label for _, label in members if label})
        out.append(
            Arrow(
                source=source,
                target=target,
                relation=relation,
                label="" if relation in UNLABELLED else LABEL_SEPARATOR.join(labels),
                members=tuple(index for index, _ in members),
                bend=side * _BENDS[nth % len(_BENDS)] * (1 + nth // len(_BENDS)),
            )
        )
    return out


def control_point(start: tuple[float, float], end: tuple[float, float], bend: float) -> tuple[float, float]:
    """The control point of the quadratic curve from ``start`` to ``end`` (matplotlib's ``arc3``)."""
    (x1, y1), (x2, y2) = start, end
    return ((x1 + x2) / 2 + bend * (y2 - y1), (y1 + y2) / 2 - bend * (x2 - x1))


def curve_middle(start: tuple[float, float], end: tuple[float, float], bend: float) -> tuple[float, float]:
    """The middle of that curve, where the arrow's label goes."""
    (x1, y1), (x2, y2) = start, end
    return ((x1 + x2) / 2 + bend / 2 * (y2 - y1), (y1 + y2) / 2 - bend / 2 * (x2 - x1))


def node_shape(label: str, *, radius: float, line_height: float, char_width: float, gap: float) -> NodeShape:
    """A circle of ``radius`` with a label of several lines written centred below it."""
    lines = label.split("\n")
    return NodeShape(
        radius=radius,
        half_width=max(len(line) for line in lines) * char_width / 2 + gap,
        top=radius + gap,
        bottom=radius + gap + len(lines) * line_height + gap,
    )


def label_spot(
    curve: tuple[tuple[float, float], tuple[float, float], tuple[float, float]],
    size: tuple[float, float],
    ends: list[tuple[tuple[float, float], NodeShape]],
) -> tuple[float, float]:
    """Where on a drawn curve (start, control, end) a label of ``size`` (width, height) goes: as near its
    middle as it can be without covering the circle or label of a node at either end (y down)."""
    (x0, y0), (cx, cy), (x1, y1) = curve
    spots = []
    for t in _LABEL_POSITIONS:
        x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1
        y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1
        if not any(_covers((x, y), size, centre, shape) for centre, shape in ends):
            return (x, y)
        spots.append((x, y))
    return spots[0]


_LABEL_POSITIONS = (0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8)
"""Where along a curve a label may go, the middle first."""


def _covers(
    spot: tuple[float, float], size: tuple[float, float], centre: tuple[float, float], shape: NodeShape
) -> bool:
    """Whether a label of ``size`` centred on ``spot`` overlaps a node's circle or its label box."""
    (x, y), (width, height), (nx_, ny) = spot, size, centre
    left, right, top, bottom = x - width / 2, x + width / 2, y - height / 2, y + height / 2
    boxes = (
        (nx_ - shape.radius, nx_ + shape.radius, ny - shape.radius, ny + shape.radius),
        (nx_ - shape.half_width, nx_ + shape.half_width, ny + shape.top, ny + shape.bottom),
    )
    return any(left < x1 and x0 < right and top < y1 and y0 < bottom for x0, x1, y0, y1 in boxes)


def leave_distance(direction: tuple[float, float], node: NodeShape) -> float:
    """How far from a node's centre a line going in ``direction`` (y down) leaves its circle and label.

    The circle is left at ``radius``; a line that runs down through the label box leaves at the box's
    far side, so an arrow that ends there stops below the label instead of under its text.
    """
    radius = node.radius
    dx, dy = direction
    length = (dx * dx + dy * dy) ** 0.5
    if length == 0:
        return radius
    dx, dy = dx / length, dy / length
    enter, leave = float("-inf"), float("inf")
    for low, high, step in ((-node.half_width, node.half_width, dx), (node.top, node.bottom, dy)):
        if step == 0:
            if not low <= 0 <= high:
                return radius
            continue
        near, far = sorted((low / step, high / step))
        enter, leave = max(enter, near), min(leave, far)
    return max(radius, leave) if enter <= leave and leave > 0 else radius
