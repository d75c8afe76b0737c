"""任务只有编号，没有具体要求。

编号之后没有任何任务内容（常见于表格行只剩序号和单位、或内容在转换时丢失）时报告。

反例::

    12.
    县财政局牵头，县直各部门负责

正例::

    12.推动县级政府及其部门全面公开财政预决算信息。
    县财政局牵头，县直各部门负责

选项：``min_chars``（默认 1）：去掉标点和空白后少于这么多字即视为空。
"""
import re

from planlint.diagnostics import Problem

NAME = "empty-task"
CODE = "S003"
SEVERITY = "error"
OPTIONS = {"min_chars": 1}
FIXABLE = False

_NOISE = re.compile(r"[\s\u3000\u00a0。，、；：,.;:!！?？…—\-“”\"'‘’()（）]+")


def check(plan, options):
    minimum = options.get("min_chars", 1)
    for task in plan.tasks:
        if len(_NOISE.sub("", task.text)) >= minimum:
            continue
        yield Problem(
            span=task.marker.span,
            message=f"任务 {task.marker.text.strip()} 没有具体内容",
            message_en=f"task {task.marker.text.strip()} has no requirement text",
            task=task.id,
        )
