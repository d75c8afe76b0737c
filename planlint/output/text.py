"""Terminal output in the style of ruff's full format.

    plan.txt:14:5: U002 [*] duplicate-unit “县府办”在责任单位中重复出现
       |
    14 | 县府办牵头，县府办、各镇（场）政府负责
       |             ^^^^^^

Columns in the header are code points (as in the JSON); the caret is placed by display width
(CJK characters take two columns, tabs are expanded) so it sits under the reported text.
Per-task findings that a plan-level finding stands for (same ``group``) are folded under it.
"""
from __future__ import annotations

import functools
import os
from collections import Counter

from planlint.diagnostics import ERROR, INFO, WARNING
from planlint.rxcache import rx

TAB = 4
MAX_WIDTH = int(os.environ.get("PLANLINT_SOURCE_WIDTH", "100"))
AMBIGUOUS = int(os.environ.get("PLANLINT_AMBIGUOUS_WIDTH", "1"))  # 2 for many CJK terminals
_COLORS = {ERROR: "31", WARNING: "33", INFO: "36", "bold": "1", "dim": "2", "path": "1", "caret": "31"}
_AMBIGUOUS_CHARS = set("“”‘’—…①②③④⑤⑥⑦⑧⑨⑩·")
_WORDS = {
    "zh": {ERROR: "错误", WARNING: "警告", INFO: "提示", "found": "发现 {n} 个问题",
           "none": "未发现问题", "fixable": "其中 {n} 个可自动修复", "files": "（{n} 个文件）",
           "grouped": "另有 {n} 条 {rule} 归入此项，位于第 {lines} 行",
           "stats": "按规则统计：", "unreadable": "{n} 个文件无法检查"},
    "en": {ERROR: "error", WARNING: "warning", INFO: "info", "found": "Found {n} problems",
           "none": "No problems found", "fixable": "{n} fixable", "files": " ({n} files)",
           "grouped": "{n} more {rule} findings grouped here, at lines {lines}",
           "stats": "By rule:", "unreadable": "{n} files could not be checked"},
}


# Blocks whose every code point is East Asian Wide or Fullwidth and none zero-width: CJK
# punctuation (U+302A-302F are combining marks, left out), CJK ideographs, fullwidth forms.
# wcwidth gives 2 for all of them (checked for 0.2.13, 0.7 and 0.9 against every code point), so
# plain Chinese lines are measured without importing wcwidth, which costs up to ~130 M
# instructions (a third of a one-file ``planlint check``). Everything else asks wcwidth.
_WIDE = ((0x3000, 0x3029), (0x3030, 0x303E), (0x4E00, 0x9FFF), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6))
# Old wcwidth releases measure by an older Unicode table when $UNICODE_VERSION is set.
_WIDE_KNOWN = "UNICODE_VERSION" not in os.environ
# What _display_plain handles: whole lines of printable ASCII, _WIDE and ambiguous characters,
# when ambiguous characters are one or two columns wide (then written as "a" or "中").
_PLAIN = _AMBIGUOUS_RX = _AMBIGUOUS_AS = None
if _WIDE_KNOWN and AMBIGUOUS in (1, 2):
    _AMBIGUOUS_CLASS = "".join(sorted(_AMBIGUOUS_CHARS))  # none of ] \\ ^ - among them
    _PLAIN = rx("[ -~" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _WIDE)
                + _AMBIGUOUS_CLASS + "]*")
    _AMBIGUOUS_RX = rx(f"[{_AMBIGUOUS_CLASS}]")
    _AMBIGUOUS_AS = "a" if AMBIGUOUS == 1 else "中"


@functools.lru_cache(maxsize=None)
def char_width(ch: str) -> int:
    """Display columns of one character (cached: a plan uses a few thousand distinct ones)."""
    if ch in _AMBIGUOUS_CHARS:
        return AMBIGUOUS
    if " " <= ch <= "~":
        return 1
    if _WIDE_KNOWN:
        code = ord(ch)
        for low, high in _WIDE:
            if low <= code <= high:
                return 2
    from wcwidth import wcwidth
    w = wcwidth(ch)
    return w if w > 0 else 0


