"""Find unmatched brackets or quotes over a plan's lines (shared by two rules, not a rule itself).

An opener may be closed on a later line (extraction breaks sentences across lines) as long as no
blank line and no new numbered item comes between; bracket width does not matter (``(一）``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from planlint.rules._chars import any_of, boilerplate_lines, starts_item
from planlint.rxcache import rx


class Unmatched:
    """A bracket without a partner (a plain class: a dataclass costs ~1 ms of start-up)."""

    __slots__ = ("char", "line", "column", "opener", "closes_line")

    def __init__(self, char: str, line: int, column: int, opener: bool, closes_line: bool):
        self.char = char
        self.line = line
        self.column = column  # 1-based
        self.opener = opener
        # the opener's item ended on its own line (where a closer could go)
        self.closes_line = closes_line

    def __repr__(self) -> str:
        return (f"Unmatched({self.char!r}, line={self.line}, column={self.column}, "
                f"opener={self.opener}, closes_line={self.closes_line})")


def scan(plan, kinds: dict[str, tuple[str, bool]]):
    """Yield :class:`Unmatched` for each opener or closer without a partner.

    ``kinds`` maps each bracket character to (kind name, is opener), see :func:`table`. While
    nothing is open, only lines holding a bracket are visited; an open bracket is kept as a
    plain tuple and becomes an :class:`Unmatched` only when it is reported.
    """
    skip = boilerplate_lines(plan)
    pattern = _pattern("".join(sorted(kinds)))
    has_bracket = any_of("".join(kinds))
    lines = plan.source.lines
    stack: list[tuple] = []  # (kind, char, line number, column) of each open bracket
    done = -1  # index of the last line visited
    pairs_up = _pairing(tuple(sorted(kinds.items())))
    for index in [i for i, line in enumerate(lines) if has_bracket(line.text) and line.number not in skip]:
        if index <= done:
            continue
        if pairs_up("".join(pattern.findall(lines[index].text))):
            continue  # nothing is open here, and the line opens nothing it does not close
        yield from _match(pattern, kinds, lines[index], stack)
        while stack:  # something is open: visit every line until it is closed or reported
            yield from _maybe_flush(stack, lines, index)
            if not stack:
                break
            index += 1
            line = lines[index]
            text, number = line.text, line.number
            if number in skip or not text.strip() or starts_item(text):
                yield from _flush(stack, ended_here=False)
            if number not in skip and has_bracket(text):
                yield from _match(pattern, kinds, line, stack)
        done = index
    yield from _flush(stack, ended_here=True, line=lines[-1].number if lines else 0)


def _match(pattern, kinds, line, stack: list[tuple]) -> list[Unmatched]:
    """Push the line's openers, pop what its closers close; the closers left without a partner."""
    number, unmatched = line.number, []
    for m in pattern.finditer(line.text):
        ch = m.group()
        kind, is_open = kinds[ch]
        if is_open:
            stack.append((kind, ch, number, m.start() + 1))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == kind:
                del stack[k]
                break
        else:
            unmatched.append(Unmatched(ch, number, m.start() + 1, False, False))
    return unmatched


@lru_cache(maxsize=8)
def _pattern(chars: str):
    return rx("[" + re.escape(chars) + "]")


@lru_cache(maxsize=8)
def _pairing(kinds: tuple):
    """A test whether a line's brackets, in order, all pair up within it (from nothing open).

    Such a line leaves nothing open and reports nothing, so the scan skips it. The answer
    depends only on the sequence of brackets, and lines repeat a few sequences (（）, 《》（）…):
    each is worked out once.
    """
    table = dict(kinds)

    @lru_cache(maxsize=1024)
    def pairs_up(sequence: str) -> bool:
        open_kinds: list[str] = []
        for char in sequence:
            kind, is_open = table[char]
            if is_open:
                open_kinds.append(kind)
            elif kind in open_kinds:
                del open_kinds[len(open_kinds) - 1 - open_kinds[::-1].index(kind)]
            else:
                return False
        return not open_kinds

    return pairs_up


def _maybe_flush(stack: list[tuple], lines, index: int):
    """Report what is still open when the next line starts a new item or a blank line follows."""
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if not following.strip() or starts_item(following):
        yield from _flush(stack, ended_here=True, line=lines[index].number)


def _flush(stack: list[tuple], ended_here: bool, line: int = 0):
    for _, char, number, column in stack:
        yield Unmatched(char, number, column, True, ended_here and number == line)
    stack.clear()


def table(pairs: list[tuple[str, str, str]]) -> dict[str, tuple[str, bool]]:
    """[(kind, opener chars, closer chars)] → {char: (kind, is_opener)}."""
    out: dict[str, tuple[str, bool]] = {}
    for kind, openers, closers in pairs:
        out.update({c: (kind, True) for c in openers})
        out.update({c: (kind, False) for c in closers})
    return out
