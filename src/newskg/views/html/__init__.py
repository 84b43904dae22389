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
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx
from rdflib import Graph

from ...files import write_bytes_atomic
from .._drawing import RELATION_NAMES, SIZE_CAP
from .._edges import (
    Arrow,
    NodeShape,
    arrows,
    control_point,
    label_spot,
    leave_distance,
    node_shape,
    sorted_edges,
)
from ..network import EDGE_STYLES, TYPE_COLOURS, View, layout, network_to_draw, short_label, subject_title

PIXELS_PER_UNIT = 85
NOTEBOOK_HEIGHT = 640
"""Pixels: room for the graph and its details panel in a notebook cell without scrolling the notebook."""
EDGE_LABEL_CHAR_WIDTH = 6.2
"""About the width of a character of an edge label (11px italic), for the white box behind it."""
_SAFE_CLASS = re.compile(r"[^A-Za-z0-9_-]")


def _asset(name: str) -> str:
    """A file of the page (its CSS, script, HTML template), shipped beside this module as package data."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


_STYLE = _asset("page.css")
_SCRIPT = _asset("page.js")
_PAGE = Template(_asset("page.html"))
"""The page; ``$name`` placeholders are filled with values already escaped for HTML."""


@dataclass(frozen=True, slots=True)
class HtmlView:
    """The interactive page of a graph, which a notebook shows inline below the cell.

    It shows in an ``<iframe>`` whose ``srcdoc`` is the whole page, escaped: the page brings its own
    script and style, needs no network, and runs sandboxed (scripts, but no access to the notebook).
    """

    html: str
    """The self-contained page, as ``to_html`` writes it."""
    title: str
    height: int = NOTEBOOK_HEIGHT
    """Height of the inline view in pixels; its width is the notebook cell's."""

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` atomically; return the path."""
        target = Path(path)
        write_bytes_atomic(target, self.html.encode("utf-8"))
        return target

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{escape(self.html, quote=True)}" title="{escape(self.title, quote=True)}" '
            f'sandbox="allow-scripts" style="width: 100%; height: {int(self.height)}px; '
            'border: 1px solid #ddd; border-radius: 4px;"></iframe>'
        )

    def __repr__(self) -> str:
        return f"<HtmlView {self.title!r}: {len(self.html):,} characters>"


def html_view(
    graph: Graph | nx.MultiDiGraph,
    *,
    view: View = "entities",
    title: str | None = None,
    height: int = NOTEBOOK_HEIGHT,
) -> HtmlView:
    """The interactive page of ``graph`` as an object a notebook shows inline (``.save(path)`` writes it).

    ``title``: by default what the graph is about (``subject_title``: the headline of a one-article
    graph, else the people and organisations most of its articles name).
    """
    network = network_to_draw(graph, view=view)
    if title is None:
        title = subject_title(network, graph if isinstance(graph, Graph) else None)
    return HtmlView(html=render_html(network, title=title), title=title, height=height)


def to_html(
    graph: Graph | nx.MultiDiGraph, path: str | Path, *, view: View = "entities", title: str | None = None
) -> Path:
    """Write an interactive page of ``graph`` to ``path`` atomically; return the path.

    ``title``: by default what the graph is about (``subject_title``: the headline of a one-article
    graph, else the people and organisations most of its articles name).
    """
    return html_view(graph, view=view, title=title).save(path)


def render_html(graph: Graph | nx.MultiDiGraph, *, view: View = "entities", title: str | None = None) -> str:
    """The page as a string; the same graph always gives the same text."""
    network = network_to_draw(graph, view=view)
    if title is None:
        title = subject_title(network, graph if isinstance(graph, Graph) else None)
    names = sorted(network.nodes)
    index = {name: i for i, name in enumerate(names)}
    positions = {
        name: (x * PIXELS_PER_UNIT, -y * PIXELS_PER_UNIT) for name, (x, y) in layout(network).items()
    }
    radius = {name: node_radius(network.degree(name)) for name in names}
    shapes = {
        name: node_shape(
            short_label(str(network.nodes[name].get("label", name))),
            radius=radius[name],
            line_height=14.0,
            char_width=6.8,
            gap=3.0,
        )
        for name in names
    }

    nodes_data = [_node_data(name, network.nodes[name]) for name in names]
    edges_data = [_edge_data(index[s], index[t], d) for s, t, _, d in sorted_edges(network)]

    svg_edges, svg_edge_labels = _svg_arrows(arrows(network), positions, shapes)
    svg_nodes = "\n".join(
        _svg_node(i, name, network.nodes[name], positions[name], radius[name]) for i, name in enumerate(names)
    )
    view_box = _view_box(positions)
    data = _json_for_html({"nodes": nodes_data, "edges": edges_data})
    style = _STYLE + _type_styles()
    return _PAGE.substitute(
        csp=escape(_csp(style)),
        title=escape(title),
        style=style,
        nodes=len(names),
        edges=len(edges_data),
        legend=_legend(network),
        view_box=view_box,
        markers=_markers(),
        svg_edges=svg_edges,
        svg_nodes=svg_nodes,
        svg_edge_labels=svg_edge_labels,
        data=data,
        script=_SCRIPT,
    )


def node_radius(degree: int) -> float:
    """A node's radius in pixels: it grows with its relations, up to ``SIZE_CAP`` of them."""
    return 9 + 1.5 * min(degree, SIZE_CAP)


def _csp(style: str) -> str:
    return (
        f"default-src 'none'; script-src '{_sha256(_SCRIPT)}'; style-src '{_sha256(style)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _legend(network: nx.MultiDiGraph) -> str:
    """Colours by type, the relations' line styles, and what a node's size means."""
    present = {str(data.get("type")) for _, data in network.nodes(data=True)}
    relations = {str(data.get("relation")) for _, _, data in network.edges(data=True)}
    kinds = "".join(
        f'<span class="t-{kind}">{escape(kind)}</span>' for kind in sorted(TYPE_COLOURS) if kind in present
    )
    lines = "".join(
        f'<span class="rel r-{name}">{escape(RELATION_NAMES[name])}</span>'
        for name in sorted(EDGE_STYLES)
        if name in relations
    )
    size = (
        f'<span class="size"><i class="small"></i><i class="large"></i>circle size: number of relations '
        f"(largest at {SIZE_CAP} or more)</span>"
    )
    return kinds + lines + (size if len(network) else "")


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


def _svg_arrows(
    drawn: list[Arrow], positions: dict[str, tuple[float, float]], shapes: dict[str, NodeShape]
) -> tuple[str, str]:
    """Curved, arrowed paths, one per arrow (its merged edges listed in ``data-members``), each leaving
    and reaching a node at the edge of its circle or label box; and the arrows' labels, at the middle
    of their curves, in a layer above the nodes so that no node label hides them."""
    paths, labels = [], []
    for arrow in drawn:
        css = _SAFE_CLASS.sub("", arrow.relation) or "triple"
        start, end = positions[arrow.source], positions[arrow.target]
        cx, cy = control_point(start, end, arrow.bend)
        sx, sy = _towards(
            *start, cx, cy, leave_distance((cx - start[0], cy - start[1]), shapes[arrow.source]) + 2
        )
        tx, ty = _towards(*end, cx, cy, leave_distance((cx - end[0], cy - end[1]), shapes[arrow.target]) + 3)
        style = EDGE_STYLES.get(arrow.relation, {"color": "#9c9c9c", "style": "solid", "width": 1.0})
        dash = ' stroke-dasharray="5 4"' if style["style"] == "dashed" else ""
        members = " ".join(str(i) for i in arrow.members)
        d = f"M {sx:.1f} {sy:.1f} Q {cx:.1f} {cy:.1f} {tx:.1f} {ty:.1f}"
        tooltip = arrow.label or RELATION_NAMES.get(arrow.relation, arrow.relation)
        paths.append(
            f'<g class="edge r-{css}" data-index="{arrow.members[0]}" data-members="{members}">'
            f"<title>{escape(tooltip)}</title>"
            f'<path class="hit" d="{d}"></path>'
            f'<path d="{d}" stroke="{style["color"]}" stroke-width="{style["width"]}"{dash} '
            f'marker-end="url(#arrow-{css})"></path></g>'
        )
        if arrow.label:  # on the part drawn, clear of both nodes' circles and labels where it can be
            width = len(arrow.label) * EDGE_LABEL_CHAR_WIDTH + 8
            x, y = label_spot(
                ((sx, sy), (cx, cy), (tx, ty)),
                (width, 16.0),
                [(start, shapes[arrow.source]), (end, shapes[arrow.target])],
            )
            labels.append(
                f'<rect class="edge-label-back" x="{x - width / 2:.1f}" y="{y - 8:.1f}" width="{width:.1f}" '
                'height="16" rx="3"></rect>'
            )
            labels.append(
                f'<text class="edge-label" data-index="{arrow.members[0]}" data-members="{members}" '
                f'x="{x:.1f}" y="{y + 4:.1f}" fill="{style["color"]}">{escape(arrow.label)}</text>'
            )
    return "\n".join(paths), "\n".join(labels)


def _towards(x: float, y: float, cx: float, cy: float, distance: float) -> tuple[float, float]:
    """The point ``distance`` from (x, y) in the direction of (cx, cy): where an edge leaves a node."""
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
    rules += [
        f".legend .r-{name}::before {{ border-top: 2px {style['style']} {style['color']}; }}"
        for name, style in sorted(EDGE_STYLES.items())
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


__all__ = ["HtmlView", "html_view", "render_html", "to_html"]
