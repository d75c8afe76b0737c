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
from functools import lru_cache, partial

from planlint.diagnostics import LineFix, Problem
from planlint.model import Span
from planlint.rules._chars import (boilerplate_lines, has_han, inside, is_cjk, line_texts,
                                   lines_holding, task_at, url_spans)
from planlint.rxcache import rx

NAME = "halfwidth-punctuation"
CODE = "P001"
SEVERITY = "info"
OPTIONS = {"chars": "():,;"}
FIXABLE = True

_PARENS = rx("[()（）]")
# A bracket pair with no bracket inside: with no other bracket on the line, these are all pairs.
_INNER_PAIR = rx("[(（][^()（）]*[)）]")
# A line whose brackets (either width) alternate open, close, open, close, ...: every bracket is
# then in one of the inner pairs, with nothing nested or unmatched. Each repeat must consume a
# bracket, which the classes around it exclude: re cannot backtrack into a blow-up.
_SIMPLE = rx("[^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*")
_START, _SPAN = re.Match.start, re.Match.span
FULL = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"}
# Neither width of these decides whether a neighbour is Chinese: that keeps the fix idempotent.
_TRANSPARENT = set("():,;（）：，；") | {" ", "\t", "\u3000", "\u00a0"}


def check(plan, options):
    wanted = set(options.get("chars", "():,;")) & set(FULL)
    if not wanted:
        return
    find = _finder(wanted)
    skip = boilerplate_lines(plan)
    lines = plan.source.lines
    owner = None
    for index in _holding(lines, "".join(sorted(wanted))):
        line = lines[index]
        number = line.number
        if number in skip:
            continue
        text = line.text
        hits = find(text)
        if hits:
            if owner is None:
                owner = task_at(plan)
            yield _problem(number, text, hits, owner.get(number))


def _holding(lines, chars: str) -> list[int]:
    """``lines_holding(lines, chars)`` for at most five characters: one pass over the lines with
    an ``in`` test for each character present in the whole text (repeats are harmless), not one
    pass a character and a sort of their union."""
    texts, joined = line_texts(lines)
    present = [c for c in chars if c in joined]
    if len(present) < 2 or len(chars) > 5:
        return lines_holding(lines, chars)
    a, b, c, d, e = (present * 5)[:5]
    return [k for k, t in enumerate(texts) if a in t or b in t or c in t or d in t or e in t]


def offending(text: str, wanted: set[str]) -> set[int]:
    """0-based indexes of half-width punctuation that sits in Chinese text."""
    return set(_finder(wanted)(text))


def _finder(wanted: set[str]):
    """``offending`` for one set of wanted characters, with the per-set work done once; the
    indexes come sorted, in a list."""
    want_open, want_close = "(" in wanted, ")" in wanted
    parens = want_open or want_close
    separators = "".join(sorted(wanted - {"(", ")"}))
    find_separators = _pattern(separators).finditer if separators else None
    find_wanted = _pattern("".join(sorted(wanted))).finditer
    exception = _exception(separators, parens).search
    simple = _SIMPLE.fullmatch

    def find(text: str) -> list[int]:
        # The common case, in C: no URL can be on the line, no bracket is nested or unmatched, no
        # half-width pair is without Han inside and no separator is without a CJK neighbour
        # (``exception``). Then every wanted character is a hit: each bracket sits in a pair that
        # counts (a mixed pair, or one with Han inside) and each separator is next to CJK text.
        if ("/" not in text and "@" not in text and "www" not in text and exception(text) is None
                and (not parens or ("(" not in text and ")" not in text) or simple(text) is not None)):
            return list(map(_START, find_wanted(text)))
        urls = url_spans(text) if ("/" in text or "@" in text or "www" in text) else []
        near = _nearness(text) if _LONG_RUN.search(text) else partial(_near_cjk, text)
        hits: set[int] = set()
        if parens and ("(" in text or ")" in text):
            for i, j in _paren_pairs(text):
                if urls and inside(urls, i):
                    continue
                left, right = text[i] == "(", text[j] == ")"
                if (left and right) and not (near(i) or near(j) or has_han(text[i + 1:j])):
                    continue  # a half-width pair in English text; a mixed pair always counts
                if left and want_open:
                    hits.add(i)
                if right and want_close:
                    hits.add(j)
        if find_separators is None:
            return sorted(hits)
        for i in map(_START, find_separators(text)):
            if urls and inside(urls, i):
                continue
            before, after = text[i - 1] if i else "", text[i + 1:i + 2]
            # Right next to a CJK character: the common case. Han is tested inline first (a
            # string comparison is much cheaper than the call), the rest of is_cjk after.
            if ("\u3400" <= before <= "\u9fff" or "\u3400" <= after <= "\u9fff"
                    or is_cjk(before) or is_cjk(after)):
                hits.add(i)
            elif not (before.isdigit() and after.isdigit()) and near(i):
                hits.add(i)  # 1,000 and 10:30 are numbers; otherwise look past spaces
        return sorted(hits)

    return find


