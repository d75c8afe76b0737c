"""Unit clauses and deadlines written inside a task's own text.

    …公开。（市财政局、市审计局按职责分工分别牵头落实）
    …公开。（牵头单位：市司法局；配合单位：市政府各部门；完成时限：2020年12月底前）
    …公开。责任单位：市政府督查室。完成时限：每季度。
    …解读。区政府办公室牵头，各相关单位配合。

Each is taken out of the requirement text; what is left keeps its source positions.
"""
from __future__ import annotations

from planlint.parse import lexicon as lx
from planlint.parse.clauses import names_units
from planlint.parse.timing import scan_short
from planlint.rxcache import rx

Piece = tuple[str, int, int]

_ROLE_HINT = rx(lx.ROLE_WORD.pattern + r"|[:：]")  # a role word or a field label
_TAIL_AT = rx(r"[\s\u3000。；;.，,、]*$")  # blanks and punctuation to the end, from match's pos
# A label inside running text: at the start of a piece or after a sentence or clause break.
# Only the label and its colon are in the pattern: beginning with an alternation of words, the
# pattern lets the engine skip to the words' first characters (a lookbehind in front cost ~500
# instructions per character scanned). ``_labels`` checks the character before in Python.
_LABEL = rx(rf"(?P<label>{'|'.join(sorted(lx.LABEL_ROLE, key=len, reverse=True))})"
                    r"[ \t\u3000]*[:：]")
_BEFORE_LABEL = frozenset("。；;，,")  # and blanks (str.isspace, which is what \s means in re)


def _labels(text: str, pos: int = 0):
    """Labels at the text start or after a break: the matches of
    ``(?:^|(?<=[。；;，,\\s]))`` + ``_LABEL`` (``^``: the string's start, not ``pos``).

    Skipping a match that fails the check loses nothing: a label match holds only label words
    (Chinese characters), blanks and the closing colon, so no label can start inside it just
    after a break character (it would have to start at a blank or at the colon)."""
    for m in _LABEL.finditer(text, pos):
        start = m.start()
        if start == 0:
            yield m
        else:
            before = text[start - 1]
            if before in _BEFORE_LABEL or before.isspace():
                yield m
_SENTENCE = rx(r"[^。；;]+[。；;]?")


def _text_of(pieces: list[Piece]) -> str:
    return pieces[0][0] if len(pieces) == 1 else "".join([p[0] for p in pieces])


class _Joined:
    """A task's text pieces as one string, with slices mapped back to source pieces.

    Clauses are found in the joined text, so one broken across lines (PDF text wrapped every
    few dozen characters) is still one clause."""

    __slots__ = ("pieces", "starts", "text")

    def __init__(self, pieces: list[Piece], text: str):
        """``text``: the pieces' texts joined (the caller has it already)."""
        self.pieces = pieces
        self.text = text
        if len(pieces) == 1:
            self.starts = (0,)
            return
        self.starts, offset = [], 0
        for piece_text, _, _ in pieces:
            self.starts.append(offset)
            offset += len(piece_text)

    def slice(self, a: int, b: int) -> list[Piece]:
        if len(self.starts) == 1:  # one piece (most tasks): text[a:b] where the piece starts
            text, line, column = self.pieces[0]
            if a < 0:
                a = 0
            if b > len(text):
                b = len(text)
            return [(text[a:b], line, column + a)] if a < b else []
        out = []
        for (text, line, column), start in zip(self.pieces, self.starts):
            lo, hi = max(a, start), min(b, start + len(text))
            if lo < hi:
                out.append((text[lo - start:hi - start], line, column + lo - start))
        return out


