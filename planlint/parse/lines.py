"""Classify source lines into records the structure grammar parses (one token per record).

A line becomes one record, or several when more items share it (``…落实)2.做好…``). Kinds:
MARKER (numbered item), NUMBER (a table cell holding only a row number), ROWITEM / ROW (pipe or
tab-separated table rows with / without a number), HEADER (column headers), FIELD (``责任单位：``),
CLAUSE (a unit clause standing alone), TIMING (a short deadline cell), NOISE (web boilerplate,
markup rules), TEXT (anything else).
"""
from __future__ import annotations


from planlint.parse import lexicon as lx
from planlint.parse.clauses import names_units
from planlint.parse.numerals import to_int
from planlint.parse.timing import scan_short
from planlint.rxcache import rx

_STRIP = lx.BLANKS
_PAGE_NUMBER = rx(r"^[-—–]\s*\d{1,3}\s*[-—–]$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$")
_RULE_LINE = rx(r"^[|:\-\s—_=+*]{3,}$")
_SENTENCE_END = "。！？!?"
_LABEL_FIRST = {label[0] for label in lx.LABEL_ROLE}
_HEADER_FIRST = {word[0] for word in lx.HEADER_WORDS}
# MARKER_ANY's group index of each alternative's outer group -> (level, style, numeral group).
_MARKER_GROUPS = {lx.MARKER_ANY.groupindex[f"m{i}"]: (level, style, lx.MARKER_ANY.groupindex[f"n{i}"])
                  for i, (level, style, _) in enumerate(lx.MARKERS)}
_INLINE_STYLES = ("arabic-dot", "glued", "cn-paren")  # markers whose siblings may share a line
_MARKER_START = set("0123456789（()）、" + lx.CN_DIGITS + "".join(chr(c) for c in range(0x2460, 0x2474)))
_EMPHASIS = "*#＃ "  # markdown marks a marker may follow
_MARKER_OR_MARK = _MARKER_START | set(_EMPHASIS)


class Rec:
    """One line record (or one item of a line). A plain slotted class: the classifier makes one
    per line, and a dataclass ``__init__`` with default factories was a measurable share."""

    __slots__ = ("kind", "line", "column", "text", "level", "style", "number", "value", "marker",
                 "mcol", "cells", "label", "bracket", "open")

    def __init__(self, kind: str, line: int, column: int, text: str, level: int = 0,
                 style: str = "", number: str = "", value: int | None = None, marker: str = "",
                 mcol: int = 0, cells: list | None = None, label: str = "",
                 bracket: bool = False, open: bool = False):
        self.kind = kind
        self.line = line
        self.column = column  # 1-based column of ``text`` in the source line
        self.text = text
        self.level = level
        self.style = style
        self.number = number
        self.value = value
        self.marker = marker  # the marker as written (``3.`` ``（二）``)
        self.mcol = mcol  # 1-based column where the marker starts
        self.cells = cells if cells is not None else []  # [(text, column)] of table rows
        self.label = label  # FIELD label, or "layout" for layout noise
        self.bracket = bracket  # CLAUSE written in brackets
        self.open = open  # CLAUSE ending in a separator: continues on a later line

    def __repr__(self) -> str:
        return f"Rec({self.kind}, {self.line}:{self.column}, {self.text[:20]!r})"


