"""编号跳号、重号或编号残缺。

按文档顺序检查每一级编号（一、 （一） 1. （1） 及表格序号）：同一上级下编号应从 1 起
连续递增，或沿用上一组继续编号（不少计划的 1. 2. … 跨小节连续编号）。报告跳过的编号、
重复或倒退的编号，以及丢了数字或顿号的残缺编号（“、聚焦……”“)狠抓……”“49完善……”）。
分页后逐字重复的类别标题不算重号。

反例::

    （一）推进财政信息公开。
    1.公开预算信息。
    3.公开决算信息。

正例::

    （一）推进财政信息公开。
    1.公开预算信息。
    2.公开决算信息。

选项：``check_gaps``（默认 true）报告跳号；``check_repeats``（默认 true）报告重号和倒退。
"""
from planlint.diagnostics import Problem

NAME = "numbering"
CODE = "S001"
SEVERITY = "warning"
OPTIONS = {"check_gaps": True, "check_repeats": True}
FIXABLE = False


def check(plan, options):
    last: dict[int, int] = {}  # last value seen at each level, since its parent last changed
    deepest = 0  # max(last, default=0), kept up to date rather than worked out a marker
    running: dict[int, int] = {}  # last value at each level over the whole document
    seen: dict[int, object] = {}  # the last marker at each level
    damaged: set[str] = set()
    line_of = plan.source.line
    for marker in plan.markers:
        level, value = marker.level, marker.value
        if value is None or marker.style == "damaged":
            line_text = line_of(marker.span.line).strip()
            if line_text not in damaged:  # page-break repeats of a damaged heading: report once
                damaged.add(line_text)
                yield _damaged(marker)
                # it stands where the next number was lost: 三、 after 、聚焦… is no gap
                last[level] = running[level] = (last.get(level) or 0) + 1
            if max(last, default=0) > level:  # a damaged marker still opens a new item at its level
                _close_deeper(last, level)
            deepest = max(last, default=0)
            continue
        previous = last.get(level)
        if previous == value and level in seen \
                and line_of(seen[level].span.line).strip() == line_of(marker.span.line).strip():
            continue  # a category heading repeated verbatim after a page break
        if previous is None:
            # _compare reports nothing for the first item of a new parent numbered 1 or
            # continuing the document-wide sequence: most are, so they are told apart here.
            if value != 1 and value != (running.get(level) or 0) + 1:
                yield from _compare(marker, previous, running.get(level), options)
        elif value != previous + 1:
            yield from _compare(marker, previous, running.get(level), options)
        last[level] = running[level] = value
        seen[level] = marker
        if deepest > level:  # most markers are at the deepest level open: nothing to close
            _close_deeper(last, level)
        deepest = level  # the deepest level left: this marker's (any deeper were closed)


def _close_deeper(last: dict[int, int], level: int) -> None:
    for deeper in [lv for lv in last if lv > level]:
        del last[deeper]


def _compare(marker, previous, running, options):
    value = marker.value
    if previous is None:
        # First item under a new parent: 1, or continuing the document-wide sequence.
        if value != 1 and value != (running or 0) + 1 and options.get("check_gaps", True):
            expected = 1 if running is None else f"1 或 {running + 1}"
            yield _problem(marker, f"编号“{marker.text.strip()}”不连续，应为 {expected}",
                           f"numbering jumps to {marker.text.strip()}")
        return
    if value == previous + 1:
        return
    if value > previous + 1:
        if options.get("check_gaps", True):
            missing = previous + 1 if value == previous + 2 else f"{previous + 1}–{value - 1}"
            yield _problem(marker, f"编号“{marker.text.strip()}”前缺少第 {missing} 项",
                           f"numbering skips {missing} before {marker.text.strip()}")
    elif options.get("check_repeats", True):
        what = "重复" if value == previous else "倒退"
        yield _problem(marker, f"编号“{marker.text.strip()}”{what}（上一项为 {previous}）",
                       f"numbering {'repeats' if value == previous else 'goes back'}: "
                       f"{marker.text.strip()} after {previous}")


def _damaged(marker):
    return _problem(marker, f"编号“{marker.text.strip()}”残缺，请补全序号和标点",
                    f"damaged numbering marker “{marker.text.strip()}”")


def _problem(marker, zh, en):
    return Problem(span=marker.span, message=zh, message_en=en)
