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
from planlint.parse.timing import START_CHARACTERS, bare_period, scan_short
from planlint.rxcache import rx

_STRIP = lx.BLANKS
_PAGE_NUMBER = rx(r"^[-—–]\s*\d{1,3}\s*[-—–]$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$")
# a table rule (``|---|---|``, ``=====``), or a line of pipes alone: the separator between the
# cells of a table flattened one cell per line (``1`` / ``|`` / ``做好…`` / ``|`` / ``办公室``)
_RULE_LINE = rx(r"^[|:\-\s—_=+*]{3,}$|^\|[|\s]*$")
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
                 mcol: int = 0, cells: list | tuple = (), label: str = "",
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
        self.cells = cells  # [(text, column)] of table rows (a shared () when none: read only)
        self.label = label  # FIELD label, or "layout" for layout noise
        self.bracket = bracket  # CLAUSE written in brackets
        self.open = open  # CLAUSE ending in a separator: continues on a later line

    def __repr__(self) -> str:
        return f"Rec({self.kind}, {self.line}:{self.column}, {self.text[:20]!r})"


def row_number(num: str, last: int) -> bool:
    """Whether a cell's number ``num`` is a row number: any of up to three digits; a longer one
    (a year, an amount) only as the row after ``last`` (a table of a thousand rows and more)."""
    return len(num) <= 3 or int(num) == last + 1


class Classifier:
    """What one line tells about the next: the last arabic item number (a damaged marker is taken
    only as the next one), whether a comment form or a page footer started (everything after it is
    noise), and the column count of the last table header (its rows may then be split on tabs or
    wide gaps)."""

    def __init__(self):
        self.last_arabic = 0
        self.in_form = False
        self.header_cols = 0

    def _row(self, number, col, text, cells) -> list[Rec]:
        words = [c for c, _ in cells if c]
        if words and (_all_headers(words) or _loose_header(words)):
            self.header_cols = len(cells)
            return [Rec("HEADER", number, col, text, 0, "", "", None, "", 0, cells)]
        first = cells[0][0] if cells else ""
        m = lx.BARE_NUMBER.match(first)
        if m and row_number(m.group("num"), self.last_arabic):
            num = m.group("num")
            self.last_arabic = value = int(num)
            # positional: kind, line, column, text, level, style, number, value, marker, mcol, cells
            return [Rec("ROWITEM", number, cells[0][1], "", 0, "", num, value, first, cells[0][1],
                        cells[1:])]
        # A merged category cell: a heading (二、…) leading the row, alone or before a row.
        heading = self._marker(number, cells[0][1], first) if first else []
        if heading and heading[0].level <= 2 and len(heading) == 1:
            rest = cells[1:]
            if not any(c for c, _ in rest):
                return heading
            return heading + self._row(number, rest[0][1], text, rest)
        # A numbered item in the first cell (| 3.做好…… | 办公室 |): a row of its own, the
        # number taken from its marker (a table without a number column).
        if heading and len(heading) == 1 and heading[0].kind == "MARKER" and heading[0].text:
            rec = heading[0]
            rec.kind, rec.cells = "ROWITEM", [(rec.text, rec.column)] + cells[1:]
            rec.text = ""
            return [rec]
        return [Rec("ROW", number, col, text, 0, "", "", None, "", 0, cells)]

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
        rec = _marker_rec(m, number, col + skip, body) if m else self._damaged(number, col + skip, body)
        return self._marker_done(rec) if rec is not None else []

    def _marker_done(self, rec: Rec) -> list[Rec]:
        """A marker's records: its own, as a table row when tabs follow, or with its siblings."""
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
            return Rec("MARKER", number, col + 1, body[1:], 1, "damaged", "", None, "、", col)
        m = lx.DAMAGED_H2.match(body) if short and first in ")）" else None
        if m:
            return Rec("MARKER", number, col + 1, body[1:], 2, "damaged", "", None, first, col)
        m = lx.DOT_BEFORE_DIGIT.match(body)
        if m and int(m.group("num")) in (self.last_arabic + 1, 1):
            end = m.end()
            return Rec("MARKER", number, col + end, body[end:], 3, "arabic-dot", m.group("num"),
                       int(m.group("num")), m.group(0), col)
        m = lx.GLUED_NUMBER.match(body) if first.isdecimal() else None
        if m and int(m.group("num")) == self.last_arabic + 1:
            end = m.end()
            return Rec("MARKER", number, col + end, body[end:], 3, "glued", m.group("num"),
                       int(m.group("num")), m.group("num"), col)
        return None

    def _split_inline(self, rec: Rec) -> list[Rec]:
        """Further siblings on the same line, numbered on from this one after a sentence end."""
        if rec.style not in _INLINE_STYLES or rec.value is None:
            return [rec]
        pattern = lx.INLINE_CN_PAREN if rec.style == "cn-paren" else lx.INLINE_ARABIC
        out = [rec]
        while True:
            cur = out[-1]
            # a cheap necessary condition before the regex scan (most markers have no sibling)
            if not _sibling_possible(rec.style, (cur.value or 0) + 1, cur.text):
                break
            nxt = next((m for m in pattern.finditer(cur.text)
                        if to_int(m.group("num")) == (cur.value or 0) + 1), None)
            if nxt is None:
                break
            start = nxt.end("gap")  # the marker starts after the sentence end and blanks
            marker = cur.text[start:nxt.end()]
            new = Rec("MARKER", cur.line, cur.column + nxt.end(), cur.text[nxt.end():], cur.level,
                      cur.style, nxt.group("num"), to_int(nxt.group("num")), marker.rstrip(_STRIP),
                      cur.column + start)
            cur.text = cur.text[:nxt.start() + 1].rstrip(_STRIP)
            out.append(new)
            if cur.style != "cn-paren":
                self.last_arabic = new.value or 0
        return out


