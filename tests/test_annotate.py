"""The reviewed copy: one Word comment per finding, anchored on the text the finding is about."""
from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys

import docx
import pytest
from docx.oxml.ns import qn

import wordplans
from planlint.api import lint_path
from planlint.diagnostics import Diagnostic
from planlint.model import Span
from planlint.word.annotate import annotate_document, annotate_file


def anchored_texts(document) -> dict[int, str]:
    """comment id → the text between its commentRangeStart and commentRangeEnd."""
    open_ids: set[str] = set()
    out: dict[int, list[str]] = {}
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(el.get(qn("w:id")))
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        elif el.tag == qn("w:t"):
            for cid in open_ids:
                out.setdefault(int(cid), []).append(el.text or "")
    return {cid: "".join(parts) for cid, parts in out.items()}


def _span_text(result, diagnostic) -> str:
    s = diagnostic.span
    return result.source.line(s.line)[s.column - 1:s.end_column - 1]


def _annotate(tmp_path, data: bytes):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(data)
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    result = lint_path(str(draft))
    assert result.error is None and result.diagnostics
    reviewed = tmp_path / "reviewed.docx"
    count = annotate_file(str(draft), str(reviewed), result.diagnostics)
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before, "the original was modified"
    return result, count, docx.Document(str(reviewed))


def test_table_copy_has_one_comment_per_finding_on_its_exact_text(tmp_path):
    result, count, reviewed = _annotate(tmp_path, wordplans.plan_docx_table())
    comments = list(reviewed.comments)
    assert count == len(result.diagnostics) == len(comments)
    anchored = anchored_texts(reviewed)
    for diagnostic, comment in zip(result.diagnostics, comments):
        assert comment.author == "planlint" and comment.initials == "PL"
        assert diagnostic.rule in comment.text and diagnostic.message in comment.text
        assert anchored[comment.comment_id] == _span_text(result, diagnostic), diagnostic
    rules = {d.rule for d in result.diagnostics}
    assert {"duplicate-unit", "vague-unit", "vague-deadline", "missing-lead"} <= rules
    # the copy still reads as the same plan
    again = lint_path(str(tmp_path / "reviewed.docx"))
    assert [l.text for l in again.source.lines] == [l.text for l in result.source.lines]


def test_paragraph_copy_anchors_label_findings_on_the_paragraph_text(tmp_path):
    result, count, reviewed = _annotate(tmp_path, wordplans.plan_docx_paragraphs())
    comments = list(reviewed.comments)
    assert count == len(result.diagnostics) == len(comments)
    anchored = anchored_texts(reviewed)
    for diagnostic, comment in zip(result.diagnostics, comments):
        line = result.source.line(diagnostic.span.line)
        exact = _span_text(result, diagnostic)
        if diagnostic.span.column == 1 and line[:1].isdigit():
            # an automatic-numbering label is not text in the document: the item's text is marked
            assert anchored[comment.comment_id] == line.split(".", 1)[1], diagnostic
        else:
            assert anchored[comment.comment_id] == exact, diagnostic


def test_split_runs_keep_their_formatting():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("县府办、").bold = True
    paragraph.add_run("县府办负责").italic = True
    out = io.BytesIO()
    document.save(out)
    document = docx.Document(io.BytesIO(out.getvalue()))
    diagnostic = Diagnostic("duplicate-unit", "U002", "error", "“县府办”重复", Span(1, 5, 1, 8))
    assert annotate_document(document, [diagnostic]) == 1
    runs = [(r.text, r.bold, r.italic) for r in document.paragraphs[0].runs if r.text]
    assert runs == [("县府办、", True, None), ("县府办", None, True), ("负责", None, True)]
    assert list(anchored_texts(document).values()) == ["县府办"]


def test_comment_text_in_english():
    document = docx.Document()
    document.add_paragraph("1.做好年报。")
    diagnostic = Diagnostic("missing-lead", "U001", "error", "任务 1. 未写明牵头单位",
                            Span(1, 1, 1, 3), message_en="task 1. names no lead unit")
    annotate_document(document, [diagnostic], lang="en")
    text = list(document.comments)[0].text
    assert text.startswith("[planlint] missing-lead (U001, error)") and "names no lead" in text


def _run(*args):
    return subprocess.run([sys.executable, "-m", "planlint", "check", *args], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_cli_annotate_writes_the_copy_and_keeps_the_original(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(wordplans.plan_docx_table())
    original = draft.read_bytes()
    reviewed = tmp_path / "reviewed.docx"
    proc = _run("--format", "json", str(draft), "--annotate", str(reviewed))
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert len(list(docx.Document(str(reviewed)).comments)) == len(findings) > 0
    assert draft.read_bytes() == original
    assert "reviewed.docx" in proc.stderr


@pytest.mark.parametrize("make_args, fragment", [
    (lambda d, t: [str(t), "--annotate", str(d.parent / "out.docx")], ".docx"),
    (lambda d, t: [str(d), "--annotate", str(d)], "覆盖"),
    (lambda d, t: [str(d), "--annotate", str(d.parent / "out.txt")], ".docx"),
])
def test_cli_annotate_refuses_bad_targets(tmp_path, make_args, fragment):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(wordplans.plan_docx_table())
    text = tmp_path / "plan.txt"
    text.write_text(wordplans.plan_txt(), encoding="utf-8")
    before = draft.read_bytes()
    proc = _run(*make_args(draft, text))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and fragment in proc.stderr
    assert draft.read_bytes() == before and not (tmp_path / "out.docx").exists()
