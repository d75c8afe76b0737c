"""全篇没有一项任务写明完成时限（计划级提示）。

整份计划既无时限栏，也没有任何任务在正文中写明时间时，逐项的 missing-deadline 会淹没其他
问题。本规则给出一条计划级提示；终端输出把逐项的 missing-deadline 归在这条提示之下
（JSON 中逐项结果照常保留）。

反例::

    1.公开预算信息。（县财政局牵头）
    2.公开决算信息。（县财政局牵头）

正例::

    1.6月底前公开预算信息。（县财政局牵头）
    2.9月底前公开决算信息。（县财政局牵头）

选项：``min_tasks``（默认 2）：任务少于这么多项时不给出计划级提示。
"""
from planlint.diagnostics import Problem
from planlint.model import Span

NAME = "no-deadlines"
CODE = "T005"
SEVERITY = "warning"
OPTIONS = {"min_tasks": 2}
FIXABLE = False
GROUP = "no-deadline-anywhere"  # the group missing-deadline puts its per-task findings in


def check(plan, options):
    tasks = plan.tasks
    if len(tasks) < max(1, options.get("min_tasks", 2)):
        return
    if any(t.deadline or t.timing for t in tasks):
        return
    yield Problem(
        span=_title_span(plan),
        message=f"全篇 {len(tasks)} 项任务都没有写明完成时限，建议增加“完成时限”栏或逐项写明时间",
        message_en=f"none of the {len(tasks)} tasks has a deadline; add a deadline column or dates",
        group=GROUP,
    )


def _title_span(plan):
    if plan.title:
        for line in plan.source.lines:
            at = line.text.find(plan.title)
            if at >= 0:
                return Span.of(line.number, at + 1, len(plan.title))
    first = plan.tasks[0].marker.span
    return Span(first.line, first.column, first.end_line, first.end_column)
