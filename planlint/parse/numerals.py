"""Numerals of markers: arabic, Chinese (一 … 九十九, 一百 …) and circled (① … ⑳)."""
from __future__ import annotations

from functools import lru_cache

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}


@lru_cache(maxsize=1024)  # a pure function of short strings that recur on every line
def to_int(numeral: str) -> int | None:
    numeral = numeral.strip()
    if not numeral:
        return None
    if len(numeral) == 1 and "\u2460" <= numeral <= "\u2473":
        return ord(numeral) - 0x2460 + 1
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
