"""Parse line records with ``grammar/plan.lark`` and turn the tree into plain item blocks.

This is the only module that sees Lark trees. Its output, :class:`Block`, carries the records
(never tree nodes) to the model builder.
"""
from __future__ import annotations

from operator import attrgetter

from lark import Token, Transformer
from lark.lexer import Lexer

from planlint.parse.grammars import parser
from planlint.parse.lines import Rec


class Block:
    """An item's head record and the records attached to it (head None: the preamble)."""

    __slots__ = ("head", "parts")

    def __init__(self, head: Rec | None, parts: list[Rec]):
        self.head = head
        self.parts = parts


# One shared token per record kind (the terminals declared in plan.lark). Every record is one
# token, in order, so the blocks are consecutive runs of the records and the parse only has to
# say how long each run is: the tokens need no value or position of their own, and building a
# Token per record was a quarter of the parse. (Every sequence of these kinds is a valid plan,
# so no parse error ever has to point at a record; an unknown kind fails here with a KeyError.)
_KINDS = ("MARKER", "NUMBER", "ROWITEM", "TEXT", "CLAUSE", "FIELD", "TIMING", "HEADER", "ROW",
          "NOISE")
_TOKENS = {kind: Token(kind, kind) for kind in _KINDS}
_kind = attrgetter("kind")


class RecordLexer(Lexer):
    """Emit one token per record: the shared token of its kind."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, records):
        return map(_TOKENS.__getitem__, map(_kind, records))


class _Blocks(Transformer):
    """Called by the LALR parser as it reduces: the preamble and each item become the number
    of records (tokens) they span; ``start`` is [preamble count, item count, …]."""

    preamble = item = staticmethod(len)  # a C call per reduction, no Python frame

    def start(self, children):
        return children


_BLOCKS = _Blocks()


def parse_blocks(records: list[Rec]) -> list[Block]:
    counts = parser("plan", lexer=RecordLexer, transformer=_BLOCKS).parse(records)
    pos = counts[0]
    blocks = [Block(None, records[:pos])]
    for n in counts[1:]:  # an item: its head record, then its attachments
        blocks.append(Block(records[pos], records[pos + 1:pos + n]))
        pos += n
    return blocks
