"""The cover notice (印发通知) before a plan: its numbered paragraphs are no tasks (SPEC §1).

    各街道办事处、乡人民政府，区人民政府各部门：          ← salutation
    《……方案》已经区人民政府同意，现印发给你们，并提出如下要求：
    一、各责任单位要高度重视……                          ← the notice's own numbering
    二、区绩效考评机构要……
    附件：1.……  2.……                                    ← its attachment list
    区人民政府办公室
    2023年1月3日                                          ← signature date
    2023年……责任分解方案                                  ← the plan itself
    一、……

The notice runs from a salutation (a line addressed to 各…, ending with a colon) to the first
date line after it. Only when the notice says it issues something (印发, 同意, 通知), and items
follow its date, are the numbered lines inside it made plain text.
"""
from __future__ import annotations

from planlint.parse import lexicon as lx
from planlint.parse.lines import Rec
from planlint.rxcache import rx

_ITEMS = ("MARKER", "NUMBER", "ROWITEM")
_SALUTATION = rx(r"^(?:各|.{0,40}(?:人民政府|政府各部门|各有关单位))[^。]{1,120}[:：]$")
_DATE_LINE = rx(r"^(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                r"\s*[\d一二三四五六七八九十]{1,3}\s*日$")
_ISSUING = rx(r"印发|同意|通知|转发")


def plain_notice(records: list[Rec], lines) -> list[Rec]:
    """``records`` with the lines of a cover notice's body as TEXT records (the records
    themselves when there is no such notice, or nothing in it is numbered)."""
    start = None
    for i, rec in enumerate(records):
        kind = rec.kind
        if kind in _ITEMS:
            return records  # items before any salutation: no cover notice
        if (kind == "TEXT" or kind == "CLAUSE") and rec.text[-1:] in "：:" \
                and _SALUTATION.match(rec.text):
            start = i + 1
            break
    if start is None:
        return records
    end = None
    for j in range(start, len(records)):
        rec = records[j]
        if (rec.kind == "TEXT" or rec.kind == "TIMING") and _DATE_LINE.match(rec.text):
            end = j
            break
    if end is None:
        return records
    body = records[start:end]
    if not any(r.kind in _ITEMS for r in body) or not any(r.kind in _ITEMS for r in records[end:]):
        return records
    if not any(_ISSUING.search(r.text) for r in body if r.kind == "TEXT"):
        return records
    plain, seen = [], set()
    for rec in body:
        if rec.kind not in _ITEMS and rec.kind != "ROW":
            plain.append(rec)
            continue
        if rec.line in seen:
            continue  # (several items of one line: the line once, whole)
        seen.add(rec.line)
        raw = lines[rec.line - 1].text
        text = raw.strip(lx.BLANKS)
        plain.append(Rec("TEXT", rec.line, len(raw) - len(raw.lstrip(lx.BLANKS)) + 1, text))
    return records[:start] + plain + records[end:]
