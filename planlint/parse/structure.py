"""Parse line records with ``grammar/plan.lark`` and turn the parse into plain item blocks.

Its output, :class:`Block`, carries the records to the model builder.
"""
from __future__ import annotations

from itertools import repeat
from operator import attrgetter

from planlint.parse.grammars import parser
from planlint.parse.lines import Rec


class Block:
    """An item's head record and the records attached to it (head None: the preamble)."""

    __slots__ = ("head", "parts")

    def __init__(self, head: Rec | None, parts: list[Rec]):
        self.head = head
        self.parts = parts


# Every record is one token, its kind (the terminals declared in plan.lark), in order, so the
# blocks are consecutive runs of the records and the parse only has to say how long each run is:
# the tokens need no value of their own. (Every sequence of these kinds is a valid plan, so no
# parse error ever has to point at a record; an unknown kind fails the parse.)


_kind = attrgetter("kind")


class _Blocks:
    """Called by the LALR parser as it reduces: the preamble and each item become the number
    of records (tokens) they span; ``start`` is [preamble count, item count, …]."""

    preamble = item = staticmethod(len)  # a C call per reduction, no Python frame

    @staticmethod
    def start(children):
        return children


def parse_blocks(records: list[Rec]) -> list[Block]:
    counts = parser("plan", _Blocks).parse(zip(map(_kind, records), repeat(None)))
    pos = counts[0]
    blocks = [Block(None, records[:pos])]
    for n in counts[1:]:  # an item: its head record, then its attachments
        blocks.append(Block(records[pos], records[pos + 1:pos + n]))
        pos += n
    return blocks
