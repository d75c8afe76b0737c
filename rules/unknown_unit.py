"""单位不在配置的单位名录中（多为错别字或简称不统一）。

只在配置了单位名录（``units``）时检查。默认只报告与名录中某个单位很接近、疑似写错的名称，
并给出最接近的规范名称；开启 ``known_units_only`` 后，名录外的单位一律报告。

反例::

    （县财正局牵头）

正例::

    （县财政局牵头）

选项：``cutoff``（默认 0.6）：判定“接近”的相似度下限（0–1）。名录和别名在配置
``units`` 中设置，``known_units_only: true`` 开启严格模式。
"""
from planlint.diagnostics import Problem
from planlint.text import fold

NAME = "unknown-unit"
CODE = "U004"
SEVERITY = "warning"
OPTIONS = {"cutoff": 0.6}
FIXABLE = False


def check(plan, options):
    config = options.get("_config")
    if config is None or not (config.known_units or config.units):
        return
    import difflib  # here, not at the top: only a configured unit registry needs it (~1 ms)
    names = list(dict.fromkeys(list(config.known_units) + list(config.units)))
    known = {fold(n) for n in names}
    by_fold = {fold(n): n for n in names}
    cutoff = float(options.get("cutoff", 0.6))
    for task in plan.tasks:
        for unit in task.owners + task.participants + task.supervisors:
            key = fold(unit.name)
            if key in known:
                continue
            close = difflib.get_close_matches(key, list(by_fold), n=1, cutoff=cutoff)
            if not close and not config.known_units_only:
                continue
            suggestion = config.canonical(by_fold[close[0]]) if close else None
            yield _problem(unit, suggestion, task.id)


def _problem(unit, suggestion, task):
    hint = f"，是否应为“{suggestion}”？" if suggestion else "，请核对单位名称或将其加入名录"
    hint_en = f"; did you mean “{suggestion}”?" if suggestion else "; check the name or add it"
    return Problem(
        span=unit.span,
        message=f"“{unit.name}”不在单位名录中{hint}",
        message_en=f"“{unit.name}” is not in the unit registry{hint_en}",
        task=task,
    )
