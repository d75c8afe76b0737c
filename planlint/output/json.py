"""The JSON contract of SPEC §3: one object, ``files[]`` with ``plan`` and ``diagnostics``.

Two writers give the same document: ``file_dict`` builds plain dicts (dumped with an indent for
people at a terminal), and the compact writer below formats each object's text directly, key by
key, in the order and spelling ``json.dumps(file_dict(...), ensure_ascii=False)`` produces. The
compact one is what tools read (``--format json`` when piped) and is ~2x faster than building the
dicts and dumping them; tests hold the two to the same bytes.
"""
from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

try:  # json's own C string encoders, without importing the json package (~1 ms) for them
    from _json import encode_basestring as _str, encode_basestring_ascii as _ascii
except ImportError:  # not CPython
    from json.encoder import encode_basestring as _str, encode_basestring_ascii as _ascii

from planlint import __version__
from planlint.diagnostics import LineFix
from planlint.model import Plan, Task, Unit


def _names(units: tuple[Unit, ...]) -> list[str]:
    return [u.name for u in units]


def task_dict(task: Task, plan: Plan | None = None) -> dict:
    out = {
        "id": task.id,
        "number": task.number,
        "level": task.level,
        "line": task.span.line,
        "end_line": task.span.end_line,
        "headings": list(task.headings),
        "text": task.text,
        "owners": _names(task.owners),
        "participants": _names(task.participants),
        "supervisors": _names(task.supervisors),
        "deadline": task.deadline.text if task.deadline else None,
        # SPEC §3: the time expressions in the task's text (the deadline value is its own field)
        "timing": [{"text": t.text, "kind": t.kind} for t in task.timing],
    }
    location = _task_location(task, plan)
    if location is not None:
        out["location"] = location.as_dict()
    return out


def _task_location(task: Task, plan: Plan | None):
    if plan is None or plan.source.kind == "text":
        return None
    lines = plan.source.lines
    return lines[task.line - 1].location if 0 < task.line <= len(lines) else None


def plan_dict(plan: Plan) -> dict:
    return {
        "title": plan.title,
        "year": plan.year,
        "draft": plan.draft,
        "tasks": [task_dict(t, plan) for t in plan.tasks],
    }


def file_dict(result, lang: str = "zh") -> dict:
    out = {"path": result.path}
    if result.error is not None:
        out["error"] = result.error.text(lang)
        out["plan"] = None
    else:
        out["plan"] = None if result.plan is None else plan_dict(result.plan)
        if result.source is not None:
            out["encoding"] = result.source.encoding
    out["diagnostics"] = [d.as_dict(lang) for d in result.diagnostics]
    return out


# ---- the compact writer ----------------------------------------------------------------------

_NAME = attrgetter("name")

def _dumps(value) -> str:
    import json
    return json.dumps(value, ensure_ascii=False)


