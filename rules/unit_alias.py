"""同一条责任单位表述中，用两种写法（全称和简称、或两个别名）指同一单位。

按配置的单位别名（如 县府办 = 县政府办公室）归并后相同、但写法不同的单位在同一条表述中出现时
报告，指出两种写法，便于统一用名。删除重复项的修复由 duplicate-unit 给出（它也会报告这一处）。

反例::

    （县府办、县政府办公室牵头）

正例::

    （县政府办公室牵头）

选项：无（别名在配置 ``units`` 中设置）。
"""
from planlint.diagnostics import Problem
from planlint.text import fold, unit_key

NAME = "unit-alias"
CODE = "U005"
SEVERITY = "info"
OPTIONS: dict = {}
FIXABLE = False


def check(plan, options):
    config = options.get("_config")
    aliases = config.units if config is not None else {}
    if not aliases:
        return
    for task in plan.tasks:
        for clause in task.clauses:
            seen: dict[str, str] = {}
            for unit in clause.units:
                key = unit_key(unit.name, aliases)
                first = seen.setdefault(key, unit.name)
                if fold(first) != fold(unit.name):
                    yield Problem(
                        span=unit.span,
                        message=f"“{unit.name}”与“{first}”是同一单位的不同写法"
                                f"（规范名称：{config.canonical(unit.name)}）",
                        message_en=f"“{unit.name}” and “{first}” name the same unit",
                        task=task.id,
                    )
