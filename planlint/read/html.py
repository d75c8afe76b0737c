"""Web pages (.html) to source lines, with lxml's HTML parser (never regular expressions on markup).

The text view of a page:

* scripts, styles, forms (comment forms), navigation, page headers and footers, asides and hidden
  elements are dropped; comments and processing instructions too;
* every block element (``p``, ``div``, ``h1``…, ``li`` …) and every ``<br>`` ends a line; runs of
  whitespace inside a line become one space; lines are stripped and blank lines left out;
* a data table (no nested tables, two or more rows and columns, no cell holding more than
  :data:`MAX_CELL_BLOCKS` paragraphs) becomes pipe rows with its rowspans and
  colspans expanded into the grid, as described in :mod:`planlint.read.tablerows`; a layout table
  (holding other tables) or a one-column table is read as ordinary blocks.

Locations are 0-based: ``paragraph`` counts the non-table lines, ``table`` the data tables,
``row``/``cell`` the grid. The page's bytes were decoded before (``encoding`` names how); lxml is
given UTF-8 explicitly, so a stale ``<meta charset>`` cannot re-decode the text.
"""
from __future__ import annotations

import re

from planlint.model import Location, Source, SourceLine
from planlint.read.tablerows import Cell, Line, Tables
from planlint.rxcache import rx

_DROP = {"script", "style", "noscript", "nav", "footer", "form", "select", "button", "input",
         "textarea", "iframe", "head", "template", "svg", "object", "embed", "aside", "title",
         "option", "canvas", "audio", "video", "map"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
          "section", "article", "main", "blockquote", "pre", "center", "address", "figure",
          "figcaption", "hr", "header", "table", "tr", "td", "th", "thead", "tbody", "tfoot",
          "caption", "body", "html", "fieldset", "legend", "details", "summary"}
_NOISE_CLASS = rx(r"(^|[\s_-])(nav|navbar|menu|breadcrumb|crumb|footer|share|sidebar|"
                          r"toolbar|comment|comments)($|[\s_-])", re.I)
_HIDDEN = rx(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = rx(r"[ \t\r\n\f]+")
MAX_SPAN = 1000
MAX_CELL_BLOCKS = 8  # more paragraphs than this in one cell: a layout table, not a data table


def _parse(text: str):
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _is_noise(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in _DROP or el.get("hidden") is not None:
        return True
    if tag.lower() == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors()):
        return True
    if _HIDDEN.search(el.get("style") or ""):
        return True
    return bool(_NOISE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"))


def _prune(root) -> None:
    for el in list(root.iter()):
        if el.getparent() is not None and (not isinstance(el.tag, str) or _is_noise(el)):
            el.drop_tree()


class _Flow:
    """Collects the lines of a subtree: blocks and ``<br>`` end lines."""

    def __init__(self, on_table=None):
        self.lines: list[str] = []
        self.current: list[str] = []
        self.on_table = on_table

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.current)).strip()
        self.current = []
        if text:
            self.lines.append(text)

    def walk(self, el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "table" and self.on_table is not None and self.on_table(el, self):
            return
        if tag == "br":
            self.flush()
        elif tag in _BLOCK:
            self.flush()
        if el.text and tag != "br":
            self.current.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.current.append(child.tail)
        if tag in _BLOCK:
            self.flush()


def _rows(table) -> list:
    return [tr for tr in table.iter("tr") if _owner_table(tr) is table]


def _owner_table(el):
    for ancestor in el.iterancestors():
        if ancestor.tag == "table":
            return ancestor
    return None


def _span(value, default_rest: int) -> int:
    try:
        n = int(str(value).strip() or "1")
    except ValueError:
        return 1
    return default_rest if n == 0 else max(1, min(n, MAX_SPAN))


def _grid(table) -> list[list[Cell]]:
    trs = _rows(table)
    placed: dict[tuple[int, int], Cell] = {}
    for r, tr in enumerate(trs):
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while (r, c) in placed:
                c += 1
            flow = _Flow()
            flow.walk(td)
            flow.flush()
            cell = Cell(" ".join(flow.lines).replace("|", "｜"))
            cell.blocks = len(flow.lines)
            rows = min(_span(td.get("rowspan"), len(trs) - r), len(trs) - r)
            for dr in range(rows):
                for dc in range(_span(td.get("colspan"), 1)):
                    placed.setdefault((r + dr, c + dc), cell)
            c += 1
    widths: dict[int, int] = {}  # each row's width, in one pass over the cells (not one a row)
    for rr, c in placed:
        if c >= widths.get(rr, 0):
            widths[rr] = c + 1
    return [[placed.get((r, c)) or Cell("") for c in range(widths.get(r, 0))]
            for r in range(len(trs))]


def html_lines(text: str) -> list[Line]:
    root = _parse(text)
    if root is None:
        return []
    _prune(root)
    out: list[Line] = []
    tables = Tables()
    paragraphs = [0]

    def emit_flow(flow: _Flow) -> None:
        flow.flush()
        for line in flow.lines:
            out.append(Line(line, Location(paragraph=paragraphs[0])))
            paragraphs[0] += 1
        flow.lines = []

    def on_table(table, flow: _Flow) -> bool:
        if any(t is not table for t in table.iter("table")):
            return False  # a layout table: read its cells as blocks
        grid = _grid(table)
        if max((len({id(c) for c in row}) for row in grid), default=0) <= 1 or len(grid) < 2:
            return False
        if any(getattr(cell, "blocks", 0) > MAX_CELL_BLOCKS for row in grid for cell in row):
            return False  # a page-layout table: whole articles in its cells
        emit_flow(flow)
        out.extend(tables.lines(grid))
        return True

    flow = _Flow(on_table)
    body = root.find("body")
    flow.walk(body if body is not None else root)
    emit_flow(flow)
    return out


def read_html(text: str, path: str, encoding: str = "utf-8") -> Source:
    lines = html_lines(text)
    return Source(
        path=path,
        encoding=encoding,
        lines=tuple(SourceLine(i + 1, line.text, line.location) for i, line in enumerate(lines)),
        kind="html",
    )
