"""Character classes and line helpers shared by the typography rules (not a rule itself)."""
from __future__ import annotations

import re

# Han, CJK punctuation, full-width forms, curly quotes, ellipsis and dashes.
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
                  r"\u2018-\u201d\u2026\u2014]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
URL = re.compile(r"(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
                 r"|www\.[A-Za-z0-9.\-/_%?=&#]+|[\w.+-]+@[\w-]+\.[\w.-]+")
# A numbering marker at the start of a line: a new item closes any bracket left open before it.
MARKER = re.compile(r"^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
                    r"|\d+[.．、])")


def is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


def url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in URL.finditer(text)]


def inside(spans, index: int) -> bool:
    return any(a <= index < b for a, b in spans)


def boilerplate_lines(plan) -> set[int]:
    lines: set[int] = set()
    for span in plan.boilerplate:
        lines.update(range(span.line, span.end_line + 1))
    return lines


def task_at(plan) -> dict[int, str]:
    """Line number → id of the task whose span covers it."""
    owner: dict[int, str] = {}
    for task in plan.tasks:
        for n in range(task.span.line, task.span.end_line + 1):
            owner.setdefault(n, task.id)
    return owner
