"""完成时限在计划印发（或配置的 as_of 日期）时已经过去。

计划 6 月印发却要求“5月底前”完成，这一节点在印发时已过，应调整。参照日期取配置中的
``as_of``，否则取计划的落款或发布日期；都没有时不检查。早于计划年度的时限由
deadline-out-of-period 报告。

反例::

    2017年政务公开工作要点（2017年6月19日印发）
    5.5月底前公布随机抽查事项清单。（市工商局牵头）

正例::

    2017年政务公开工作要点（2017年6月19日印发）
    5.7月底前公布随机抽查事项清单。（市工商局牵头）

紧跟在频次之后的日期（“每年1月31日前”）是周期性要求，不报告。

选项：无（参照日期在配置 ``as_of`` 中设置）。
"""
from planlint.diagnostics import Problem
from planlint.model import DATE, FREQUENCY
from planlint.rules._dates import plan_year

NAME = "deadline-passed"
CODE = "T004"
SEVERITY = "warning"
OPTIONS: dict = {}
FIXABLE = False


def check(plan, options):
    config = options.get("_config")
    as_of = (config.as_of if config is not None else None) or plan.issue_date
    if as_of is None:
        return
    year = plan_year(plan, options)
    for task in plan.tasks:
        timings = task.all_timing()
        for timing in timings:
            due = timing.resolved
            if timing.kind != DATE or due is None or due >= as_of or _recurring(timing, timings):
                continue
            if year and due.year < year:
                continue  # deadline-out-of-period's case
            yield Problem(
                span=timing.span,
                message=f"时限“{timing.text}”（{due.isoformat()}）在 {as_of.isoformat()} 时已过",
                message_en=f"the deadline “{timing.text}” ({due.isoformat()}) has passed "
                           f"by {as_of.isoformat()}",
                task=task.id,
            )


def _recurring(timing, timings) -> bool:
    """每年1月31日前: a date right after a frequency recurs; it cannot have passed."""
    s = timing.span
    return any(t.kind == FREQUENCY and t.span.end_line == s.line and
               s.column - 1 <= t.span.end_column <= s.column for t in timings)
