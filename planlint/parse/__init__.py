"""Source → Plan: classify lines, parse the structure (Lark), build the model.

    read (Source) → [script.folded] → lines.classify_lines → notice.plain_notice
    → rows.unnumbered_rows → structure.parse_blocks (grammar/plan.lark)
    → nodes.build_nodes → build (tasks, clauses, timing) → meta (title, year, draft) → Plan
"""
from __future__ import annotations

from collections import Counter
from operator import attrgetter

from planlint.gcpause import paused
from planlint.model import Plan, Source, Span, Task, TextPiece
from planlint.parse import build as b
from planlint.parse import inline, script
from planlint.parse.lines import classify_lines
from planlint.parse.meta import read_meta
from planlint.parse.nodes import Node, build_nodes
from planlint.parse.notice import plain_notice
from planlint.parse.rows import unnumbered_rows
from planlint.parse.structure import parse_blocks
from planlint.parse.timing import scan
from planlint.text import fold
# the model's makers: the same objects, built with less work (see model._maker_for)
_Span, _Task, _TextPiece = Span._make, Task._make, TextPiece._make


def parse_source(source: Source, year: int | None = None) -> Plan:
    """Parse a document into its model, with the cyclic garbage collector paused meanwhile
    (see :mod:`planlint.gcpause`)."""
    return paused(_parse_source, source, year)


def _parse_source(source: Source, year: int | None = None) -> Plan:
    folded = script.folded(source)
    if folded is not None:  # a plan in traditional characters
        return script.restore(_parse_text(folded, year), source, folded)
    return _parse_text(source, year)


def _parse_text(source: Source, year: int | None = None) -> Plan:
    lines = source.lines
    records = unnumbered_rows(plain_notice(classify_lines(lines), lines), lines)
    blocks = parse_blocks(records)
    nodes, preamble, noise = build_nodes(blocks, _wrap_width(source, records))
    meta = read_meta(source, preamble, nodes)
    plan_year = meta.year or year
    ids = _ids(nodes)
    tasks, sections = [], []
    task_nodes = [n for n in nodes if b.is_task(n)]
    raw = _collect_clauses(nodes, task_nodes)
    for node in nodes:
        if node in raw:
            tasks.append(_task(node, raw[node], ids, plan_year))
        else:
            sections.append(b.section_of(node, ids))
    # every node went through _task or section_of above, which made its marker
    markers = tuple([n.marker for n in nodes])
    layout = _layout(records)
    return Plan(
        source=source,
        title=meta.title,
        year=plan_year,
        draft=meta.draft,
        issue_date=meta.issue_date,
        layout=layout,
        has_deadline_column=any(t.deadline is not None for t in tasks),
        sections=tuple(sections),
        tasks=tuple(tasks),
        markers=markers,
        boilerplate=tuple(_Span(r.line, r.column, r.line, r.column + len(r.text))
                          for r in noise if r.label != "layout"),
    )


def _wrap_width(source, records) -> int:
    """The width of hard-wrapped text (PDF extraction puts a line break every N characters),
    or 0 when lines are whole paragraphs: many text lines ending within two characters of the
    same length (25 or more: field lines and unit cells are shorter) give it away."""
    lines = source.lines
    lengths: dict[int, int] = {}
    for r in records:
        kind = r.kind
        if (kind == "TEXT" or kind == "MARKER") and len(r.text) >= 15:
            raw = lines[r.line - 1].text
            if "\t" not in raw:
                n = len(raw.rstrip())
                lengths[n] = lengths.get(n, 0) + 1
    if not lengths:
        return 0
    get = lengths.get
    # (lines ending within two characters of n, n) for each length n: the largest wins
    near, top = max([(count + get(n - 1, 0) + get(n - 2, 0), n) for n, count in lengths.items()])
    total = sum(lengths.values())
    return top - 2 if top >= 25 and near >= 5 and near * 4 >= total else 0


def _collect_clauses(nodes: list[Node], task_nodes: list[Node]) -> dict:
    """Each task's raw clauses: its own (inline, cells, fields), a group clause, or its section's."""
    out = {}
    for node in task_nodes:
        text_pieces, own, deadline = inline.extract(node.pieces)
        if node.deadline is None:
            node.deadline = deadline
        out[node] = (text_pieces, own + node.clauses)
    # A clause standing alone after a run of siblings that have none covers all of them.
    for node in task_nodes:
        if not node.group_clause or node.parent is None:
            continue
        siblings = node.parent.children
        if siblings[-1] is not node:
            continue  # a group clause closes the run: (1)… (2)… (3)… then （责任单位：…）
        before = siblings[:-1]
        if before and all(s in out and not out[s][1] for s in before):
            for s in before:
                out[s] = (out[s][0], list(out[node][1]))
    # A heading's own clause covers its tasks that name no unit.
    heads: dict = {}  # a heading's own clauses, read once for all its tasks
    for node in task_nodes:
        parent = node.parent
        while not out[node][1] and parent is not None:
            own = heads.get(parent)
            if own is None:
                own = heads[parent] = inline.extract(parent.pieces[:1])[1]
            if own or parent.clauses:
                out[node] = (out[node][0], own + parent.clauses)
            parent = parent.parent
    return out


