"""The 台账 (task ledger): one row per task, written as CSV (UTF-8 with BOM) or xlsx (openpyxl).

``rows(results)`` gives the header and the rows as plain strings; ``to_csv``/``to_xlsx`` turn them
into bytes, and the caller writes them atomically (see :mod:`planlint.atomic`).
"""
from __future__ import annotations

import csv
import io

from planlint.report.data import TaskView, plan_views
from planlint.report.labels import label, severity

FORMULA_STARTS = ("=", "+", "-", "@")
COLUMNS = ("number", "section", "task", "owners", "participants", "supervisors",
           "deadline_text", "deadline_resolved", "findings")
# Widths in Excel character units, by column key (CJK characters count about 2).
WIDTHS = {"file": 24, "number": 6, "section": 28, "task": 60, "owners": 24, "participants": 24,
          "supervisors": 16, "deadline_text": 18, "deadline_resolved": 14, "findings": 40}


def _names(units) -> str:
    return "、".join(u.name for u in units)


def _resolved(tv: TaskView, lang: str) -> str:
    if tv.due is not None:
        return tv.due.isoformat()
    return "" if tv.timing_kind == "none" else label(tv.timing_kind, lang)


def task_row(tv: TaskView, lang: str = "zh") -> list[str]:
    task = tv.task
    written = task.deadline.text if task.deadline else "；".join(t.text for t in task.timing)
    found = "\n".join(f"[{severity(d.severity, lang)}] {d.text(lang)}（{d.rule}）"
                      for d in tv.findings)
    return [str(tv.index), " / ".join(task.headings), task.text, _names(task.owners),
            _names(task.participants), _names(task.supervisors), written, _resolved(tv, lang),
            found]


def header(keys, lang: str = "zh") -> list[str]:
    return [label(k, lang) for k in keys]


def rows(results, lang: str = "zh", with_file: bool | None = None):
    """(keys, header, rows); a 文件 column leads when there are several files."""
    views = plan_views(results)
    if with_file is None:
        with_file = len(results) > 1
    keys = (("file",) if with_file else ()) + COLUMNS
    out = []
    for view in views:
        for tv in view.tasks:
            row = task_row(tv, lang)
            out.append(([view.path] if with_file else []) + row)
    return keys, header(keys, lang), out


def to_csv(head: list[str], body: list[list[str]]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows([_guard(v) for v in row] for row in body)
    # The BOM lets Excel recognise UTF-8; without it Chinese opens as mojibake.
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx(keys, head: list[str], body: list[list[str]], title: str = "台账") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    # Named styles are registered once; setting a fresh Alignment on every cell is ~40% slower.
    book.add_named_style(NamedStyle("planlint-head", font=Font(bold=True),
                                    fill=PatternFill("solid", fgColor="DCE6F0"),
                                    alignment=Alignment(wrap_text=True, vertical="center")))
    book.add_named_style(NamedStyle("planlint-cell",
                                    alignment=Alignment(wrap_text=True, vertical="top")))
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(head)
    number = keys.index("number")
    for row in body:
        sheet.append([int(v) if i == number else v for i, v in enumerate(row)])
    for cell in sheet[1]:
        cell.style = "planlint-head"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.style = "planlint-cell"
            if cell.data_type == "f":  # plan text starting with "=" is text, not a formula
                cell.data_type = "s"
    for i, key in enumerate(keys, 1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(key, 16)
    # Keep the header and the 序号 (and 文件) columns in view while scrolling.
    sheet.freeze_panes = f"{get_column_letter(number + 2)}2"
    sheet.auto_filter.ref = sheet.dimensions
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _guard(value: str) -> str:
    # Excel runs a CSV cell starting with these as a formula (CSV injection); keep it text.
    return "'" + value if value[:1] in FORMULA_STARTS else value
