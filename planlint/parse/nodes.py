"""Item blocks → a tree of nodes with their text, clauses and deadline (before the model).

Decides what belongs to an item: body text (including page-break continuations), unit clauses
(bracketed tails, cells, field lines, a group clause after sub-items), the deadline value, and
table cells mapped to columns by the header.
"""
from __future__ import annotations


from planlint.parse import lexicon as lx
from planlint.parse.lines import Rec, sentence_ended
from planlint.parse.structure import Block
from planlint.parse.table import Header, row_roles
from planlint.rxcache import rx

Piece = tuple[str, int, int]
_ROW_KINDS = ("NUMBER", "ROWITEM")


class Node:
    """One numbered item while the tree is built (mutable; a plain slotted class because the
    builder makes one per item, and identity is what matters: nodes are dict keys)."""

    __slots__ = ("head", "level", "parent", "children", "pieces", "clauses", "deadline",
                 "group_clause", "end", "marker", "headings", "aims", "is_row", "lead_field")

    def __init__(self, head: Rec, level: int, parent: "Node" | None = None):
        self.head = head
        self.level = level
        self.parent = parent
        self.children: list[Node] = []
        text = head.text
        # requirement text (head content + body)
        self.pieces: list[Piece] = [(text, head.line, head.column)] if text else []
        self.clauses: list = []  # (pieces, kind, label_role)
        self.deadline: Piece | None = None
        self.group_clause = False  # its clause stood alone after the item: may cover siblings
        # last (line, end column) the item uses
        self.end: tuple[int, int] = (head.line, head.column + len(text))
        self.marker: object | None = None  # the model Marker, made once by build.marker_of
        self.headings: tuple | None = None  # titles down to and including this node
        self.aims: bool | None = None  # in an aims section (指导思想 …), set by build
        # a table row (a bare number or a pipe row), not a marked item; an attribute rather than
        # a property: the tree builder tests it in loops over the stack
        self.is_row = head.kind in _ROW_KINDS
        self.lead_field = False  # a 牵头单位： field line is among its clauses

    def __repr__(self) -> str:
        return f"Node({self.head!r}, level={self.level})"

    def extend_end(self, line: int, column: int, length: int):
        end = (line, column + length)
        if end > self.end:
            self.end = end


def build_nodes(blocks: list[Block], wrap: int = 0) -> tuple[list[Node], list[Rec], list[Rec]]:
    """Return (all item nodes in order, preamble records, noise records).

    ``wrap``: the line width of hard-wrapped text (PDF extraction), 0 when lines are paragraphs.
    """
    nodes: list[Node] = []
    stack: list[Node] = []  # the open nodes, outermost first
    header = Header()
    preamble: list[Rec] = []
    noise: list[Rec] = []
    for block in blocks:
        head = block.head
        if head is None:
            preamble = block.parts
            for rec in preamble:
                kind = rec.kind
                if kind == "HEADER":
                    header.feed(rec)
                elif kind == "NOISE":
                    noise.append(rec)
            continue
        # Open the item's node (in the loop: one call less per item). A table row without a
        # level of its own goes one below the last marked item (a row is no parent of rows).
        kind = head.kind
        if (kind == "NUMBER" or kind == "ROWITEM") and not head.level:
            while stack and stack[-1].is_row:
                stack.pop()
            level = stack[-1].level + 1 if stack else 1
        else:
            level = head.level
            while stack and (stack[-1].level >= level or stack[-1].is_row):
                stack.pop()
        parent = stack[-1] if stack else None
        node = Node(head, level, parent)
        if parent is not None:
            parent.children.append(node)
        stack.append(node)
        nodes.append(node)
        if block.parts or kind == "ROWITEM":
            _attach(node, block.parts, header, noise, wrap)  # (most items: a marker line alone)
    return nodes, preamble, noise


