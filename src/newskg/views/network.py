"""Graphs for notebooks and pictures: networkx projections of the RDF graph, and drawings of them.

``to_networkx(graph, view="entities")`` keeps what an analyst reads: people, organisations, places,
mottos, programmes and events as nodes, and three kinds of labelled edge, each carrying its provenance
(articles, dates, evidence sentences, extraction rules) as attributes:

``post``       person -> organisation, labelled with the role (``former head``);
``locatedIn``  place -> larger place;
``saidAbout``  speaker -> an entity their reported words name.

``view="triples"`` is the raw RDF, one edge per triple. ``draw`` and ``to_image`` need matplotlib
(``pip install 'newskg[viz]'``); the layout is seeded, so the same graph always gives the same picture.
"""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from typing import Literal as TypingLiteral

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from ..errors import InputError, NewskgError
from ..query.run import union_view
from ..vocab.namespace import NKG, OA, ORG, SCHEMA, TIME

if TYPE_CHECKING:
    from matplotlib.axes import Axes

View = TypingLiteral["entities", "triples"]

ENTITY_CLASSES = {
    NKG.Person: "Person",
    NKG.NewsAgency: "NewsAgency",
    NKG.Organization: "Organization",
    NKG.Country: "Country",
    NKG.Province: "Province",
    NKG.City: "City",
    NKG.Place: "Place",
    NKG.Motto: "Motto",
    NKG.Program: "Program",
    NKG.Event: "Event",
}
"""newskg entity classes, most specific first: a node's type is the first class it has."""

TYPE_COLOURS = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "NewsAgency": "#76b7b2",
    "Country": "#59a14f",
    "Province": "#8cd17d",
    "City": "#b6992d",
    "Place": "#a0cbe8",
    "Motto": "#f28e2b",
    "Program": "#b07aa1",
    "Event": "#ff9da7",
}
"""Node colour by type (Tableau 10, readable for the common colour-vision deficiencies)."""

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "post": {"color": "#333333", "style": "solid", "width": 2.0},
    "locatedIn": {"color": "#59a14f", "style": "solid", "width": 1.5},
    "saidAbout": {"color": "#9c9c9c", "style": "dashed", "width": 0.8},
}
IMAGE_FORMATS = (".png", ".svg", ".pdf")
SEPARATE_LIMIT = 1500
"""Above this many nodes in one part, labels are not pushed apart (it would need n² memory)."""
NODE_LABEL_GID = "newskg-node-label"
"""Matplotlib ``gid`` of node labels in drawings, to find them in a figure or an SVG."""
LAYOUT_SEED = 7


def to_networkx(graph: Graph, *, view: View = "entities") -> nx.MultiDiGraph:
    """A networkx graph of ``graph`` (a graph, a dataset or a store): ``entities`` or ``triples``."""
    if view not in ("entities", "triples"):
        raise ValueError(f"view must be 'entities' or 'triples', not {view!r}")
    source = union_view(graph)
    return _triples(source) if view == "triples" else _entities(source)


def entity_type(graph: Graph, node: Node) -> str | None:
    """The most specific newskg entity class of ``node`` (``Province`` before ``Place``)."""
    types = set(graph.objects(node, RDF.type))
    return next((name for cls, name in ENTITY_CLASSES.items() if cls in types), None)


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
        raw = _spring(simple.subgraph(nodes), seed=seed)
        spread = {str(n): (float(x) * radius, float(y) * radius) for n, (x, y) in raw.items()}
        if len(nodes) > SEPARATE_LIMIT:  # too many to label legibly anyway; keep memory bounded
            placed.append(spread)
            continue
        heights = {
            n: 2.1 + 0.4 * short_label(str(network.nodes[n].get("label", n))).count("\n") for n in nodes
        }
        placed.append(_separate(spread, heights))
    return _pack(placed)


def _spring(part: nx.Graph, *, seed: int) -> dict[Any, Any]:
    """A seeded spring layout; a circle for parts of 500 nodes or more when scipy (which networkx then
    needs) is not installed."""
    if len(part) >= 500:
        try:
            import scipy  # noqa: F401
        except ImportError:
            return nx.circular_layout(part)
    return nx.spring_layout(part, k=1.6 / len(part) ** 0.5, seed=seed, iterations=300, method="force")


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


