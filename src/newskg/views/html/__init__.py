"""An interactive web page of the graph: one self-contained HTML file, no network, no library.

The drawing is an SVG written here, so the page shows the graph even with scripts off; a small script
adds panning, zooming, search and a details panel with each fact's provenance. Every label and
attribute is escaped (``html.escape``), the data the script reads is JSON with ``<``, ``>`` and ``&``
escaped, the script writes text only through ``textContent``, and a Content-Security-Policy allows
no script or style but the page's own (by hash): a label such as ``<script>alert(1)</script>``
shows as text and never runs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx
from rdflib import Graph

from ...files import write_bytes_atomic
from ..network import EDGE_STYLES, TYPE_COLOURS, View, layout, short_label, to_networkx

PIXELS_PER_UNIT = 70
_SAFE_CLASS = re.compile(r"[^A-Za-z0-9_-]")


def _asset(name: str) -> str:
    """A file of the page (its CSS, script, HTML template), shipped beside this module as package data."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


_STYLE = _asset("page.css")
_SCRIPT = _asset("page.js")
_PAGE = Template(_asset("page.html"))
"""The page; ``$name`` placeholders are filled with values already escaped for HTML."""


def to_html(
    graph: Graph | nx.MultiDiGraph, path: str | Path, *, view: View = "entities", title: str = "newskg graph"
) -> Path:
    """Write an interactive page of ``graph`` to ``path`` atomically; return the path."""
    target = Path(path)
    write_bytes_atomic(target, render_html(graph, view=view, title=title).encode("utf-8"))
    return target


def render_html(
    graph: Graph | nx.MultiDiGraph, *, view: View = "entities", title: str = "newskg graph"
) -> str:
    """The page as a string; the same graph always gives the same text."""
    network = graph if isinstance(graph, nx.Graph) else to_networkx(graph, view=view)
    names = sorted(network.nodes)
    index = {name: i for i, name in enumerate(names)}
    positions = {
        name: (x * PIXELS_PER_UNIT, -y * PIXELS_PER_UNIT) for name, (x, y) in layout(network).items()
    }
    radius = {name: 9 + 1.5 * min(network.degree(name), 12) for name in names}

    nodes_data = [_node_data(name, network.nodes[name]) for name in names]
    edge_list = sorted(
        network.edges(keys=True, data=True), key=lambda e: (index[e[0]], index[e[1]], str(e[2]))
    )
    edges_data = [_edge_data(index[s], index[t], d) for s, t, _, d in edge_list]

    svg_edges, svg_edge_labels = _svg_edges(edge_list, positions, radius)
    svg_nodes = "\n".join(
        _svg_node(i, name, network.nodes[name], positions[name], radius[name]) for i, name in enumerate(names)
    )
    view_box = _view_box(positions)
    data = _json_for_html({"nodes": nodes_data, "edges": edges_data})
    style = _STYLE + _type_styles()
    present = {str(network.nodes[n].get("type")) for n in names}
    legend = "".join(
        f'<span class="t-{kind}">{escape(kind)}</span>' for kind in sorted(TYPE_COLOURS) if kind in present
    )
    csp = (
        f"default-src 'none'; script-src '{_sha256(_SCRIPT)}'; style-src '{_sha256(style)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return _PAGE.substitute(
        csp=escape(csp),
        title=escape(title),
        style=style,
        nodes=len(names),
        edges=len(edge_list),
        legend=legend,
        view_box=view_box,
        markers=_markers(),
        svg_edges=svg_edges,
        svg_nodes=svg_nodes,
        svg_edge_labels=svg_edge_labels,
        data=data,
        script=_SCRIPT,
    )


def _node_data(name: str, attributes: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": name,
        "label": str(attributes.get("label", name)),
        "type": str(attributes.get("type") or ""),
        "aliases": [str(a) for a in attributes.get("aliases", [])],
        "articles": [str(a) for a in attributes.get("articles", [])],
        "article_ids": [str(a) for a in attributes.get("article_ids", [])],
    }


def _edge_data(source: int, target: int, attributes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"source": source, "target": target}
    for key, value in sorted(attributes.items()):
        out[key] = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
    out.setdefault("label", "")
    out.setdefault("relation", "")
    return out


