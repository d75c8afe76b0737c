"""The text view of a Word document: body paragraphs and tables in order, as lines.

* A body paragraph is one line (a soft line break ``w:br`` starts another line of the same
  paragraph), prefixed with its automatic-numbering label (``一、`` ``（一）`` ``1.``) if any.
* A table becomes lines as described in :mod:`planlint.read.tablerows`; a one-column table is
  read as paragraphs, one line per paragraph.
* Paragraph text is the ``w:t`` of every run, including runs inside hyperlinks, content controls,
  fields and tracked insertions; deleted text and text boxes are left out. ``w:tab`` is a tab.

Each line keeps :class:`~planlint.read.tablerows.Segment` records whose ``ref`` is the ``w:p``
element and ``ref_offset`` the offset in that paragraph's text, so the annotator can find the runs
behind any text-view span. Locations are 0-based: ``paragraph`` counts body paragraphs, ``table``
body tables, ``row`` the table's rows and ``cell`` grid columns (as ``table.rows[r].cells[c]``).
"""
from __future__ import annotations

from docx.oxml.ns import qn

from planlint.model import Location
from planlint.read.tablerows import Cell, Line, Segment, Tables
from planlint.word.numbering import Numbering

W_P, W_TBL, W_TR, W_TC, W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_SDT, W_SDT_CONTENT, W_HYPHEN = qn("w:sdt"), qn("w:sdtContent"), qn("w:noBreakHyphen")
_SKIP = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"), qn("w:pPr"), qn("w:rPr"),
         qn("w:fldData"), qn("w:sdtPr"), qn("w:sdtEndPr"),
         # markup-compatibility fallbacks repeat the content of their mc:Choice
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def iter_runs(p):
    """``w:r`` elements of a paragraph in order, skipping deleted text and text boxes."""
    stack = [iter(p)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag == W_R:
                yield child
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            elif len(child):
                stack.append(iter(child))
                break
        else:
            stack.pop()


def run_text(r) -> str:
    out = []
    for child in r:
        tag = child.tag
        if tag == W_T:
            out.append(child.text or "")
        elif tag == W_TAB:
            out.append("\t")
        elif tag in (W_BR, W_CR):
            out.append("" if child.get(qn("w:type")) in ("page", "column") else "\n")
        elif tag == W_HYPHEN:
            out.append("-")
    return "".join(out)


def paragraph_runs(p) -> list[tuple[object, int, int]]:
    """(run element, start, end) offsets of each run in the paragraph's text."""
    out, pos = [], 0
    for r in iter_runs(p):
        n = len(run_text(r))
        out.append((r, pos, pos + n))
        pos += n
    return out


def paragraph_text(p) -> str:
    return "".join(run_text(r) for r in iter_runs(p))


class _Builder:
    def __init__(self, document):
        self.numbering = Numbering(document)
        self.lines: list[Line] = []
        self.paragraphs = 0
        self.tables = Tables()

    def block(self, el) -> None:
        for child in el:
            if child.tag == W_P:
                self.paragraph(child)
            elif child.tag == W_TBL:
                self.table(child)
            elif child.tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self.block(content)

    def paragraph(self, p) -> None:
        location = Location(paragraph=self.paragraphs)
        self.paragraphs += 1
        self.lines.extend(_paragraph_lines(p, self.numbering.label(p), location))

    def table(self, tbl) -> None:
        grid = self.grid(tbl)
        if max((len({id(c) for c in row}) for row in grid), default=0) <= 1:
            index = self.tables.count
            self.tables.count += 1
            for r, row in enumerate(grid):
                if row and not (r and grid[r - 1] and grid[r - 1][0] is row[0]):
                    for para in row[0].paras:
                        self.lines.extend(_paragraph_lines(para[0], para[1],
                                                           Location(table=index, row=r, cell=0)))
            return
        self.lines.extend(self.tables.lines(grid))

    def grid(self, tbl) -> list[list[Cell]]:
        grid: list[list[Cell]] = []
        for tr in _children(tbl, W_TR):
            row: list[Cell] = [_DocxCell("", []) for _ in range(tr.grid_before)]
            above = grid[-1] if grid else []
            for tc in _children(tr, W_TC):
                col = len(row)
                if tc.vMerge == "continue" and col < len(above):
                    cell = above[col]
                else:
                    cell = self.cell(tc)
                row.extend([cell] * max(1, tc.grid_span))
            grid.append(row)
        return grid

    def cell(self, tc) -> "_DocxCell":
        text, parts, paras = "", [], []
        for p in tc.iter(W_P):
            label = self.numbering.label(p)
            body = paragraph_text(p)
            paras.append((p, label))
            if not (label + body).strip():
                continue
            if text:
                text += " "
            text += label
            if body:
                parts.append(Segment(len(text), len(body), p, 0))
            text += body
        return _DocxCell(text, parts, paras)


class _DocxCell(Cell):
    def __init__(self, text, parts, paras=()):
        super().__init__(text, parts)
        self.paras = list(paras)


def _children(el, tag):
    """Direct children with ``tag``, looking through content controls (``w:sdt``)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)


def _paragraph_lines(p, label: str, location: Location) -> list[Line]:
    lines, offset = [], 0
    for i, piece in enumerate(paragraph_text(p).split("\n")):
        prefix = label if i == 0 else ""
        segments = [Segment(len(prefix), len(piece), p, offset)] if piece else []
        lines.append(Line(prefix + piece, location, segments))
        offset += len(piece) + 1
    return lines


def build_view(document) -> list[Line]:
    """The text-view lines of a python-docx ``Document``."""
    builder = _Builder(document)
    builder.block(document.element.body)
    return builder.lines
