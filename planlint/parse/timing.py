"""Timing expressions in task text and deadline values (SPEC §1 "Timing").

A single scanning pattern finds candidates; dates are then parsed by ``grammar/timing.lark`` so
they can be resolved against the plan year. What is *not* timing matters as much: 及时, manner
words (实时, 常态化, 不断), event-bound moments (编制完成后, 决策前), year words in names (年度报告).
"""
from __future__ import annotations

import functools
import re
from datetime import date
from collections.abc import Iterable

from planlint.model import DURATION, FREQUENCY, VAGUE
from planlint.parse.grammars import parser
from planlint.parse.lalr import ParseError
from planlint.rxcache import rx

# Blanks inside an expression (6 月底前). ``scan`` turns tabs and U+3000 into spaces first (same
# length, so offsets hold), which lets one literal stand for the class [ \t\u3000]: each of the ~35
# copies of that class cost ~0.2 ms to compile.
_S = " *"
# A number starts where its run of digits (numerals) starts: tried from inside a run, the class
# would take the rest of the run again at every position (a text of thousands of digits took
# seconds). A match from inside a run implies one from its start, which is tried first.
_NUM = r"(?:(?<!\d)\d+|(?<![一二三四五六七八九十两半])[一二三四五六七八九十两半]+)"
_UNIT_TIME = r"(?:个)?" + _S + r"(?:工作日|自然日|日|天|小时|个月|月|周|星期)"

# Order matters: the first alternative that matches at a position wins. Each is given with the
# characters (a class's contents) its matches can start with, among those a match can start with
# at all (_FIRST_CHAR: never a blank), for SCAN's dispatch (tests/parse/test_perf8_B.py works them
# out from the parsed patterns).
_N = "一二三四五六七八九十两半"
_PATTERNS = [
    ("duration", rf"最不\d{_N}",
     rf"(?:最迟|最长|最多|不超过)?{_S}{_NUM}{_S}{_UNIT_TIME}{_S}(?:以内|之内|内)"),
    ("duration", "法", r"法定(?:时限|期限)(?:内)?"),
    ("duration", rf"\d{_N}",
     rf"(?<![\d年])(?:\d{{1,2}}|[一二三四五六七八九十两半]){_S}(?:个)?{_S}年{_S}(?:以内|之内|内)"),
    ("frequency", "每",
     rf"每{_S}(?:\d+|[一二三四五六七八九十两半])?{_S}(?:个)?{_S}(?:年|季度|季|月|周|旬|日|天|学期|星期)"
     rf"(?:{_S}(?:\d{{1,2}}{_S}月份?{_S})?(?:\d{{1,2}}{_S}[日号]{_S})?"
     rf"(?:底|末|中旬|上旬|下旬)?{_S}(?:之前|以前|前))?"),
    ("frequency", "按", r"按(?:照)?(?:年度|季度|月度|月|季|周|旬|日|年|半年)(?!份)(?![底末])"),
    ("date", r"截到至\d",
     rf"(?:截至|截止|到|至)?{_S}\d{{4}}{_S}年{_S}"
     rf"(?:(?:年底|年末|年内|年中|年初|上半年|下半年|底|末|内)|"
     rf"(?:第?[一二三四1-4]季度(?:末|内|初)?)|"
     rf"(?:\d{{1,2}}{_S}月份?{_S}(?:\d{{1,2}}{_S}[日号])?{_S}(?:底|末|中旬|上旬|下旬|初)?))"
     rf"{_S}(?:之前|以前|为止|前|内|止)?"),
    ("date", "截到至", rf"(?:截至|截止|到|至)\d{{4}}{_S}年"),
    ("date", r"\d",
     rf"(?<![\d年])\d{{1,2}}{_S}月份?{_S}(?:\d{{1,2}}{_S}[日号])?{_S}(?:底|末|中旬|上旬|下旬|初)?{_S}"
     r"(?:之前|以前|前|止)"),
    ("date", r"\d", rf"(?<![\d年])\d{{1,2}}{_S}月份?{_S}(?:底|末|上旬|中旬|下旬)"),
    ("date", "年上下", r"(?<![当每])(?<![去明])(?<!前)(?:年底前|年底|年末|年内|上半年|下半年|年中)(?![度份])"),
    ("date", "第一二三四1-4", r"第?[一二三四1-4]季度(?:末|内|前|初)"),
    # 整改清单 deadline idioms meaning "now" (立即 alone is a manner word, like 及时)
    ("date", "立即", r"立行立改|即知即改"),
    # (一季度, 本季度: a quarter, not "every quarter")
    ("frequency", "月季", r"(?<![年一二三四1-4本上下])(?:月度|季度)(?![末内])(?![初前])"),
    ("vague", "持长按适尽逐定另视择",
     r"持续推进|(?<!可)持续|长期坚持|长期(?!以来|性)|按时间节点(?:完成|推进)?|适时|尽快|逐步|"
     r"定期|另行通知|视情|择期"),
]
# The leading look-aheads let the engine skip positions no alternative can start at: first one
# character class (one test a position), then the exact starts. (Words, not classes like
# 年[底末内中], here and in the look-arounds above: a class of three or more CJK characters costs
# ~0.2 ms to compile.)
_START_CHARS = r"\d一二三四五六七八九十两半每按第"
_START_WORDS = ("立行", "即知", "最迟", "最长", "最多", "不超过", "截至", "截止", r"到\d", r"至\d", "年底",
                "年末", "年内", "年中", "上半年", "下半年", "月度", "月底", "月末", "季度", "持续", "长期",
                "适时", "尽快", "逐步", "定期", "另行", "视情", "择期", "法定")