def _task(node: Node, raw, ids: dict, year) -> Task:
    text_pieces, raw_clauses = raw
    if len(text_pieces) == 1:  # the common case: one piece of text, no join
        t, line, col = text_pieces[0]
        text = t
        pieces = (_TextPiece(t, line, col),)
    else:
        pieces = tuple([_TextPiece(t, line, col) for t, line, col in text_pieces])
        text = "".join([t for t, _, _ in text_pieces])
    clauses = b.make_clauses(raw_clauses) if raw_clauses else ()
    owners, participants, supervisors, people = _roles(clauses) if clauses else _NO_ROLES
    marker = node.marker  # b.marker_of, inline
    if marker is None:
        marker = node.marker = b.make_marker(node)
    mspan = marker.span
    end_line, end_col = node.end
    parent = node.parent
    # _headings, inline for a section whose headings are known
    headings = () if parent is None else parent.headings or _headings(node)
    # timing: scanned here, read by b.timing_of only when found (most tasks state no time)
    found = scan(text) if pieces else None
    # Positional arguments, in Task's field order: called with keywords, a class gets them as a
    # dict, built and unpacked again (half of the cost of making a Task).
    return _Task(
        ids[node],  # id
        node.head.number,  # number
        node.level,  # level
        _Span(mspan.line, mspan.column, end_line, end_col if end_col > 1 else 1),  # span
        marker,  # marker
        headings,  # headings
        text,  # text
        pieces,  # pieces
        clauses,  # clauses
        owners,  # owners
        participants,  # participants
        supervisors,  # supervisors
        people,  # people
        b.make_deadline(node.deadline, year) if node.deadline is not None else None,  # deadline
        b.timing_of(found, pieces, year) if found else (),  # timing
        ids[parent],  # section (ids[None] is "")
    )


_NO_ROLES = ((), (), (), ())


def _roles(clauses) -> tuple[tuple, tuple, tuple, tuple]:
    """A task's owners, participants and supervisors (units of its clauses, see _union) and the
    people its clauses name."""
    if len(clauses) == 1:
        # the common case, one clause naming owners only: its own tuples are the task's
        clause = clauses[0]
        for unit in clause.units:
            if unit.role != "owner":
                break
        else:
            return clause.units, (), (), clause.people
    by_role = {"owner": [], "participant": [], "supervisor": []}
    for unit in _union(clauses):
        by_role[unit.role].append(unit)
    # one clause: its own tuple of people is the task's
    people = clauses[0].people if len(clauses) == 1 else tuple(p for c in clauses for p in c.people)
    return (tuple(by_role["owner"]), tuple(by_role["participant"]), tuple(by_role["supervisor"]),
            people)


def _union(clauses) -> list:
    """Units of all clauses; a unit named again in a later clause is not listed twice.

    Repeats inside one clause stay (they are what duplicate-unit reports)."""
    if len(clauses) == 1:
        return list(clauses[0].units)  # the common case: nothing earlier to repeat
    seen, out = set(), []
    for clause in clauses:
        keys = set()
        for unit in clause.units:
            key = (fold(unit.name), unit.role)  # unit_key without aliases
            if key in seen:
                continue
            keys.add(key)
            out.append(unit)
        seen |= keys
    return out


def _headings(node: Node) -> tuple[str, ...]:
    """Titles of the enclosing sections, outermost first (computed once per section)."""
    parent = node.parent
    if parent is None:
        return ()
    if parent.headings is None:
        title = (parent.head.marker + (parent.pieces[0][0] if parent.pieces else "")).strip()
        parent.headings = _headings(parent) + (title,)
    return parent.headings


# the decimal spelling of small item numbers, looked up rather than formatted for each id
_DECIMALS = tuple([str(i) for i in range(256)])


def _ids(nodes: list[Node]) -> dict:
    """Each node's hierarchical id (its parent's id, a dot, its number: "2.3.1"), keyed by the
    node; an id already given gets a suffix -2, -3 … Also ``ids[None] == ""`` (no parent)."""
    ids, taken, ordinal = {None: ""}, {}, {}
    suffix: dict[str, int] = {}  # the next suffix to try for a repeated id (-2, -3 …)
    decimals = _DECIMALS
    for node in nodes:
        parent = node.parent
        count = ordinal[parent] = ordinal.get(parent, 0) + 1
        number = node.head.value
        if number is None:
            number = count
        # item numbers are never negative (parsed from digits or numerals)
        number = decimals[number] if number < 256 else str(number)
        candidate = f"{ids[parent]}.{number}" if parent is not None else number
        if candidate in taken:
            # (from where the last repeat of this id stopped: every suffix below it is taken,
            # so a plan repeating one number thousands of times is not quadratic)
            base, n = candidate, suffix.get(candidate, 2)
            candidate = f"{base}-{n}"
            while candidate in taken:
                n += 1
                candidate = f"{base}-{n}"
            suffix[base] = n + 1
        taken[candidate] = None
        ids[node] = candidate
    return ids


def _layout(records) -> str:
    # the records' kinds counted in C (map, attrgetter and Counter's counting loop)
    kinds = Counter(map(_KIND, records))
    if not kinds["MARKER"] and not kinds["NUMBER"] and not kinds["ROWITEM"]:
        return "empty"
    if kinds["ROWITEM"]:
        return "pipe"
    if kinds["NUMBER"] >= 3:
        return "cells"
    if kinds["FIELD"] >= 3:
        return "fields"
    if kinds["CLAUSE"] >= 3:
        return "table"
    return "prose"


_KIND = attrgetter("kind")
