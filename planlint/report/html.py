"""The HTML review report: one self-contained page (inline CSS and SVG, no scripts, no links out).

``render(results, lang)`` takes the ``FileResult``s of ``planlint.api``/``planlint.cli.run`` and
returns the page as a string. Everything taken from a plan goes through ``html.escape``.
"""
from __future__ import annotations

from html import escape
from string import Template

from planlint import __version__
from planlint.report import svg
from planlint.report.data import PlanView, plan_views
from planlint.report.labels import label, month
from planlint.report.tables import findings_list, rule_table, task_table
from planlint.report.theme import CSS

PAGE = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="planlint $version">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header><h1>$heading</h1><p class="meta">$meta</p></header>
$overview
$plans
</body>
</html>
""")


def render(results, lang: str = "zh") -> str:
    views = plan_views(results)
    heading = label("report", lang)
    title = heading if len(views) != 1 else f"{views[0].title} — {heading}"
    return PAGE.substitute(
        lang="en" if lang == "en" else "zh-CN",
        version=escape(__version__),
        title=escape(title),
        css=CSS,
        heading=escape(heading),
        meta=escape(label("generated", lang, version=__version__, n=len(views))),
        overview=overview(views, lang) if len(views) > 1 else "",
        plans="\n".join(plan_section(v, lang) for v in views),
    )


def overview(views: list[PlanView], lang: str) -> str:
    keys = ("plan", "year", "tasks", "problem_tasks", "error", "warning", "info")
    head = "".join(f"<th>{label(k, lang)}</th>" for k in keys)
    rows = []
    for v in views:
        sev = v.by_severity()
        flagged = sum(1 for t in v.tasks if t.flagged)
        cells = [v.plan.year or "", len(v.tasks), flagged, sev["error"], sev["warning"], sev["info"]]
        rows.append(f'<tr><td><a href="#{v.anchor}">{escape(v.title)}</a>'
                    f'<span class="sub">{escape(v.path)}</span></td>'
                    + "".join(f'<td class="num">{c}</td>' for c in cells) + "</tr>")
    return (f'<nav class="overview"><h3>{label("overview", lang)}</h3><table>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></nav>")


def cards(view: PlanView, lang: str) -> str:
    sev = view.by_severity()
    items = [("", label("tasks", lang), len(view.tasks)),
             ("", label("problem_tasks", lang), sum(1 for t in view.tasks if t.flagged))]
    items += [(s, label(s, lang), sev[s]) for s in ("error", "warning", "info")]
    return '<div class="cards">' + "".join(
        f'<div class="card {c}"><b>{n}</b>{escape(name)}</div>' for c, name, n in items) + "</div>"


def unit_charts(view: PlanView, lang: str) -> str:
    other = label("other_units", lang, n="{n}")
    owners = view.unit_counts("owners")
    parts = [f"<div><h3>{label('by_owner', lang)}</h3>"
             + (svg.bar_chart(owners, label("by_owner", lang), other=other) if owners
                else f'<p class="note">{label("no_owner_data", lang)}</p>') + "</div>"]
    helpers = view.unit_counts("participants")
    if helpers:
        parts.append(f"<div><h3>{label('by_participant', lang)}</h3>"
                     + svg.bar_chart(helpers, label("by_participant", lang), other=other)
                     + "</div>")
    return '<div class="charts">' + "".join(parts) + "</div>"


def timeline_chart(view: PlanView, lang: str) -> str:
    tl = view.due_months()
    title = (label("timeline", lang, year=tl.year) if tl.year
             else label("timeline_noyear", lang))
    columns = []
    if tl.before:
        columns.append((label("before", lang), tl.before, "outside"))
    columns += [(month(m, lang), n, "month") for m, n in enumerate(tl.months, 1)]
    if tl.after:
        columns.append((label("after", lang), tl.after, "outside"))
    columns.append(("", 0, "gap"))
    columns += [(label(k, lang), n, "undated") for k, n in tl.undated.items()]
    undated = sum(tl.undated.values())
    note = label("timeline_note", lang, dated=tl.dated, undated=undated, **tl.undated)
    return (f"<h3>{escape(title)}</h3>{svg.column_chart(columns, title)}"
            f'<p class="note">{escape(note)}</p>')


def plan_section(view: PlanView, lang: str) -> str:
    plan = view.plan
    facts = [view.path]
    if plan.year:
        facts.append(f"{label('year', lang)} {plan.year}")
    if plan.draft:
        facts.append(label("draft", lang))
    return "\n".join([
        f'<section class="plan" id="{view.anchor}">',
        f"<h2>{escape(view.title)}</h2>",
        f'<p class="path">{escape(" · ".join(facts))}</p>',
        cards(view, lang),
        f"<h3>{label('by_rule', lang)}</h3>{rule_table(view, lang)}",
        unit_charts(view, lang),
        timeline_chart(view, lang),
        f"<h3>{label('task_table', lang)}</h3>{task_table(view, lang)}",
        f"<h3>{label('findings_list', lang)}</h3>{findings_list(view, lang)}",
        "</section>",
    ])
