"""planlint positions (1-based line, code-point column) <-> LSP positions in the negotiated encoding.

Lines are split on CRLF, CR and LF only, as LSP and planlint's reader do (``str.splitlines`` also
breaks on U+2028, form feeds and others, which would shift every later line). Columns count
UTF-8 bytes, UTF-16 code units or code points depending on what the client negotiated; astral
characters such as 𠀀 are 4, 2 or 1 units. Nothing here imports pygls.
"""
from __future__ import annotations

from planlint.read.text import split_lines

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def char_units(ch: str, encoding: str) -> int:
    if encoding == UTF8:
        code = ord(ch)
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    if encoding == UTF32:
        return 1
    return 2 if ord(ch) > 0xFFFF else 1


def units(text: str, encoding: str) -> int:
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Positions:
    """Position arithmetic over one version of a document."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.lines, self.newline = split_lines(text)
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16

        self._plain: dict[int, bool] = {}  # line index -> one unit per code point

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def _is_plain(self, index: int, text: str) -> bool:
        plain = self._plain.get(index)
        if plain is None:
            if self.encoding == UTF32:
                plain = True
            elif self.encoding == UTF8:
                plain = text.isascii()
            else:
                plain = not text or max(text) <= "\uffff"
            self._plain[index] = plain
        return plain

    def to_client(self, line: int, column: int) -> tuple[int, int]:
        """(line, column) 1-based code points -> (line, character) 0-based client units."""
        text = self.line(line - 1)
        column = max(1, min(column, len(text) + 1))
        if self._is_plain(line - 1, text):
            return line - 1, column - 1
        return line - 1, units(text[:column - 1], self.encoding)

    def from_client(self, line: int, character: int) -> tuple[int, int]:
        """(line, character) 0-based client units -> (line, column) 1-based code points."""
        text = self.line(line)
        used = 0
        for index, ch in enumerate(text):
            if used >= character:
                return line + 1, index + 1
            used += char_units(ch, self.encoding)
        return line + 1, len(text) + 1

    def span_to_client(self, span) -> tuple[tuple[int, int], tuple[int, int]]:
        return self.to_client(span.line, span.column), self.to_client(span.end_line, span.end_column)
