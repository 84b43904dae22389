"""Drawings with matplotlib: nodes coloured by type with a legend, edges styled by relation, in a
notebook (``draw``) or written to a picture (``to_image``), byte-identical for the same graph."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import Graph

from ..errors import InputError, NewskgError
from ..vocab.entity_types import ENTITY_TYPES
from ._edges import NodeShape, arrows, control_point, curve_middle, leave_distance, node_shape
from ._layout import LAYOUT_SEED, layout, short_label
from ._projection import View, network_to_draw
from ._title import subject_title

if TYPE_CHECKING:
    from matplotlib.axes import Axes

TYPE_COLOURS: dict[str, str] = {t.name: t.colour for t in ENTITY_TYPES}
"""Node colour by type (``newskg.vocab.entity_types``)."""
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "post": {"color": "#333333", "style": "solid", "width": 2.0},
    "locatedIn": {"color": "#59a14f", "style": "solid", "width": 1.5},
    "reported": {"color": "#76b7b2", "style": "dashed", "width": 1.0},
    "saidAbout": {"color": "#9c9c9c", "style": "dashed", "width": 0.8},
}
RELATION_NAMES = {
    "post": "post (role)",
    "locatedIn": "located in",
    "reported": "reported (news agency)",
    "saidAbout": "said about",
}
"""What the legend calls each relation."""
SIZE_CAP = 12
"""Nodes grow with their number of relations up to this many; more draw as large."""
SIZE_LEGEND_TITLE = "circle size: number of relations"
SIZE_LEGEND_STEPS = ((1, "1"), (4, "4"), (SIZE_CAP, f"{SIZE_CAP} or more"))
IMAGE_FORMATS = (".png", ".svg", ".pdf")
NODE_LABEL_GID = "newskg-node-label"
"""Matplotlib ``gid`` of node labels in drawings, to find them in a figure or an SVG."""
EDGE_LABEL_GID = "newskg-edge-label"


def draw(
    graph: Graph | nx.MultiDiGraph,
    *,
    view: View = "entities",
    ax: Axes | None = None,
    title: str | None = None,
    seed: int = LAYOUT_SEED,
) -> Axes:
    """Draw the graph with matplotlib (in a notebook it shows below the cell); return the axes.

    Nodes are coloured by type and sized by their number of relations, with a legend; posts carry their
    role, places their containment; dashed edges go from news agencies to the people they reported.
    ``title``: by default what the graph is about (``subject_title``); ``""`` for none. Give ``ax`` to
    draw into a figure of your own.
    """
    network = network_to_draw(graph, view=view)
    title = subject_title(network, graph if isinstance(graph, Graph) else None) if title is None else title
    if ax is None:
        plt = _matplotlib("pyplot")
        _, ax = plt.subplots(figsize=_figure_size(network), dpi=100, layout="constrained")
    _render(ax, network, title=title, seed=seed)
    return ax


def to_image(
    graph: Graph | nx.MultiDiGraph,
    path: str | Path,
    *,
    view: View = "entities",
    title: str | None = None,
    dpi: int = 150,
) -> Path:
    """Write a drawing of ``graph`` to ``path`` (.png, .svg or .pdf), atomically; return the path.

    Uses a figure of its own, not pyplot, so it changes no matplotlib state of the caller. ``title``: by
    default what the graph is about (``subject_title``); ``""`` for none.
    """
    from ..files import atomic_path

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in IMAGE_FORMATS:
        raise InputError(f"{target}: pictures are {', '.join(IMAGE_FORMATS)}; for a web page use .html")
    figure_module = _matplotlib("figure")
    network = network_to_draw(graph, view=view)
    title = subject_title(network, graph if isinstance(graph, Graph) else None) if title is None else title
    figure = figure_module.Figure(figsize=_figure_size(network), layout="constrained")
    _render(figure.add_subplot(), network, title=title, seed=LAYOUT_SEED)
    # No creation date or software version in the file: the same graph gives the same bytes.
    metadata = {
        ".png": {"Software": None},
        ".svg": {"Date": None, "Creator": None},
        ".pdf": {"CreationDate": None, "Creator": None, "Producer": None},
    }[suffix]
    import matplotlib

    # SVG keeps its labels as text (searchable, accessible) rather than glyph outlines.
    with (
        matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "newskg"}),
        atomic_path(target) as tmp,
    ):
        figure.savefig(
            tmp, format=suffix[1:], dpi=dpi, metadata=metadata, facecolor="white", bbox_inches="tight"
        )
    return target


def node_area(degree: int) -> float:
    """A node's area in points² (matplotlib's ``s``): it grows with its relations, up to ``SIZE_CAP``."""
    return 260.0 + 90.0 * min(degree, SIZE_CAP)


def _node_shape(label: str, area: float) -> NodeShape:
    """A node in points: a circle of ``area`` and its 9-point label below."""
    return node_shape(label, radius=area**0.5 / 2, line_height=10.5, char_width=5.4, gap=2.0)


def _draw_nodes(ax: Axes, network: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> None:
    present: dict[str, str] = {}
    for node in sorted(network.nodes):
        data = network.nodes[node]
        kind = data.get("type") or "Resource"
        colour = TYPE_COLOURS.get(kind, "#bab0ac")
        present[kind] = colour
        x, y = positions[node]
        size = node_area(network.degree(node))
        ax.scatter([x], [y], s=size, c=colour, edgecolors="white", linewidths=1.5, zorder=3)
        ax.annotate(
            short_label(str(data.get("label", node))),
            (x, y),
            xytext=(0, -(size**0.5) / 2 - 3),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=9,
            zorder=5,
            gid=NODE_LABEL_GID,
            parse_math=False,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    relations = sorted({d.get("relation") for _, _, d in network.edges(data=True)} & set(EDGE_STYLES))
    _legend(ax, present, relations)


def _legend(ax: Axes, kinds: dict[str, str], relations: list[str]) -> None:
    """Colours by type, then the relations' line styles, then what a node's size means."""
    from matplotlib.lines import Line2D

    def dot(colour: str, label: str, size: float = 10.0) -> Line2D:
        return Line2D(
            [],
            [],
            marker="o",
            ls="",
            markersize=size,
            markerfacecolor=colour,
            markeredgecolor="white",
            label=label,
        )

    handles = [dot(colour, kind) for kind, colour in sorted(kinds.items())]
    handles += [
        Line2D(
            [],
            [],
            color=EDGE_STYLES[r]["color"],
            ls=EDGE_STYLES[r]["style"],
            lw=EDGE_STYLES[r]["width"],
            label=RELATION_NAMES[r],
        )
        for r in relations
    ]
    if handles:
        handles.append(Line2D([], [], ls="", label=SIZE_LEGEND_TITLE))
        for n, (degree, label) in enumerate(SIZE_LEGEND_STEPS):
            if n:  # an empty row between sizes, so that the larger circles do not overlap
                handles.append(Line2D([], [], ls="", label=" "))
            handles.append(dot("#c8c8c8", label, node_area(degree) ** 0.5))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10)


def _draw_edges(ax: Axes, network: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> None:
    """One arrow per source, target and relation (``newskg.views._edges``), labelled once, ending at
    the edge of the target's circle or label box."""
    shapes = {
        node: _node_shape(
            short_label(str(network.nodes[node].get("label", node))), node_area(network.degree(node))
        )
        for node in network.nodes
    }
    for arrow in arrows(network):
        style = EDGE_STYLES.get(arrow.relation, {"color": "#9c9c9c", "style": "solid", "width": 0.8})
        start, end = positions[arrow.source], positions[arrow.target]
        cx, cy = control_point(start, end, arrow.bend)
        # Directions in points, y down (the label boxes' frame): data y points up, the aspect is equal.
        leave_source = leave_distance((cx - start[0], start[1] - cy), shapes[arrow.source])
        reach_target = leave_distance((cx - end[0], end[1] - cy), shapes[arrow.target])
        ax.annotate(
            "",
            xy=end,
            xytext=start,
            zorder=1,
            arrowprops={
                "arrowstyle": "-|>",
                "color": style["color"],
                "lw": style["width"],
                "linestyle": style["style"],
                "shrinkA": leave_source + 2,
                "shrinkB": reach_target + 3,
                "connectionstyle": f"arc3,rad={arrow.bend}",
            },
        )
        if not arrow.label:
            continue
        ax.text(
            *curve_middle(start, end, arrow.bend),
            arrow.label,
            fontsize=8.5,
            color=style["color"],
            ha="center",
            va="center",
            zorder=6,
            style="italic",
            gid=EDGE_LABEL_GID,
            parse_math=False,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
        )


def _render(ax: Axes, network: nx.MultiDiGraph, *, title: str | None, seed: int) -> None:
    positions = layout(network, seed=seed)
    _draw_edges(ax, network, positions)
    _draw_nodes(ax, network, positions)
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.margins(0.08)
    if title:
        ax.set_title(title, fontsize=14, parse_math=False)


def _figure_size(network: nx.Graph) -> tuple[float, float]:
    """Inches from the layout's extent, so labels keep a readable size whatever the graph's size."""
    positions = layout(network)
    if not positions:
        return (6.0, 4.0)
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    scale = min(1.0, 40.0 / max(width, height, 1.0))
    return (
        round(max(6.0, (width + 3.5) * 0.85 * scale + 2.5), 2),
        round(max(4.0, (height + 2.5) * 0.85 * scale), 2),
    )


def _matplotlib(module: str) -> Any:
    """``matplotlib.pyplot`` or ``matplotlib.figure``, or a clear error when matplotlib is missing."""
    import importlib

    try:
        return importlib.import_module(f"matplotlib.{module}")
    except ImportError:
        raise NewskgError(
            "drawing needs matplotlib, a dependency of newskg missing here: pip install 'matplotlib>=3.8'"
        ) from None
