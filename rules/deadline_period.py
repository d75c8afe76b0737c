"""完成时限不在计划年度之内。

年度计划（标题写明年份，如“2018年政务公开工作要点”）中，任务时限应落在该年度内。时限晚于
年底（“2019年6月底前”）或早于年初（“2017年底前”）时报告。已经过去但仍在年度内的时限由
deadline-passed 报告。计划年份未知时不检查。

反例::

    2018年政务公开工作要点
    3.2019年6月底前完成目录编制。（县府办牵头）

正例::

    2018年政务公开工作要点
    3.2018年6月底前完成目录编制。（县府办牵头）

选项：``years_after``（默认 0）：允许时限晚于计划年度的年数（多年实施方案可设为 2 等）。
"""
from planlint.diagnostics import Problem
from planlint.model import DATE
from planlint.rules._dates import plan_year

NAME = "deadline-out-of-period"
CODE = "T003"
SEVERITY = "warning"
OPTIONS = {"years_after": 0}
FIXABLE = False


def check(plan, options):
    year = plan_year(plan, options)
    if not year:
        return
    last_year = year + int(options.get("years_after", 0))
    for task in plan.tasks:
        for timing in task.all_timing():
            due = timing.resolved
            if timing.kind != DATE or due is None or year <= due.year <= last_year:
                continue
            when = "早于" if due.year < year else "晚于"
            yield Problem(
                span=timing.span,
                message=f"时限“{timing.text}”（{due.isoformat()}）{when}计划年度 {year} 年",
                message_en=f"the deadline “{timing.text}” ({due.isoformat()}) is "
                           f"{'before' if due.year < year else 'after'} the plan year {year}",
                task=task.id,
            )
