"""任务未写明牵头（责任）单位。

每项任务都应写明由谁牵头落实。任务既没有单位括注、单位栏，也没有“责任单位：”等字段时报告。
写在任务正文里的单位（“由市住建局做好汇总”）不算牵头单位。

反例::

    3.各级、各部门要强化问责意识，推动政务公开工作持续开展。

正例::

    3.各级、各部门要强化问责意识，推动政务公开工作持续开展。（市政府办公室牵头落实）

选项：无。
"""
from planlint.diagnostics import Problem
from planlint.model import Span

NAME = "missing-lead"
CODE = "U001"
SEVERITY = "error"
OPTIONS: dict = {}
FIXABLE = False


def check(plan, options):
    for task in plan.tasks:
        if task.owners:
            continue
        m = task.marker.span
        yield Problem(
            span=Span(m.line, m.column, m.end_line, m.end_column),
            message=f"任务 {task.marker.text.strip()} 未写明牵头单位或责任单位",
            message_en=f"task {task.marker.text.strip()} names no lead or responsible unit",
            task=task.id,
        )