def _attach(node: Node, parts: list[Rec], header: Header, noise: list[Rec], wrap: int = 0):
    head = node.head
    if head.kind == "ROWITEM":
        _row_cells(node, head.cells, header, head.line)
    if not parts:
        return
    # text lines before the first clause, field or timing line can be the item's own text
    first_structured = len(parts)
    for i, rec in enumerate(parts):
        if rec.kind in _STRUCTURED:
            first_structured = i
            break
    structured = first_structured < len(parts)
    # (with a structured part, every text line before the first is the item's own, whatever
    # ``continuing`` says: it is worked out only for items without one)
    continuing = structured or _accepts_body(node) or _full(head, wrap)
    pending_clause: list[Piece] = []
    unit_cells = 0
    for i, rec in enumerate(parts):
        kind = rec.kind
        if kind == "TEXT":
            text = rec.text
            if i < first_structured and (structured or continuing or
                                         text[:1] in _CLOSING_PUNCTUATION):
                line, column = rec.line, rec.column
                node.pieces.append((text, line, column))
                end = (line, column + len(text))  # (node.extend_end, inline)
                if end > node.end:
                    node.end = end
                continuing = structured or not sentence_ended(text) or _full(rec, wrap)
            else:
                continuing = False  # a loose paragraph after the item: not its text
            continue
        if kind == "NOISE":
            noise.append(rec)
            continue
        if kind == "HEADER":
            header.feed(rec)
            continue
        if kind == "ROW":
            _row_cells(node, rec.cells, header, rec.line)
            continue
        if kind == "CLAUSE":
            text, line, column = rec.text, rec.line, rec.column
            if not rec.bracket and not pending_clause and _cells_done(node, header, unit_cells):
                if not (header.has_deadline and node.deadline is None and node.clauses
                        and node.clauses[-1][1] == "cell"):
                    continue  # e.g. a signature after the last row, not a unit cell
                # A unit cell written one unit a line, before the row's deadline cell: more
                # units of the same column.
                node.clauses.append(([(text, line, column)], "cell", node.clauses[-1][2]))
                node.extend_end(line, column, len(text))
                continue
            pending_clause.append((text, line, column))
            end = (line, column + len(text))  # (node.extend_end, inline)
            if end > node.end:
                node.end = end
            if rec.open and _next_is_clause(parts, i):
                continue
            role = header.unit_role(unit_cells) if not rec.bracket else None
            unit_cells += 1
            node.clauses.append((pending_clause, "line" if rec.bracket else "cell", role))
            # (FIELD needs a colon: most cells have none, and no regex call then)
            node.group_clause = rec.bracket or ("：" in text or ":" in text) and \
                lx.FIELD.match(text) is not None
            pending_clause = []
            continue
        if kind == "FIELD":
            _field(node, rec)
            if rec.label and _LABEL_ROLE_GET(rec.label) == "owner":
                # a 责任单位： line after (1)… (2)… (3)…: may cover the siblings before it too
                node.group_clause = True
            continue
        if kind == "TIMING":
            if not (header.has_deadline or node.is_row or node.deadline is None and (
                    not node.clauses or header.roles and not _SIGNATURE_DATE.match(rec.text))):
                # a date line after the unit cell, e.g. the signature (in a table, a timing
                # cell that is no full date is the row's, even in a column not named so)
                continue
            text, line, column = rec.text, rec.line, rec.column
            if node.deadline is None:
                node.deadline = (text, line, column)
            end = (line, column + len(text))  # (node.extend_end, inline)
            if end > node.end:
                node.end = end
    if pending_clause:
        node.clauses.append((pending_clause, "cell", None))


_STRUCTURED = frozenset(("CLAUSE", "FIELD", "TIMING"))
_SIGNATURE_DATE = rx(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def _cells_done(node: Node, header: Header, unit_cells: int) -> bool:
    """Whether the item already has every unit cell or field its layout gives it."""
    for clause in node.clauses:  # (a loop: ``any`` over a generator cost more than the test)
        if clause[1] == "field":
            return True
    return unit_cells >= 1 and header.unit_role(unit_cells) is None


def _next_is_clause(parts, i) -> bool:
    for k in range(i + 1, len(parts)):  # (not a slice: a copy of the rest at every open clause)
        kind = parts[k].kind
        if kind != "NOISE":
            return kind == "CLAUSE"
    return False


# A line that starts with these continues the one before (PDF extraction wraps them over).
_CLOSING_PUNCTUATION = set("。，、；：）」”！？")


def _full(rec: Rec, wrap: int) -> bool:
    """A line filled to the wrap width of hard-wrapped text: its sentence may go on."""
    return bool(wrap) and rec.column + len(rec.text) - 1 >= wrap


def _accepts_body(node: Node) -> bool:
    """Whether a paragraph after the item's own line is still part of the item."""
    head = node.head
    if head.kind in ("NUMBER", "ROWITEM") or not head.text.strip():
        return True
    if not sentence_ended(head.text) and not head.text.rstrip().endswith(("）", ")")):
        return True  # broken by a page break, or a heading without final punctuation
    return node.level <= 2 and len(head.text) <= 40 and head.text.count("。") <= 1


def _field(node: Node, rec: Rec):
    label, text, line, column = rec.label, rec.text, rec.line, rec.column
    role = _LABEL_ROLE_GET(label)
    end = (line, column + len(text))  # (node.extend_end, inline)
    if end > node.end:
        node.end = end
    if role == "deadline":
        if node.deadline is None and text:
            node.deadline = (text, line, column)
        return
    if text:
        if role == "owner":
            if node.lead_field:
                role = "participant"  # 牵头单位：X then 责任单位：Y — Y takes part (SPEC §1)
            elif label.startswith("牵头"):
                role = "lead"
                node.lead_field = True
        node.clauses.append(([(text, line, column)], "field", role))


_LABEL_ROLE_GET = lx.LABEL_ROLE.get


def _row_cells(node: Node, cells, header: Header, line: int):
    """Map a table row's cells to roles by the header (text, units, deadline, people …)."""
    for (text, column), role in zip(cells, row_roles(cells, header)):
        if not text:
            continue
        node.extend_end(line, column, len(text))
        if role == "text":
            node.pieces.append((text, line, column))
        elif role in ("owner", "participant", "supervisor", "people"):
            node.clauses.append(([(text, line, column)], "cell", role))
        elif role == "deadline":
            if node.deadline is None:
                node.deadline = (text, line, column)

