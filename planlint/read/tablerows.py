"""Tables (from .docx or .html) to lines of the text view.

The text view of a table is what the parser reads as SPEC §1 layout 4:

* the header row as a pipe row: ``| 序号 | 工作任务 | 牵头单位 | 完成时限 |``;
* a category column merged down its rows (``一、……`` spanning several tasks) as a plain heading
  line, emitted once each time its cell changes, and left out of the pipe rows and the header;
* a row whose one cell spans the whole width as a plain heading line;
* every other row as a pipe row, one cell per remaining grid column. A cell merged down several
  rows repeats on each row it covers (every task it spans gets its owners and deadline); a cell
  merged across columns is read once, in its first column, the covered columns left empty.

Inside a cell, paragraphs and line breaks become single spaces and ``|`` becomes ``｜`` (same
length, so offsets still map back). Readers give a grid of :class:`Cell`; the lines come back with
:class:`Segment` records that map text-view columns to the caller's own references.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from planlint.model import Location
from planlint.rxcache import rx

# Header words → column role (first match wins, so 责任领导 is "people", not "owners").
_ROLES = (
    ("number", rx(r"^(序号|编号|序)$")),
    ("supervisors", rx(r"督导|督办|督查|考核")),
    ("people", rx(r"责任领导|分管领导|责任人|联系人|领导")),
    ("participants", rx(r"配合|协办|参与|协助")),
    ("owners", rx(r"牵头|责任单位|责任部门|责任科室|主办|承办|落实单位|负责单位|单位")),
    ("deadline", rx(r"时限|时间|期限|进度|节点")),
    ("category", rx(r"^(类别|分类|项目|领域|重点领域|任务类别|板块|方面|工作类别)$")),
    ("text", rx(r"任务|要求|内容|措施|事项|工作|目标|举措")),
)
_HEADING_MARKER = rx(r"^\s*([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)])")


def column_role(header: str) -> str | None:
    text = re.sub(r"\s+", "", header)
    if not text:
        return None
    for role, pattern in _ROLES:
        if pattern.search(text):
            return role
    return None


@dataclass(frozen=True)
class Segment:
    """Text-view columns [start, start+length) of a line come from ``ref`` at ``ref_offset``."""

    start: int  # 0-based offset in the line
    length: int
    ref: Any
    ref_offset: int


@dataclass(eq=False)
class Cell:
    """One table cell as read; the same object sits at every grid position the cell covers."""

    text: str
    parts: list[Segment] = field(default_factory=list)  # offsets relative to ``text``


@dataclass
class Line:
    text: str
    location: Location
    segments: list[Segment] = field(default_factory=list)


def clean_cell(text: str) -> str:
    return text.replace("\n", " ").replace("|", "｜")


def _below(grid, r, c) -> bool:
    """True when the cell at (r, c) continues a cell from the row above (vertical merge)."""
    return r > 0 and c < len(grid[r - 1]) and grid[r - 1][c] is grid[r][c]


def _is_header(row: list[Cell]) -> bool:
    roles = [column_role(c.text) for c in row]
    known = [r for r in roles if r]
    return len(known) >= 2 and any(r in ("owners", "text", "deadline") for r in known) and all(
        len(c.text) <= 16 for c in row)


def _is_subheader(top: list[Cell], row: list[Cell]) -> bool:
    """A second header row under cells merged across columns (责任单位 over 牵头 | 配合)."""
    if not any(a is b for a, b in zip(top, top[1:])):
        return False
    own = [b for a, b in zip(top, row) if a is not b]
    return bool(own) and all(column_role(c.text) and len(c.text) <= 16 for c in own)


def _full_width(row: list[Cell]) -> bool:
    return all(cell is row[0] for cell in row)


def _header(grid: list[list[Cell]]) -> tuple[list[Cell] | None, int, int]:
    """(header, its first row, the first row after it). The header may follow up to two title
    rows spanning the whole width, and two header rows combine when the second refines the first."""
    first = 0
    while first < min(2, len(grid) - 1) and _full_width(grid[first]):
        first += 1
    if not _is_header(grid[first]):
        return None, 0, 0
    top = grid[first]
    if first + 1 < len(grid) and _is_subheader(top, grid[first + 1]):
        return [b if c < len(top) and b is not top[c] else top[c]
                for c, b in enumerate(grid[first + 1])], first, first + 2
    return top, first, first + 1


def _category_columns(grid, header: list[Cell] | None, start: int) -> list[int]:
    if header is None:
        return []
    roles = [column_role(c.text) for c in header]
    out = []
    for c, role in enumerate(roles):
        if role not in ("text", "category", None):
            continue
        if not any(r in ("text",) for r in roles[c + 1:]):
            continue
        merged = any(c < len(grid[r]) and _below(grid, r, c) for r in range(start + 1, len(grid)))
        marked = any(c < len(row) and _HEADING_MARKER.match(row[c].text) for row in grid[start:])
        if role == "category" or merged or marked:
            out.append(c)
    return out


def _pipe(cells: list[Cell | None]) -> tuple[str, list[Segment]]:
    text, segments = "|", []
    for cell in cells:
        text += " "
        if cell is not None:
            for part in cell.parts:
                segments.append(Segment(len(text) + part.start, part.length, part.ref, part.ref_offset))
            text += clean_cell(cell.text)
        text += " |"
    return text, segments


class Tables:
    """The tables of one document, in order. A table without a header row and as wide as the
    previous table continues it (a table split by a page break or pasted in parts): it uses the
    previous header to find its category columns, and no header line is repeated."""

    def __init__(self) -> None:
        self.count = 0
        self.header: list[Cell] | None = None

    def lines(self, grid: list[list[Cell]]) -> list[Line]:
        index, self.count = self.count, self.count + 1
        lines, self.header = _table_lines(grid, index, self.header)
        return lines


def _table_lines(grid, table: int, previous) -> tuple[list[Line], list[Cell] | None]:
    grid = [row for row in grid if row]
    if not grid:
        return [], previous
    width = max(len(row) for row in grid)
    header, first, start = _header(grid)
    lines: list[Line] = [_plain(grid[r][0], Location(table=table, row=r, cell=0))
                         for r in range(first) if grid[r][0].text.strip()]
    if header is None and previous is not None and len(previous) == width:
        header = previous
    elif header is not None:
        keep = [c for c in range(width) if c not in _category_columns(grid, header, start)]
        text, segments = _pipe(_row_cells(header, keep))
        lines.append(Line(text, Location(table=table, row=first), segments))
    categories = _category_columns(grid, header, start)
    keep = [c for c in range(width) if c not in categories]
    current: dict[int, Any] = {}
    for r in range(start, len(grid)):
        row = grid[r]
        if _full_width(row):
            if row[0].text.strip() and not _below(grid, r, 0):
                lines.append(_plain(row[0], Location(table=table, row=r, cell=0)))
            current.clear()
            continue
        for depth, c in enumerate(categories):
            if c >= len(row) or current.get(c) is row[c]:
                continue
            current[c] = row[c]
            for deeper in categories[depth + 1:]:
                current.pop(deeper, None)
            if row[c].text.strip():
                lines.append(_plain(row[c], Location(table=table, row=r, cell=c)))
        cells = _row_cells(row, keep)
        if not any(cell is not None and cell.text.strip() for cell in cells):
            continue
        if header is not None and all(a is not None and a.text == b.text
                                      for a, b in zip(cells, _row_cells(header, keep))):
            continue  # a header repeated inside the table
        text, segments = _pipe(cells)
        lines.append(Line(text, Location(table=table, row=r), segments))
    return lines, header


def _row_cells(row: list[Cell], keep: list[int]) -> list[Cell | None]:
    """Cells of the kept columns; a cell merged across columns appears once, in its first."""
    out: list[Cell | None] = []
    for c in keep:
        cell = row[c] if c < len(row) else None
        out.append(None if cell is not None and any(cell is o for o in out) else cell)
    return out


def _plain(cell: Cell, location: Location) -> Line:
    return Line(clean_cell(cell.text), location, list(cell.parts))
