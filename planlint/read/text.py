"""Plain text (.txt, .md) to source lines; the text is never rewritten."""
from __future__ import annotations

from planlint.model import Source, SourceLine


def split_lines(text: str) -> tuple[list[str], str]:
    """Split on CRLF, CR and LF only (what editors and LSP count), and name the dominant ending."""
    if "\r" not in text:
        # LF only (most files): str.split finds the breaks far faster than the regex, and the
        # CR counts below are zero.
        lines = text.split("\n")
        if text.endswith("\n"):
            lines.pop()
        return lines, "\n"
    # (each CRLF, then each remaining CR, is one break: the regex ``\r\n|\r|\n`` split)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if text.endswith(("\n", "\r")):
        lines.pop()
    crlf, lf, cr = text.count("\r\n"), text.count("\n"), text.count("\r")
    lf, cr = lf - crlf, cr - crlf
    newline = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))[1] if (crlf or lf or cr) else "\n"
    return lines, newline


def source_from_text(text: str, path: str, encoding: str = "utf-8", bom: bool = False) -> Source:
    lines, newline = split_lines(text)
    return Source(
        path=path,
        encoding=encoding,
        # (SourceLine._make: the same objects, built with less work; see model._maker_for)
        lines=tuple(map(SourceLine._make, range(1, len(lines) + 1), lines)),
        bom=bom,
        newline=newline,
    )