# The characters of is_cjk, and those of has_han, as regex classes.
_CJK = "[\u3400-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff\u2018-\u201d\u2026\u2014]"
_NOT_BRACKET_OR_HAN = "[^()（）\u3400-\u4dbf\u4e00-\u9fff]"


@lru_cache(maxsize=16)
def _exception(separators: str, parens: bool):
    """What keeps a line off find's fast path: a separator with no CJK character right before or
    after it, or (when brackets are wanted) a half-width pair with no bracket and no Han inside.
    Every alternative starts with the wanted characters' class, so re skips ahead to candidates;
    a separator's neighbour before it is read by a look-behind over it and that neighbour (at the
    start of the text there is none)."""
    one = "[" + re.escape(separators) + "]"
    lone = "(?!" + _CJK + ")(?<!" + _CJK + one + ")"
    pair = "(?<=\\()" + _NOT_BRACKET_OR_HAN + "*\\)"
    if not separators:
        return rx("\\(" + _NOT_BRACKET_OR_HAN + "*\\)")
    if not parens:
        return rx(one + lone)
    return rx("[(" + re.escape(separators) + "](?:" + pair + "|(?<!\\()" + lone + ")")


@lru_cache(maxsize=16)
def _pattern(chars: str):
    return rx("[" + re.escape(chars) + "]")


def _paren_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) of each matched bracket pair (either width) that has a half-width side."""
    pairs = list(map(_SPAN, _INNER_PAIR.finditer(text)))
    count = text.count("(") + text.count(")") + text.count("（") + text.count("）")
    if 2 * len(pairs) == count:  # no nesting and nothing unmatched: the inner pairs are all
        return [(i, end - 1) for i, end in pairs if text[i] == "(" or text[end - 1] == ")"]
    found, stack = [], []
    for m in _PARENS.finditer(text):
        k, ch = m.start(), m.group()
        if ch in "(（":
            stack.append(k)
        elif stack:
            i = stack.pop()
            if "(" == text[i] or ch == ")":
                found.append((i, k))
    return found


# A run of blanks and punctuation long enough that walking past it from each of its characters
# (``_near_cjk``) would cost more than one pass over the line (``_nearness``).
_LONG_RUN = rx("[" + re.escape("".join(sorted(_TRANSPARENT))) + "]{16,}")


def _nearness(text: str):
    """``_near_cjk(text, i)`` for every ``i`` of the text at once, in one pass each way: a line
    of thousands of commas would otherwise take a walk across them from each comma."""
    n = len(text)
    left, right = [False] * n, [False] * n
    last = False
    for k in range(n):
        left[k] = last  # whether the nearest character before k past the run is CJK
        c = text[k]
        if c not in _TRANSPARENT:
            last = is_cjk(c)
    last = False
    for k in range(n - 1, -1, -1):
        right[k] = last
        c = text[k]
        if c not in _TRANSPARENT:
            last = is_cjk(c)
    return lambda i: left[i] or right[i]


def _near_cjk(text: str, i: int) -> bool:
    """Whether the nearest character on either side, past spaces and punctuation, is CJK."""
    k = i - 1
    while k >= 0 and text[k] in _TRANSPARENT:
        k -= 1
    if k >= 0 and is_cjk(text[k]):
        return True
    k, n = i + 1, len(text)
    while k < n and text[k] in _TRANSPARENT:
        k += 1
    return k < n and is_cjk(text[k])


def _problem(number: int, text: str, hits: list[int], task):
    """One finding for the line: every hit an edit, the distinct characters named once."""
    # The edits are made only when asked for (LineFix): the JSON writer spells them without.
    # The distinct characters in order of first appearance, in C (dict keys keep their order).
    shown = " ".join(dict.fromkeys(map(text.__getitem__, hits)))
    count = len(hits)
    # Positional arguments: a plan can have thousands of these (Problem(span, message, task,
    # fix, message_en), LineFix(description, line, text, offsets, replace, safe)); the Span by
    # the model's fast maker, as the parser makes its spans (the same object as Span(...)).
    return Problem(Span._make(number, hits[0] + 1, number, hits[-1] + 2),
                   f"中文中使用了半角标点 {shown}（{count} 处），应为全角", task,
                   LineFix(f"改为全角标点（{count} 处）", number, text, hits, FULL, True),
                   f"half-width punctuation {shown} in Chinese text ({count}x); use full width")
