"""Apply fixes: choose non-overlapping edits, apply them to the original text, write atomically.

Edits are in original-file coordinates (1-based line, code-point column, end exclusive). One pass
applies every chosen fix at once; a fix whose edits overlap an already chosen one is skipped and
stays reported. :func:`fix_results` repeats passes (re-linting in between) until nothing more
applies, so fixing a fixed file changes nothing.

Files are rewritten byte-exactly apart from the edits: same encoding, same BOM, same line ends
(mixed ones included), through a temporary file in the same directory and ``os.replace`` so a
kill mid-write never leaves a half file. Only plain text files that decode and re-encode to the
same bytes are fixed; .docx and .html sources are never rewritten.
"""
from __future__ import annotations

import codecs
import difflib
import os
import sys
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable

from planlint.atomic import write_atomic
from planlint.diagnostics import Diagnostic, Edit, Fix
from planlint.rxcache import rx

_LINE = rx(r"[^\r\n]*(?:\r\n|\r|\n|$)")
MAX_PASSES = 10

# BOM prefix -> codec that encodes the body without writing a BOM of its own.
_BOM_CODECS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class EditError(ValueError):
    """An edit points outside the text it is applied to."""


def fixable(diagnostic: Diagnostic, unsafe: bool = False) -> bool:
    fix = diagnostic.fix
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe)


# ---------------------------------------------------------------------------------------------
# Pure text operations

