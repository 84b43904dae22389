"""Layout maths for drawings and the web page: seeded spring layouts per connected part, boxes pushed
apart so labels do not overlap, parts shelf-packed; the same graph always gets the same positions."""

from __future__ import annotations

import textwrap
from typing import Any

import networkx as nx

SEPARATE_LIMIT = 1500
"""Above this many nodes in one part, labels are not pushed apart (it would need n² memory)."""
LAYOUT_SEED = 7


def layout(network: nx.Graph, *, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Node positions, the same for the same graph; about 2 units between neighbours, y upwards.

    Each connected part is laid out on its own (a seeded spring layout over sorted nodes) at a size that
    grows with its node count, and the parts are packed in rows, the largest first, so a few
    unconnected nodes cannot squeeze the rest into a corner.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(network.nodes))
    simple.add_edges_from(sorted({(min(u, v), max(u, v)) for u, v in network.edges() if u != v}))
    parts = sorted(nx.connected_components(simple), key=lambda part: (-len(part), min(part)))
    placed: list[dict[str, tuple[float, float]]] = []
    for part in parts:
        nodes = sorted(part)
        if len(nodes) == 1:
            placed.append({nodes[0]: (0.0, 0.0)})
            continue
        radius = 1.15 * len(nodes) ** 0.5
        raw = _spring(_sorted_part(simple, nodes), seed=seed)
        spread = {str(n): (float(x) * radius, float(y) * radius) for n, (x, y) in raw.items()}
        if len(nodes) > SEPARATE_LIMIT:  # too many to label legibly anyway; keep memory bounded
            placed.append(spread)
            continue
        heights = {
            n: 2.1 + 0.4 * short_label(str(network.nodes[n].get("label", n))).count("\n") for n in nodes
        }
        placed.append(_separate(spread, heights))
    return _pack(placed)


def _sorted_part(simple: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The part of ``simple`` on ``nodes``, its nodes and edges inserted in sorted order.

    Not ``simple.subgraph(nodes)``: a view of fewer than half the nodes iterates them in the order of a
    set, which string hashing changes from one run to the next, and the spring layout with it.
    """
    part = nx.Graph()
    part.add_nodes_from(nodes)
    part.add_edges_from(sorted(tuple(sorted(edge)) for edge in simple.edges(nodes)))
    return part


def _spring(part: nx.Graph, *, seed: int) -> dict[Any, Any]:
    """A seeded spring layout; a circle for parts of 500 nodes or more when scipy (which networkx then
    needs) is not installed."""
    if len(part) >= 500:
        try:
            import scipy  # noqa: F401
        except ImportError:
            circle: dict[Any, Any] = nx.circular_layout(part)
            return circle
    spring: dict[Any, Any] = nx.spring_layout(
        part, k=1.6 / len(part) ** 0.5, seed=seed, iterations=300, method="force"
    )
    return spring


def _separate(
    positions: dict[str, tuple[float, float]],
    heights: dict[str, float],
    *,
    width: float = 2.1,
    rounds: int = 300,
) -> dict[str, tuple[float, float]]:
    """Push apart nodes whose boxes (a node, its label, room for an edge label) overlap.

    Each pair is pushed along the axis where it overlaps least; box heights grow with label lines.
    """
    import numpy as np

    names = sorted(positions)
    xy = np.array([positions[n] for n in names], dtype=float)
    half = np.array([heights[n] for n in names], dtype=float) / 2
    need_y = half[:, None] + half[None, :]
    tie = np.sign(np.arange(len(names))[:, None] - np.arange(len(names))[None, :] + 0.5)
    for _ in range(rounds):
        dx = xy[:, None, 0] - xy[None, :, 0]
        dy = xy[:, None, 1] - xy[None, :, 1]
        overlap_x, overlap_y = width - np.abs(dx), need_y - np.abs(dy)
        clash = (overlap_x > 0) & (overlap_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        along_x = overlap_x / width < overlap_y / need_y
        sign_x = np.where(dx != 0, np.sign(dx), tie)
        sign_y = np.where(dy != 0, np.sign(dy), tie)
        push_x = np.where(clash & along_x, sign_x * overlap_x * 0.25, 0.0).sum(axis=1)
        push_y = np.where(clash & ~along_x, sign_y * overlap_y * 0.25, 0.0).sum(axis=1)
        xy += np.stack([push_x, push_y], axis=1)
    return {name: (float(x), float(y)) for name, (x, y) in zip(names, xy, strict=True)}


def _pack(parts: list[dict[str, tuple[float, float]]], gap: float = 2.2) -> dict[str, tuple[float, float]]:
    """Shelf-pack laid-out parts left to right, top to bottom."""
    boxes = []
    for part in parts:
        xs, ys = [x for x, _ in part.values()], [y for _, y in part.values()]
        boxes.append((part, min(xs), max(ys), max(xs) - min(xs), max(ys) - min(ys)))
    total = sum((w + gap) * (h + gap) for *_, w, h in boxes)
    row_width = max([total**0.5 * 1.3, *(w + gap for *_, w, _ in boxes)]) if boxes else 0.0
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, left, top, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        for node, (px, py) in part.items():
            positions[node] = (round(x + px - left, 4), round(y + py - top, 4))
        x += width + gap
        row_height = max(row_height, height)
    return positions


def short_label(text: str, *, width: int = 20, max_lines: int = 4) -> str:
    """A node label wrapped to a few short lines, ellipsised when longer."""
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = [
            *lines[: max_lines - 1],
            textwrap.shorten(" ".join(lines[max_lines - 1 :]), width, placeholder="…"),
        ]
    return "\n".join(lines)
