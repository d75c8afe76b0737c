"""Bytes to text: BOM, strict UTF-8, then the most plausible of GB18030 / UTF-16 (NOTES.md)."""
from __future__ import annotations

import codecs
import re

from planlint.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters an ordinary plan is made of: CJK, CJK punctuation, full-width forms, ASCII text.
# Compiled (by re's cache) only when a file is not UTF-8: the CJK range costs ~3 ms to compile.
_ORDINARY = (r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014"
             r"\x20-\x7e\t\r\n]")


def _plausibility(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    return len(re.findall(_ORDINARY, sample)) / len(sample)


# Control bytes that never occur in text (tab, newlines, form feed and ESC are allowed).
_CONTROL = bytes(b for b in range(32) if b < 9 or 13 < b < 32 and b != 27)


def looks_binary(data: bytes) -> bool:
    """Many control bytes (NUL …) in the first 8 KB, and not UTF-16 text: not a text file."""
    head = data[:8192]
    # Most files hold no control byte at all: one memchr per control byte tells so, at a fraction
    # of the cost of the translate below (about a tenth of reading a plan).
    if not head or not any(map(head.__contains__, _CONTROL)):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > 0.1 and not _utf16_text(head)


# What UTF-16 text has and bytes misread as UTF-16 hardly ever do: a line break (the code unit
# 000A or 000D) or CJK punctuation and full-width forms (pairs of ASCII bytes read as UTF-16 are
# mostly ideographs, never these). Compiled by re's cache on first use, like _ORDINARY (~1 ms:
# not at every start).
_UTF16_MARK = "[\n\r\u3000-\u303f\uff00-\uffef]"


def _utf16_text(head: bytes) -> bool:
    """Whether ``head`` reads as ordinary text in UTF-16 without a BOM: its ASCII characters
    are half NUL bytes, and so are those of many CJK characters (U+4E00 is 00 4E)."""
    even = head[:len(head) // 2 * 2]
    for codec in ("utf-16-le", "utf-16-be"):
        text = even.decode(codec, "ignore")  # (a pair cut at the end of the 8 KB is dropped)
        if len(text) * 2 >= len(even) - 4 and re.search(_UTF16_MARK, text) \
                and _plausibility(text) > 0.6:
            return True
    return False


def decode(data: bytes, encoding: str | None = None, name: str = "") -> tuple[str, str, bool]:
    """Return (text, encoding used, had BOM). Raises ReadError when no encoding fits."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ReadError(f"未知的编码：{encoding}", f"unknown encoding: {encoding}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}：无法按 {encoding} 解码（第 {exc.start} 字节）",
                            f"{name}: cannot decode as {encoding} (byte {exc.start})") from None
        bom = text.startswith("\ufeff")
        return (text[1:] if bom else text), encoding, bom
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec.replace("-sig", ""), True
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in ("gb18030", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), codec, text))
    if candidates:
        score, codec, text = max(candidates)
        if score > 0.6:
            return text, codec, False
    raise ReadError(f"{name}：无法识别文件编码（不是 UTF-8、GB18030 或 UTF-16），可用 --encoding 指定",
                    f"{name}: cannot detect the encoding (not UTF-8, GB18030 or UTF-16); "
                    "use --encoding")
