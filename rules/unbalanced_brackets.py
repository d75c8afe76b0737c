"""括号不配对：有左括号没有右括号，或反过来。

圆括号（全角半角视为同类）、方括号【】[]、六角括号〔〕、书名号《》分别检查。括号可以跨行
闭合（转换时断开的句子），但不跨空行和新的编号项。左括号在本行未闭合、且本行到此结束一项
时，修复为在行末补上右括号（不保证位置正确，标为不安全修复）。

反例::

    3.按季度公开专项资金使用情况。（市财政局牵头落实

正例::

    3.按季度公开专项资金使用情况。（市财政局牵头落实）

选项：无。
"""
from planlint.diagnostics import Edit, Fix, Problem
from planlint.model import Span
from planlint.rules._chars import task_at
from planlint.rules._pairs import scan, table

NAME = "unbalanced-brackets"
CODE = "P002"
SEVERITY = "warning"
OPTIONS: dict = {}
FIXABLE = True

KINDS = table([("round", "(（", ")）"), ("square", "[【", "]】"), ("tortoise", "〔", "〕"),
               ("book", "《", "》"), ("angle", "〈", "〉")])
CLOSER = {"(": ")", "（": "）", "[": "]", "【": "】", "〔": "〕", "《": "》", "〈": "〉"}


def check(plan, options):
    owner = None  # built on the first finding: most plans have none
    for item in scan(plan, KINDS):
        owner = owner or task_at(plan)
        span = Span.of(item.line, item.column, 1)
        if item.opener:
            yield Problem(span=span, message=f"“{item.char}”没有对应的右括号",
                          message_en=f"“{item.char}” is never closed",
                          task=owner.get(item.line), fix=_close(plan, item))
        else:
            yield Problem(span=span, message=f"“{item.char}”没有对应的左括号",
                          message_en=f"“{item.char}” has no opening bracket",
                          task=owner.get(item.line))


def _close(plan, item):
    """Close the bracket at the end of its line, before a final 。, when nothing else opens later."""
    if not item.closes_line:
        return None
    text = plan.source.line(item.line)
    rest = text[item.column:]
    if any(ch in KINDS for ch in rest):
        return None
    end = len(text.rstrip(" \t\u3000"))
    if end > item.column and text[end - 1] == "。":
        end -= 1
    at = end + 1
    edit = Edit(Span(item.line, at, item.line, at), CLOSER[item.char])
    return Fix(f"在行末补上“{CLOSER[item.char]}”", (edit,), safe=False)