_FIRST_CHAR = f"[{_START_CHARS}{''.join(sorted({w[0] for w in _START_WORDS}))}]"
# _FIRST_CHAR's characters but the decimal digits (\d: str.isdecimal), as a set: where a timing
# expression can start, for callers that test a few characters before calling scan_short.
START_CHARACTERS = frozenset(_START_CHARS[2:]) | frozenset(w[0] for w in _START_WORDS)
# The alternatives as written (the reference of tests/parse/test_perf6_C.py)
_ALTERNATIVES = "(?:" + "|".join(f"(?P<{kind}{i}>{pat})"
                                 for i, (kind, _, pat) in enumerate(_PATTERNS)) + ")"
# The alternatives as SCAN tries them: each starts by taking a character of its first class,
# steps back over it and finds its expression there (the same look-behind, look-ahead trick as
# SCAN's, see below). An alternative of ``re`` that starts with a character class is skipped at
# the cost of one class test when the character is not in it (the alternation's loop tests it
# before entering), where one that starts with its group is entered, group and all, and fails
# inside: the expressions a position's character cannot start are no longer tried (the regex
# work of scanning the task texts of the 1 MB mix 66 -> 55 M instructions). Each class holds
# every character its expression can start with, so an alternative matches where it did, and
# the first that matches is the same one, with the same group and span.
_DISPATCHED = "(?:" + "|".join(f"[{first}](?<=(?=(?P<{kind}{i}>{pat})).)"
                               for i, (kind, first, pat) in enumerate(_PATTERNS)) + ")"
# The expression is found inside a look-behind, behind its first character: the pattern starts
# with that character's class, so ``re`` skips every other position in C (it only does so for a
# pattern that starts with a character or class, not with a look-ahead), and more than nine in
# ten positions of task text can start nothing (the regex work of scanning the task texts of the
# 1 MB mix: 121 -> 88 M instructions). The
# look-behind steps back over the one character and finds the expression there, as a look-ahead:
# the whole match is that character, the expression is its (named) group, and ``scan`` goes on
# from the group's end, as ``finditer`` would from the end of the match. Only for text whose tabs
# and U+3000 are spaces (see ``scan``).
# The class the engine skips by is a superset of _FIRST_CHAR (the look-behind then takes only
# _FIRST_CHAR's characters): ``\d`` (Unicode's decimal digits) is a category test for every
# character the engine steps over, about a third of the scanning; the digits 0-9 and the blocks
# that hold all other decimal digits (none among CJK characters and punctuation, the text of a
# plan) are a table look-up in the class's bitmap. (tests/parse/test_perf7_C.py: every ``\d``.)
_SKIP_CHAR = (f"[0-9{''.join(sorted({w[0] for w in _START_WORDS} | set(_START_CHARS[2:])))}"
              r"\u0660-\u1fff\ua000-\uabff\uff10-\uff19\U00010000-\U0010ffff]")
SCAN = rx(f"{_SKIP_CHAR}(?<=(?=(?=[{_START_CHARS}]|{'|'.join(_START_WORDS)}){_DISPATCHED})"
          f"{_FIRST_CHAR})")
_KIND = {f"{kind}{i}": kind for i, (kind, _, _) in enumerate(_PATTERNS)}

# A 季度 that is part of a year name or a report title is no frequency.
_NOT_TIMING_AFTER = ("报告", "报表", "计划", "目标", "任务", "工作报告")
_CN_NUMERALS = frozenset("一二三四五六七八九十两半")
_DIGIT_OR_STATUTORY = rx(r"\d|法定")


