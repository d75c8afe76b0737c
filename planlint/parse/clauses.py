"""Responsibility clauses: find them, parse them with ``grammar/clause.lark``, assign roles.

SPEC §1 "Responsibility clauses": X牵头 → owner; with a lead present, 负责/配合/参与 units are
participants; a bare list (no role words) is all owners; labels (牵头单位：, 配合单位：,
督导考核单位：, 责任领导：) set the role of what follows; people are not units.
"""
from __future__ import annotations

import functools
from operator import itemgetter

from planlint.model import OWNER, PARTICIPANT, SUPERVISOR, Clause, Span, Unit
from planlint.parse.grammars import parser
from planlint.parse.lalr import ParseError
from planlint.parse.lexicon import (BLANKS, FIELD, HELP_ROLE, LABEL_ROLE, LEAD_ROLE, NOT_UNIT,
                                    ROLE_AT_END, UNIT_SUFFIXES, ends_like_unit)
from planlint.rxcache import rx
# the model's makers: the same objects, built with less work (see model._maker_for)
_Span, _Unit, _Clause = Span._make, Unit._make, Clause._make

Piece = tuple[str, int, int]  # text, line, column (1-based) of its first character

_TRIM = BLANKS
_SEPS = set("、，,；;")
# Separators; a bracket group is never split (各县（市、区）人民政府), and blanks between two
# Chinese characters separate units written one per paragraph.
_PART = rx(r"(?:[（(〔][^（()）〔〕]*[）)〕]|[^、，,；;\s\u3000（()）〔〕]|[（()）〔〕]|"
                   r"[\s\u3000]+(?![\u4e00-\u9fff])|(?<![\u4e00-\u9fff）)])[\s\u3000]+)+"
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
    if name.endswith(UNIT_SUFFIXES) or ends_like_unit(name):  # (the first: most names)
        return True
    if name[-1] in "）)〕":
        # an alias or a note after the name: 规划信息处（爱卫办） 各镇（街） 市有关单位（见附件1，下同）
        m = _TRAILING_GROUP.search(name)
        return m is not None and m.start() >= 2 and is_unit_name(name[:m.start()])
    return False


_TRAILING_GROUP = rx(r"[（(〔][^（()）〔〕]*[）)〕]$")


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
    """The span of text[start:end] (end > start), the text joined from several pieces."""
    (l1, c1), (l2, c2) = _at(starts, start), _at(starts, end - 1)
    return _Span(l1, c1, l2, c2 + 1)


Tok = tuple[str, str, int]  # type (LABEL, UNIT, ROLE or SEP), text, offset in the clause text

# The last characters of the role phrases ROLE_AT_END finds (牵头, 负责, 落实 … 组织实施, 抓好, 指导,
# maybe followed by 分别/分头 and more role words): a part ending otherwise has no role at its end.
_ROLE_LAST = frozenset("头责实合与助办施好导别")


# The characters of the role phrases (ROLE_AT_END is made of literal words): a role found at
# a part's end starts no earlier than the run of these characters the part ends with.
_ROLE_CHARS = "".join(sorted({c for c in ROLE_AT_END.pattern if "\u4e00" <= c <= "\u9fff"}))
_BODY_TRIM = BLANKS + "。."
# What _lex_plain handles: texts without brackets and without any character of BLANKS (\s
# holds all of them but the zero-width \ufeff and \u200b).
_NOT_PLAIN = rx(r"[\s（()）〔〕\ufeff\u200b]")
_SEP_SPLIT = rx(r"([、，,；;])")


@functools.lru_cache(maxsize=1024)
def _role_in(tail: str) -> tuple[int, str] | None:
    """(start, text) of ROLE_AT_END's match in ``tail``, or None: the role phrase a part ends
    with, looked for in the run of role characters it ends with (``tail``, see _ROLE_CHARS).

    ``ROLE_AT_END.search(body, cut)`` is this match moved by ``cut`` when ``tail`` is
    ``body[cut:]``: the pattern looks neither behind its start nor past the text's end, so it
    reads nothing before ``cut``. A memo: the clauses of a plan end with the same few role
    phrases (牵头落实, 负责, 配合 …) after different units, and a regex call costs several times
    a memo's look-up."""
    role = ROLE_AT_END.search(tail)
    return (role.start(), role.group()) if role else None


def _lex(text: str) -> list[Tok]:
    """Tokens of a clause: split on separators, then a leading label and a trailing role.

    Most parts are plain unit names: the label and role patterns are only tried on parts that
    hold the colon, the closing bracket or the final character they need."""
    if not _NOT_PLAIN.search(text):
        return _lex_plain(text)
    tokens: list[Tok] = []
    for m in _PART.finditer(text):
        part, pos = m.group(), m.start()
        if part in _SEPS or not part.strip(BLANKS):
            if part.strip(BLANKS) or pos and (text[pos - 1:pos + len(part) + 1].strip()):
                tokens.append(("SEP", part, pos))
            continue
        if ":" in part or "：" in part:
            part, pos = _take_label(part, pos, tokens)
            if not part.strip():  # (without a label the part is as it was: never blank here)
                continue
        if ")" in part or "）" in part:
            bracketed = _BRACKETED_ROLE.search(part)
            if bracketed:  # 市财政局（牵头）
                tokens.append(("UNIT", part[:bracketed.start()], pos))
                tokens.append(("ROLE", bracketed.group("role"), pos + bracketed.start("role")))
                continue
        body = part.rstrip(_BODY_TRIM)
        role = None
        if body[-1:] in _ROLE_LAST:
            cut = len(body.rstrip(_ROLE_CHARS))
            role = _role_in(body[cut:])
        unit = part[:cut + role[0]] if role else part
        if unit.strip(BLANKS):
            tokens.append(("UNIT", unit, pos))
        if role:
            tokens.append(("ROLE", role[1], pos + cut + role[0]))
    return tokens


def _take_label(part: str, pos: int, tokens: list) -> tuple[str, int]:
    """Append the LABEL token a part starts with (责任单位：…), if any; the rest of the part and
    its position (the part itself when it has no label)."""
    label = FIELD.match(part)
    if label and label.end() > 0:
        tokens.append(("LABEL", label.group("label"), pos))
        return part[label.end():], pos + label.end()
    return part, pos


def _lex_plain(text: str) -> list[Tok]:
    """_lex of a text without brackets and blanks (most clauses): there _PART finds the runs of
    characters between separators and the separators, what a split finds for a fraction of the
    cost (the engine's loop over _PART's alternatives costs a few hundred instructions a
    character), and the blank and bracket tests of _lex have nothing to find."""
    tokens: list[Tok] = []
    end = 0
    for part in _SEP_SPLIT.split(text):  # runs (maybe empty) and separators, alternating
        pos = end
        end += len(part)
        if part in _SEPS:
            tokens.append(("SEP", part, pos))
            continue
        if not part:
            continue
        if ":" in part or "：" in part:
            part, pos = _take_label(part, pos, tokens)
            if not part:
                continue
        body = part.rstrip("。.")
        if body[-1:] in _ROLE_LAST:
            cut = len(body.rstrip(_ROLE_CHARS))
            role = _role_in(body[cut:])
            if role:
                start = cut + role[0]
                if start:
                    tokens.append(("UNIT", part[:start], pos))
                tokens.append(("ROLE", role[1], pos + start))
                continue
        tokens.append(("UNIT", part, pos))
    return tokens


class _Shape:
    """Called by the LALR parser as it reduces (no tree is built). Each token's value is (type,
    index in _lex's list); a label becomes ("label", its token's index), a part ("part", unit
    index or None, role index or None); start is the labels and parts in order (the SEP tokens
    between them are of no further use)."""

    @staticmethod
    def start(children):
        return tuple([c for c in children if c[0] in ("label", "part")])

    @staticmethod
    def label(children):
        return ("label", children[0][1])

    @staticmethod
    def part(children):  # UNIT ROLE | UNIT | ROLE
        if len(children) == 2:
            return ("part", children[0][1], children[1][1])
        if children[0][0] == "UNIT":
            return ("part", children[0][1], None)
        return ("part", None, children[0][1])


@functools.lru_cache(maxsize=1024)
def _shape(types: tuple[str, ...]):
    """The parse of a clause's token types with ``grammar/clause.lark`` (see _Shape), or None.

    The parse depends on the token types only, and the clauses of a plan share a few type
    sequences (UNIT ROLE; UNIT SEP UNIT SEP UNIT ROLE …): most clauses need no parse of their own."""
    try:
        return parser("clause", _Shape).parse(zip(types, zip(types, range(len(types)))))
    except ParseError:
        return None


_LEAD_WORDS = tuple(LEAD_ROLE.pattern.split("|"))  # plain words
_HELP_WORDS = tuple(HELP_ROLE.pattern.split("|"))
assert all(w.isalpha() for w in _LEAD_WORDS + _HELP_WORDS)


def _role_kind(role: str) -> str:
    """"lead" when LEAD_ROLE and not HELP_ROLE finds a word in ``role``, "help" when HELP_ROLE
    does, else "resp": by ``in`` tests, a fraction of the cost of a regex call."""
    for word in _HELP_WORDS:
        if word in role:
            return "help"
    for word in _LEAD_WORDS:
        if word in role:
            return "lead"
    return "resp"


_TRIM_START = frozenset(_TRIM + "由")
_TRIM_END = frozenset(_TRIM + "。.")


def _trimmed(tok: Tok) -> tuple[str, int, int]:
    _, raw, start = tok
    if raw[:1] not in _TRIM_START and raw[-1:] not in _TRIM_END:
        return raw, start, start + len(raw)  # nearly all units: nothing to trim
    end = start + len(raw)
    lead = len(raw) - len(raw.lstrip(_TRIM))
    if raw.lstrip(_TRIM).startswith("由"):
        lead += 1
    tail = len(raw) - len(raw.rstrip(_TRIM + "。."))
    return raw[lead:len(raw) - tail], start + lead, end - tail


# A group's role by its kind: a role word's kind (lead, help, resp) or a label's role. Kinds
# mapped to None (resp, and bare: units without a role word) take OWNER, or PARTICIPANT once
# someone in the clause leads; kinds not here (a deadline label's) name no unit.
_GROUP_ROLE = {"lead": OWNER, "help": PARTICIPANT, "resp": None, "bare": None, OWNER: OWNER,
               PARTICIPANT: PARTICIPANT, SUPERVISOR: SUPERVISOR}


_TYPE = itemgetter(0)


@functools.lru_cache(maxsize=8192)
def _analyse(text: str, label_role: str | None):
    """What a clause text names, wherever it stands: (units as (name, start, end, role), people,
    stripped text, its start, its end), offsets into ``text`` with end > start; or None when it
    does not parse or names no unit and no person.

    The clause's parse (see _Shape) is read once, left to right: the units of a part are held
    until a role word or a label closes their group, which gets its role there (resp and bare
    groups once the whole clause is read: whether someone leads decides)."""
    if text and not _SPECIAL.search(text) and text[0] not in _TRIM_START \
            and text[-1] not in _TRIM_END and text[-1] not in _ROLE_LAST:
        found = _one_unit(text, label_role)
        if found is not False:
            return found
    if not _NOT_PLAIN.search(text) and ":" not in text and "：" not in text:
        found = _plain_list(text, label_role)
        if found is not False:
            return found
    return _parsed(text, label_role)


def _parsed(text: str, label_role: str | None):
    """_analyse by the general path: the clause's tokens, their parse, the parts read in turn."""
    tokens = _lex(text)
    shape = _shape(tuple(map(_TYPE, tokens)))  # (map: no comprehension frame)
    if shape is None:
        return None
    units: list = []  # [name, start, end, role or None (resp, bare)]
    people: list[str] = []
    pending: list = []
    current_label = label_role
    lead_label = has_lead = open_role = False
    for node in shape:
        if node[0] == "label":
            word = tokens[node[1]][1]
            if pending:
                kind = current_label or "bare"
                has_lead = has_lead or kind == "lead"
                open_role |= _close(kind, pending, units, people)
                pending = []
            current_label = LABEL_ROLE.get(word)
            if current_label == OWNER and lead_label and not word.startswith("牵头"):
                current_label = PARTICIPANT  # 牵头单位：X；责任单位：Y
            lead_label = lead_label or word.startswith("牵头")
            continue
        _, unit_at, role_at = node
        if unit_at is not None:
            tok = tokens[unit_at]
            raw = tok[1]
            if raw[:1] not in _TRIM_START and raw[-1:] not in _TRIM_END:
                pending.append((raw, tok[2], tok[2] + len(raw)))  # _trimmed's common case
            else:
                pending.append(_trimmed(tok))
        if role_at is not None and pending:
            kind = _role_kind(tokens[role_at][1]) \
                if current_label is None or current_label == OWNER else current_label
            has_lead = has_lead or kind == "lead"
            open_role |= _close(kind, pending, units, people)
            pending = []
    if pending:
        # Under an owner label, units without a role word are owners unless someone leads.
        kind = "bare" if current_label is None or current_label == OWNER else current_label
        has_lead = has_lead or kind == "lead"
        open_role |= _close(kind, pending, units, people)
    if not units and not people:
        return None
    if open_role:
        role = PARTICIPANT if has_lead else OWNER
        for unit in units:
            if unit[3] is None:
                unit[3] = role
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    return tuple(map(tuple, units)), tuple(people), text.strip(), first, \
        max(first + 1, last)


# A character that makes a text more than one plain unit token (_lex's blanks, brackets, label
# colons and separators).
_SPECIAL = rx(r"[\s（()）\ufeff\u200b、，,；;:：]")
_ONE_UNIT = ("UNIT",)
_ONE_PART = (("part", 0, None),)


def _one_unit(text: str, label_role: str | None):
    """_analyse of a text _lex reads as one UNIT token with nothing to trim (a table cell naming
    one unit, most often): no blank, bracket, colon or separator, no role word at its end (its
    last character ends none), no 由 or full stop to trim. False if the grammar does not read
    that token as one part (then the general path decides)."""
    if _shape(_ONE_UNIT) != _ONE_PART:
        return False
    kind = "bare" if label_role is None or label_role == OWNER else label_role
    if kind == "people":
        return (), (text,), text, 0, len(text)
    if kind not in _GROUP_ROLE:
        return None
    return ((text, 0, len(text), _GROUP_ROLE[kind] or OWNER),), (), text, 0, len(text)


# (number of units, whether a role word ends the text) -> whether the clause grammar reads
# UNIT SEP UNIT … [ROLE] as one part a unit, the role word in the last part (a property of the
# grammar, like _shape's memo, which it reads)
_PLAIN_SHAPES: dict[tuple[int, bool], bool] = {}


def _plain_list(text: str, label_role: str | None):
    """_analyse of a plain text (no blank, bracket or colon: _lex_plain's) that _lex_plain reads
    as units between single separators, the last maybe ending with a role word (UNIT SEP UNIT …
    [ROLE]: most clauses naming more than one unit), read without the token list and the loop
    over the parse, when the grammar reads those tokens as one part a unit (see _PLAIN_SHAPES).
    False for any other text: the general path decides."""
    # the runs between separators (each separator is one character), as _lex_plain's split
    if "，" in text or "," in text or "；" in text or ";" in text:
        runs = _SEP_SPLIT.split(text)[::2]
    else:
        runs = text.split("、")
    last = len(runs) - 1
    members = []
    word = None
    pos = 0
    for i, part in enumerate(runs):
        if not part:
            return False  # no unit between two separators (or at an end)
        end = pos + len(part)
        body = part.rstrip("。.")
        if body[-1:] in _ROLE_LAST:  # (_lex_plain's role test)
            cut = len(body.rstrip(_ROLE_CHARS))
            role = _role_in(body[cut:])
            if role:
                if i != last or not cut + role[0]:
                    return False  # a role word before the last unit, or without a unit
                word = role[1]
                part = part[:cut + role[0]]
        if part[:1] not in _TRIM_START and part[-1:] not in _TRIM_END:
            members.append((part, pos, pos + len(part)))  # _trimmed's common case
        else:
            members.append(_trimmed(("UNIT", part, pos)))
        pos = end + 1
    key = (len(members), word is not None)
    ok = _PLAIN_SHAPES.get(key)
    if ok is None:
        n = len(members)
        types = ("UNIT",) + ("SEP", "UNIT") * (n - 1) + (("ROLE",) if word else ())
        want = tuple([("part", 2 * j, None) for j in range(n - 1)]) \
            + (("part", 2 * n - 2, 2 * n - 1 if word else None),)
        ok = _PLAIN_SHAPES[key] = _shape(types) == want
    if not ok:
        return False
    # _parsed's loop over those parts: one group, closed by the role word or at the end
    if label_role is None or label_role == OWNER:
        kind = "bare" if word is None else _role_kind(word)
    else:
        kind = label_role
    if kind == "people":
        return (), tuple([name for name, _, _ in members]), text, 0, len(text)  # (_close's)
    if kind not in _GROUP_ROLE:
        return None  # (_close names nothing, then no unit and no person)
    # the group's role; a role left open (resp, bare) is OWNER: nobody else in the clause leads
    role = _GROUP_ROLE[kind] or OWNER
    units = []
    for name, start, end in members:
        if name:  # (as _close)
            units.append((name, start, end if end > start else start + 1, role))
    if not units:
        return None
    # (a plain text has no blank to strip: str.strip's blanks are all \s, which _NOT_PLAIN finds)
    return tuple(units), (), text, 0, len(text)


def _close(kind: str, members: list, units: list, people: list) -> bool:
    """Add a closed group's members to ``units`` (with their role, None for resp and bare) or to
    ``people``; whether a role is left open."""
    if kind == "people":
        people.extend([name for name, _, _ in members])
        return False
    if kind not in _GROUP_ROLE:
        return False
    role = _GROUP_ROLE[kind]
    for name, start, end in members:
        if name:
            units.append([name, start, end if end > start else start + 1, role])
    return role is None


def parse_clause(pieces: list[Piece], kind: str, index: int = 0,
                 label_role: str | None = None) -> Clause | None:
    """Parse a clause; None when it does not parse or names no unit.

    (Not memoised: the same pieces, kind and index come back for ~1% of the clauses of a plan,
    a heading's clause inherited by its tasks; a memo's key cost more than those parses.)"""
    if len(pieces) == 1:  # the common case: offsets are columns of one line
        text, line, column = pieces[0]
        found = _analyse(text, label_role)
        if found is None:
            return None
        names, people, stripped, first, last = found
        span = _Span(line, column + first, line, column + last)
        if len(names) == 1:  # most clauses name one unit: no comprehension (a call in 3.11)
            name, start, end, role = names[0]
            # a unit that is the whole clause shares its (equal, frozen) span
            units = (_Unit(name, span if start == first and end == last else
                           _Span(line, column + start, line, column + end), role, index),)
        else:
            units = tuple([_Unit(name, _Span(line, column + start, line, column + end), role,
                                 index) for name, start, end, role in names])
        return _Clause(stripped, span, kind, units, people)
    text, starts = _join(pieces)
    found = _analyse(text, label_role)
    if found is None:
        return None
    names, people, stripped, first, last = found
    units = tuple([_Unit(name, _span(starts, start, end), role, index)
                   for name, start, end, role in names])
    return _Clause(stripped, _span(starts, first, last), kind, units, people)


def names_units(text: str, strict: bool) -> bool:
    """Whether ``text``, parsed alone as a clause, names plausible units: what
    ``units_plausible(parse_clause([(text, line, column)], kind), strict)`` says (False when it
    does not parse), for the callers that only ask, without building the clause."""
    found = _analyse(text, None)
    if found is None:
        return False
    units = found[0]
    if not units:
        return bool(found[1]) and not strict
    # (_plausible over the units' names, read in place)
    good = 0
    for unit in units:
        if is_unit_name(unit[0]):
            good += 1
        elif strict:
            return False
    if strict:
        return True
    if good * 2 < len(units):
        return False
    for unit in units:
        if len(unit[0]) > 40:
            return False
    return True


def units_plausible(clause: Clause, strict: bool) -> bool:
    """Whether the parsed clause really names units (not a sentence that happened to parse)."""
    return _plausible([u.name for u in clause.units], clause.people, strict)


def _plausible(names: list[str], people: tuple[str, ...], strict: bool) -> bool:
    if not names:
        return bool(people) and not strict
    good = sum(is_unit_name(n) for n in names)
    if strict:
        return good == len(names)
    return good * 2 >= len(names) and all(len(n) <= 40 for n in names)
