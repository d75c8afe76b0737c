"""文本中残留排版标记：Markdown 的 ** / __、HTML 标签或字符实体。

从网页、Markdown 或其他系统复制的文本常带有 ``**加粗**``、``<br>``、``&nbsp;`` 等标记，
印发前应清除。修复为删除该标记（不安全修复：请确认标记不是正文的一部分）。

反例::

    **（一）推进财政信息公开。**<br>

正例::

    （一）推进财政信息公开。

选项：无。
"""
import re

from planlint.diagnostics import Edit, Fix, Problem
from planlint.model import Span
from planlint.rules._chars import task_at

NAME = "stray-markup"
CODE = "N001"
SEVERITY = "warning"
OPTIONS: dict = {}
FIXABLE = True

_MARKUP = re.compile(
    r"\*\*|__(?=\S)|(?<=\S)__"
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"
    r"|&(?:nbsp|lt|gt|amp|quot|ensp|emsp|#\d{2,5}|#x[0-9A-Fa-f]{2,4});")


def check(plan, options):
    owner = None  # built on the first finding: most plans have none
    for line in plan.source.lines:
        text = line.text
        if "*" not in text and "_" not in text and "<" not in text and "&" not in text:
            continue
        owner = owner or task_at(plan)
        for m in _MARKUP.finditer(text):
            span = Span.of(line.number, m.start() + 1, m.end() - m.start())
            yield Problem(
                span=span,
                message=f"残留排版标记“{m.group()}”",
                message_en=f"leftover markup “{m.group()}”",
                task=owner.get(line.number),
                fix=Fix(f"删除“{m.group()}”", (Edit(span, ""),), safe=False),
            )
