"""Find unmatched brackets or quotes over a plan's lines (shared by two rules, not a rule itself).

An opener may be closed on a later line (extraction breaks sentences across lines) as long as no
blank line and no new numbered item comes between; bracket width does not matter (``(一）``).
"""
from __future__ import annotations

from dataclasses import dataclass

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
    stack: list[Unmatched] = []
    lines = plan.source.lines
    for index, line in enumerate(lines):
        if line.number in skip or not line.text.strip() or MARKER.match(line.text):
            yield from _flush(stack, ended_here=False)
        if line.number in skip:
            continue
        for col, ch in enumerate(line.text, start=1):
            if ch not in kinds:
                continue
            kind, is_open = kinds[ch]
            if is_open:
                stack.append(Unmatched(ch, line.number, col, True, False))
                continue
            match = next((i for i in range(len(stack) - 1, -1, -1) if kinds[stack[i].char][0] == kind), None)
            if match is None:
                yield Unmatched(ch, line.number, col, False, False)
            else:
                del stack[match]
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if not following.strip() or MARKER.match(following):
            yield from _flush(stack, ended_here=True, line=line.number)
    yield from _flush(stack, ended_here=True, line=lines[-1].number if lines else 0)


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
