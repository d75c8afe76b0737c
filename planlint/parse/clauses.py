"""Responsibility clauses: find them, parse them with ``grammar/clause.lark``, assign roles.

SPEC §1 "Responsibility clauses": X牵头 → owner; with a lead present, 负责/配合/参与 units are
participants; a bare list (no role words) is all owners; labels (牵头单位：, 配合单位：,
督导考核单位：, 责任领导：) set the role of what follows; people are not units.
"""
from __future__ import annotations

import functools
from typing import Optional

from lark import Token
from lark.exceptions import LarkError
from lark.lexer import Lexer

from planlint.model import OWNER, PARTICIPANT, SUPERVISOR, Clause, Span, Unit
from planlint.parse.grammars import parser
from planlint.parse.lexicon import (BLANKS, FIELD, HELP_ROLE, LABEL_ROLE, LEAD_ROLE, NOT_UNIT,
                                    ROLE_AT_END, ends_like_unit)
from planlint.rxcache import rx

Piece = tuple[str, int, int]  # text, line, column (1-based) of its first character

_TRIM = BLANKS
_SEPS = set("、，,；;")
# Separators; a bracket group is never split (各县（市、区）人民政府), and blanks between two
# Chinese characters separate units written one per paragraph.
_PART = rx(r"(?:[（(][^（()）]*[）)]|[^、，,；;\s\u3000（()）]|[（()）]|"
                   r"[\s\u3000]+(?![\u4e00-\u9fff（(])|(?<![\u4e00-\u9fff）)])[\s\u3000]+)+"
                   r"|[、，,；;]|[\s\u3000]+")
_BRACKETED_ROLE = rx(r"[（(](?P<role>牵头|负责|配合|参与|协办|牵头单位|配合单位)[）)][\s\u3000。]*$")
_SHARED_PREFIX_TAILS = {"政府", "党委", "人大", "政协"}
_BAD_IN_UNIT = rx(r"[。！？!?：:]|\d{3,}")


@functools.lru_cache(maxsize=8192)  # the same few dozen units are named again and again
def is_unit_name(name: str) -> bool:
    name = name.strip(_TRIM)
    if name in _SHARED_PREFIX_TAILS:
        return True  # 各县（区）委、政府: the bare 政府 shares the previous unit's prefix
    if not 2 <= len(name) <= 32 or _BAD_IN_UNIT.search(name) or name in NOT_UNIT:
        return False
    return ends_like_unit(name)


def _join(pieces: list[Piece]) -> tuple[str, list[tuple[int, int, int]]]:
    """Concatenate pieces; return text and (offset, line, column) starts for position lookup."""
    text, starts = "", []
    for piece_text, line, column in pieces:
        starts.append((len(text), line, column))
        text += piece_text
    return text, starts


def _at(starts, offset: int) -> tuple[int, int]:
    base = starts[0]
    for s in starts:
        if s[0] <= offset:
            base = s
    return base[1], base[2] + offset - base[0]


def _span(starts, start: int, end: int) -> Span:
    if len(starts) == 1:
        _, line, column = starts[0]
        return Span(line, column + start, line, column + max(start + 1, end))
    (l1, c1), (l2, c2) = _at(starts, start), _at(starts, max(start, end - 1))
    return Span(l1, c1, l2, c2 + 1)