_CN_DIGIT_SET = frozenset(lx.CN_DIGITS)


def _sibling_possible(style: str, value: int, text: str) -> bool:
    """Whether _split_inline's pattern can find sibling ``value`` in ``text``, by str tests.
    INLINE_CN_PAREN's match holds an opening bracket directly before a Chinese numeral;
    INLINE_ARABIC's holds the number's digits then one of .．、, and its number equals
    ``value`` only for ASCII digits (to_int reads no other digits), perhaps with leading
    zeros: the text then holds ``str(value)`` and that separator."""
    if style == "cn-paren":
        for bracket in "（(":
            i = text.find(bracket)
            while i >= 0:
                if text[i + 1:i + 2] in _CN_DIGIT_SET:
                    return True
                i = text.find(bracket, i + 1)
        return False
    digits = str(value)
    return digits + "." in text or digits + "．" in text or digits + "、" in text


def _marker_rec(m, number: int, col: int, body: str) -> Rec:
    """The MARKER record of a MARKER_ANY match at the start of ``body`` (at column ``col``)."""
    # the outer group of the alternative closes last: lastindex names the alternative
    level, style, num_group = _MARKER_GROUPS[m.lastindex]
    num = m.group(num_group)
    end = m.end()
    # (arabic numerals as int does: to_int's answer, without its call)
    value = int(num) if num.isascii() else to_int(num)
    # positional: kind, line, column, text, level, style, number, value, marker, mcol
    return Rec("MARKER", number, col + end, body[end:], level, style, num, value,
               body[:end].rstrip(_STRIP), col)


_LAYOUT_FIRST = set("-—–第|:_=+*")
_BOILER_FIRST = set("发信来文字背浏访阅点打关【分扫责编索主成相上下当您网版承[•·●*姓联内验标手电")
_NOISE_FIRST = _LAYOUT_FIRST | _BOILER_FIRST
_HEADER_WORDS_ISSUPERSET = lx.HEADER_WORDS.issuperset


