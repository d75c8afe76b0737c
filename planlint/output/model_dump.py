"""The full model as plain data, for ``planlint parse`` (richer than the check JSON)."""
from __future__ import annotations

from planlint.model import Plan, Span, Task


def _span(s: Span) -> list[int]:
    return [s.line, s.column, s.end_line, s.end_column]


def _task(t: Task) -> dict:
    return {
        "id": t.id,
        "number": t.number,
        "level": t.level,
        "span": _span(t.span),
        "headings": list(t.headings),
        "text": t.text,
        "owners": [u.name for u in t.owners],
        "participants": [u.name for u in t.participants],
        "supervisors": [u.name for u in t.supervisors],
        "people": list(t.people),
        "deadline": None if t.deadline is None else {
            "text": t.deadline.text, "span": _span(t.deadline.span),
            "timing": [_timing(x) for x in t.deadline.timing]},
        "timing": [_timing(x) for x in t.timing],
        "clauses": [{"text": c.text, "kind": c.kind, "span": _span(c.span)} for c in t.clauses],
    }


def _timing(x) -> dict:
    out = {"text": x.text, "kind": x.kind, "span": _span(x.span)}
    if x.resolved:
        out["resolved"] = x.resolved.isoformat()
    return out


def plan_document(plan: Plan) -> dict:
    return {
        "path": plan.source.path,
        "encoding": plan.source.encoding,
        "title": plan.title,
        "year": plan.year,
        "draft": plan.draft,
        "issue_date": plan.issue_date.isoformat() if plan.issue_date else None,
        "layout": plan.layout,
        "sections": [{"id": s.id, "level": s.level, "title": s.title, "line": s.span.line}
                     for s in plan.sections],
        "tasks": [_task(t) for t in plan.tasks],
    }


def to_yaml(doc: dict) -> str:
    """``doc`` as block-style YAML in PyYAML's default layout; ``yaml.safe_load`` reads it back.

    Printed by ``yaml_emit`` without importing PyYAML, whose import alone costs about a fifth of
    ``planlint parse``. Data that emitter does not know (other types, non-str keys, a list or dict
    met twice) goes to ``yaml.dump`` as before.
    """
    from planlint.output.yaml_emit import Unsupported, emit
    try:
        return emit(doc)
    except Unsupported:
        pass
    import yaml
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