def display(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Tab-expanded ``text`` and the display columns (0-based) where [start, end) falls."""
    return _display(text, start, end)[:3]


def _display(text: str, start: int, end: int) -> tuple[str, int, int, int]:
    """:func:`display` and the width of the text shown."""
    if _PLAIN is not None and _PLAIN.fullmatch(text):
        return _display_plain(text, start, end)
    return _display_each(text, start, end)


def _display_plain(text: str, start: int, end: int) -> tuple[str, int, int, int]:
    """:func:`_display_each` for a line of printable ASCII, _WIDE characters and ambiguous ones
    (the usual plan line), without a Python step per character (each costs ~1,000 instructions:
    a long line's findings made the text format dearer than parsing it). With the ambiguous
    characters replaced by a character of their width, every character is either ASCII (one
    column, one byte in UTF-8) or in a _WIDE block (two columns, three bytes), so a stretch of
    ``k`` characters is ``(bytes + k) / 2`` columns wide. No character is zero-width: ``text`` is
    shown as it is."""
    narrow = _AMBIGUOUS_RX.sub(_AMBIGUOUS_AS, text)
    n = len(text)
    total = (len(narrow.encode()) + n) // 2
    caret_start = (len(narrow[:start].encode()) + start) // 2 if 0 <= start < n else total
    caret_end = (len(narrow[:end].encode()) + end) // 2 if 0 <= end < n else total
    return text, caret_start, max(caret_end, caret_start + 1), total


def _display_each(text: str, start: int, end: int) -> tuple[str, int, int, int]:
    out, col, caret_start, caret_end = [], 0, None, None
    for i, ch in enumerate(text):
        if i == start:
            caret_start = col
        if i == end:
            caret_end = col
        if ch == "\t":
            pad = TAB - col % TAB
            out.append(" " * pad)
            col += pad
            continue
        width = char_width(ch)
        out.append(ch if width or ch in "\u200b\u200d" else "")
        col += width
    caret_start = col if caret_start is None else caret_start
    caret_end = col if caret_end is None else caret_end
    return "".join(out), caret_start, max(caret_end, caret_start + 1), col


def window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a line wider than MAX_WIDTH display columns down to a window around [start, end)."""
    # A line short enough to fit whatever its characters (none but a tab is over 2 wide) is not
    # measured; a long line's width is measured once, not at each of its findings (a line
    # naming thousands of units has thousands of findings: measuring it for each was quadratic).
    if len(text) * 2 <= MAX_WIDTH and "\t" not in text or _width(text) <= MAX_WIDTH:
        return display(text, start, end)
    budget = MAX_WIDTH // 2  # characters are up to two columns wide
    left = max(0, start - budget // 3)
    right = min(len(text), left + budget)
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    return display(prefix + text[left:right] + suffix, start - left + len(prefix),
                   min(end, right) - left + len(prefix))


@functools.lru_cache(maxsize=64)
def _width(text: str) -> int:
    """The display width of the whole line (see _display)."""
    return _display(text, 0, 0)[3]


def char_count_width(shown: str) -> int:
    return sum(char_width(c) for c in shown)


class _Painter:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if self.color and text else text


def render_diagnostic(result, diag, paint: _Painter, lang: str, show_source: bool = True) -> list[str]:
    s = diag.span
    mark = " [*]" if diag.fix is not None and diag.fix.safe else (" [-]" if diag.fix else "")
    head = (f"{paint(result.path, 'path')}:{s.line}:{s.column}: "
            f"{paint(diag.code, diag.severity)}{mark} {paint(diag.rule, 'bold')} {diag.text(lang)}")
    lines = [head]
    if not show_source or result.source is None:
        return lines
    text = result.source.line(s.line)
    end = s.end_column - 1 if s.end_line == s.line else len(text)
    shown, a, b = window(text, s.column - 1, end)
    gutter = " " * len(str(s.line))
    lines.append(f"{gutter} |")
    lines.append(f"{s.line} | {shown}")
    lines.append(f"{gutter} | " + " " * a + paint("^" * (b - a), "caret"))
    return lines


def _grouped(diagnostics):
    """Split into shown findings and, for each plan-level head, the findings folded under it."""
    heads = {d.group for d in diagnostics if d.group and d.task is None}
    shown, members = [], {}
    for d in diagnostics:
        if d.group in heads and d.task is not None:
            members.setdefault(d.group, []).append(d)
        else:
            shown.append(d)
    return shown, members


def _fold_line(items, words, paint) -> str:
    lines = [d.span.line for d in items]
    listed = "、".join(map(str, lines[:12])) + ("…" if len(lines) > 12 else "")
    rule = "/".join(dict.fromkeys(d.rule for d in items))
    return "  = " + paint(words["grouped"].format(n=len(items), rule=rule, lines=listed), "dim")


def file_part(result, options) -> tuple[list[str], dict, bool]:
    """(output lines, tally, unreadable) of one file; the tally counts its findings by
    (code, rule, severity, fixable) for the statistics and the summary."""
    lang = options.lang if options.lang in _WORDS else "zh"
    words, paint = _WORDS[lang], _Painter(options.color)
    out: list[str] = []
    shown, members = _grouped(result.diagnostics)
    for diag in shown:
        out.extend(render_diagnostic(result, diag, paint, lang, options.show_source))
        if diag.task is None and diag.group in members:
            out.append(_fold_line(members[diag.group], words, paint))
        if options.show_source:
            out.append("")
    tally = Counter((d.code, d.rule, d.severity, d.fix is not None) for d in result.diagnostics)
    return out, dict(tally), result.error is not None


def assemble(parts, options) -> str:
    lang = options.lang if options.lang in _WORDS else "zh"
    words, paint = _WORDS[lang], _Painter(options.color)
    out: list[str] = []
    tally: Counter = Counter()
    for lines, counts, _ in parts:
        out.extend(lines)
        tally.update(counts)
    if options.statistics and tally:
        out.append(words["stats"])
        out.extend(statistics(tally, paint))
        out.append("")
    out.append(summary(len(parts), tally, sum(1 for p in parts if p[2]), words))
    return "\n".join(out)


def render(results, options) -> str:
    return assemble([file_part(r, options) for r in results], options)


def statistics(tally, paint) -> list[str]:
    """Findings per rule, from a tally {(code, rule, severity, fixable): n}."""
    counts: Counter = Counter()
    fixable = set()
    for (code, rule, _, has_fix), n in tally.items():
        counts[(code, rule)] += n
        if has_fix:
            fixable.add((code, rule))
    width = len(str(max(counts.values())))
    return [f"{n:>{width}}  {paint(f'{code:<5}', 'bold')}  {'[*]' if (code, rule) in fixable else '   '}  {rule}"
            for (code, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def summary(files: int, tally, failed: int, words) -> str:
    total = sum(tally.values())
    if not total:
        text = words["none"]
    else:
        by: Counter = Counter()
        for (_, _, severity, _), n in tally.items():
            by[severity] += n
        parts = [f"{words[s]} {by[s]}" for s in (ERROR, WARNING, INFO) if by[s]]
        text = words["found"].format(n=total) + "（" + "，".join(parts) + "）"
        if words is _WORDS["en"]:
            text = text.replace("（", " (").replace("，", ", ").replace("）", ")")
        fixable = sum(n for (_, _, _, has_fix), n in tally.items() if has_fix)
        if fixable:
            text += ("；" if words is _WORDS["zh"] else "; ") + words["fixable"].format(n=fixable)
    if files > 1:
        text += words["files"].format(n=files)
    if failed:
        text += ("；" if words is _WORDS["zh"] else "; ") + words["unreadable"].format(n=failed)
    return text
