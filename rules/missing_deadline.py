"""任务没有完成时限。

任务既没有时限栏或“时限要求：”字段，正文中也没有任何时间表述（日期、期限、频次）时报告。
当全篇都没有时限时，另有一条计划级提示汇总，终端输出把逐项问题归在其下。

反例::

    2.推动县级政府及其部门全面公开财政预决算信息。（县财政局牵头）

正例::

    2.2018年9月底前推动县级政府及其部门全面公开财政预决算信息。（县财政局牵头）

选项：无。
"""
from planlint.diagnostics import Problem

NAME = "missing-deadline"
CODE = "T001"
SEVERITY = "warning"
OPTIONS: dict = {}
FIXABLE = False


def check(plan, options):
    plan_wide = bool(plan.tasks) and all(not t.deadline and not t.timing for t in plan.tasks)
    group = "no-deadline-anywhere" if plan_wide else None
    for task in plan.tasks:
        if task.deadline or task.timing:
            continue
        marker = task.marker
        number = marker.text.strip()
        # Positional arguments (Problem(span, message, task, fix, message_en, group)): a plan
        # without deadlines has one of these a task, and keywords cost about twice.
        yield Problem(marker.span, f"任务 {number} 没有完成时限", task.id, None,
                      f"task {number} has no deadline", group)