def _value(value) -> str:
    """A scalar as JSON (the fields whose type a plugin or an odd plan could vary)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value.__class__ is str:
        return _str(value)
    if value.__class__ is int:
        return repr(value)  # as json.dumps spells an int
    return _dumps(value)


def _strings(items) -> str:
    return "[" + ", ".join(map(_str, items)) + "]" if items else "[]"


def _units_json(units: tuple[Unit, ...]) -> str:
    return "[" + ", ".join(map(_str, map(_NAME, units))) + "]"


def _timing_json(timing) -> str:
    return '{"text": ' + _str(timing.text) + ', "kind": ' + _str(timing.kind) + "}"


# Why the writers below are split the way they are: most of the output is ASCII (keys, numbers,
# ids) and the rest UCS-2 (Chinese text), and a string built from pieces of both kinds costs
# CPython a per-piece conversion call, while pieces of one kind are copied with memcpy. So each
# object's ASCII fields are formatted first into one string; the usual tails (no participants,
# no fix …) are constants. And a task or finding is not joined into a string of its own: its
# pieces go straight into the file's list, so its text is copied once, by the file's one join.
# Each object's last piece carries the ", " that follows it (cut from the file's last one).
_EMPTY_TAIL = ', "participants": [], "supervisors": [], "deadline": null, "timing": []}, '
_NO_OWNERS = ', "owners": []'


@lru_cache(maxsize=1)
def _decimal() -> dict[int, str]:
    """{n: repr(n)} for 0 <= n < 4096 (line and column numbers): looking an int up costs a
    fraction of spelling it. Only exact ints are looked up (a bool or float equal to a key would
    find the key's text); a miss is spelled by repr, as before."""
    return {n: str(n) for n in range(4096)}


def _task_json(task: Task, lines, headings: dict, decimal: dict, out: list) -> None:
    """Append one task's pieces, and ", ", to ``out``. ``lines`` are the source lines when they
    carry locations (.docx/.html), and ``headings`` caches the JSON of each heading list (tasks
    of a section share theirs) with the ``"text"`` key that follows it."""
    s = task.span
    shown = headings.get(task.headings)
    if shown is None:
        shown = headings[task.headings] = _strings(task.headings) + ', "text": '
    location = None
    if lines is not None and 0 < task.line <= len(lines):
        location = lines[task.line - 1].location
    owners, participants, supervisors, deadline, timing = (
        task.owners, task.participants, task.supervisors, task.deadline, task.timing)
    if participants or supervisors or deadline is not None or timing or location is not None:
        tail = (f', "participants": {_units_json(participants) if participants else "[]"}, '
                f'"supervisors": {_units_json(supervisors) if supervisors else "[]"}, '
                f'"deadline": {"null" if deadline is None else _str(deadline.text)}, '
                f'"timing": [{", ".join(map(_timing_json, timing)) if timing else ""}]'
                + ("}, " if location is None else f', "location": {_dumps(location.as_dict())}}}, '))
    else:  # most tasks: nothing but owners
        tail = _EMPTY_TAIL
    try:  # the parser's level and line numbers: exact ints, spelled from the table
        head = (f'{{"id": {_str(task.id)}, "number": {_str(task.number)}, "level": {decimal[task.level]}, '
                f'"line": {decimal[s.line]}, "end_line": {decimal[s.end_line]}, "headings": ')
    except KeyError:  # beyond the table
        head = (f'{{"id": {_str(task.id)}, "number": {_str(task.number)}, "level": {task.level!r}, '
                f'"line": {s.line!r}, "end_line": {s.end_line!r}, "headings": ')
    owned = (f', "owners": [{", ".join(map(_str, map(_NAME, owners)))}]' if owners
             else _NO_OWNERS)
    out += (head, shown, _str(task.text), owned, tail)


def _edit_json(edit, decimal: dict) -> str:
    line, column, end_line, end_column = edit.position
    if line.__class__ is column.__class__ is end_line.__class__ is end_column.__class__ is int:
        try:  # a rule's or plugin's positions: from the table only when they are exact ints
            return (f'{{"line": {decimal[line]}, "column": {decimal[column]}, '
                    f'"end_line": {decimal[end_line]}, "end_column": {decimal[end_column]}, '
                    f'"text": {_str(edit.text)}}}')
        except KeyError:  # negative or beyond the table
            pass
    return (f'{{"line": {line!r}, "column": {column!r}, "end_line": {end_line!r}, '
            f'"end_column": {end_column!r}, "text": {_str(edit.text)}}}')


def _edits_json(edits, decimal: dict, tails: dict) -> str:
    """A fix's edits. Most are one-line edits (a line's half-width marks): the ASCII around their
    column numbers is spelled once a run of edits on one line, and their text's JSON once a file
    (``tails``), so such an edit is five pieces and no call; any other goes to ``_edit_json``."""
    out = []
    last = None  # the line ``head`` and ``mid`` spell
    for e in edits:
        line, column, end_line, end_column = e.position
        text = e.text
        if (line.__class__ is column.__class__ is end_line.__class__ is end_column.__class__ is int
                and line == end_line and text.__class__ is str):
            if line != last:  # any int line is spelled by repr, as json.dumps does
                last = line
                head = f'{{"line": {line!r}, "column": '
                mid = f', "end_line": {line!r}, "end_column": '
            tail = tails.get(text)
            if tail is None:
                tail = tails[text] = f', "text": {_str(text)}}}'
            try:  # exact ints: the columns from the table
                out.append(f"{head}{decimal[column]}{mid}{decimal[end_column]}{tail}")
                continue
            except KeyError:  # negative or beyond the table
                pass
        out.append(_edit_json(e, decimal))
    return ", ".join(out)


def _line_fix_json(fix, decimal: dict, tails: dict) -> str:
    """A :class:`LineFix`'s edits, spelled from its fields without making the edits: all on one
    line, column ``i + 1`` to ``i + 2`` for each offset ``i``, the text ``replace[text[i]]``. The
    JSON after each replacement is spelled once a file (in ``tails``, keyed by the mapping's id:
    the findings hold their mappings, so no id is reused while the file is written)."""
    line = fix.line
    if line.__class__ is not int:  # spelled as json.dumps spells it, by the general path
        return _edits_json(fix.edits, decimal, tails)
    text, replace = fix.text, fix.replace
    ends = tails.get(id(replace))
    if ends is None:
        ends = tails[id(replace)] = {c: f', "text": {_str(r)}}}' for c, r in replace.items()}
    head = f'{{"line": {line!r}, "column": '
    mid = f', "end_line": {line!r}, "end_column": '
    try:  # columns from the table
        return ", ".join([f"{head}{decimal[i + 1]}{mid}{decimal[i + 2]}{ends[text[i]]}"
                          for i in fix.offsets])
    except KeyError:  # beyond the table (or a character ``replace`` lacks: the edits raise)
        return _edits_json(fix.edits, decimal, tails)


def _diagnostic_json(d, lang: str, heads: dict, decimal: dict, tails: dict, out: list) -> None:
    """Append one finding's pieces, and ", ", to ``out``."""
    s, fix, task = d.span, d.fix, d.task
    try:
        head = heads.get((d.rule, d.code, d.severity))
        if head is None:  # the same few rules report many times: spell their identity once
            head = heads[d.rule, d.code, d.severity] = (
                f'{{"rule": {_str(d.rule)}, "code": {_str(d.code)}, "severity": {_str(d.severity)}, '
                f'"message": ')
        if fix is not None:
            safe = "true" if fix.safe is True else _value(fix.safe)
            edits = (_line_fix_json(fix, decimal, tails) if fix.__class__ is LineFix
                     else _edits_json(fix.edits, decimal, tails))
        message = d.message_en if lang == "en" and d.message_en else d.message  # Diagnostic.text
        # The position fields, up to the "task" key: exact ints from the table, else by repr.
        line, column, end_line, end_column = s.line, s.column, s.end_line, s.end_column
        where = None
        if line.__class__ is column.__class__ is end_line.__class__ is end_column.__class__ is int:
            try:
                where = (f', "line": {decimal[line]}, "column": {decimal[column]}, '
                         f'"end_line": {decimal[end_line]}, "end_column": {decimal[end_column]}, "task": ')
            except KeyError:  # negative or beyond the table
                pass
        if where is None:
            where = (f', "line": {line!r}, "column": {column!r}, "end_line": {end_line!r}, '
                     f'"end_column": {end_column!r}, "task": ')
        owner = "null" if task is None else _str(task)
        end = "}, " if d.location is None else f', "location": {_dumps(d.location.as_dict())}}}, '
        if fix is None:
            out += (head, _str(message), where, owner, ', "fix": null', end)
        else:
            out += (head, _str(message), where, owner, ', "fix": {"safe": ', safe, ', "description": ',
                    _str(fix.description), ', "edits": [', edits, "]}", end)
    except TypeError:  # a field of an unexpected type (a plugin's): let json.dumps spell it
        out += (_dumps(d.as_dict(lang)), ", ")


def file_json(result, lang: str = "zh") -> str:
    """``json.dumps(file_dict(result, lang), ensure_ascii=False)``, written directly.

    The pieces are joined once at the end: a file's text is copied once, not at every level."""
    out = ['{"path": ', _value(result.path)]
    plan = result.plan
    if result.error is not None:
        out += [', "error": ', _value(result.error.text(lang)), ', "plan": null']
    elif plan is None:
        out.append(', "plan": null')
    else:
        lines, headings, decimal = (None if plan.source.kind == "text" else plan.source.lines), {}, _decimal()
        out += [f', "plan": {{"title": {_value(plan.title)}, "year": {_value(plan.year)}, '
                f'"draft": {_value(plan.draft)}, "tasks": [']
        for t in plan.tasks:
            _task_json(t, lines, headings, decimal, out)
        if plan.tasks:
            out[-1] = out[-1][:-2]  # no ", " after the last task
        out.append("]}")
    if result.error is None and result.source is not None:
        out += [', "encoding": ', _value(result.source.encoding)]
    heads: dict = {}
    tails: dict = {}
    decimal = _decimal()
    out.append(', "diagnostics": [')
    for d in result.diagnostics:
        _diagnostic_json(d, lang, heads, decimal, tails, out)
    if result.diagnostics:
        out[-1] = out[-1][:-2]  # no ", " after the last finding
    out.append("]}")
    return "".join(out)


def file_part(result, options):
    """One file's entry of ``files[]``: compact JSON text, or the dict when indenting (the
    indented layout depends on the nesting, so the whole document is dumped at once)."""
    return file_dict(result, options.lang) if options.pretty else file_json(result, options.lang)


def assemble(parts, options) -> str:
    if options.pretty:
        # Indented for people at a terminal.
        import json
        doc = {"planlint": __version__, "files": parts}
        return json.dumps(doc, ensure_ascii=False, indent=2)
    # Compact when piped to a tool: the same bytes json.dumps gives for the whole document, with
    # the files already encoded (in the worker processes).
    # One join: the document is megabytes, and each concatenation would copy all of it again.
    pieces = ['{"planlint": ' + _ascii(__version__) + ', "files": [']
    for part in parts:
        pieces += (part, ", ")
    if parts:
        pieces.pop()
    pieces.append("]}")
    return "".join(pieces)


def render(results, options) -> str:
    return assemble([file_part(r, options) for r in results], options)
