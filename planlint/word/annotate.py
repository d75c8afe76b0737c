"""A reviewed copy of a Word document: one comment (批注) per finding, on the text it is about.

Each diagnostic's span is in the text view (:mod:`planlint.word.view`); its segments lead back to
a paragraph and an offset in the paragraph's text. The runs there are split at the span's ends
(the run element copied, formatting kept) and the comment anchored on the runs in between. A span
on text the document does not hold as characters (an automatic-numbering label, a separator of
the view) falls back to the nearest real text of its line. The original file is only read.
"""
from __future__ import annotations

import copy
import os

from docx.oxml.ns import qn

from planlint.atomic import write_atomic
from planlint.errors import PlanlintError
from planlint.read.docx import open_docx
from planlint.word.view import W_BR, W_CR, W_HYPHEN, W_T, W_TAB, build_view, paragraph_runs

AUTHOR, INITIALS = "planlint", "PL"
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def comment_text(diagnostic, lang: str = "zh") -> str:
    d = diagnostic
    if lang == "en":
        text = f"[planlint] {d.rule} ({d.code}, {d.severity}): {d.text('en')}"
        return text + (f" Suggested fix: {d.fix.description}" if d.fix else "")
    text = f"【planlint】{d.rule}（{d.code}，{_SEVERITY_ZH.get(d.severity, d.severity)}）：{d.message}"
    return text + (f"；建议：{d.fix.description}" if d.fix else "")


def _child_length(child) -> int:
    tag = child.tag
    if tag == W_T:
        return len(child.text or "")
    if tag in (W_TAB, W_HYPHEN):
        return 1
    if tag in (W_BR, W_CR):
        return 0 if child.get(qn("w:type")) in ("page", "column") else 1
    return 0


def _keep(r, lo: int, hi: int | None) -> None:
    """Keep only the content of run ``r`` in text offsets [lo, hi); run properties stay."""
    pos = 0
    for child in list(r):
        if child.tag == qn("w:rPr"):
            continue
        n = _child_length(child)
        end = pos + n
        if n == 0:
            inside = pos >= lo and (hi is None or pos < hi)
        else:
            inside = end > lo and (hi is None or pos < hi)
        if not inside:
            r.remove(child)
        elif child.tag == W_T and (pos < lo or (hi is not None and end > hi)):
            child.text = child.text[max(lo - pos, 0):None if hi is None else hi - pos]
            child.set(_XML_SPACE, "preserve")
        pos = end


def _split_at(p, offset: int) -> None:
    for r, start, end in paragraph_runs(p):
        if start < offset < end:
            right = copy.deepcopy(r)
            _keep(r, 0, offset - start)
            _keep(right, offset - start, None)
            r.addnext(right)
            return


def _runs_between(p, start: int, end: int) -> list:
    _split_at(p, start)
    _split_at(p, end)
    return [r for r, s, e in paragraph_runs(p) if start <= s and e <= end and e > s]


def _anchor(lines, span):
    """(paragraph element, start, end) in paragraph-text offsets for a text-view span."""
    if not lines:
        return None
    index = min(max(span.line, 1), len(lines)) - 1
    order = [index] + [i for k in range(1, len(lines)) for i in (index + k, index - k)
                       if 0 <= i < len(lines)]
    for i in order:
        segments = lines[i].segments
        if not segments:
            continue
        if i == index:
            a = span.column - 1
            b = span.end_column - 1 if span.end_line == span.line else len(lines[i].text)
            b = max(b, a + 1)
            for seg in segments:
                lo, hi = max(a, seg.start), min(b, seg.start + seg.length)
                if lo < hi:
                    return (seg.ref, seg.ref_offset + lo - seg.start, seg.ref_offset + hi - seg.start)
            after = [s for s in segments if s.start >= a]
            seg = after[0] if after else segments[-1]
        else:
            seg = segments[0]
        return seg.ref, seg.ref_offset, seg.ref_offset + seg.length
    return None


def annotate_document(document, diagnostics, lang: str = "zh") -> int:
    """Add one comment per diagnostic to ``document`` (python-docx); return how many were added."""
    from docx.text.run import Run

    lines = build_view(document)
    count = 0
    for diagnostic in diagnostics:
        anchor = _anchor(lines, diagnostic.span)
        runs = _runs_between(*anchor) if anchor else []
        if not runs:
            continue
        first, last = Run(runs[0], document._body), Run(runs[-1], document._body)
        document.add_comment([first, last], text=comment_text(diagnostic, lang), author=AUTHOR,
                             initials=INITIALS)
        count += 1
    return count


def annotate_file(source_path: str, out_path: str, diagnostics, lang: str = "zh") -> int:
    """Write a commented copy of ``source_path`` to ``out_path``; the source is only read."""
    if not out_path.lower().endswith(".docx"):
        raise PlanlintError(f"批注副本必须保存为 .docx：{out_path}",
                            f"the reviewed copy must be a .docx file: {out_path}")
    if os.path.exists(out_path) and os.path.samefile(source_path, out_path):
        raise PlanlintError(f"批注副本不能覆盖原文件：{out_path}",
                            f"the reviewed copy must not overwrite the original: {out_path}")
    with open(source_path, "rb") as fh:
        data = fh.read()
    document = open_docx(data, source_path)
    count = annotate_document(document, diagnostics, lang)
    write_atomic(out_path, document.save)
    return count