_PAGE_FIRST = "-—–第"  # what _PAGE_NUMBER's alternatives start with
_RULE_CHARS = "|:-—_=+* "  # _RULE_LINE's class, but for the blanks other than the space
_FORM_FIRST = frozenset(lx.FORM_FIELD_FIRST)


def _layout(text: str, first: str) -> bool:
    """``_PAGE_NUMBER.match(text) or _RULE_LINE.match(text)``, the regexes asked only when the
    first character, a 页, or every character (rules) allows a match."""
    if first in _PAGE_FIRST and (first != "第" or "页" in text) and _PAGE_NUMBER.match(text):
        return True
    # A rule is made of its class's characters only: the first character left by stripping
    # the plain ones must be another blank.
    rest = text.strip(_RULE_CHARS)
    return (not rest or rest[0].isspace()) and _RULE_LINE.match(text) is not None


def _noise(text: str, first: str) -> str:
    """'layout' (page numbers, table rules), 'form' (a comment form starts), 'footer' (a web
    page's footer starts), 'web', or ''.
    ``first`` is ``text[0]``. (The web forms' regexes are asked only of a text starting as one
    of their matches can: a bullet, a blank or a word's first character; a literal start.)"""
    if first in _LAYOUT_FIRST and _layout(text, first):
        return "layout"
    if len(text) < 120 and ("意见" in text or "建议" in text or "留言" in text or "评论" in text) \
            and lx.COMMENT_FORM_START.search(text):
        return "form"
    if first in _BOILER_FIRST and (
            (first in _FORM_FIRST or first.isspace()) and lx.FORM_FIELD.match(text)
            or text.startswith(lx.BOILERPLATE_STARTS) and lx.BOILERPLATE.match(text[:30])):
        return "web"
    if "版权所有" in text or "ICP备" in text or "网站标识码" in text:
        return "footer"  # a web page's footer: what follows is the page's too
    if "文字大小" in text or "背景色" in text or "邮编" in text or "分辨率" in text:
        return "web"  # (a page footer: 主办单位：… 版权所有：… is no field line)
    return ""


# A further label on a field line: 责任单位：市财政局    完成时限：2018年底前
_NEXT_FIELD = rx(rf"(?<=[\s\u3000；;，,。])(?:{'|'.join(sorted(lx.LABEL_ROLE, key=len, reverse=True))})"
                         r"[ \t\u3000]*[:：]")


_FIELD_TAIL = _STRIP + "。.；;，,"


def _fields(number: int, col: int, text: str, m, out: list[Rec]):
    """One FIELD record per label on the line, each with its value and position, appended to
    ``out``. ``m`` is FIELD's match of the first label."""
    end = m.end()
    value = text[end:]
    # A further label needs a colon of its own (FIELD took the first label's one).
    if "：" in value or ":" in value:
        starts = [0] + [n.start() for n in _NEXT_FIELD.finditer(text)]
        if len(starts) > 1:
            for a, b in zip(starts, starts[1:] + [len(text)]):
                part = text[a:b]
                m = lx.FIELD.match(part)
                end = m.end()
                out.append(Rec("FIELD", number, col + a + end, part[end:].rstrip(_FIELD_TAIL), 0,
                               "", "", None, "", 0, (), m.group("label")))
            return
    out.append(Rec("FIELD", number, col + end, value.rstrip(_FIELD_TAIL), 0, "", "", None, "", 0,
                   (), m.group("label")))


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
    cells = []
    start = col  # the column where the part starts
    for part in text.split(sep):
        lead = part.lstrip(_STRIP)
        cells.append((lead.rstrip(_STRIP), start + len(part) - len(lead)))
        start += len(part) + 1
    if sep == "|":
        if cells and not cells[0][0]:
            del cells[0]
        if cells and not cells[-1][0]:
            del cells[-1]
    else:
        cells = [c for c in cells if c[0]]
    return cells if len(cells) >= 2 else []