def extract(pieces: list[Piece]):
    """Return (text pieces, raw clauses, deadline piece or None)."""
    if not pieces:
        return [], [], None
    text = pieces[0][0] if len(pieces) == 1 else "".join([p[0] for p in pieces])
    if not ("（" in text or "(" in text or "：" in text or ":" in text or _other_bracket(text)):
        # No bracket and no field label: only a closing role sentence can be a clause (the
        # common case, so the general path below is skipped).
        if not text:
            return [], [], None
        kept = [pieces[0]] if len(pieces) == 1 else [p for p in pieces if p[0]]
        for word in _ROLE_WORDS:
            if word in text:
                return _closing_sentence(kept, text, [], None)
        return kept, [], None
    joined = _Joined(pieces, text)
    clauses, deadline, kept, cursor = [], None, [], 0
    for start, end, items in _spans(joined):
        for kind, payload in items:
            if kind == "clause":
                clauses.append(payload)
            elif deadline is None:
                deadline = payload
        kept += joined.slice(cursor, start)
        if end > cursor:
            cursor = end
    kept += joined.slice(cursor, len(text))
    if clauses or not kept:
        return kept, clauses, deadline
    return _closing_sentence(kept, _text_of(kept), clauses, deadline)


def _spans(joined: _Joined) -> list:
    """(start, end, items) of the clauses and deadlines in the text, in order of start; items
    are (kind, payload) pairs (a labelled span may hold several fields)."""
    text = joined.text
    found = []
    if "（" in text or "(" in text or _other_bracket(text):
        for start, end in _bracket_groups(text):
            inner = text[start + 1:end]
            items = _labelled(joined, start + 1, end) if "：" in inner or ":" in inner else None
            if items:
                found.append((start, end + 1, items))
            elif _is_clause(inner, text, end + 1):
                found.append((start, end + 1, [("clause", (joined.slice(start + 1, end),
                                                           "bracket", None))]))
    if "：" in text or ":" in text:  # every field label ends with one
        taken = [(s, e) for s, e, _ in found]
        for m in _labels(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            end = _value_end(text, m.end())
            items = _labelled(joined, m.start(), end)
            if items:
                found.append((m.start(), end, items))
                taken.append((m.start(), end))
        if len(found) > 1:  # (bracket groups alone come in order already)
            found.sort(key=lambda f: f[0])
    return found


def _value_end(text: str, pos: int) -> int:
    """A field's value runs to the sentence end or to the next label."""
    nxt = next(_labels(text, pos), None)
    stop = text.find("。", pos)
    end = nxt.start() if nxt is not None else len(text)
    if stop >= 0 and stop <= end:
        end = stop + 1  # the full stop goes with the field
    return end


def _labelled(joined: _Joined, a: int, b: int) -> list:
    """Fields inside text[a:b] (牵头单位：X；完成时限：Y) as clause / deadline items."""
    inner = joined.text[a:b]
    if "：" not in inner and ":" not in inner:
        return []
    marks = list(_labels(inner))
    if not marks or inner[:marks[0].start()].strip(lx.BLANKS + "；;，,"):
        return []
    items = []
    has_lead = False  # a 牵头… field among the items so far
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(inner)
        value = inner[m.end():stop]
        role = lx.LABEL_ROLE[m.group("label")]
        if role != "deadline" and "。" in value:
            # units end with their sentence: 〔责任单位：A、B按职责分工负责。具体任务……下同。〕
            value = value[:value.index("。")]
        trimmed = value.rstrip(lx.BLANKS + "。；;，,.")
        lead = len(trimmed) - len(trimmed.lstrip(lx.BLANKS))
        trimmed = trimmed.strip(lx.BLANKS)
        if not trimmed:
            continue
        start = a + m.end() + lead
        if role == "deadline":
            parts = joined.slice(start, start + len(trimmed))
            items.append(("deadline", (trimmed, parts[0][1], parts[0][2])))
            continue
        # a deadline closing the units: （牵头单位：A；责任单位：B、C，6月底完成）
        deadline = None
        cut = max(trimmed.rfind("，"), trimmed.rfind(","))
        if cut > 0:
            tail = trimmed[cut + 1:].lstrip(lx.BLANKS)
            found = scan_short(tail) if tail else ()
            if found and found[0][0] == 0:
                at = start + len(trimmed) - len(tail)
                where = joined.slice(at, at + len(tail))[0]
                deadline = ("deadline", (tail, where[1], where[2]))
                trimmed = trimmed[:cut].rstrip(lx.BLANKS)
        parts = joined.slice(start, start + len(trimmed))
        if role == "owner" and m.group("label").startswith("牵头"):
            role = "lead"
            has_lead = True
        elif role == "owner" and has_lead:
            role = "participant"
        items.append(("clause", (parts, "field", role)))
        if deadline is not None:
            items.append(deadline)
    return items


_ROLE_WORDS = tuple(lx.ROLE_WORD.pattern.split("|"))  # plain words
assert all(w.isalpha() for w in _ROLE_WORDS)


def _has_role_word(text: str) -> bool:
    """``lx.ROLE_WORD.search(text)`` as a bool: ``in`` tests scan text many times faster than
    the regex engine does."""
    for word in _ROLE_WORDS:
        if word in text:
            return True
    return False


# Brackets a unit clause may be written in: round ones mostly, and 〔牵头单位：…〕 [牵头单位:…]
# 【责任单位：…】 in some plans (nested ones are counted alike: 〔牵头单位：县发改局（粮食局）〕).
_OPEN = "（(〔[【［"
_OTHER = "〔〕[]【】［］"


def _other_bracket(text: str) -> bool:
    """Whether the text holds an opening bracket other than the round ones."""
    return "〔" in text or "[" in text or "【" in text or "［" in text


def _bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of the outermost bracket groups, in order; end is the closing bracket's
    position, or len(text) for an unclosed group at the end that holds a role hint.

    The brackets (``（()）`` and the rarer ``〔〕[]【】［］``) are found by ``str.find`` (what
    ``re.finditer`` of their class finds, sorted: a few calls for the two or so brackets of a
    line, against the engine's ~100 instructions per character); the half-width round ones and
    the rarer ones only when an ``in`` test finds one."""
    found = []
    find = text.find
    chars = "（()）" if "(" in text or ")" in text else "（）"
    if _other_bracket(text) or "〕" in text or "]" in text or "】" in text or "］" in text:
        chars += _OTHER
    for ch in chars:
        i = find(ch)
        while i >= 0:
            found.append(i)
            i = find(ch, i + 1)
    found.sort()
    groups = []
    depth, start = 0, -1
    for i in found:
        if text[i] in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i))
    if depth and start >= 0 and _ROLE_HINT.search(text, start):
        groups.append((start, len(text)))  # an unclosed clause at the end of the line
    return groups


def _is_clause(inner: str, text: str, after: int) -> bool:
    """Whether a bracket's ``inner`` text is a clause; text[after:] is what follows the bracket
    (a bracket without role words must end the text, but blanks and punctuation)."""
    if not inner.strip() or len(inner) > 200 or not lx.UNITISH.search(inner):
        return False
    if ":" in inner or "：" in inner or _has_role_word(inner):  # (_ROLE_HINT.search, by in tests)
        return names_units(inner, False)
    return _TAIL_AT.match(text, after) is not None and names_units(inner, True)


def _closing_sentence(pieces: list[Piece], text: str, clauses, deadline):
    """A closing sentence that only names units with role words: 区府办牵头，各单位配合。

    Looked for among the last two sentences of the text, never in the task's first one.
    ``text`` is ``pieces`` joined; ``pieces`` has no empty piece."""
    if not _has_role_word(text):
        return pieces, clauses, deadline
    joined = _Joined(pieces, text)
    sentences = list(_SENTENCE.finditer(text))
    for m in reversed(sentences[max(1, len(sentences) - 2):]):
        raw = m.group()
        body = raw.rstrip("。；;").strip(lx.BLANKS)
        if len(body) > 60 or not _has_role_word(body) or not lx.UNITISH.search(body):
            continue
        start = m.start() + len(raw) - len(raw.lstrip(lx.BLANKS))
        parts = joined.slice(start, start + len(body))
        # (A strictly plausible clause names units.)
        if not names_units("".join([p[0] for p in parts]), strict=True):
            continue
        clauses.append((parts, "line", None))
        return joined.slice(0, m.start()) + joined.slice(m.end(), len(text)), clauses, deadline
    return pieces, clauses, deadline