def draw(
    graph: Graph | nx.MultiDiGraph,
    *,
    view: View = "entities",
    ax: Axes | None = None,
    title: str | None = None,
    seed: int = LAYOUT_SEED,
) -> Axes:
    """Draw the graph with matplotlib (in a notebook it shows below the cell); return the axes.

    Nodes are coloured by type with a legend; posts carry their role, places their containment; the
    dashed grey edges are ``said about``. Give ``ax`` to draw into a figure of your own.
    """
    network = graph if isinstance(graph, nx.Graph) else to_networkx(graph, view=view)
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

    Uses a figure of its own, not pyplot, so it changes no matplotlib state of the caller.
    """
    from ..files import atomic_path

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in IMAGE_FORMATS:
        raise InputError(f"{target}: pictures are {', '.join(IMAGE_FORMATS)}; for a web page use .html")
    figure_module = _matplotlib("figure")
    network = graph if isinstance(graph, nx.Graph) else to_networkx(graph, view=view)
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


def short_label(text: str, *, width: int = 20, max_lines: int = 4) -> str:
    """A node label wrapped to a few short lines, ellipsised when longer."""
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = [
            *lines[: max_lines - 1],
            textwrap.shorten(" ".join(lines[max_lines - 1 :]), width, placeholder="…"),
        ]
    return "\n".join(lines)


def _entities(graph: Graph) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph()
    for node in sorted({s for cls in ENTITY_CLASSES for s in graph.subjects(RDF.type, cls)}, key=str):
        if isinstance(node, URIRef):
            result.add_node(
                str(node),
                label=_label(graph, node),
                type=entity_type(graph, node),
                aliases=_texts(graph.objects(node, SKOS.altLabel)),
                articles=_texts(graph.subjects(NKG.mentions, node)),
                article_ids=_texts(
                    i for a in graph.subjects(NKG.mentions, node) for i in graph.objects(a, SCHEMA.identifier)
                ),
            )
    _add_posts(graph, result)
    _add_located_in(graph, result)
    _add_said_about(graph, result)
    return result


def _add_posts(graph: Graph, result: nx.MultiDiGraph) -> None:
    for membership in sorted(set(graph.subjects(RDF.type, NKG.Membership)), key=str):
        person = _first(graph.objects(membership, ORG.member))
        org = _first(graph.objects(membership, ORG.organization))
        if person is None or org is None or str(person) not in result or str(org) not in result:
            continue
        role = _first(graph.objects(membership, NKG.roleName))
        interval = _first(graph.objects(membership, ORG.memberDuring))
        result.add_edge(
            str(person),
            str(org),
            key=str(membership),
            relation="post",
            label=str(role) if role is not None else "post",
            status=_first_text(graph.objects(membership, NKG.status)),
            titles=_texts(graph.objects(membership, NKG.titleAsWritten)),
            since=_first_text(graph.objects(interval, TIME.hasBeginning / TIME.inXSDDate))
            if interval
            else "",
            until=_first_text(graph.objects(interval, TIME.hasEnd / TIME.inXSDDate)) if interval else "",
            **_provenance(graph, [membership]),
        )


def _add_located_in(graph: Graph, result: nx.MultiDiGraph) -> None:
    assertions: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
    for assertion in graph.subjects(RDF.predicate, NKG.locatedIn):
        subject, obj = (
            _first(graph.objects(assertion, RDF.subject)),
            _first(graph.objects(assertion, RDF.object)),
        )
        if subject is not None and obj is not None:
            assertions[(subject, obj)].append(assertion)
    for place, container in sorted(
        set(graph.subject_objects(NKG.locatedIn)), key=lambda pair: (str(pair[0]), str(pair[1]))
    ):
        if str(place) in result and str(container) in result:
            result.add_edge(
                str(place),
                str(container),
                key="locatedIn",
                relation="locatedIn",
                label="located in",
                **_provenance(graph, assertions.get((place, container), [])),
            )


def _add_said_about(graph: Graph, result: nx.MultiDiGraph) -> None:
    """Speaker -> entity, when the statement's words (or its sentence) name the entity or an alias."""
    patterns = {
        node: _name_pattern([data["label"], *data["aliases"]]) for node, data in result.nodes(data=True)
    }
    found: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for statement in sorted(set(graph.subjects(RDF.type, NKG.Statement)), key=str):
        speaker = _first(graph.objects(statement, NKG.speaker))
        if speaker is None or str(speaker) not in result:
            continue
        words = " ".join(_texts(graph.objects(statement, NKG.content))) or " ".join(
            _texts(graph.objects(statement, NKG.evidence / NKG.sentence))
        )
        for article in graph.objects(statement, NKG.reportedIn):
            for mentioned in graph.objects(article, NKG.mentions):
                target = str(mentioned)
                if target != str(speaker) and target in patterns and patterns[target].search(words):
                    found[(str(speaker), target)].append(statement)
    for (speaker_iri, target), statements in sorted(found.items()):
        result.add_edge(
            speaker_iri,
            target,
            key="saidAbout",
            relation="saidAbout",
            label="said about",
            statements=len(set(statements)),
            **_provenance(graph, sorted(set(statements), key=str)),
        )


def _provenance(graph: Graph, facts: Iterable[Node]) -> dict[str, list[str]]:
    """Articles, their dates, evidence sentences and rules behind some facts, each sorted."""
    facts = list(facts)
    articles = sorted({a for f in facts for a in graph.objects(f, NKG.reportedIn)}, key=str)
    return {
        "articles": [str(a) for a in articles],
        "article_ids": _texts(i for a in articles for i in graph.objects(a, SCHEMA.identifier)),
        "dates": _texts(d for f in facts for d in graph.objects(f, NKG.reportedOn)),
        "evidence": _texts(s for f in facts for s in graph.objects(f, NKG.evidence / NKG.sentence)),
        "quotes": _texts(
            q for f in facts for q in graph.objects(f, NKG.evidence / OA.hasSelector / OA.exact)
        ),
        "rules": _texts(r for f in facts for r in graph.objects(f, NKG.extractedBy)),
    }


