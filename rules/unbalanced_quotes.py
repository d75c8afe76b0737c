"""引号不配对：“ 与 ”、‘ 与 ’ 数目对不上。

引号可以跨行闭合，但不跨空行和新的编号项。直引号（"）不检查。

反例::

    5.推进“双随机、一公开监管。

正例::

    5.推进“双随机、一公开”监管。

选项：无。
"""
from planlint.diagnostics import Problem
from planlint.model import Span
from planlint.rules._chars import task_at
from planlint.rules._pairs import scan, table

NAME = "unbalanced-quotes"
CODE = "P003"
SEVERITY = "warning"
OPTIONS: dict = {}
FIXABLE = False

KINDS = table([("double", "“", "”"), ("single", "‘", "’")])


def check(plan, options):
    owner = None  # built on the first finding: most plans have none
    for item in scan(plan, KINDS):
        owner = owner or task_at(plan)
        zh = "没有对应的后引号" if item.opener else "没有对应的前引号"
        en = "is never closed" if item.opener else "has no opening quote"
        yield Problem(span=Span.of(item.line, item.column, 1), message=f"引号 {item.char} {zh}",
                      message_en=f"the quote {item.char} {en}", task=owner.get(item.line))