def _svg_node(i: int, name: str, attributes: dict[str, Any], xy: tuple[float, float], r: float) -> str:
    label = str(attributes.get("label", name))
    kind = str(attributes.get("type") or "Resource")
    lines = short_label(label).split("\n")
    spans = "".join(
        f'<tspan x="0" dy="{r + 13:.1f}">{escape(line)}</tspan>'
        if n == 0
        else f'<tspan x="0" dy="14">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    )
    tooltip = f"{label} ({kind})"
    return (
        f'<g class="node t-{_SAFE_CLASS.sub("", kind)}" data-index="{i}" data-iri="{escape(name)}" '
        f'tabindex="0" '
        f'transform="translate({xy[0]:.1f} {xy[1]:.1f})"><title>{escape(tooltip)}</title>'
        f'<circle r="{r:.1f}"></circle><text>{spans}</text></g>'
    )


def _svg_edges(
    edge_list: list[tuple[str, str, Any, dict[str, Any]]],
    positions: dict[str, tuple[float, float]],
    radius: dict[str, float],
) -> tuple[str, str]:
    """Curved, arrowed paths (one per edge, parallel ones fanned out on both sides), and the labels of
    posts and places, stacked per pair of nodes in a layer above the nodes so no node label hides them."""
    count: dict[frozenset[str], int] = defaultdict(int)
    groups: dict[tuple[str, str, str], list[tuple[int, str, str]]] = defaultdict(list)
    paths, labels = [], []
    for i, (source, target, _, data) in enumerate(edge_list):
        relation = str(data.get("relation", ""))
        css = _SAFE_CLASS.sub("", relation) or "triple"
        nth = count[frozenset((source, target))]
        count[frozenset((source, target))] += 1
        bend = (0.15 + 0.2 * (nth // 2)) * (1 if nth % 2 == 0 else -1) * (1 if source < target else -1)
        (x1, y1), (x2, y2) = positions[source], positions[target]
        cx, cy = (x1 + x2) / 2 + bend * (y2 - y1), (y1 + y2) / 2 - bend * (x2 - x1)
        sx, sy = _towards(x1, y1, cx, cy, radius[source] + 2)
        tx, ty = _towards(x2, y2, cx, cy, radius[target] + 4)
        style = EDGE_STYLES.get(relation, {"color": "#9c9c9c", "style": "solid", "width": 1.0})
        dash = ' stroke-dasharray="5 4"' if style["style"] == "dashed" else ""
        label = str(data.get("label", ""))
        d = f"M {sx:.1f} {sy:.1f} Q {cx:.1f} {cy:.1f} {tx:.1f} {ty:.1f}"
        paths.append(
            f'<g class="edge r-{css}" data-index="{i}"><title>{escape(label)}</title>'
            f'<path class="hit" d="{d}"></path>'
            f'<path d="{d}" stroke="{style["color"]}" stroke-width="{style["width"]}"{dash} '
            f'marker-end="url(#arrow-{css})"></path></g>'
        )
        if relation != "saidAbout":
            groups[(min(source, target), max(source, target), relation)].append((i, label, style["color"]))
    for (a, b, _), members in sorted(groups.items()):
        (x1, y1), (x2, y2) = positions[a], positions[b]
        top = (y1 + y2) / 2 - 7 * (len(members) - 1)
        for n, (i, label, colour) in enumerate(sorted(members, key=lambda m: (m[1], m[0]))):
            x, y = (x1 + x2) / 2, top + 14 * n + 4
            labels.append(
                f'<text class="edge-label" data-index="{i}" x="{x:.1f}" y="{y:.1f}" fill="{colour}">'
                f"{escape(label)}</text>"
            )
    return "\n".join(paths), "\n".join(labels)


def _towards(x: float, y: float, cx: float, cy: float, distance: float) -> tuple[float, float]:
    """The point ``distance`` from (x, y) in the direction of (cx, cy): where an edge leaves a circle."""
    dx, dy = cx - x, cy - y
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    return x + dx / length * distance, y + dy / length * distance


def _markers() -> str:
    relations = {**EDGE_STYLES, "triple": {"color": "#9c9c9c"}}
    return "".join(
        f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{style["color"]}"></path></marker>'
        for name, style in sorted(relations.items())
    )


def _type_styles() -> str:
    rules = [
        f".t-{kind} circle {{ fill: {colour}; }}\n.legend .t-{kind}::before {{ background: {colour}; }}"
        for kind, colour in sorted(TYPE_COLOURS.items())
    ]
    rules.append(".t-Resource circle { fill: #bab0ac; }\n.t-Literal circle { fill: #f1ce63; }")
    return "\n" + "\n".join(rules) + "\n"


def _view_box(positions: dict[str, tuple[float, float]]) -> str:
    if not positions:
        return "-100 -100 200 200"
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    margin = PIXELS_PER_UNIT * 1.5
    left, top = min(xs) - margin, min(ys) - margin
    return f"{left:.1f} {top:.1f} {max(xs) - left + margin:.1f} {max(ys) - top + margin + 30:.1f}"


def _json_for_html(value: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or line separators left raw."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


__all__ = ["render_html", "to_html"]
