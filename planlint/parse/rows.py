"""Table rows without a number: each is a task of its own (SPEC §1: a task is the smallest
numbered item *or table row*).

Some tables number no row. Flattened one cell per line, a row is then its text cell(s) and its
unit cell::

    责任单位                       ← a header with a unit column
    （一）加强预期引导               ← a heading (a merged category cell)
    围绕……加强解读。                ← row 1: text
    市发改委牵头落实                ← row 1: units
    围绕……加强公开。                ← row 2: text
    市人社局牵头落实                ← row 2: units

and with ``|`` separators, ``政策解读 | 对……解读 | 综合科 |`` rows follow a heading or the header.
Without numbers, the rows were read as one item (or, before any numbered item, as preamble).
Here each row gets a head record of its own, a row number that is not written (number "",
value None), so the structure grammar opens an item for it.

Only in a table with a unit column, and only for two or more such rows in a run that no
numbered row interrupts: a numbered table's rows already have their heads, and a single text
and clause after a numbered item is that item's own.
"""
from __future__ import annotations

from planlint.parse import lexicon as lx
from planlint.parse.clauses import names_units
from planlint.parse.lines import Rec, lone_cell

_UNIT_HEADERS = frozenset(w for role in ("owner", "participant") for w in lx.HEADER_ROLES[role])


def unnumbered_rows(records: list[Rec], lines) -> list[Rec]:
    """``records`` with a head record before each unnumbered table row, and a cell's own
    numbered list as text (the list itself when there is neither)."""
    start = _unit_header(records)
    if start < 0:
        return records
    out = records[:start]
    i, n = start, len(records)
    while i < n:
        rec = records[i]
        kind = rec.kind
        if kind == "MARKER" and rec.value == 1 and _cell_list(records, i, out):
            # 1.行政规范性文件集中公开 / 1.开展……2.按照……3.建立…… : the second line is the
            # row's requirement cell, numbered on its own, not three items
            line = lines[rec.line - 1].text
            indent = len(line) - len(line.lstrip(lx.BLANKS))
            text, col = lone_cell(line.strip(lx.BLANKS), indent + 1)
            out.append(Rec("TEXT", rec.line, col, text))
            while i < n and records[i].line == rec.line:
                i += 1
            continue
        run = _run(records, i) if kind == "TEXT" or kind == "ROW" else None
        if not run:
            out.append(rec)
            i += 1
            continue
        end = run[-1][1]
        if _owns_first(records, i):
            # the first row's text and units are the numbered head's before them
            # (1 / 做好…… / 区财政局): only the rows after it may lack their heads
            out += records[i:run[0][1]]
            run = run[1:]
        if len(run) >= 2:
            for group_start, group_end in run:
                first = records[group_start]
                if first.kind == "ROW":
                    out.append(_row_item(first))
                    out += records[group_start + 1:group_end]
                else:
                    out.append(Rec("NUMBER", first.line, first.column, "", 0, "", "", None, "",
                                   first.column))
                    out += records[group_start:group_end]
        elif run:
            out += records[run[0][0]:end]
        i = end
    return out


def _cell_list(records, i: int, out) -> bool:
    """Whether the marker records[i] starts a numbered list inside a table cell: number 1 of
    several on one line, right after a row item of the same style that has text of its own."""
    rec = records[i]  # (number 1: the caller's test)
    if i + 1 >= len(records) or records[i + 1].kind != "MARKER" \
            or records[i + 1].line != rec.line:
        return False
    k = len(out) - 1
    while k >= 0 and out[k].kind == "NOISE":
        k -= 1
    head = out[k] if k >= 0 else None
    return head is not None and head.kind == "MARKER" and head.style == rec.style \
        and head.line != rec.line and bool(head.text) and (head.value or 0) >= 1


def _owns_first(records, i: int) -> bool:
    """Whether records[i] follows an item head that has no text of its own (a row number, a
    marker alone on its line): the text after it is that item's."""
    k = i - 1
    while k >= 0 and records[k].kind == "NOISE":
        k -= 1
    if k < 0:
        return False
    head = records[k]
    return head.kind in ("MARKER", "NUMBER", "ROWITEM") and not head.text


def _unit_header(records) -> int:
    """The index after the first header record naming a unit column, or -1."""
    for i, rec in enumerate(records):
        if rec.kind == "HEADER":
            words = [c for c, _ in rec.cells] if len(rec.cells) > 1 else rec.text.split()
            if any(w in _UNIT_HEADERS for w in words):
                return i + 1
    return -1


def _run(records, i: int) -> list[tuple[int, int]]:
    """The unnumbered rows from records[i] on, as (start, end) index pairs: text lines then a
    unit line (a timing line may close the row), or a pipe row naming units."""
    groups = []
    n = len(records)
    while i < n:
        rec = records[i]
        if rec.kind == "ROW":
            if not _row_names_units(rec):
                break
            end = i + 1
            while end < n and records[end].kind == "NOISE":
                end += 1
            groups.append((i, end))
            i = end
            continue
        j = i
        while j < n and records[j].kind in ("TEXT", "NOISE"):
            j += 1
        if j == i or j >= n or records[j].kind != "CLAUSE" or records[j].bracket:
            break
        end = j + 1
        while end < n and records[end].kind in ("CLAUSE", "NOISE") and not records[end].bracket:
            end += 1  # a unit cell written one unit a line
        if end < n and records[end].kind == "TIMING":
            end += 1
        groups.append((i, end))
        i = end
    return groups


def _row_names_units(rec: Rec) -> bool:
    cells = [c for c, _ in rec.cells if c]
    return len(cells) >= 2 and any(names_units(c, True) for c in cells[1:])


def _row_item(rec: Rec) -> Rec:
    """A pipe row as a row item without a number: all its cells are its cells."""
    return Rec("ROWITEM", rec.line, rec.column, "", 0, "", "", None, "", rec.column, rec.cells)
