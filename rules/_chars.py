"""Character classes and line helpers shared by the typography rules (not a rule itself)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from operator import attrgetter

from planlint.rxcache import rx

# Compiled on first use: few plans hold a URL, and a class of CJK ranges costs ~2 ms to compile.
_URL = (r"(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
        r"|www\.[A-Za-z0-9.\-/_%?=&#]+|[\w.+-]+@[\w-]+\.[\w.-]+")
# A numbering marker at the start of a line: a new item closes any bracket left open before it.
# Compiled on first use (see starts_item).
_MARKER = (r"^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
           r"|\d+[.．、])")


def is_cjk(ch: str) -> bool:
    """Han, CJK punctuation, full-width forms, curly quotes, … and — (ranges, no regex: hot path)."""
    if not ch:
        return False
    o = ord(ch)
    return (0x3400 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or 0xF900 <= o <= 0xFAFF or 0x2018 <= o <= 0x201D or o == 0x2026 or o == 0x2014)


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han character (CJK ideographs and extension A); no regex, whose
    CJK class would cost more to compile than this rare test costs on short texts."""
    return not text.isascii() and any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
                                      for ch in text)


def any_of(chars: str):
    """A test whether a text holds any of ``chars``: ``in`` tests for a few, a regex for more."""
    chars = "".join(sorted(set(chars)))
    if not chars:
        return lambda text: False
    if len(chars) > 5:
        return rx("[" + re.escape(chars) + "]").search
    a, b, c, d, e = (chars * 5)[:5]  # repeats are harmless: ``in`` tests for up to five
    return lambda text: a in text or b in text or c in text or d in text or e in text


def lines_holding(lines, chars: str) -> list[int]:
    """Indexes (0-based, ascending) of the lines whose text holds any of ``chars``.

    The same lines as ``[k for k, line in enumerate(lines) if any_of(chars)(line.text)]``, with
    less work a line: the characters absent from the whole text (most of them, in most plans)
    are dropped first, and each one present is looked for with an ``in`` test inline, not
    through a function call a line.
    """
    texts, joined = line_texts(lines)
    present = [c for c in chars if c in joined]
    if not present:
        return []
    if len(present) == 1:
        c = present[0]
        return [k for k, text in enumerate(texts) if c in text]
    hits: set[int] = set()
    for c in present:
        hits.update([k for k, text in enumerate(texts) if c in text])
    return sorted(hits)


_TEXT = attrgetter("text")
_last_texts: tuple = (None, (), "")  # the lines last asked for, their texts, those joined


def line_texts(lines) -> tuple[tuple[str, ...], str]:
    """The texts of ``lines`` and the same joined with "\\n".

    Four rules scan a plan's whole text (halfwidth-punctuation, stray-markup and both pairing
    rules), each from these two: for a tuple of lines (a plan's, immutable) they are made once,
    kept until other lines are asked for. The memo holds the lines, so their identity cannot be
    reused while it is kept; it is replaced whole, so a thread never sees half of another's.
    """
    global _last_texts
    last = _last_texts
    if lines is last[0]:
        return last[1], last[2]
    texts = tuple(map(_TEXT, lines))
    joined = "\n".join(texts)
    if lines.__class__ is tuple:
        _last_texts = (lines, texts, joined)
    return texts, joined


def starts_item(text: str) -> bool:
    """Whether the line starts with a numbering marker. Only a bracket left open at the end of a
    line asks, and the pattern's classes of Chinese numerals cost ~1 ms to compile: on first use."""
    return _marker().match(text) is not None


@lru_cache(maxsize=1)
def _marker():
    return rx(_MARKER)


def url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _url().finditer(text)]


@lru_cache(maxsize=1)
def _url():
    return rx(_URL)


def inside(spans, index: int) -> bool:
    return any(a <= index < b for a, b in spans)


def boilerplate_lines(plan) -> set[int]:
    lines: set[int] = set()
    for span in plan.boilerplate:
        lines.update(range(span.line, span.end_line + 1))
    return lines


class task_at:
    """Line number → id of the task whose span covers it (``.get(line)``), by bisection."""

    def __init__(self, plan):
        spans = sorted((t.span.line, t.span.end_line, t.id) for t in plan.tasks)
        self._starts = [s[0] for s in spans]
        self._spans = spans

    def get(self, line: int):
        k = bisect_right(self._starts, line) - 1
        while k >= 0:
            start, end, task = self._spans[k]
            if end >= line:
                return task
            k -= 1
            if k >= 0 and self._spans[k][1] < start:
                break  # earlier tasks end before this one starts: none can cover the line
        return None
