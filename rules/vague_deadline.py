"""任务的时限只有“持续推进”“适时”“尽快”“定期”等模糊表述。

时限栏的值模糊且正文没有具体日期，或正文只有模糊的时间词时报告。正文给出具体节点
（“2017年底前……，到2018年底前……”）时不报告。与 missing-deadline 不会同时出现。

反例::

    24.准确适用政府信息公开条例，优化内部办理流程。  政务公开指导办  持续推进

正例::

    24.准确适用政府信息公开条例，优化内部办理流程。  政务公开指导办  2021年12月底前

选项：无（额外的模糊词在配置 ``vague_terms`` 中设置）。
"""
from planlint.diagnostics import Problem
from planlint.model import VAGUE

NAME = "vague-deadline"
CODE = "T002"
SEVERITY = "warning"
OPTIONS: dict = {}
FIXABLE = False


def check(plan, options):
    for task in plan.tasks:
        if task.deadline is None and not task.timing:
            continue  # missing-deadline's case
        timing = task.all_timing()
        for t in timing:  # a loop, not any(generator): most tasks stop at their first timing
            if t.kind != VAGUE:
                break
        else:
            if task.deadline is not None and not task.deadline.timing and task.timing == ():
                # A deadline value we could not read at all is not reported as vague.
                continue
            where = task.deadline.span if task.deadline is not None else timing[0].span
            words = "、".join(dict.fromkeys(t.text for t in timing)) or task.deadline.text
            yield Problem(
                span=where,
                message=f"时限“{words}”不明确，请写明完成时间",
                message_en=f"the timing “{words}” is vague; give a date or period",
                task=task.id,
            )
