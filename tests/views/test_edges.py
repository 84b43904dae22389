"""Which arrows a picture draws and where their labels and heads go (``newskg.views._edges``), and the
same data as the matplotlib drawing shows it."""

from __future__ import annotations

import networkx as nx
import pytest
from matplotlib.figure import Figure

from newskg.views._edges import NodeShape, arrows, label_spot, leave_distance, node_shape
from newskg.views.network import draw, to_networkx

ID = "https://w3id.org/newskg/id/"
PERSON, ORG = f"{ID}person/p", f"{ID}org/o"


@pytest.fixture()
def parallel() -> nx.MultiDiGraph:
    """A person who heads an organisation (said by two articles), formerly headed it, and two relations
    of other kinds between the same two nodes, one each way."""
    network = nx.MultiDiGraph()
    network.add_node(PERSON, label="Pat Doe", type="Person")
    network.add_node(ORG, label="Acme Board of Trade", type="Organization")
    for key, label in (("m1", "head"), ("m2", "head"), ("m3", "former head")):
        network.add_edge(PERSON, ORG, key=key, relation="post", label=label)
    network.add_edge(ORG, PERSON, key="x", relation="locatedIn", label="located in")
    network.add_edge(PERSON, ORG, key="y", relation="locatedIn", label="located in")
    return network


def test_parallel_edges_of_one_relation_are_one_arrow_naming_each_role_once(parallel):
    drawn = arrows(parallel)
    posts = [a for a in drawn if a.relation == "post"]
    assert len(posts) == 1 and posts[0].label == "former head / head" and len(posts[0].members) == 3
    assert len(drawn) == 3
    # Seen from one end (an arrow's bend is to its own left), the three bend to three different places.
    sides = {a.bend if a.source <= a.target else -a.bend for a in drawn}
    assert len(sides) == 3, "arrows between the same two nodes bend apart"


def test_on_the_seeds_no_pair_and_relation_is_drawn_twice_and_no_role_is_repeated(seeds_graph):
    network = to_networkx(seeds_graph)
    drawn = arrows(network)
    keys = [(a.source, a.target, a.relation) for a in drawn]
    assert len(keys) == len(set(keys))
    assert sum(len(a.members) for a in drawn) == network.number_of_edges()
    for arrow in drawn:
        roles = arrow.label.split(" / ") if arrow.label else []
        assert len(roles) == len(set(roles)), arrow.label
    assert any(len(a.members) > 1 and a.relation == "post" for a in drawn), "the seeds have parallel posts"


def test_edge_labels_of_parallel_arrows_do_not_overlap_in_the_drawing(parallel):
    figure = Figure(figsize=(8, 6))
    ax = draw(parallel, ax=figure.add_subplot(), title="")
    figure.canvas.draw()
    labels = [t for t in ax.texts if t.get_gid() == "newskg-edge-label"]
    assert sorted(t.get_text() for t in labels) == ["former head / head", "located in", "located in"]
    boxes = [t.get_window_extent() for t in labels]
    assert not any(boxes[i].overlaps(boxes[j]) for i in range(len(boxes)) for j in range(i + 1, len(boxes)))


SHAPE = NodeShape(radius=10, half_width=40, top=12, bottom=50)


def test_an_arrow_from_below_stops_under_the_label_box_and_one_from_above_at_the_circle():
    assert leave_distance((0, 1), SHAPE) == pytest.approx(50)  # straight up from below: the label's foot
    assert leave_distance((0, -1), SHAPE) == pytest.approx(10)  # from above: the circle
    assert leave_distance((1, 0), SHAPE) == pytest.approx(10)  # from the side: the circle
    slanted = leave_distance((1, 2), SHAPE)  # through the box's lower edge, not its side
    assert slanted == pytest.approx(50 * (5**0.5) / 2)
    assert leave_distance((10, 1), SHAPE) == pytest.approx(10), "a shallow line passes above the box"


def test_node_shapes_grow_with_their_label():
    one = node_shape("Iran", radius=9, line_height=14, char_width=7, gap=3)
    three = node_shape(
        "Iran Small\nIndustries and Industrial\nParks", radius=9, line_height=14, char_width=7, gap=3
    )
    assert one.radius == three.radius == 9 and one.top == three.top == 12
    assert three.bottom - one.bottom == 28 and three.half_width > one.half_width


def test_a_label_moves_along_its_curve_off_the_nodes_at_its_ends():
    curve = ((0.0, 0.0), (50.0, 0.0), (100.0, 0.0))
    middle = label_spot(curve, (20.0, 10.0), [])
    assert middle == pytest.approx((50.0, 0.0))
    blocker = NodeShape(radius=5, half_width=20, top=-10, bottom=10)  # a box around (50, 0)
    moved = label_spot(curve, (20.0, 10.0), [((50.0, 0.0), blocker)])
    assert abs(moved[0] - 50.0) >= 30.0 - 1e-9  # clear of the box: 20 + half the label's width
