"""Parse line records with ``grammar/plan.lark`` and turn the tree into plain item blocks.

This is the only module that sees Lark trees. Its output, :class:`Block`, carries the records
(never tree nodes) to the model builder.
"""
from __future__ import annotations

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


class RecordLexer(Lexer):
    """Emit one token per record; the token's value is the record's index (an int)."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, records):
        for i, rec in enumerate(records):
            yield Token(rec.kind, i, i, rec.line, rec.column)


class _Blocks(Transformer):
    """Called by the LALR parser as it reduces: token values are indexes into the records."""

    def preamble(self, children):
        return ("preamble", [t.value for t in children])

    def item(self, children):
        return ("item", [t.value for t in children])

    def start(self, children):
        return children


_BLOCKS = _Blocks()


def parse_blocks(records: list[Rec]) -> list[Block]:
    parsed = parser("plan", lexer=RecordLexer, transformer=_BLOCKS).parse(records)
    blocks: list[Block] = []
    for kind, indexes in parsed:
        recs = [records[i] for i in indexes]
        if kind == "preamble":
            blocks.append(Block(None, recs))
        else:
            blocks.append(Block(recs[0], recs[1:]))
    return blocks
