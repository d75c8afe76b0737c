"""HTML fragments for one plan's tables: findings by rule, the task table, the findings list."""
from __future__ import annotations

from html import escape

from planlint.report.data import PlanView, TaskView
from planlint.report.labels import label, severity


def badge(sev: str, lang: str) -> str:
    return f'<span class="badge {escape(sev)}">{escape(severity(sev, lang))}</span>'


def units(items) -> str:
    return escape("、".join(u.name for u in items))


def finding_numbers(view: PlanView) -> dict[int, int]:
    """Number every finding of the plan (1-based, source order), keyed by object identity."""
    return {id(d): i for i, d in enumerate(view.diagnostics, 1)}


def rule_table(view: PlanView, lang: str) -> str:
    rows = view.by_rule()
    if not rows:
        return f'<p class="note">{label("no_findings", lang)}</p>'
    head = "".join(f"<th>{label(k, lang)}</th>" for k in ("rule", "code", "severity", "count"))
    body = "".join(
        f"<tr><td><code>{escape(rule)}</code></td><td><code>{escape(code)}</code></td>"
        f'<td>{badge(sev, lang)}</td><td class="num">{n}</td></tr>'
        for rule, code, sev, n in rows)
    return f'<table class="small rules"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def deadline_cell(tv: TaskView, lang: str) -> str:
    task = tv.task
    if task.deadline is not None:
        written = task.deadline.text
    else:
        written = "；".join(t.text for t in task.timing)
    out = escape(written)
    if tv.due is not None:
        out += f'<span class="sub">{tv.due.isoformat()}</span>'
    elif not written:
        out = f'<span class="sub">{label("none", lang)}</span>'
    return out


def _task_row(view: PlanView, tv: TaskView, numbers: dict[int, int], lang: str) -> str:
    task = tv.task
    found = "".join(
        f'<li>{badge(d.severity, lang)}<a href="#{view.anchor}-f{numbers[id(d)]}">'
        f"{escape(d.text(lang))}</a></li>" for d in tv.findings)
    helpers = escape("、".join(u.name for u in task.participants))
    if task.supervisors:
        helpers += (f'<span class="sub">{label("supervisors", lang)}：'
                    f"{units(task.supervisors)}</span>")
    css = f' class="sev-{tv.worst}"' if tv.worst else ""
    number = escape(task.number or str(tv.index))
    return (f'<tr id="{tv.anchor}"{css}><td>{number}'
            f'<span class="sub">{label("line", lang, line=task.line)}</span></td>'
            f"<td>{escape(task.text)}</td><td>{units(task.owners)}</td><td>{helpers}</td>"
            f"<td>{deadline_cell(tv, lang)}</td>"
            f'<td><ul class="found">{found}</ul></td></tr>')


def task_table(view: PlanView, lang: str) -> str:
    if not view.tasks:
        return f'<p class="note">{label("no_tasks", lang)}</p>'
    numbers = finding_numbers(view)
    keys = ("number", "task", "owners", "participants", "deadline", "findings")
    head = "".join(f"<th>{label(k, lang)}</th>" for k in keys)
    rows, headings = [], None
    for tv in view.tasks:
        if tv.task.headings != headings:
            headings = tv.task.headings
            if headings:
                text = escape(" › ".join(headings))
                rows.append(f'<tr class="heading"><td colspan="6">{text}</td></tr>')
        rows.append(_task_row(view, tv, numbers, lang))
    return (f'<table class="tasks"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def findings_list(view: PlanView, lang: str) -> str:
    if not view.diagnostics:
        return f'<p class="note">{label("no_findings", lang)}</p>'
    where = {tv.task.id: tv for tv in view.tasks}
    items = []
    for i, d in enumerate(view.diagnostics, 1):
        tv = where.get(d.task)
        if tv is not None:
            target = tv.task.number or str(tv.index)
            link = f'<a href="#{tv.anchor}">{escape(label("to_task", lang, n=target))}</a>'
        else:
            link = escape(label("plan_level", lang))
        at = escape(label("at", lang, line=d.span.line, column=d.span.column))
        items.append(
            f'<li id="{view.anchor}-f{i}" class="sev-{escape(d.severity)}">'
            f"{badge(d.severity, lang)}<code>{escape(d.rule)}</code> {at}："
            f"{escape(d.text(lang))} → {link}</li>")
    return f'<ol class="findings">{"".join(items)}</ol>'
