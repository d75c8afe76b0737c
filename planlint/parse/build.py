"""Nodes → the model: decide which items are tasks, read their clauses, deadline and timing."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from planlint.model import (DATE, OWNER, PARTICIPANT, SUPERVISOR, VAGUE, Clause, Deadline, Marker,
                            Section, Span, TextPiece, Timing)
from planlint.parse import lexicon as lx
from planlint.parse.clauses import parse_clause
from planlint.parse.nodes import Node
from planlint.parse.timing import WHOLE_YEAR, YEAR_ONLY, bare_period, resolve, scan_short
from planlint.rxcache import rx
# the model's makers: the same objects, built with less work (see model._maker_for)
_Span, _Marker, _Timing = Span._make, Marker._make, Timing._make
_Deadline, _Section = Deadline._make, Section._make

_PREFIX = rx(r"^(?:截至|截止|到|至|于|在)")
_ONE_CHAR_PREFIXES = frozenset("到至于在")


def _unprefixed(text: str) -> str:
    """``_PREFIX.sub("", text)`` by string tests (a regex call costs more): the pattern is
    anchored at the start, and its words start with different characters, but for 截至 and 截止
    (both two characters long)."""
    first = text[:1]
    if first in _ONE_CHAR_PREFIXES:
        return text[1:]
    if first == "截" and text[1:2] in ("至", "止"):
        return text[2:]
    return text


def marker_of(node: Node) -> Marker:
    if node.marker is None:
        node.marker = make_marker(node)
    return node.marker


def make_marker(node: Node) -> Marker:
    h = node.head
    span = _Span(h.line, h.mcol, h.line, h.mcol + len(h.marker))
    style = h.style or "bare"
    return _Marker(h.marker, h.number, h.value, node.level, style, span)


def is_task(node: Node) -> bool:
    if node.children:
        return False
    if _in_aims(node):
        return False
    pieces = node.pieces
    text = (pieces[0][0] if len(pieces) == 1 else "".join([p[0] for p in pieces])).strip()
    if node.is_row:
        return bool(text or node.clauses)
    if node.clauses or node.deadline:
        return True
    if node.level >= 3:
        return bool(text)
    # A level-1/2 leaf is a task when it carries more than a bare title.
    return len(node.pieces) > 1 or len(text) > 40 or text.count("。") >= 1 and not text.endswith("。") \
        or text.count("。") >= 2


def _in_aims(node: Node | None) -> bool:
    """Whether the item or a heading above it is an aims section (指导思想, 主要目标 …)."""
    if node is None:
        return False
    if node.aims is None:
        own = False
        if node.pieces:
            head = node.pieces[0][0][:12]
            # (in tests first: most items hold none of the characters every aims word has)
            if "目" in head or "要" in head or "原" in head or "思" in head or "范" in head \
                    or "依" in head:
                own = lx.AIMS.search(head) is not None
        node.aims = own or _in_aims(node.parent)
    return node.aims


# Every word of lx.AIMS (plain words, the last anchored at the text's end) holds one of the
# characters _in_aims tests before its regex call.
assert all(any(c in w for c in "目要原思范依") for w in lx.AIMS.pattern.replace("$", "").split("|"))


_LABEL_OF_ROLE = {"owner": OWNER, "lead": OWNER, "participant": PARTICIPANT,
                  "supervisor": SUPERVISOR, "people": "people"}


def make_clauses(raw_clauses) -> tuple[Clause, ...]:
    if not raw_clauses:
        return ()
    out = []
    for pieces, kind, role in raw_clauses:
        # role None (or ""): no label role (.get gives None)
        clause = parse_clause(pieces, kind, len(out), _LABEL_OF_ROLE.get(role))
        if clause is not None:
            out.append(clause)
    return tuple(out)


def make_deadline(raw, year) -> Deadline | None:
    if raw is None:
        return None
    text, line, column = raw
    text = text.strip().rstrip("。.；;")
    if not text:
        return None
    whole = len(text)
    span = _Span(line, column, line, column + whole)
    timing = []
    for s, e, k, t in scan_short(text):  # (_timing, inline)
        # a timing expression that is the whole value shares its (equal, frozen) span
        tspan = span if s == 0 and e == whole else _Span(line, column + s, line, column + e)
        if k == "date":
            timing.append(_Timing(_unprefixed(t), k, tspan, resolve(t, year), True))
        else:
            timing.append(_Timing(t, k, tspan, None, True))
    timing = tuple(timing)
    if not timing and YEAR_ONLY.match(text):
        # a deadline column holding just a year (2018年, 2018年度) means within that year
        timing = (_Timing(text, DATE, span, resolve(text[:4] + "年底", year), True),)
    if not timing:
        period = bare_period(text)
        if period is not None:
            # a month (3月份, 9月投入使用) or the whole year (全年): by its end
            end = "年底" if period in WHOLE_YEAR else period + "底"
            tspan = span if len(period) == whole else _Span(line, column, line, column + len(period))
            timing = (_Timing(period, DATE, tspan, resolve(end, year), True),)
    if not timing:
        # a deadline value that states no date, period, duration or frequency is vague
        timing = (_Timing(text, VAGUE, span, None, True),)
    return _Deadline(text, span, timing)


def timing_of(found, pieces: tuple[TextPiece, ...], year) -> tuple[Timing, ...]:
    """A task's timing from what ``timing.scan`` found in its text (called only when it found
    something: most tasks state no time, and their caller skips the call)."""
    single = len(pieces) == 1  # the common case: offsets map straight onto one line
    out = []
    ends = None  # each piece's end offset in the text, for the pieces of a multi-line task
    for start, end, kind, text in found:
        if single:
            piece = pieces[0]
            span = _Span(piece.line, piece.column + start, piece.line, piece.column + end)
        else:
            if ends is None:
                ends = list(accumulate([len(p.text) for p in pieces]))
            line, column = _position(pieces, ends, start)
            eline, ecolumn = _position(pieces, ends, end - 1)
            span = _Span(line, column, eline, ecolumn + 1)
        resolved = resolve(text, year) if kind == "date" else None
        out.append(_Timing(_unprefixed(text) if kind == "date" else text, kind, span,
                           resolved, False))
    return tuple(out)


def _position(pieces, ends, offset):
    """The source position of the text's ``offset``: in the first piece ending after it (found
    by bisection: a task of thousands of lines has thousands of pieces), or just past the last."""
    k = bisect_right(ends, offset)
    if k < len(pieces):
        piece = pieces[k]
        return piece.line, piece.column + offset - (ends[k] - len(piece.text))
    last = pieces[-1]
    return last.line, last.column + len(last.text)


def section_of(node: Node, ids: dict) -> Section:
    text = node.pieces[0][0] if node.pieces else ""
    m = node.marker  # marker_of, inline
    if m is None:
        m = node.marker = make_marker(node)
    mspan = m.span
    end_line, end_col = node.end
    return _Section(ids[node], node.head.number, node.level, (m.text + text).strip(), m,
                    _Span(mspan.line, mspan.column, end_line, end_col), ids[node.parent])
