"""Find unmatched brackets or quotes over a plan's lines (shared by two rules, not a rule itself).

An opener may be closed on a later line (extraction breaks sentences across lines) as long as no
blank line and no new numbered item comes between; bracket width does not matter (``(一）``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from planlint.rules._chars import MARKER, boilerplate_lines


@dataclass
class Unmatched:
    char: str
    line: int
    column: int  # 1-based
    opener: bool
    closes_line: bool  # the opener's item ended on its own line (where a closer could go)


def scan(plan, kinds: dict[str, str]):
    """Yield :class:`Unmatched` for each opener or closer without a partner.

    ``kinds`` maps each bracket character to a kind name; openers and closers are told apart by
    ``openers``/``closers`` sets derived from the character pairs.
    """
    skip = boilerplate_lines(plan)
    wanted = _pattern("".join(sorted(kinds)))
    stack: list[Unmatched] = []
    lines = plan.source.lines
    for index, line in enumerate(lines):
        text = line.text
        if stack and (line.number in skip or not text.strip() or MARKER.match(text)):
            yield from _flush(stack, ended_here=False)
        if line.number in skip or not wanted.search(text):
            if stack:
                yield from _maybe_flush(stack, lines, index)
            continue
        for m in wanted.finditer(text):
            col, ch = m.start() + 1, m.group()
            kind, is_open = kinds[ch]
            if is_open:
                stack.append(Unmatched(ch, line.number, col, True, False))
                continue
            match = next((i for i in range(len(stack) - 1, -1, -1) if kinds[stack[i].char][0] == kind), None)
            if match is None:
                yield Unmatched(ch, line.number, col, False, False)
            else:
                del stack[match]
        if stack:
            yield from _maybe_flush(stack, lines, index)
    yield from _flush(stack, ended_here=True, line=lines[-1].number if lines else 0)


@lru_cache(maxsize=8)
def _pattern(chars: str):
    return re.compile("[" + re.escape(chars) + "]")


def _maybe_flush(stack: list[Unmatched], lines, index: int):
    """Report what is still open when the next line starts a new item or a blank line follows."""
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if not following.strip() or MARKER.match(following):
        yield from _flush(stack, ended_here=True, line=lines[index].number)


def _flush(stack: list[Unmatched], ended_here: bool, line: int = 0):
    for item in stack:
        item.closes_line = ended_here and item.line == line
        yield item
    stack.clear()


def table(pairs: list[tuple[str, str, str]]) -> dict[str, tuple[str, bool]]:
    """[(kind, opener chars, closer chars)] → {char: (kind, is_opener)}."""
    out: dict[str, tuple[str, bool]] = {}
    for kind, openers, closers in pairs:
        out.update({c: (kind, True) for c in openers})
        out.update({c: (kind, False) for c in closers})
    return out
