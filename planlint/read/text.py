"""Plain text (.txt, .md) to source lines; the text is never rewritten."""
from __future__ import annotations

from planlint.model import Source, SourceLine
from planlint.rxcache import rx

_NEWLINE = rx(r"\r\n|\r|\n")


def split_lines(text: str) -> tuple[list[str], str]:
    """Split on CRLF, CR and LF only (what editors and LSP count), and name the dominant ending."""
    lines = _NEWLINE.split(text)
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
        lines=tuple(map(SourceLine, range(1, len(lines) + 1), lines)),
        bom=bom,
        newline=newline,
    )