def _triples(graph: Graph) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph()
    for s, p, o in sorted(
        set(graph.triples((None, None, None))), key=lambda t: (str(t[0]), str(t[1]), t[2].n3())
    ):
        target = f'"{o}"' if isinstance(o, Literal) else str(o)
        result.add_node(str(s), label=_short_iri(s), type="Resource")
        if target not in result:
            result.add_node(
                target,
                label=str(o) if isinstance(o, Literal) else _short_iri(o),
                type="Literal" if isinstance(o, Literal) else "Resource",
            )
        result.add_edge(str(s), target, key=str(p), label=_short_iri(p), predicate=str(p))
    return result


def _draw_nodes(ax: Axes, network: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> None:
    from matplotlib.lines import Line2D

    present: dict[str, str] = {}
    for node in sorted(network.nodes):
        data = network.nodes[node]
        kind = data.get("type") or "Resource"
        colour = TYPE_COLOURS.get(kind, "#bab0ac")
        present[kind] = colour
        x, y = positions[node]
        size = 260 + 90 * min(network.degree(node), 12)
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
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            markersize=10,
            markerfacecolor=colour,
            markeredgecolor="white",
            label=kind,
        )
        for kind, colour in sorted(present.items())
    ]
    relations = sorted({d.get("relation") for _, _, d in network.edges(data=True)} & set(EDGE_STYLES))
    names = {"post": "post (role)", "locatedIn": "located in", "saidAbout": "said about"}
    handles += [
        Line2D(
            [],
            [],
            color=EDGE_STYLES[r]["color"],
            ls=EDGE_STYLES[r]["style"],
            lw=EDGE_STYLES[r]["width"],
            label=names[r],
        )
        for r in relations
    ]
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10)


def _draw_edges(ax: Axes, network: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> None:
    """One arrow per pair and relation; parallel posts share it, their roles joined in one label."""
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for source, target, data in network.edges(data=True):
        grouped[(source, target, str(data.get("relation", "")))].append(str(data.get("label", "")))
    pairs: dict[frozenset[str], int] = defaultdict(int)
    for (source, target, relation), labels in sorted(grouped.items()):
        style = EDGE_STYLES.get(relation, {"color": "#9c9c9c", "style": "solid", "width": 0.8})
        index = pairs[frozenset((source, target))]
        pairs[frozenset((source, target))] += 1
        bend = 0.1 + 0.18 * index
        ax.annotate(
            "",
            xy=positions[target],
            xytext=positions[source],
            zorder=1,
            arrowprops={
                "arrowstyle": "-|>",
                "color": style["color"],
                "lw": style["width"],
                "linestyle": style["style"],
                "shrinkA": 14,
                "shrinkB": 16,
                "connectionstyle": f"arc3,rad={bend}",
            },
        )
        if relation == "saidAbout":
            continue
        (x1, y1), (x2, y2) = positions[source], positions[target]
        ax.text(
            (x1 + x2) / 2 + bend * (y2 - y1) / 2,
            (y1 + y2) / 2 - bend * (x2 - x1) / 2,
            "\n".join(sorted(set(labels))),
            fontsize=8.5,
            color=style["color"],
            ha="center",
            va="center",
            zorder=6,
            style="italic",
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
        raise NewskgError("drawing needs matplotlib: pip install 'newskg[viz]'") from None


def _label(graph: Graph, node: Node) -> str:
    label = _first(graph.objects(node, SKOS.prefLabel))
    return str(label) if label is not None else str(node).rsplit("/", 1)[-1]


def _short_iri(term: Node) -> str:
    from ..query.run import compact_iri

    return compact_iri(str(term))


def _name_pattern(names: Iterable[str]) -> re.Pattern[str]:
    forms = sorted({n for n in names if len(n) > 1}, key=lambda n: (-len(n), n))
    if not forms:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")


def _first(nodes: Iterable[Node]) -> Node | None:
    """The smallest of some nodes (deterministic when there are several), or None."""
    found = sorted(set(nodes), key=lambda n: (type(n).__name__, str(n)))
    return found[0] if found else None


def _first_text(nodes: Iterable[Node]) -> str:
    found = _first(nodes)
    return str(found) if found is not None else ""


def _texts(nodes: Iterable[Node]) -> list[str]:
    return sorted({str(n) for n in nodes})


__all__ = [
    "ENTITY_CLASSES",
    "TYPE_COLOURS",
    "draw",
    "entity_type",
    "layout",
    "short_label",
    "to_image",
    "to_networkx",
]