class Classifier:
    def __init__(self):
        self.last_arabic = 0
        self.in_form = False
        self.header_cols = 0

    def classify_text(self, number: int, raw: str, text: str, col: int) -> list[Rec]:
        """Records of a non-blank line: ``text`` is ``raw`` stripped, starting at column ``col``."""
        if self.in_form:
            return [Rec("NOISE", number, col, text)]
        first = text[0]  # (a new string object for a CJK character: made once per line)
        noise = _noise(text, first)
        if noise:
            self.in_form = noise == "form"
            return [Rec("NOISE", number, col, text, label="layout" if noise == "layout" else "")]
        cells = _split_cells(raw, text, col, self.header_cols) \
            if "|" in text or self.header_cols >= 2 else None
        if cells:
            return self._row(number, col, text, cells)
        if len(text) <= 80 and first in _HEADER_FIRST and _is_header(text):
            words = text.split()
            if len(words) > 1:
                self.header_cols = len(words)  # a one-line header: its rows are tab-separated
            return [Rec("HEADER", number, col, text, cells=[(text, col)])]
        if first in _LABEL_FIRST and lx.FIELD.match(text):
            return _fields(number, col, text)
        if first in _MARKER_OR_MARK:  # (what _marker needs to find anything)
            recs = self._marker(number, col, text)
            if recs:
                return recs
        # (a bare row number starts with a digit: \d and str.isdecimal are both Unicode Nd)
        bare = lx.BARE_NUMBER.match(text) if first.isdecimal() else None
        if bare:
            self.last_arabic = int(bare.group("num"))
            return [Rec("NUMBER", number, col, "", number=bare.group("num"),
                        value=int(bare.group("num")), marker=text, level=0, mcol=col)]
        clause = _clause_line(number, col, text)
        if clause:
            return [clause]
        if _is_timing_cell(text):
            return [Rec("TIMING", number, col, text.rstrip("。."))]
        return [Rec("TEXT", number, col, text)]

    def _row(self, number, col, text, cells) -> list[Rec]:
        words = [c for c, _ in cells if c]
        if words and _all_headers(words):
            self.header_cols = len(cells)
            return [Rec("HEADER", number, col, text, cells=cells)]
        first = cells[0][0] if cells else ""
        m = lx.BARE_NUMBER.match(first)
        if m:
            self.last_arabic = int(m.group("num"))
            return [Rec("ROWITEM", number, cells[0][1], "", number=m.group("num"),
                        value=int(m.group("num")), marker=first, cells=cells[1:],
                        mcol=cells[0][1])]
        # A merged category cell: a heading (二、…) leading the row, alone or before a row.
        heading = self._marker(number, cells[0][1], first) if first else []
        if heading and heading[0].level <= 2 and len(heading) == 1:
            rest = cells[1:]
            if not any(c for c, _ in rest):
                return heading
            return heading + self._row(number, rest[0][1], text, rest)
        return [Rec("ROW", number, col, text, cells=cells)]

    def _marker(self, number: int, col: int, text: str) -> list[Rec]:
        # Markdown-ish emphasis or heading marks before a marker are noise, not content.
        first = text[0]
        if first in _EMPHASIS:
            skip = len(text) - len(text.lstrip(_EMPHASIS))
            body = text[skip:]
            if not body:
                return []
            first = body[0]
        else:
            skip, body = 0, text
        if first not in _MARKER_START:
            return []
        m = lx.MARKER_ANY.match(body)
        if m:
            # the outer group of the alternative closes last: lastindex names the alternative
            level, style, num_group = _MARKER_GROUPS[m.lastindex]
            num = m.group(num_group)
            end = m.end()
            # positional: kind, line, column, text, level, style, number, value, marker, mcol
            rec = Rec("MARKER", number, col + skip + end, body[end:], level, style, num,
                      to_int(num), body[:end].rstrip(_STRIP), col + skip)
        else:
            rec = self._damaged(number, col + skip, body)
            if rec is None:
                return []
        if rec.style == "arabic-dot" or rec.style == "glued":
            self.last_arabic = rec.value or 0
        if "\t" in rec.text and "\t" in rec.text.strip(_STRIP):
            cells = _split_cells(rec.text, rec.text, rec.column, header_cols=2)
            if len([c for c, _ in cells if c]) >= 2:  # 1.\t做好……\t县财政局\t年底前
                rec.kind, rec.cells, rec.text = "ROWITEM", cells, ""
                return [rec]
        if rec.style not in _INLINE_STYLES or rec.value is None:
            return [rec]  # (what _split_inline would return)
        return self._split_inline(rec)

    def _damaged(self, number, col, body) -> Rec | None:
        # The first character decides which pattern can match (and the patterns, costly to
        # compile, are then compiled only for plans that need them).
        first = body[0]
        short = len(body) <= 40 and "。" not in body[:-1]
        m = lx.DAMAGED_H1.match(body) if short and first == "、" else None
        if m:
            return Rec("MARKER", number, col + 1, body[1:], level=1, style="damaged", marker="、",
                       mcol=col)
        m = lx.DAMAGED_H2.match(body) if short and first in ")）" else None
        if m:
            return Rec("MARKER", number, col + 1, body[1:], level=2, style="damaged", marker=body[0],
                       mcol=col)
        m = lx.DOT_BEFORE_DIGIT.match(body)
        if m and int(m.group("num")) in (self.last_arabic + 1, 1):
            return Rec("MARKER", number, col + m.end(), body[m.end():], level=3,
                       style="arabic-dot", number=m.group("num"), value=int(m.group("num")),
                       marker=m.group(0), mcol=col)
        m = lx.GLUED_NUMBER.match(body) if first.isdecimal() else None
        if m and int(m.group("num")) == self.last_arabic + 1:
            return Rec("MARKER", number, col + m.end(), body[m.end():], level=3, style="glued",
                       number=m.group("num"), value=int(m.group("num")), marker=m.group("num"),
                       mcol=col)
        return None

    def _split_inline(self, rec: Rec) -> list[Rec]:
        """Further siblings on the same line, numbered on from this one after a sentence end."""
        if rec.style not in _INLINE_STYLES or rec.value is None:
            return [rec]
        pattern = lx.INLINE_CN_PAREN if rec.style == "cn-paren" else lx.INLINE_ARABIC
        out = [rec]
        while True:
            cur = out[-1]
            # cheap necessary conditions before the regex: the next number, or an opening bracket
            if rec.style == "cn-paren":
                if "（" not in cur.text and "(" not in cur.text:
                    break
            elif str((cur.value or 0) + 1) not in cur.text:
                break
            nxt = next((m for m in pattern.finditer(cur.text)
                        if to_int(m.group("num")) == (cur.value or 0) + 1), None)
            if nxt is None:
                break
            start = nxt.end("gap")  # the marker starts after the sentence end and blanks
            marker = cur.text[start:nxt.end()]
            new = Rec("MARKER", cur.line, cur.column + nxt.end(), cur.text[nxt.end():],
                      level=cur.level, style=cur.style, number=nxt.group("num"),
                      value=to_int(nxt.group("num")), marker=marker.rstrip(_STRIP),
                      mcol=cur.column + start)
            cur.text = cur.text[:nxt.start() + 1].rstrip(_STRIP)
            out.append(new)
            if cur.style != "cn-paren":
                self.last_arabic = new.value or 0
        return out