def scan(text: str, vague_terms: Iterable[str] = ()) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, text) of every timing expression in ``text``."""
    found = []
    search = SCAN.search
    # (in tests first: most texts hold neither, and two replace calls cost more)
    spaced = text.replace("\t", " ").replace("\u3000", " ") \
        if "\t" in text or "\u3000" in text else text
    pos = 0
    while (m := search(spaced, pos)) is not None:
        group = m.lastgroup
        kind = _KIND[group]
        start, end = m.span(group)
        pos = end
        while start < end and text[start] in " \t\u3000":
            start += 1
        if kind == FREQUENCY and text[start:end] in ("月度", "季度") and \
                text.startswith(_NOT_TIMING_AFTER, end):
            continue
        if kind == DURATION and text[start:start + 1] not in _CN_NUMERALS \
                and not _DIGIT_OR_STATUTORY.search(text, start, end):
            continue
        found.append((start, end, kind, text[start:end]))
    if vague_terms:
        for term in vague_terms:
            for m in re.finditer(re.escape(term), text):
                if not any(s <= m.start() < e for s, e, _, _ in found):
                    found.append((m.start(), m.end(), VAGUE, m.group()))
        # (without them, matches come in order: each starts at a start character, never a blank)
        found.sort()
    return found


@functools.lru_cache(maxsize=4096)
def scan_short(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """``scan`` for short texts that recur (deadline cells and values: 年底前, 长期坚持 …)."""
    return tuple(scan(text))


YEAR_ONLY = rx(r"^(?:19|20)\d{2}[ \t\u3000]*年度?(?:内|底|全年)?$")
# A deadline cell naming a month and no part of it (1月份, 9月投入使用, 2023年3月): that month.
MONTH_ONLY = rx(r"^(?:(?:19|20)\d{2}[ \t\u3000]*年[ \t\u3000]*)?(?:1[0-2]|0?[1-9])[ \t\u3000]*月份?"
                r"(?![\d底末初中上下前内旬])")
WHOLE_YEAR = ("全年", "全年度")  # a deadline cell meaning within the plan's year


def bare_period(text: str) -> str | None:
    """The month or year a deadline cell names without a timing expression (its text), or
    None: a month alone (at the start of a cell of eight characters at most) or 全年."""
    text = text.strip()
    if text in WHOLE_YEAR:
        return text
    m = MONTH_ONLY.match(text) if len(text) <= 8 else None
    return m.group() if m else None


def looks_like_deadline(text: str) -> bool:
    """A table cell that states when: a timing expression, just a year (2019年), or a bare
    month or the whole year (3月份, 全年)."""
    # scan_short: the cell is scanned again (memo hit) when it becomes a deadline value
    return bool(scan_short(text)) or bool(YEAR_ONLY.match(text.strip())) \
        or bare_period(text) is not None


_timing_parser = None  # grammar/timing.lark's parser, made on first use
_DIGIT_RUN = rx(r"\d+")


@functools.lru_cache(maxsize=4096)
def resolve(text: str, year: int | None) -> date | None:
    """The last day a date expression allows, e.g. 6月底前 in a 2018 plan → 2018-06-30."""
    global _timing_parser
    if _timing_parser is None:
        _timing_parser = parser("timing", None, True)
    try:
        # every rule of the timing grammar keeps all its children: its tokens are its leaves
        tokens = _timing_parser.tokens_of(text.strip())
    except ParseError:
        return None
    y, month, day, part, quarter = year, None, None, None, None
    for type_, text_ in tokens:  # (no variable is set by two tokens: the order is of no account)
        # the token without blanks (only YEAR, MONTH and DAY can hold any)
        value = text_ if text_.isalnum() else "".join(text_.split())
        if type_ == "YEAR":
            y = int(value[:4])
        elif type_ == "MONTH":
            month = int(_DIGIT_RUN.match(value).group())
        elif type_ == "DAY":
            day = int(_DIGIT_RUN.match(value).group())
        elif type_ in ("YEARPART", "MONTHPART", "QPART"):
            part = value
        elif type_ == "QUARTER":
            quarter = "一二三四1234".index(value.lstrip("第")[0]) % 4 + 1
    if y is None:
        return None
    try:
        if month:
            if not 1 <= month <= 12:
                return None
            last = _month_days(y, month)
            if day:
                return date(y, month, min(day, last))
            if part in ("上旬",):
                return date(y, month, 10)
            if part in ("中旬", "中"):
                return date(y, month, 20)
            if part == "初":
                return date(y, month, 5)
            return date(y, month, last)
        if quarter:
            end_month = quarter * 3
            return date(y, end_month, _month_days(y, end_month))
        if part in ("上半年", "年中"):
            return date(y, 6, 30)
        if part == "年初":
            return date(y, 3, 31)
        return date(y, 12, 31)
    except ValueError:
        return None


def _month_days(year: int, month: int) -> int:
    """Days in a month (calendar.monthrange without importing calendar and locale, ~3 ms)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31