def _lost_indent(text: str, col: int) -> tuple[str, int]:
    """A line after the question marks (and blanks) an indent became: its text and column."""
    rest = text.lstrip("?" + _STRIP)
    return rest, col + len(text) - len(rest)


def lone_cell(text: str, col: int) -> tuple[str, int]:
    """A line holding one table cell and the ``|`` beside it (工作任务 | / | 县财政局): the cell's
    text and column (the text itself when it is no such line)."""
    if text.count("|") != 1:
        return text, col
    if text[0] == "|":
        cell = text[1:].lstrip(_STRIP)
        return (cell, col + len(text) - len(cell)) if cell else (text, col)
    if text[-1] == "|":
        return text[:-1].rstrip(_STRIP) or text, col
    return text, col


def _is_header(text: str) -> bool:
    words = text.split()
    # (issuperset: the ``all(w in HEADER_WORDS …)`` test without a generator per call)
    return bool(words) and (lx.HEADER_WORDS.issuperset(words)
                            or len(words) > 1 and "".join(words) in lx.HEADER_WORDS)


def _all_headers(cells: list[str]) -> bool:
    """Whether every (non-empty) cell is a column header: a loop, as ``all(…)`` over a
    generator cost more than the test itself on most rows (the first cell decides)."""
    for cell in cells:
        if not _is_header(cell):
            return False
    return True


_UNIT_HEADER_WORDS = frozenset(w for role in ("owner", "participant")
                               for w in lx.HEADER_ROLES[role])


def _loose_header(cells: list[str]) -> bool:
    """A header row with column names of its own (专项整治行业名称 | 时间安排 | 责任单位): two
    header words or more, one of them a unit column's, and the other cells short names of
    Chinese characters only."""
    known = [c for c in cells if c in lx.HEADER_WORDS]
    if len(known) < 2 or not any(c in _UNIT_HEADER_WORDS for c in known):
        return False
    for cell in cells:
        if cell not in lx.HEADER_WORDS and (len(cell) > 12 or not all(
                "\u4e00" <= ch <= "\u9fff" for ch in cell) or any(
                word in cell for word in _ROLE_HEADER_PARTS)):
            return False  # (a cell naming a unit, person or time column unknown to planlint:
            # its role cannot be told)
    return True


_ROLE_HEADER_PARTS = ("单位", "部门", "科室", "责任", "牵头", "配合", "领导", "时限", "时间")


# UNITISH's match ends with a separator or at the end: the texts ending with one of its words
# (about half the candidates) match, and those without a separator and another end do not.
# (Tested in that order, without the regex call each, which costs more than these tests.)
_UNITISH_LAST = frozenset(lx.UNITISH_ONE)
_UNITISH_LAST2 = frozenset(lx.UNITISH_TWO)


def _unitish(inner: str) -> bool:
    """``lx.UNITISH.search(inner)``, as a bool; or, for a text ending with a bracket group (an
    alias: 省编办（省审改办）), whether the text before the group is unit-ish."""
    if inner[-1:] in _UNITISH_LAST or inner[-2:] in _UNITISH_LAST2:
        return True  # (a match at the end)
    if inner[-1:] in "）)〕":
        k = max(inner.rfind("（"), inner.rfind("("), inner.rfind("〔"))
        if k > 0 and _unitish(inner[:k].rstrip(_STRIP)):
            return True
    if "、" in inner or "，" in inner or "；" in inner or "。" in inner or "," in inner \
            or ";" in inner or inner[-1:] == "\n":  # ($ matches before a final newline too)
        return lx.UNITISH.search(inner) is not None
    return False  # no separator for a match to end with, nor a match at the end


