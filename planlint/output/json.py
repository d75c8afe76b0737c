"""The JSON contract of SPEC §3: one object, ``files[]`` with ``plan`` and ``diagnostics``."""
from __future__ import annotations

import json

from planlint import __version__
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
    if plan is not None and plan.source.kind != "text":
        lines = plan.source.lines
        location = lines[task.line - 1].location if 0 < task.line <= len(lines) else None
        if location is not None:
            out["location"] = location.as_dict()
    return out


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


def file_part(result, options):
    """One file's entry of ``files[]``: compact JSON text, or the dict when indenting (the
    indented layout depends on the nesting, so the whole document is dumped at once)."""
    out = file_dict(result, options.lang)
    return out if options.pretty else json.dumps(out, ensure_ascii=False)


def assemble(parts, options) -> str:
    if options.pretty:
        # Indented for people at a terminal.
        doc = {"planlint": __version__, "files": parts}
        return json.dumps(doc, ensure_ascii=False, indent=2)
    # Compact (C encoder) when piped to a tool: the same bytes json.dumps gives for the whole
    # document, with the files already encoded (in the worker processes).
    return ('{"planlint": ' + json.dumps(__version__) + ', "files": [' + ", ".join(parts) + "]}")


def render(results, options) -> str:
    return assemble([file_part(r, options) for r in results], options)
