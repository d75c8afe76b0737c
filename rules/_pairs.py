"""Find unmatched brackets or quotes over a plan's lines (shared by two rules, not a rule itself).

An opener may be closed on a later line (extraction breaks sentences across lines) as long as no
blank line and no new numbered item comes between; bracket width does not matter (``(一）``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from planlint.rules._chars import boilerplate_lines, line_texts, starts_item
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
    nothing is open, only lines whose brackets do not pair up are visited; an open bracket is
    kept as a plain tuple and becomes an :class:`Unmatched` only when it is reported.
    """
    chars = "".join(sorted(kinds))
    pattern = _pattern(chars)
    pairs_up = _pairing(tuple(sorted(kinds.items())))
    lines = plan.source.lines
    unpaired = _unpaired(lines, pattern, pairs_up)
    if not unpaired:
        return  # every line's brackets pair up: nothing opens, nothing to report
    skip = boilerplate_lines(plan)
    has_bracket = pattern.search  # a match (true) when the text holds a bracket
    stack: list[tuple] = []  # (kind, char, line number, column) of each open bracket
    done = -1  # index of the last line visited
    for index in unpaired:
        if index <= done or lines[index].number in skip:
            continue
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


def _unpaired(lines, pattern, pairs_up) -> list[int]:
    """Indexes (ascending) of the lines holding brackets (``pattern``'s) that do not all pair up
    within the line: with nothing open, the only lines the scan has anything to do on.

    Only lines where a run of simple pairs stops (see :func:`_stops`) can fail to pair up; the
    others' brackets are all simple pairs. Each stop's line is worked out by ``pairs_up``.
    """
    texts, joined = line_texts(lines)
    if joined.count("\n") != len(texts) - 1:  # a text holds a line break: line by line
        return [k for k, text in enumerate(texts)
                if (held := "".join(pattern.findall(text))) and not pairs_up(held)]
    return [k for k in _stops(lines, joined, pairs_up)
            if (held := "".join(pattern.findall(texts[k]))) and not pairs_up(held)]


# Both pairing rules' characters (brackets, then quotes), as ``table`` builds them. When a
# rule's kinds are among these, one scan with all of them finds the stops of both rules: a line
# whose brackets and quotes are all simple pairs has, for each rule, only simple pairs of that
# rule's kinds, so a run over all the kinds stops at least on every line a rule's own run stops
# on. The scan, a regex over every character of the text, is then made once a plan, not twice.
_SHARED: dict[str, tuple[str, bool]] = {}
_last_stops: tuple = (None, [])  # the lines last scanned with _SHARED's kinds, their stops
_shared_simple = None  # _SHARED's pattern of simple pairs, compiled on first use


def _stops(lines, joined: str, pairs_up) -> list[int]:
    """Lines (0-based, ascending) holding a bracket that is not part of a simple pair: of
    ``pairs_up``'s kinds alone, or of all of _SHARED's when its kinds are among them."""
    global _last_stops, _shared_simple
    if not pairs_up.shared:
        return _stop_lines(joined, pairs_up.simple)
    last = _last_stops
    if lines is last[0]:
        return last[1]
    if _shared_simple is None:
        _shared_simple = _simple_pairs(_SHARED)
    stops = _stop_lines(joined, _shared_simple)
    if lines.__class__ is tuple:  # kept only for immutable lines; replaced whole (threads)
        _last_stops = (lines, stops)
    return stops


def _stop_lines(joined: str, simple) -> list[int]:
    """The lines where ``simple`` (see :func:`_simple_pairs`) stops.

    ``simple`` runs over the whole text at once, skipping simple pairs and all text between
    them, and stops only at a bracket that is not part of one: that bracket's line is noted,
    and the run goes on from the next line. A line whose brackets are all simple pairs pairs
    up, so no line that does not is missed; a stop at a line that does pair up (nested pairs:
    《（）》) is answered by ``pairs_up`` like any other.
    """
    match, find, size = simple.match, joined.find, len(joined)
    found: list[int] = []
    start = line = 0  # where line number ``line`` (0-based) starts in ``joined``
    while True:
        stop = match(joined, start).end()  # at a bracket, or the end of the text
        if stop == size:
            return found
        line += joined.count("\n", start, stop)
        found.append(line)
        start = find("\n", stop) + 1
        if not start:
            return found
        line += 1


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
    each is worked out once. The test carries ``simple``, the pattern :func:`_stops` runs for
    these kinds alone, and ``shared``, whether they are among _SHARED's.
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

    pairs_up.simple = _simple_pairs(table)
    pairs_up.shared = all(_SHARED.get(char) == kind for char, kind in table.items())
    return pairs_up


def _simple_pairs(table: dict[str, tuple[str, bool]]):
    """A pattern matching, from where it starts, all text up to the first bracket that is not
    part of a simple pair (an opener, then text without brackets or line breaks, then a closer
    of the opener's kind). Nothing follows the repeat, so the match never fails and never gives
    back what a run took: each bracket is tried once (a stopping one, against its line's rest)."""
    brackets = re.escape("".join(sorted(table)))
    pairs = []
    for kind in sorted({kind for kind, _ in table.values()}):
        openers = "".join(sorted(c for c, (k, is_open) in table.items() if k == kind and is_open))
        closers = "".join(sorted(c for c, (k, is_open) in table.items() if k == kind and not is_open))
        pairs.append(f"[{re.escape(openers)}][^{brackets}\\n]*[{re.escape(closers)}]")
    return rx(f"(?:[^{brackets}]+|{'|'.join(pairs)})*")


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


_SHARED.update(table([("round", "(（", ")）"), ("square", "[【", "]】"), ("tortoise", "〔", "〕"),
                      ("book", "《", "》"), ("angle", "〈", "〉"),
                      ("double", "“", "”"), ("single", "‘", "’")]))