def _clause_line(number: int, col: int, text: str) -> Rec | None:
    bracket = text[0] in "（(〔[【［" and text[-1] in "）)〕]】］" and len(text) > 2
    inner, icol = (text[1:-1], col + 1) if bracket else (text, col)
    if len(inner) > (200 if bracket else 90) or ("。" in inner and "。" in inner.rstrip("。")) \
            or not _unitish(inner):
        return None
    if not bracket and inner.endswith("。") and not lx.ROLE_WORD.search(inner):
        return None  # a sentence, not a unit cell
    # A bracketed clause with a label or a role word may name some non-units. (Without brackets
    # ``strict`` holds, and a strictly plausible clause names only units.)
    strict = not (bracket and (lx.FIELD.match(inner) or lx.ROLE_WORD.search(inner)))
    if not names_units(inner, strict):
        return None
    is_open = inner.rstrip()[-1:] in "、，,；;"
    return Rec("CLAUSE", number, icol, inner, 0, "", "", None, "", 0, (), "", bracket, is_open)


# Every timing expression scan finds starts at a decimal digit or a character of
# timing.START_CHARACTERS, and a timing cell's first one starts within its first three
# characters: a text with none there needs no scan.
_TIMING_FIRST = START_CHARACTERS


def _is_timing_cell(text: str) -> bool:
    if len(text) > 40 or "。" in text.rstrip("。")[:-1]:
        return False
    if len(text) <= 8 and (text[:1] == "全" or text[:1].isdecimal()) \
            and bare_period(text) is not None:
        return True  # 3月份, 9月投入使用, 全年
    for c in text[:3]:
        if c in _TIMING_FIRST or c.isdecimal():
            break
    else:
        return False  # (what scan_short would tell: no expression starts there)
    found = scan_short(text)
    if not found:
        return False
    covered = sum(e - s for s, e, _, _ in found)
    return found[0][0] <= 2 and (covered * 2 >= len(text) or len(text) <= 12)


_FOOTER_WORDS = ("版权所有", "ICP备", "网站标识码", "邮编", "分辨率")


def _has_footer_words(lines) -> bool:
    """Whether a line holds one of a web page footer's words (searched in the joined text: a
    few searches in C, where each line's own would cost a call each)."""
    text = "\n".join([line.text for line in lines])
    for word in _FOOTER_WORDS:
        if word in text:
            return True
    return False


