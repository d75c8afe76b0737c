"""Work that grew with the square of a plan's size, now linear, held to the definitions it
replaced: repeated ids (-2, -3 …), source positions in multi-line tasks, and a plan of thousands
of identical or field lines reads as before."""
from __future__ import annotations

from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.api import parse_source
from planlint.model import TextPiece
from planlint.parse import _ids
from planlint.parse.build import _position
from planlint.read import read_bytes


def reference_ids(nodes) -> dict:
    """The definition: parent's id, a dot, the number; an id already given gets the first free
    suffix -2, -3 …"""
    ids, taken, ordinal = {None: ""}, set(), {}
    for node in nodes:
        parent = node.parent
        ordinal[parent] = ordinal.get(parent, 0) + 1
        number = node.head.value if node.head.value is not None else ordinal[parent]
        candidate = f"{ids[parent]}.{number}" if parent is not None else str(number)
        base, n = candidate, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids[node] = candidate
    return ids


class _Head:
    def __init__(self, value):
        self.value = value


class _Node:  # what _ids reads of a parser node (nodes are dict keys by identity)
    def __init__(self, parent, value):
        self.parent, self.head = parent, _Head(value)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 3), st.one_of(st.none(), st.integers(1, 4))),
                max_size=40))
def test_ids_match_the_definition(shape):
    nodes = []
    for parent_index, value in shape:
        parent = nodes[parent_index] if parent_index < len(nodes) else None
        nodes.append(_Node(parent, value))
    assert _ids(nodes) == reference_ids(nodes)


def reference_position(pieces, offset):
    for piece in pieces:
        if offset < len(piece.text):
            return piece.line, piece.column + offset
        offset -= len(piece.text)
    last = pieces[-1]
    return last.line, last.column + len(last.text)


@settings(max_examples=300)
@given(st.lists(st.text(alphabet="ab", max_size=4), min_size=1, max_size=8), st.data())
def test_positions_match_the_walk_over_pieces(texts, data):
    pieces = [TextPiece(t, k + 1, 3) for k, t in enumerate(texts)]
    ends = list(accumulate(len(t) for t in texts))
    offset = data.draw(st.integers(0, ends[-1] + 2))
    assert _position(pieces, ends, offset) == reference_position(pieces, offset)


def test_thousands_of_repeated_items_keep_their_ids_and_timing():
    lines = "\n".join(["1.每月做好公开工作。（牵头单位：市财政局）"] * 3000)
    plan = parse_source(read_bytes(f"一、重点任务\n{lines}\n".encode(), "x.txt"))
    assert [t.id for t in plan.tasks[:3]] == ["1.1", "1.1-2", "1.1-3"]
    assert plan.tasks[-1].id == "1.1-3000"
    assert all(t.owners[0].name == "市财政局" for t in plan.tasks)


def test_a_task_of_thousands_of_lines_places_each_timing():
    lines = "\n".join(["做好公开工作，每月发布"] * 2000)
    plan = parse_source(read_bytes(f"一、重点任务\n1.{lines}\n".encode(), "x.txt"))
    (task,) = plan.tasks
    assert [t.span.line for t in task.timing] == list(range(2, 2002))
    for t in task.timing:  # each span holds its expression in the source line
        s = t.span
        assert plan.source.line(s.line)[s.column - 1:s.end_column - 1] == "每月" == t.text


def test_field_lines_after_a_lead_are_participants():
    text = "一、重点任务\n1.做好公开工作。\n牵头单位：市财政局\n" + "责任单位：市统计局\n" * 500
    (task,) = parse_source(read_bytes(text.encode(), "x.txt")).tasks
    assert [u.name for u in task.owners] == ["市财政局"]
    assert len(task.clauses) == 501
    assert all(u.role == "participant" for c in task.clauses[1:] for u in c.units)
