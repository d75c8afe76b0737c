"""文本中残留排版标记：Markdown 的 ** / __、HTML 标签或字符实体。

从网页、Markdown 或其他系统复制的文本常带有 ``**加粗**``、``<br>``、``&nbsp;`` 等标记，
印发前应清除。修复为删除该标记（不安全修复：请确认标记不是正文的一部分）。

反例::

    **（一）推进财政信息公开。**<br>

正例::

    （一）推进财政信息公开。

选项：无。
"""
from functools import lru_cache

from planlint.diagnostics import Edit, Fix, Problem
from planlint.model import Span
from planlint.rules._chars import lines_holding, task_at
from planlint.rxcache import rx

NAME = "stray-markup"
CODE = "N001"
SEVERITY = "warning"
OPTIONS: dict = {}
FIXABLE = True

# Compiled on first use: most plans hold none of * _ < & and never need it.
_MARKUP = (
    r"\*\*|__(?=\S)|(?<=\S)__"
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"
    r"|&(?:nbsp|lt|gt|amp|quot|ensp|emsp|#\d{2,5}|#x[0-9A-Fa-f]{2,4});")


def check(plan, options):
    owner = None  # built on the first finding: most plans have none
    lines = plan.source.lines
    for index in lines_holding(lines, "*_<&"):
        line = lines[index]
        text = line.text
        owner = owner or task_at(plan)
        for marks in _grouped(list(_markup().finditer(text))):
            spans = [Span.of(line.number, m.start() + 1, m.end() - m.start()) for m in marks]
            shown = marks[0].group() + ("…" + marks[1].group() if len(marks) == 2 else "")
            yield Problem(
                span=Span(line.number, spans[0].column, line.number, spans[-1].end_column),
                message=f"残留排版标记“{shown}”",
                message_en=f"leftover markup “{shown}”",
                task=owner.get(line.number),
                fix=Fix(f"删除“{shown}”", tuple(Edit(sp, "") for sp in spans), safe=False),
            )


@lru_cache(maxsize=1)
def _markup():
    return rx(_MARKUP)


def _grouped(matches):
    """Emphasis marks pair up (**加粗** is one finding, both marks removed); the rest stand
    alone."""
    pending = None
    for m in matches:
        mark = m.group()
        if mark in ("**", "__"):
            if pending is not None and pending.group() == mark:
                yield [pending, m]
                pending = None
                continue
            if pending is not None:
                yield [pending]
            pending = m
            continue
        yield [m]
    if pending is not None:
        yield [pending]
