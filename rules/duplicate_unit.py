"""同一单位在一条责任单位表述中重复出现。

比较时忽略括号全角半角、空格，并按配置的别名归并（如 县府办 = 县政府办公室）。
修复：删除后出现的重复单位及其前面的分隔符（安全修复）。

反例::

    县委宣传部牵头，县府办、各镇（场）政府、各镇（场）政府、县直各部门负责

正例::

    县委宣传部牵头，县府办、各镇（场）政府、县直各部门负责

选项：无（别名在配置 ``units`` 中设置）。
"""
from planlint.diagnostics import Edit, Fix, Problem
from planlint.model import Span
from planlint.text import unit_key

NAME = "duplicate-unit"
CODE = "U002"
SEVERITY = "error"
OPTIONS: dict = {}
FIXABLE = True


def check(plan, options):
    config = options.get("_config")
    aliases = config.units if config is not None else {}
    keys: dict[str, str] = {}  # name -> unit_key: a plan names the same units again and again
    for task in plan.tasks:
        for clause in task.clauses:
            if len(clause.units) < 2:
                continue  # nothing to repeat
            seen: dict[str, str] = {}
            previous_end = None
            for unit in clause.units:
                key = keys.get(unit.name)
                if key is None:
                    key = keys[unit.name] = unit_key(unit.name, aliases)
                if key in seen:
                    yield _problem(plan, task, unit, seen[key], previous_end)
                else:
                    seen[key] = unit.name
                previous_end = unit.span


_SEPARATORS = ("、", "，", ",", "；", ";")


def _removal(plan, unit, previous_end):
    """The span to delete: the repeat with the separator before it, or else after it."""
    s = unit.span
    if s.line != s.end_line:
        return None
    line = plan.source.line(s.line)
    if previous_end is not None and previous_end.end_line == s.line:
        between = line[previous_end.end_column - 1:s.column - 1]
        if between.strip() in _SEPARATORS and len(between) <= 2:
            return Span(s.line, previous_end.end_column, s.line, s.end_column)
    after = line[s.end_column - 1:s.end_column]
    if after in _SEPARATORS and line[s.end_column:s.end_column + 1] not in ("", ")", "）"):
        return Span(s.line, s.column, s.line, s.end_column + 1)
    return None


def _problem(plan, task, unit, first, previous_end):
    s = unit.span
    fix = None
    span = _removal(plan, unit, previous_end)
    if span is not None:
        fix = Fix(f"删除重复的“{unit.name}”", (Edit(span, ""),), safe=True)
    same = "" if first == unit.name else f"（与“{first}”为同一单位）"
    return Problem(
        span=s,
        message=f"“{unit.name}”在责任单位中重复出现{same}",
        message_en=f"“{unit.name}” is listed twice in one responsibility clause",
        task=task.id,
        fix=fix,
    )
