"""牵头或配合单位不是可确定的具体单位。

“有关/相关”加“部门、单位、科室、机构”（各相关科室、市政府有关部门），或以“等”结尾的开放列举
（市财政局等、区水务局等部门），无法确定到底由谁落实。“各县区”“县直各部门”“各镇（场）政府”
“各科室”指明确的集合，不报告。督导考核单位不在检查范围内。

反例::

    政务公开指导办、政府网站，各相关科室

正例::

    政务公开指导办、政府网站、文秘科

选项：``terms``：额外视为不具体的写法（正则表达式列表）。
"""
import re

from planlint.diagnostics import Problem
from planlint.rxcache import rx

NAME = "vague-unit"
CODE = "U003"
SEVERITY = "warning"
OPTIONS = {"terms": []}
FIXABLE = False

_VAGUE = rx(r"(有关|相关)[^、，,；;]{0,6}?(部门|单位|科室|机构|处室|方面)|等$|等(部门|单位|科室|机构)$")


def is_vague(name: str, extra=()) -> bool:
    return _vague_term(name) or any(re.search(p, name) for p in extra)


def _vague_term(name: str) -> bool:
    # Every alternative of _VAGUE needs 关 (有关/相关) or 等: most names are cleared by `in`.
    return ("关" in name or "等" in name) and _VAGUE.search(name) is not None


def check(plan, options):
    extra = list(options.get("terms") or [])
    config = options.get("_config")
    if config is not None:
        extra += [re.escape(t) for t in config.vague_terms]
    for task in plan.tasks:
        for unit in task.owners + task.participants:
            name = unit.name
            # Without extra terms only 有关/相关 or 等 can make a name vague: `in` clears most.
            if (extra or "关" in name or "等" in name) and is_vague(name, extra):
                yield Problem(
                    span=unit.span,
                    message=f"“{unit.name}”不是明确的单位，请写明具体单位",
                    message_en=f"“{unit.name}” is not an identifiable unit; name the units",
                    task=task.id,
                )
