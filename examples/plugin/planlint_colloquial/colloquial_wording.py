"""任务要求中使用了口语化的说法（搞好、弄清、抓紧搞等）。

公文用语应规范、庄重。发现口语化的动词时报告，并建议规范说法。

反例::

    3.搞好政府网站普查工作，年底前完成。（县府办牵头）

正例::

    3.做好政府网站普查工作，年底前完成。（县府办牵头）

选项：``words``：额外的 {口语说法: 规范说法} 对照。
"""
from planlint.diagnostics import Problem
from planlint.model import Span

NAME = "colloquial-wording"
CODE = "EX001"
SEVERITY = "info"
OPTIONS = {"words": {}}
FIXABLE = False

WORDS = {"搞好": "做好", "弄清": "查明", "抓紧搞": "加快推进", "搞清楚": "查明"}


def check(plan, options):
    words = {**WORDS, **(options.get("words") or {})}
    for task in plan.tasks:
        for piece in task.pieces:
            for word, better in words.items():
                start = piece.text.find(word)
                while start >= 0:
                    column = piece.column + start
                    yield Problem(
                        span=Span(piece.line, column, piece.line, column + len(word)),
                        message=f"“{word}”较口语化，建议改为“{better}”",
                        message_en=f"“{word}” is colloquial; consider “{better}”",
                        task=task.id,
                    )
                    start = piece.text.find(word, start + len(word))
