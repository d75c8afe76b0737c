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

from planlint.diagnostics import Problem
from planlint.rxcache import rx

NAME = "empty-task"
CODE = "S003"
SEVERITY = "error"
OPTIONS = {"min_chars": 1}
FIXABLE = False

_NOISE_CHARS = r"\s\u3000\u00a0。，、；：,.;:!！?？…—\-“”\"'‘’()（）"
_CONTENT = rx(f"[^{_NOISE_CHARS}]+")


def check(plan, options):
    minimum = options.get("min_chars", 1)
    if minimum == 1:  # the default: _has_content's own test, inline (not a call a task)
        search = _CONTENT.search
        empty = [task for task in plan.tasks if search(task.text) is None]
    else:
        empty = [task for task in plan.tasks if not _has_content(task.text, minimum)]
    for task in empty:
        yield Problem(
            span=task.marker.span,
            message=f"任务 {task.marker.text.strip()} 没有具体内容",
            message_en=f"task {task.marker.text.strip()} has no requirement text",
            task=task.id,
        )


def _has_content(text: str, minimum: int) -> bool:
    """Whether ``text`` holds at least ``minimum`` characters besides punctuation and blanks."""
    if minimum <= 1:  # the default: any one such character will do, found without a copy
        return minimum <= 0 or _CONTENT.search(text) is not None
    found = 0
    for m in _CONTENT.finditer(text):
        found += m.end() - m.start()
        if found >= minimum:
            return True
    return False