class ClauseLexer(Lexer):
    """Tokens of a clause: split on separators, then a leading label and a trailing role."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, text):
        for m in _PART.finditer(text):
            part, pos = m.group(), m.start()
            if part in _SEPS or not part.strip(BLANKS):
                if part.strip(BLANKS) or pos and (text[pos - 1:pos + len(part) + 1].strip()):
                    yield Token("SEP", part, start_pos=pos)
                continue
            label = FIELD.match(part)
            if label and label.end() > 0:
                yield Token("LABEL", label.group("label"), start_pos=pos)
                part, pos = part[label.end():], pos + label.end()
                if not part.strip():
                    continue
            bracketed = _BRACKETED_ROLE.search(part)
            if bracketed:  # 市财政局（牵头）
                yield Token("UNIT", part[:bracketed.start()], start_pos=pos)
                yield Token("ROLE", bracketed.group("role"), start_pos=pos + bracketed.start("role"))
                continue
            role = ROLE_AT_END.search(part.rstrip(BLANKS + "。."))
            unit = part[:role.start()] if role else part
            if unit.strip(BLANKS):
                yield Token("UNIT", unit, start_pos=pos)
            if role:
                yield Token("ROLE", role.group(), start_pos=pos + role.start())


@functools.lru_cache(maxsize=8192)
def _analyse(text: str, label_role: Optional[str]):
    """Role groups of a clause text: ((role kind, ((name, start, end), …)), …), or None."""
    try:
        tree = parser("clause", lexer=ClauseLexer).parse(text)
    except LarkError:
        return None
    groups: list = []
    pending: list = []
    current_label = label_role
    lead_label = False
    for node in tree.children:
        if getattr(node, "data", None) == "label":
            if pending:
                groups.append((current_label or "bare", tuple(pending)))
                pending = []
            word = str(node.children[0])
            current_label = LABEL_ROLE.get(word)
            if current_label == OWNER and lead_label and not word.startswith("牵头"):
                current_label = PARTICIPANT  # 牵头单位：X；责任单位：Y
            lead_label = lead_label or word.startswith("牵头")
            continue
        if getattr(node, "data", None) != "part":
            continue
        unit_tok = next((t for t in node.children if t.type == "UNIT"), None)
        role_tok = next((t for t in node.children if t.type == "ROLE"), None)
        if unit_tok is not None:
            pending.append(_trimmed(unit_tok))
        if role_tok is not None and pending:
            role = str(role_tok)
            kind = "lead" if LEAD_ROLE.search(role) and not HELP_ROLE.search(role) else \
                "help" if HELP_ROLE.search(role) else "resp"
            groups.append((kind if current_label in (None, OWNER) else current_label,
                           tuple(pending)))
            pending = []
    if pending:
        # Under an owner label, units without a role word are owners unless someone leads.
        groups.append(("bare" if current_label in (None, OWNER) else current_label,
                       tuple(pending)))
    return tuple(groups)


def parse_clause(pieces: list[Piece], kind: str, index: int = 0,
                 label_role: Optional[str] = None) -> Optional[Clause]:
    """Parse a clause; None when it does not parse or names no unit."""
    return _parse_clause(tuple(pieces), kind, index, label_role)


@functools.lru_cache(maxsize=4096)
def _parse_clause(pieces: tuple, kind: str, index: int, label_role: Optional[str]):
    text, starts = _join(pieces)
    groups = _analyse(text, label_role)
    if not groups:
        return None
    has_lead = any(g == "lead" for g, _ in groups)
    units: list[Unit] = []
    people: list[str] = []
    for group, members in groups:
        if group == "people":
            people.extend(name for name, _, _ in members)
            continue
        role = {"lead": OWNER, "help": PARTICIPANT, OWNER: OWNER, PARTICIPANT: PARTICIPANT,
                SUPERVISOR: SUPERVISOR}.get(group)
        if role is None and group in ("resp", "bare"):
            role = PARTICIPANT if has_lead else OWNER
        if role is None:
            continue
        for name, start, end in members:
            if name:
                units.append(Unit(name, _span(starts, start, end), role, index))
    if not units and not people:
        return None
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    return Clause(text.strip(), _span(starts, first, last), kind, tuple(units), tuple(people))


def _trimmed(tok) -> tuple[str, int, int]:
    raw = str(tok)
    start, end = tok.start_pos, tok.start_pos + len(raw)
    lead = len(raw) - len(raw.lstrip(_TRIM))
    if raw.lstrip(_TRIM).startswith("由"):
        lead += 1
    tail = len(raw) - len(raw.rstrip(_TRIM + "。."))
    return raw[lead:len(raw) - tail], start + lead, end - tail


def units_plausible(clause: Clause, strict: bool) -> bool:
    """Whether the parsed clause really names units (not a sentence that happened to parse)."""
    names = [u.name for u in clause.units]
    if not names:
        return bool(clause.people) and not strict
    good = sum(is_unit_name(n) for n in names)
    if strict:
        return good == len(names)
    return good * 2 >= len(names) and all(len(n) <= 40 for n in names)
