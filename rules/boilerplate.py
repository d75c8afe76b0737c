"""文本中残留网页内容：发布时间、字号切换、打印/关闭按钮、评论表单等。

从政府网站复制的计划常带有页面上的非正文内容，印发或审查前应删去。只报告读取时识别为网页
残留的行，连续的几行合并为一条。

反例::

    发布时间:2021-09-10 15:34 信息来源:市政府办公室 文字大小:[大 中 小]

正例::

    （删去该行）

选项：无。
"""
from planlint.diagnostics import Problem
from planlint.model import Span

NAME = "boilerplate"
CODE = "N002"
SEVERITY = "info"
OPTIONS: dict = {}
FIXABLE = False


def check(plan, options):
    for span in _merged(plan, plan.boilerplate):
        first = plan.source.line(span.line).strip()
        shown = first if len(first) <= 20 else first[:20] + "…"
        lines = span.end_line - span.line + 1
        more = f"等 {lines} 行" if lines > 1 else ""
        yield Problem(
            span=span,
            message=f"网页残留内容“{shown}”{more}，不属于计划正文",
            message_en=f"web page boilerplate “{shown}”" + (f" ({lines} lines)" if lines > 1 else ""),
        )


def _merged(plan, spans):
    """Join spans separated by nothing but blank lines (a comment form spreads over many)."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.line, s.column)):
        between = range(out[-1].end_line + 1, span.line) if out else ()
        if out and all(not plan.source.line(n).strip() for n in between):
            out[-1] = out[-1].cover(span)
        else:
            out.append(span)
    return out
