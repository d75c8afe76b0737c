"""中文文本中使用了半角标点 ( ) : , ;。

中文行文应使用全角的 （ ） ： ， ；。紧挨汉字（或括号内有汉字）的半角标点报告，每行一条，
修复为对应的全角标点（安全修复，只改这些字符）。数字中的（1,000、10:30）、网址里的和
两侧都是英文的标点不报告。网页残留行由 boilerplate 规则处理，这里跳过。

反例::

    (二)加强平台建设。(牵头部门:区科委,区府办)

正例::

    （二）加强平台建设。（牵头部门：区科委，区府办）

选项：``chars``（默认 "():,;"）：要检查的半角标点。
"""
import re

from planlint.diagnostics import Edit, Fix, Problem
from planlint.model import Span
from planlint.rules._chars import boilerplate_lines, has_han, inside, is_cjk, task_at, url_spans

NAME = "halfwidth-punctuation"
CODE = "P001"
SEVERITY = "info"
OPTIONS = {"chars": "():,;"}
FIXABLE = True

_SEPARATORS = re.compile("[:,;]")
_CJK_CLASS = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff\u2018-\u201d\u2026\u2014"
# A separator right next to a CJK character: the common case, found without a Python loop.
_CJK_SEPARATOR = re.compile(f"(?<=[{_CJK_CLASS}])[:,;]|[:,;](?=[{_CJK_CLASS}])")
_PARENS = re.compile("[()（）]")
FULL = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"}
# Neither width of these decides whether a neighbour is Chinese: that keeps the fix idempotent.
_TRANSPARENT = set("():,;（）：，；") | {" ", "\t", "\u3000", "\u00a0"}


def check(plan, options):
    wanted = set(options.get("chars", "():,;")) & set(FULL)
    if not wanted:
        return
    present = re.compile("[" + re.escape("".join(sorted(wanted))) + "]")
    skip = boilerplate_lines(plan)
    owner = None
    for line in plan.source.lines:
        if not present.search(line.text) or line.number in skip:
            continue
        owner = owner or task_at(plan)
        hits = sorted(offending(line.text, wanted))
        if hits:
            yield _problem(line.number, line.text, hits, owner.get(line.number))


def offending(text: str, wanted: set[str]) -> set[int]:
    """0-based indexes of half-width punctuation that sits in Chinese text."""
    urls = url_spans(text) if ("/" in text or "@" in text or "www" in text) else []
    hits: set[int] = set()
    for i, j, mixed in (_paren_pairs(text) if "(" in text or ")" in text else ()):
        if urls and inside(urls, i):
            continue
        if mixed or has_han(text[i + 1:j]) or _near_cjk(text, i) or _near_cjk(text, j):
            hits.update(k for k in (i, j) if text[k] in "()")
    direct = {m.start() for m in _CJK_SEPARATOR.finditer(text)}
    for m in _SEPARATORS.finditer(text):
        i = m.start()
        if urls and inside(urls, i):
            continue
        if i in direct:
            hits.add(i)
        elif 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        elif _near_cjk(text, i):
            hits.add(i)
    return {i for i in hits if text[i] in wanted}


def _paren_pairs(text: str):
    """(open, close, mixed-width) for each matched pair that has a half-width side."""
    stack: list[int] = []
    for m in _PARENS.finditer(text):
        k, ch = m.start(), m.group()
        if ch in "(（":
            stack.append(k)
        elif ch in ")）" and stack:
            i = stack.pop()
            if "(" == text[i] or ch == ")":
                yield i, k, text[i] != "(" or ch != ")"


def _near_cjk(text: str, i: int) -> bool:
    return is_cjk(_neighbour(text, i, -1)) or is_cjk(_neighbour(text, i, 1))


def _neighbour(text: str, i: int, step: int) -> str:
    k = i + step
    while 0 <= k < len(text) and text[k] in _TRANSPARENT:
        k += step
    return text[k] if 0 <= k < len(text) else ""


def _problem(number: int, text: str, hits: list[int], task):
    edits = tuple(Edit(Span(number, i + 1, number, i + 2), FULL[text[i]]) for i in hits)
    chars = "".join(dict.fromkeys(text[i] for i in hits))
    shown = " ".join(chars)
    return Problem(
        span=Span(number, hits[0] + 1, number, hits[-1] + 2),
        message=f"中文中使用了半角标点 {shown}（{len(hits)} 处），应为全角",
        message_en=f"half-width punctuation {shown} in Chinese text ({len(hits)}x); use full width",
        task=task,
        fix=Fix(f"改为全角标点（{len(hits)} 处）", edits, safe=True),
    )