def classify_lines(lines) -> list[Rec]:
    """The records of the lines, in order. The tests below are tried in turn on each non-blank line
    (``text``: the line stripped, starting at column ``col``); the first that applies makes its
    records. One loop, without a call or a list per line: those were a measurable share."""
    c = Classifier()
    out: list[Rec] = []
    # (the page-footer words, looked for in each line only when the document holds one)
    footer = _has_footer_words(lines)
    append = out.append
    field_match, marker_match, bare_match = lx.FIELD.match, lx.MARKER_ANY.match, lx.BARE_NUMBER.match
    marker_groups = _MARKER_GROUPS
    for line in lines:
        raw = line.text
        if not raw:  # (most blank lines are empty: no strip needed)
            continue
        text = raw.lstrip(_STRIP)
        if not text:  # blank lines (about half of a plan's lines) make no record
            continue
        number = line.number
        # (lstrip gives back the line itself when it has no indentation: most lines)
        col = 1 if text is raw else len(raw) - len(text) + 1
        text = text.rstrip(_STRIP)
        if c.in_form:
            append(Rec("NOISE", number, col, text))
            continue
        first = text[0]  # (a new string object for a CJK character: made once per line)
        if first == "?" and text.startswith("??"):
            # an indent of full-width spaces lost to a wrong encoding (??1.做好……)
            text, col = _lost_indent(text, col)
            if not text:
                continue
            first = text[0]
        # _noise's tests, in its order: by the first character, or by words anywhere
        if first in _NOISE_FIRST or (len(text) < 120 and (
                "意见" in text or "建议" in text or "留言" in text or "评论" in text)) \
                or "文字大小" in text or "背景色" in text \
                or footer and any(word in text for word in _FOOTER_WORDS):
            noise = _noise(text, first)
            if noise:
                c.in_form = noise == "form" or noise == "footer"
                append(Rec("NOISE", number, col, text, 0, "", "", None, "", 0, (),
                           "layout" if noise == "layout" else ""))
                continue
        if "|" in text or c.header_cols >= 2:
            cells = _split_cells(raw, text, col, c.header_cols)
            if cells:
                out += c._row(number, col, text, cells)
                continue
            if text.count("|") == 1 and (first == "|" or text[-1] == "|"):
                text, col = lone_cell(text, col)
                first = text[0]
        if first in _HEADER_FIRST and len(text) <= 80:
            words = text.split()
            # (issuperset: the ``all(w in HEADER_WORDS …)`` test without a generator)
            if words and _HEADER_WORDS_ISSUPERSET(words):
                if len(words) > 1:
                    c.header_cols = len(words)  # a one-line header: its rows are tab-separated
                append(Rec("HEADER", number, col, text, 0, "", "", None, "", 0, [(text, col)]))
                continue
            if len(words) > 1 and "".join(words) in lx.HEADER_WORDS:
                # one header cell spaced out (工 作 任 务, 责任 单位): read as its word
                word = "".join(words)
                append(Rec("HEADER", number, col, word, 0, "", "", None, "", 0, [(word, col)]))
                continue
        if first in _LABEL_FIRST:
            m = field_match(text)
            if m:
                _fields(number, col, text, m, out)
                continue
        if first in _MARKER_START:
            if len(text) <= 3 and text.isdecimal():
                # A row number alone (12): no marker, damaged or not, is all digits; the bare
                # number test below takes it whole. (Its record, without the regex calls.)
                c.last_arabic = value = int(text)
                append(Rec("NUMBER", number, col, "", 0, "", text, value, text, col))
                continue
            m = marker_match(text)
            if m:
                # (_marker_rec, inline: most records are markers)
                level, style, num_group = marker_groups[m.lastindex]
                num = m.group(num_group)
                end = m.end()
                value = int(num) if num.isascii() else to_int(num)
                body = text[end:]
                rec = Rec("MARKER", number, col + end, body, level, style, num, value,
                          text[:end].rstrip(_STRIP), col)
                # What _marker_done does with a marker alone on its line, without its call: no
                # tab after it, no sibling (the next number, or a bracket) further on.
                if "\t" not in body and (value is None or not (
                        body and (str(value + 1) in body if style == "arabic-dot" else
                                  style == "cn-paren" and ("（" in body or "(" in body)))):
                    if style == "arabic-dot":
                        c.last_arabic = value or 0
                    append(rec)
                else:
                    out += c._marker_done(rec)
                continue
            rec = c._damaged(number, col, text)
            if rec is not None:
                out += c._marker_done(rec)
                continue
        elif first in _EMPHASIS:  # markdown marks before a marker
            recs = c._marker(number, col, text)
            if recs:
                out += recs
                continue
        # (a bare row number starts with a digit: \d and str.isdecimal are both Unicode Nd)
        bare = bare_match(text) if first.isdecimal() else None
        if bare and row_number(bare.group("num"), c.last_arabic):
            num = bare.group("num")
            c.last_arabic = value = int(num)
            # positional: kind, line, column, text, level, style, number, value, marker, mcol
            append(Rec("NUMBER", number, col, "", 0, "", num, value, text, col))
            continue
        clause = _clause_line(number, col, text)
        if clause:
            append(clause)
        elif _is_timing_cell(text):
            append(Rec("TIMING", number, col, text.rstrip("。.")))
        else:
            append(Rec("TEXT", number, col, text))
    return out


def sentence_ended(text: str) -> bool:
    return text.rstrip(_STRIP)[-1:] in _SENTENCE_END