_LAYOUT_FIRST = set("-—–第|:_=+*")
_BOILER_FIRST = set("发信来文字背浏访阅点打关【分扫责编索主成相上下当您网版承[•·●*姓联内验标手电")


def _noise(text: str, first: str) -> str:
    """'layout' (page numbers, table rules), 'form' (a comment form starts), 'web', or ''.
    ``first`` is ``text[0]``."""
    if first in _LAYOUT_FIRST and (_PAGE_NUMBER.match(text) or _RULE_LINE.match(text)):
        return "layout"
    if len(text) < 120 and ("意见" in text or "建议" in text or "留言" in text or "评论" in text) \
            and lx.COMMENT_FORM_START.search(text):
        return "form"
    if first in _BOILER_FIRST and (lx.FORM_FIELD.match(text) or lx.BOILERPLATE.match(text[:30])):
        return "web"
    if "文字大小" in text or "背景色" in text:
        return "web"
    return ""


# A further label on a field line: 责任单位：市财政局    完成时限：2018年底前
_NEXT_FIELD = rx(rf"(?<=[\s\u3000；;，,。])(?:{'|'.join(sorted(lx.LABEL_ROLE, key=len, reverse=True))})"
                         r"[ \t\u3000]*[:：]")


def _fields(number: int, col: int, text: str) -> list[Rec]:
    """One FIELD record per label on the line, each with its value and position."""
    # a further label needs a colon of its own (the first label's colon is before it)
    more = text.count("：") + text.count(":") >= 2
    starts = [0] + [m.start() for m in _NEXT_FIELD.finditer(text)] if more else [0]
    recs = []
    for a, b in zip(starts, starts[1:] + [len(text)]):
        part = text[a:b]
        m = lx.FIELD.match(part)
        value = part[m.end():].rstrip(_STRIP + "。.；;，,")
        recs.append(Rec("FIELD", number, col + a + m.end(), value, label=m.group("label")))
    return recs


