"""Graphs for notebooks and pictures: networkx projections of the RDF graph, and drawings of them.

``to_networkx(graph, view="entities")`` keeps what an analyst reads: people, organisations, places,
mottos, programmes and events as nodes, and four kinds of labelled edge, each a fact the graph holds
and carrying its provenance (articles, dates, evidence sentences, extraction rules) as attributes:

``post``       person -> organisation, labelled with the role (``former head``);
``locatedIn``  place -> larger place;
``reported``   news agency -> a person whose words or post an article credited to the agency reports;
``saidAbout``  speaker -> what a statement is about, where the graph states it (``nkg:about``).

``view="triples"`` is the raw RDF, one edge per triple. ``draw`` and ``to_image`` draw with matplotlib
(a dependency); the layout is seeded, so the same graph always gives the same picture.
"""

from __future__ import annotations

from ._drawing import EDGE_STYLES as EDGE_STYLES
from ._drawing import IMAGE_FORMATS as IMAGE_FORMATS
from ._drawing import NODE_LABEL_GID as NODE_LABEL_GID
from ._drawing import TYPE_COLOURS, draw, to_image
from ._layout import LAYOUT_SEED as LAYOUT_SEED
from ._layout import SEPARATE_LIMIT as SEPARATE_LIMIT
from ._layout import layout, short_label
from ._projection import ENTITY_CLASSES, TRIPLES_DRAWING_LIMIT, entity_type, network_to_draw, to_networkx
from ._projection import View as View
from ._title import subject_title

__all__ = [
    "ENTITY_CLASSES",
    "TRIPLES_DRAWING_LIMIT",
    "TYPE_COLOURS",
    "draw",
    "entity_type",
    "layout",
    "network_to_draw",
    "short_label",
    "subject_title",
    "to_image",
    "to_networkx",
]
