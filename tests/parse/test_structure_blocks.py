"""Equivalence tests for the fast paths of the record lexer / transformer (structure.py)."""
from hypothesis import given, strategies as st

from planlint.parse.lines import Rec
from planlint.parse.structure import parse_blocks

HEADS = ("MARKER", "NUMBER", "ROWITEM")
KINDS = HEADS + ("TEXT", "CLAUSE", "FIELD", "TIMING", "HEADER", "ROW", "NOISE")


def _reference(records):
    """What plan.lark says: a preamble, then one item at each head with what follows it."""
    blocks = [(None, [])]
    for rec in records:
        if rec.kind in HEADS:
            blocks.append((rec, []))
        else:
            blocks[-1][1].append(rec)
    return blocks


@given(st.lists(st.sampled_from(KINDS), max_size=60))
def test_blocks_are_the_runs_of_records_between_heads(kinds):
    records = [Rec(kind, i + 1, 1, f"r{i}") for i, kind in enumerate(kinds)]
    got = [(b.head, b.parts) for b in parse_blocks(records)]
    want = _reference(records)
    assert len(got) == len(want)
    for (head, parts), (rhead, rparts) in zip(got, want):
        assert head is rhead
        assert len(parts) == len(rparts) and all(a is b for a, b in zip(parts, rparts))
