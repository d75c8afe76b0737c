"""Nodes → the model: decide which items are tasks, read their clauses, deadline and timing."""
from __future__ import annotations

import re
from typing import Optional

from planlint.model import (OWNER, PARTICIPANT, SUPERVISOR, VAGUE, Clause, Deadline, Marker,
                            Section, Span, TextPiece, Timing)
from planlint.parse import lexicon as lx
from planlint.parse.clauses import parse_clause, units_plausible
from planlint.parse.lines import _UNITISH
from planlint.parse.nodes import Node
from planlint.parse.timing import resolve, scan

_ROLE_HINT = re.compile(r"牵头|负责|落实|配合|参与|协办|[:：]")
_TAIL = re.compile(r"^[\s\u3000。；;.，,、]*$")


def marker_of(node: Node) -> Marker:
    if node.marker is None:
        node.marker = _marker(node)
    return node.marker


def _marker(node: Node) -> Marker:
    h = node.head
    span = Span(h.line, h.mcol, h.line, h.mcol + len(h.marker))
    style = h.style or "bare"
    return Marker(h.marker, h.number, h.value, node.level, style, span)


def is_task(node: Node) -> bool:
    if node.children:
        return False
    if _in_aims(node):
        return False
    text = "".join(p[0] for p in node.pieces).strip()
    if node.is_row:
        return bool(text or node.clauses)
    if node.clauses or node.deadline:
        return True
    if node.level >= 3:
        return bool(text)
    # A level-1/2 leaf is a task when it carries more than a bare title.
    return len(node.pieces) > 1 or len(text) > 40 or text.count("。") >= 1 and not text.endswith("。") \
        or text.count("。") >= 2


def _in_aims(node: Optional[Node]) -> bool:
    while node is not None:
        if lx.AIMS.search("".join(p[0] for p in node.pieces[:1])[:12]):
            return True
        node = node.parent
    return False


def split_inline_clauses(pieces):
    """Take bracketed unit clauses out of the requirement text."""
    text_pieces, clauses = [], []
    for text, line, column in pieces:
        cursor = 0
        for start, end in _bracket_groups(text):
            inner = text[start + 1:end]
            tail = text[end + 1:]
            if not _is_clause(inner, at_end=bool(_TAIL.match(tail))):
                continue
            if text[cursor:start]:
                text_pieces.append((text[cursor:start], line, column + cursor))
            clauses.append(([(inner, line, column + start + 1)], "bracket", None))
            cursor = end + 1
        if text[cursor:]:
            text_pieces.append((text[cursor:], line, column + cursor))
    return text_pieces, clauses


_BRACKET = re.compile(r"[（()）]")


def _bracket_groups(text: str):
    depth, start = 0, -1
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "（(":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0:
                yield start, i
    if depth and start >= 0 and _ROLE_HINT.search(text[start:]):
        yield start, len(text)  # an unclosed clause at the end of the line


def _is_clause(inner: str, at_end: bool) -> bool:
    if not inner.strip() or len(inner) > 200 or not _UNITISH.search(inner):
        return False
    clause = parse_clause([(inner, 1, 1)], "bracket")
    if clause is None:
        return False
    if _ROLE_HINT.search(inner):
        return units_plausible(clause, strict=False)
    return at_end and units_plausible(clause, strict=True)


def make_clauses(raw_clauses) -> tuple[Clause, ...]:
    out = []
    for pieces, kind, role in raw_clauses:
        label = {"owner": OWNER, "lead": OWNER, "participant": PARTICIPANT,
                 "supervisor": SUPERVISOR, "people": "people"}.get(role) if role else None
        clause = parse_clause(pieces, kind, len(out), label_role=label)
        if clause is not None:
            out.append(clause)
    return tuple(out)


def make_deadline(raw, year) -> Optional[Deadline]:
    if raw is None:
        return None
    text, line, column = raw
    text = text.strip().rstrip("。.；;")
    if not text:
        return None
    span = Span(line, column, line, column + len(text))
    timing = tuple(_timing(s, e, k, t, line, column, year, True) for s, e, k, t in scan(text))
    if not timing:
        timing = (Timing(text, VAGUE, span, None, True),)
    return Deadline(text, span, timing)


def _timing(start, end, kind, text, line, column, year, in_deadline) -> Timing:
    span = Span(line, column + start, line, column + end)
    resolved = resolve(text, year) if kind == "date" else None
    return Timing(re.sub(r"^(?:截至|截止|到|至|于|在)", "", text), kind, span, resolved, in_deadline)


def text_timing(task_text: str, pieces: tuple[TextPiece, ...], year) -> tuple[Timing, ...]:
    out = []
    for start, end, kind, text in scan(task_text):
        line, column = _position(pieces, start)
        eline, ecolumn = _position(pieces, end - 1)
        timing = _timing(0, 0, kind, text, line, column, year, False)
        out.append(Timing(timing.text, kind, Span(line, column, eline, ecolumn + 1),
                          timing.resolved, False))
    return tuple(out)


def _position(pieces, offset):
    for piece in pieces:
        if offset < len(piece.text):
            return piece.line, piece.column + offset
        offset -= len(piece.text)
    last = pieces[-1]
    return last.line, last.column + len(last.text)


def section_of(node: Node, ids: dict) -> Section:
    text = "".join(p[0] for p in node.pieces[:1])
    m = marker_of(node)
    span = Span(m.span.line, m.span.column, node.end[0], node.end[1])
    return Section(ids[id(node)], node.head.number, node.level, (m.text + text).strip(), m, span,
                   ids[id(node.parent)] if node.parent is not None else "")
