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
    """``doc`` exactly as ``yaml.dump(doc, allow_unicode=True, sort_keys=False, width=100)`` prints it.

    PyYAML's representer walks the data in Python (a third of the time on a 30 KB plan); the nodes
    it would build are built here directly and handed to the emitter (libyaml's when installed).
    Data the shortcut does not know, or a list or dict met twice (YAML anchors), takes the long way.
    """
    import yaml
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    try:
        node = _node(doc, yaml.nodes, set())
    except _Unusual:
        return yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    return yaml.serialize(node, Dumper=dumper, allow_unicode=True, width=100)


class _Unusual(Exception):
    pass


_TAG = "tag:yaml.org,2002:"


def _node(data, nodes, seen: set):
    """The node SafeRepresenter makes of ``data`` (block style, as ``default_flow_style=False``)."""
    kind = type(data)
    if kind is str:
        return nodes.ScalarNode(_TAG + "str", data)
    if kind is dict or kind is list:
        if id(data) in seen:
            raise _Unusual
        seen.add(id(data))
        if kind is list:
            return nodes.SequenceNode(_TAG + "seq", [_node(v, nodes, seen) for v in data],
                                      flow_style=False)
        return nodes.MappingNode(_TAG + "map", [(_node(k, nodes, seen), _node(v, nodes, seen))
                                                for k, v in data.items()], flow_style=False)
    if kind is int:
        return nodes.ScalarNode(_TAG + "int", str(data))
    if kind is bool:
        return nodes.ScalarNode(_TAG + "bool", "true" if data else "false")
    if data is None:
        return nodes.ScalarNode(_TAG + "null", "null")
    raise _Unusual