_WIDE_GAP = rx(r"\S(?: {2,}|\u3000+ *)\S")
_SPACED_CELL = rx(r"[^ \t\u3000]+(?: [^ \t\u3000]+)*")


def _split_cells(raw: str, text: str, col: int, header_cols: int) -> list:
    """Cells of a pipe row, or of a tab-separated row once a multi-column header was seen."""
    if text.count("|") >= 2 or (text.startswith("|") and text.endswith("|")):
        sep = "|"
    elif "\t" in text and header_cols >= 2:
        sep = "\t"
    elif header_cols >= 2 and _WIDE_GAP.search(text):
        # columns kept apart by runs of spaces (PDF tables); one space stays inside a cell
        cells = [(m.group(), col + m.start()) for m in _SPACED_CELL.finditer(text)]
        return cells if len(cells) >= 2 else []
    else:
        return []
    cells, pos = [], 0
    for part in text.split(sep):
        inner = part.strip(_STRIP)
        offset = pos + (len(part) - len(part.lstrip(_STRIP)))
        cells.append((inner, col + offset))
        pos += len(part) + 1
    if sep == "|":
        if cells and not cells[0][0]:
            cells = cells[1:]
        if cells and not cells[-1][0]:
            cells = cells[:-1]
    cells = [c for c in cells if sep == "|" or c[0]]
    return cells if len(cells) >= 2 else []


def _is_header(text: str) -> bool:
    words = text.split()
    # (issuperset: the ``all(w in HEADER_WORDS …)`` test without a generator per call)
    return bool(words) and lx.HEADER_WORDS.issuperset(words)


def _all_headers(cells: list[str]) -> bool:
    """Whether every (non-empty) cell is a column header: a loop, as ``all(…)`` over a
    generator cost more than the test itself on most rows (the first cell decides)."""
    for cell in cells:
        if not _is_header(cell):
            return False
    return True


def _clause_line(number: int, col: int, text: str) -> Rec | None:
    bracket = text[0] in "（(" and text[-1] in "）)" and len(text) > 2
    inner, icol = (text[1:-1], col + 1) if bracket else (text, col)
    if len(inner) > (200 if bracket else 90) or ("。" in inner and "。" in inner.rstrip("。")) \
            or not lx.UNITISH.search(inner):
        return None
    if not bracket and inner.endswith("。") and not lx.ROLE_WORD.search(inner):
        return None  # a sentence, not a unit cell
    # A bracketed clause with a label or a role word may name some non-units. (Without brackets
    # ``strict`` holds, and a strictly plausible clause names only units.)
    strict = not (bracket and (lx.FIELD.match(inner) or lx.ROLE_WORD.search(inner)))
    if not names_units(inner, strict):
        return None
    is_open = inner.rstrip()[-1:] in "、，,；;"
    return Rec("CLAUSE", number, icol, inner, bracket=bracket, open=is_open)


def _is_timing_cell(text: str) -> bool:
    if len(text) > 40 or "。" in text.rstrip("。")[:-1]:
        return False
    found = scan_short(text)
    if not found:
        return False
    covered = sum(e - s for s, e, _, _ in found)
    return found[0][0] <= 2 and (covered * 2 >= len(text) or len(text) <= 12)


def classify_lines(lines) -> list[Rec]:
    classify = Classifier().classify_text
    out: list[Rec] = []
    for line in lines:
        raw = line.text
        if not raw:  # (most blank lines are empty: no strip needed)
            continue
        text = raw.lstrip(_STRIP)
        if text:  # blank lines (about half of a plan's lines) make no record
            out += classify(line.number, raw, text.rstrip(_STRIP), len(raw) - len(text) + 1)
    return out


def sentence_ended(text: str) -> bool:
    return text.rstrip(_STRIP)[-1:] in _SENTENCE_END
