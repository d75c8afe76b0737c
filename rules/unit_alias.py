"""单位使用了简称或别名，而不是单位名录中的规范名称。

按配置的单位名录（如 县政府办公室 的别名 县府办），报告写成别名的单位，并给出替换为规范名称的
修复（不安全修复：改动正式文件中的单位名称，请确认后应用）。同一条表述里既写别名又写全称，属于
重复列出同一单位，由 duplicate-unit 报告。未配置单位名录时不检查。

反例::

    （县府办牵头，县财政局配合）

正例::

    （县政府办公室牵头，县财政局配合）

选项：无（别名在配置 ``units`` 中设置）。
"""
from planlint.diagnostics import Edit, Fix, Problem
from planlint.text import fold

NAME = "unit-alias"
CODE = "U005"
SEVERITY = "info"
OPTIONS: dict = {}
FIXABLE = True


def check(plan, options):
    config = options.get("_config")
    aliases = {fold(a): c for a, c in (config.units if config is not None else {}).items()
               if fold(a) != fold(c)}
    if not aliases:
        return
    for task in plan.tasks:
        for unit in task.owners + task.participants + task.supervisors:
            canonical = aliases.get(fold(unit.name))
            if canonical is None:
                continue
            fix = None
            if unit.span.line == unit.span.end_line:
                fix = Fix(f"改为规范名称“{canonical}”", (Edit(unit.span, canonical),), safe=False)
            yield Problem(
                span=unit.span,
                message=f"“{unit.name}”是简称或别名，规范名称为“{canonical}”",
                message_en=f"“{unit.name}” is an alias; the registered name is “{canonical}”",
                task=task.id,
                fix=fix,
            )
