"""标题层级跳级（如“一、”之下直接出现“1.”，缺少“（一）”一级）。

公文层次序数依次为“一、”“（一）”“1.”“（1）”（GB/T 9704）。某一编号比前一个编号深两级或
以上时报告，每组只报告第一项。

反例::

    一、强化平台建设
    1.整合政府网站。

正例::

    一、强化平台建设
    （一）整合政府网站。

选项：无。
"""
from planlint.diagnostics import Problem

NAME = "heading-level"
CODE = "S002"
SEVERITY = "info"
OPTIONS: dict = {}
FIXABLE = False

_LEVEL_NAMES = {1: "“一、”", 2: "“（一）”", 3: "“1.”", 4: "“（1）”"}


def check(plan, options):
    previous = None
    for marker in plan.markers:
        if marker.value is None or marker.style == "damaged":
            continue
        if previous is not None and marker.level > previous.level + 1:
            skipped = "、".join(_LEVEL_NAMES.get(lv, str(lv)) for lv in range(previous.level + 1, marker.level))
            yield Problem(
                span=marker.span,
                message=f"编号“{marker.text.strip()}”跳过了{skipped}一级",
                message_en=f"marker “{marker.text.strip()}” skips heading level(s) {skipped}",
            )
        previous = marker