def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line (CRLF, CR and LF end a line)."""
    starts = [0]
    for match in _LINE.finditer(text):
        if match.end() == len(text):
            break
        starts.append(match.end())
    return starts


def _line_length(text: str, starts: list[int], index: int) -> int:
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    body = text[starts[index]:end]
    return len(body.rstrip("\r\n")) if body.endswith(("\r", "\n")) else len(body)


def offset(text: str, starts: list[int], line: int, column: int) -> int:
    """String offset of a (line, column); the end of the text is (last line + 1, 1) too."""
    if line == len(starts) + 1 and column == 1 and text.endswith(("\r", "\n")):
        return len(text)
    if not 1 <= line <= len(starts):
        raise EditError(f"line {line} outside 1..{len(starts)}")
    if not 1 <= column <= _line_length(text, starts, line - 1) + 1:
        raise EditError(f"column {column} outside line {line}")
    return starts[line - 1] + column - 1


def edit_range(text: str, starts: list[int], edit: Edit) -> tuple[int, int]:
    s = edit.span
    start = offset(text, starts, s.line, s.column)
    end = offset(text, starts, s.end_line, s.end_column)
    if end < start:
        raise EditError("edit ends before it starts")
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] == b[0] == b[1]:
        return True  # two insertions at one point: their order would be a guess
    return a[0] < b[1] and b[0] < a[1]


def _overlaps_taken(ranges, taken: list[tuple[int, int]]) -> bool:
    """Whether one of ``ranges`` overlaps a range in ``taken``: sorted, and no two of them
    overlap, so their ends rise with their starts and only the ranges around each one's place
    need comparing (a plan with thousands of fixes compared each with all before it)."""
    for r in ranges:
        k = bisect_right(taken, (r[1], sys.maxsize))  # the taken ranges starting at or before its end
        while k:
            k -= 1
            t = taken[k]
            if t[1] < r[0]:
                break  # this one, and every one before it, ends before r starts
            if _overlaps(r, t):
                return True
    return False


def choose(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False,
           starts: list[int] | None = None):
    """Pick fixes in document order; return (chosen [(diagnostic, ranges)], skipped diagnostics)."""
    starts = starts if starts is not None else line_starts(text)
    chosen: list[tuple[Diagnostic, list[tuple[int, int]]]] = []
    taken: list[tuple[int, int]] = []  # the chosen fixes' ranges, sorted
    skipped: list[Diagnostic] = []
    seen_fixes: set[Fix] = set()
    for diag in sorted(diagnostics, key=Diagnostic.sort_key):
        if not fixable(diag, unsafe):
            continue
        if diag.fix in seen_fixes:  # the same fix reported twice is applied once
            chosen.append((diag, []))
            continue
        try:
            ranges = [edit_range(text, starts, e) for e in diag.fix.edits]
        except EditError:
            skipped.append(diag)
            continue
        own = sorted(ranges)
        if any(_overlaps(a, b) for a, b in zip(own, own[1:])) or _overlaps_taken(ranges, taken):
            skipped.append(diag)
            continue
        seen_fixes.add(diag.fix)
        for r in own:
            insort(taken, r)  # (in document order: mostly at the end)
        chosen.append((diag, ranges))
    return chosen, skipped


def apply_ranges(text: str, replacements: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, new in sorted(replacements, key=lambda r: (r[0], r[1])):
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def fix_text(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False,
             newline: str = "\n") -> tuple[str, list[Diagnostic]]:
    """One pass: apply every chosen fix to ``text``; return (new text, diagnostics fixed)."""
    starts = line_starts(text)
    chosen, _ = choose(text, diagnostics, unsafe, starts)
    replacements = []
    for diag, ranges in chosen:
        for edit, (start, end) in zip(diag.fix.edits, ranges):
            new = edit.text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)
            replacements.append((start, end, new))
    return apply_ranges(text, replacements), [d for d, _ in chosen]


# ---------------------------------------------------------------------------------------------
# Files

@dataclass
class FileFix:
    path: str
    original: str = ""
    fixed: str = ""
    applied: int = 0
    remaining: int = 0
    written: bool = False
    reason: str | None = None  # why the file was not fixed
    result: object = None  # the FileResult after fixing
    passes: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def _encoder(data: bytes, encoding: str, bom: bool) -> tuple[bytes, str]:
    if bom:
        for prefix, codec in _BOM_CODECS:
            if data.startswith(prefix):
                return prefix, codec
    return b"", encoding


def load_exact(path: str, source) -> tuple[str, Callable[[str], bytes]]:
    """Decode the file behind ``source``; return (text, encoder). Raise ValueError when not exact."""
    from planlint.read.text import split_lines
    with open(path, "rb") as fh:
        data = fh.read()
    prefix, codec = _encoder(data, source.encoding, source.bom)
    try:
        text = data[len(prefix):].decode(codec)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ValueError(f"decode: {exc}") from None

    def encode(new_text: str) -> bytes:
        return prefix + new_text.encode(codec)

    if encode(text) != data:
        raise ValueError("does not round-trip")
    if tuple(split_lines(text)[0]) != tuple(l.text for l in source.lines):
        raise ValueError("changed since it was read")
    return text, encode


def refusal(result) -> str | None:
    """Why this lint result cannot be fixed in place, or None."""
    if result.error is not None or result.source is None:
        return "unreadable"
    if result.source.kind != "text":
        return result.source.kind
    if result.path in ("-", "<stdin>"):
        return "stdin"
    if not os.path.isfile(result.path):  # a pipe (<(cat plan.txt)) or device: read once only
        return "not-a-file"
    return None


def fix_loop(text: str, diagnostics, relint, unsafe: bool, newline: str):
    """Passes until a fixed point; returns (text, applied count, final lint result, passes)."""
    applied, result, passes = 0, None, 0
    while passes < MAX_PASSES:
        new, done = fix_text(text, diagnostics, unsafe, newline)
        if not done or new == text:
            break
        passes += 1
        applied += len(done)
        text = new
        result = relint(text)
        diagnostics = result.diagnostics
    return text, applied, result, passes


def fix_result(result, relint: Callable, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one linted file. ``relint(source)`` lints a Source with the file's configuration."""
    from planlint.read.text import source_from_text
    out = FileFix(result.path, result=result, remaining=len(result.diagnostics))
    out.reason = refusal(result)
    if out.reason is None and not any(fixable(d, unsafe) for d in result.diagnostics):
        return out
    if out.reason is not None:
        return out
    source = result.source
    try:
        text, encode = load_exact(result.path, source)
    except (OSError, ValueError) as exc:
        out.reason = f"not exact: {exc}"
        return out

    def again(new_text: str):
        fixed = relint(source_from_text(new_text, source.path, source.encoding, source.bom))
        fixed.path = result.path
        return fixed

    fixed, applied, new_result, passes = fix_loop(text, result.diagnostics, again, unsafe,
                                                   source.newline)
    out.original, out.fixed, out.applied, out.passes = text, fixed, applied, passes
    if new_result is not None:
        out.result, out.remaining = new_result, len(new_result.diagnostics)
    if write and out.changed:
        write_atomic(result.path, encode(fixed))
        out.written = True
    return out


def unified_diff(fix: FileFix) -> str:
    a = fix.original.splitlines(keepends=True)
    b = fix.fixed.splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, fromfile=f"a/{fix.path}", tofile=f"b/{fix.path}")
    return "".join(l if l.endswith(("\n", "\r")) else l + "\n\\ No newline at end of file\n"
                   for l in lines)

