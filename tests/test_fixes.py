"""Applying fixes: edit selection, exact write-back, atomicity, CLI flags."""
from __future__ import annotations

import codecs
import dataclasses
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.api import FileResult
from planlint.diagnostics import Diagnostic, Edit, Fix
from planlint.errors import PlanlintError
from planlint.fixes import (
    EditError,
    _overlaps,
    apply_ranges,
    choose,
    edit_range,
    fix_result,
    fix_text,
    line_starts,
    load_exact,
    unified_diff,
)
from planlint.model import Span
from planlint.read.text import source_from_text


def diag(line, col, end_col, text="", safe=True, end_line=None, rule="duplicate-unit"):
    span = Span(line, col, end_line or line, end_col)
    return Diagnostic(rule=rule, code="U002", severity="error", message="m", span=span,
                      fix=Fix("d", (Edit(span, text),), safe=safe))


def test_line_starts_split_on_crlf_cr_lf_only():
    text = "a\r\nb\rc\nd\u2028e"
    assert line_starts(text) == [0, 3, 5, 7]


def test_edit_columns_are_code_points_on_astral_lines():
    text = "𠀀甲、乙、乙\n"
    start, end = edit_range(text, line_starts(text), Edit(Span(1, 5, 1, 7), ""))
    assert text[start:end] == "、乙"


def test_edit_outside_line_is_rejected():
    text = "abc\n"
    with pytest.raises(EditError):
        edit_range(text, line_starts(text), Edit(Span(1, 6, 1, 6), ""))


def test_end_of_file_position_is_addressable():
    text = "abc\nxyz\n"
    assert edit_range(text, line_starts(text), Edit(Span(2, 1, 3, 1), "")) == (4, 8)


def test_overlapping_fix_is_skipped_and_unsafe_needs_opt_in():
    text = "甲、乙、乙、丙\n"
    first, overlap, unsafe = diag(1, 4, 6), diag(1, 5, 7), diag(1, 7, 8, "X", safe=False)
    chosen, skipped = choose(text, [overlap, first, unsafe])
    assert [d for d, _ in chosen] == [first] and skipped == [overlap]
    chosen, _ = choose(text, [first, unsafe], unsafe=True)
    assert [d for d, _ in chosen] == [first, unsafe]


def test_insertions_at_one_point_conflict():
    text = "ab\n"
    chosen, skipped = choose(text, [diag(1, 2, 2, "x"), diag(1, 2, 2, "y")])
    assert len(chosen) == 1 and len(skipped) == 1


def test_adjacent_edits_both_apply():
    text = "(甲)\n"
    new, done = fix_text(text, [diag(1, 1, 2, "（"), diag(1, 3, 4, "）")])
    assert new == "（甲）\n" and len(done) == 2


def test_inserted_newlines_follow_the_file():
    new, _ = fix_text("ab\r\ncd\r\n", [diag(1, 2, 2, "\n")], newline="\r\n")
    assert new == "a\r\nb\r\ncd\r\n"


def test_apply_ranges_keeps_text_outside_spans():
    assert apply_ranges("0123456789", [(7, 9, "X"), (1, 3, "")]) == "03456X9"


# --- files -----------------------------------------------------------------------------------

PLAN = "一、甲\r\n1.做好工作。（县府办、县财政局、县财政局负责）\r\n2.年底前完成。\r\n"


def _result(path, data: bytes, encoding="utf-8", bom=False, diagnostics=()):
    text = data.decode(encoding)
    if bom:
        text = text.lstrip("\ufeff")
    source = source_from_text(text, str(path), encoding, bom)
    return FileResult(str(path), source, None, list(diagnostics))


def _relint_none(source):
    return FileResult(source.path, source, None, [])


def _dup_fix():
    # removes "、县财政局" (the second one): columns 17..22 on line 2
    line = PLAN.split("\r\n")[1]
    assert line[16:21] == "、县财政局"
    return diag(2, 17, 22)


@pytest.mark.parametrize("encoding,bom", [("utf-8", False), ("utf-8", True), ("gb18030", False),
                                          ("utf-16", True)])
def test_fix_keeps_encoding_bom_and_crlf(tmp_path, encoding, bom):
    path = tmp_path / "plan.txt"
    if encoding == "utf-16":
        data = codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be")
    else:
        data = (codecs.BOM_UTF8 if bom else b"") + PLAN.encode(encoding)
    path.write_bytes(data)
    result = _result(path, data, "utf-16" if encoding == "utf-16" else encoding, bom, [_dup_fix()])
    fix = fix_result(result, _relint_none)
    assert fix.written and fix.applied == 1 and fix.remaining == 0
    expected_text = "一、甲\r\n1.做好工作。（县府办、县财政局负责）\r\n2.年底前完成。\r\n"
    got = path.read_bytes()
    if encoding == "utf-16":
        assert got == codecs.BOM_UTF16_BE + expected_text.encode("utf-16-be")
    else:
        assert got == (codecs.BOM_UTF8 if bom else b"") + expected_text.encode(encoding)


def test_mixed_line_ends_survive(tmp_path):
    path = tmp_path / "plan.txt"
    data = "一、甲\n1.做好工作。（县府办、县财政局、县财政局负责）\r\n2.x\r".encode()
    path.write_bytes(data)
    fix_result(_result(path, data, diagnostics=[_dup_fix()]), _relint_none)
    assert path.read_bytes() == "一、甲\n1.做好工作。（县府办、县财政局负责）\r\n2.x\r".encode()


def test_diff_writes_nothing(tmp_path):
    path = tmp_path / "plan.txt"
    data = PLAN.encode()
    path.write_bytes(data)
    fix = fix_result(_result(path, data, diagnostics=[_dup_fix()]), _relint_none, write=False)
    assert path.read_bytes() == data and not fix.written
    diff = unified_diff(fix)
    assert "-1.做好工作。（县府办、县财政局、县财政局负责）" in diff
    assert "+1.做好工作。（县府办、县财政局负责）" in diff


def test_file_changed_since_read_is_not_fixed(tmp_path):
    path = tmp_path / "plan.txt"
    result = _result(path, PLAN.encode(), diagnostics=[_dup_fix()])
    path.write_bytes(("x" + PLAN).encode())
    fix = fix_result(result, _relint_none)
    assert not fix.written and fix.reason.startswith("not exact")
    assert path.read_bytes() == ("x" + PLAN).encode()


def test_undecodable_bytes_are_not_exact(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PLAN.encode() + b"\xff")
    source = source_from_text(PLAN, str(path), "utf-8", True)
    with pytest.raises(ValueError):
        load_exact(str(path), source)


def test_docx_and_unreadable_are_refused(tmp_path):
    source = source_from_text(PLAN, "plan.docx")
    source = dataclasses.replace(source, kind="docx")
    fix = fix_result(FileResult("plan.docx", source, None, [_dup_fix()]), _relint_none)
    assert fix.reason == "docx" and not fix.written
    from planlint.errors import ReadError
    bad = FileResult("x.txt", error=ReadError("x"))
    assert fix_result(bad, _relint_none).reason == "unreadable"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_refused_not_read_again(tmp_path):
    """A pipe was read once when linted (``planlint check --fix <(cat plan.txt)``); reading it
    again to fix it would find it empty or wait for a writer."""
    import threading
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    source = source_from_text(PLAN, str(fifo))
    stop = threading.Event()

    def writer():  # should the pipe be opened to be read again, it ends at once (no hang)
        while not stop.is_set():
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:  # no reader yet
                pass
            stop.wait(0.05)
    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        fix = fix_result(FileResult(str(fifo), source, None, [_dup_fix()]), _relint_none)
    finally:
        stop.set()
        thread.join()
    assert fix.reason == "not-a-file" and not fix.written


def test_atomic_write_leaves_no_temp_file_and_keeps_mode(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode())
    os.chmod(path, 0o640)
    fix_result(_result(path, PLAN.encode(), diagnostics=[_dup_fix()]), _relint_none)
    assert sorted(os.listdir(tmp_path)) == ["plan.txt"]
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_atomic_write_failure_keeps_original(tmp_path, monkeypatch):
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode())

    def boom(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(PlanlintError, match="disk full"):  # one line for the user, no traceback
        fix_result(_result(path, PLAN.encode(), diagnostics=[_dup_fix()]), _relint_none)
    assert path.read_bytes() == PLAN.encode()
    assert sorted(os.listdir(tmp_path)) == ["plan.txt"]


# --- command line ----------------------------------------------------------------------------

CLI_PLAN = ("某县2018年政务公开工作要点\r\n一、推进公开\r\n（一）财政信息公开。\r\n"
            "1.按季度公开专项资金使用情况，年底前完成。（县财政局、县审计局、县财政局负责）\r\n")


def _cli(args):
    from click.testing import CliRunner

    from planlint.cli import cli
    return CliRunner().invoke(cli, args)


def test_cli_diff_prints_and_writes_nothing(tmp_path):
    path = tmp_path / "plan.txt"
    data = b"\xef\xbb\xbf" + CLI_PLAN.encode()
    path.write_bytes(data)
    res = _cli(["check", "--diff", str(path)])
    assert res.exit_code == 1, res.output
    assert "+1.按季度公开专项资金使用情况，年底前完成。（县财政局、县审计局负责）" in res.stdout
    assert "可修复 1 个问题" in res.stderr
    assert path.read_bytes() == data


def test_cli_fix_twice_equals_once(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"\xef\xbb\xbf" + CLI_PLAN.encode())
    res = _cli(["check", "--fix", "--lang", "en", str(path)])
    assert "Fixed 1 problem(s) in 1 file(s)" in res.stderr, res.output
    once = path.read_bytes()
    assert once == b"\xef\xbb\xbf" + CLI_PLAN.replace("县审计局、县财政局负责", "县审计局负责").encode()
    res = _cli(["check", "--fix", str(path)])
    assert "已修复 0 个问题" in res.stderr
    assert path.read_bytes() == once
    assert _cli(["check", "--diff", str(path)]).exit_code == 0


def reference_choose(text, diagnostics, unsafe=False):
    """choose() as first written: each fix's ranges compared with every range taken before."""
    from planlint.fixes import fixable
    starts = line_starts(text)
    chosen, taken, skipped, seen = [], [], [], set()
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        if not fixable(d, unsafe):
            continue
        if d.fix in seen:
            chosen.append((d, []))
            continue
        try:
            ranges = [edit_range(text, starts, e) for e in d.fix.edits]
        except EditError:
            skipped.append(d)
            continue
        own = sorted(ranges)
        if any(_overlaps(a, b) for a, b in zip(own, own[1:])) or \
                any(_overlaps(r, t) for r in ranges for t in taken):
            skipped.append(d)
            continue
        seen.add(d.fix)
        taken.extend(ranges)
        chosen.append((d, ranges))
    return chosen, skipped


_EDIT = st.tuples(st.integers(1, 3), st.integers(1, 9), st.integers(0, 3))  # line, column, length


@settings(max_examples=500)
@given(st.lists(st.lists(_EDIT, min_size=1, max_size=3), max_size=12))
def test_choose_matches_the_pairwise_definition(fixes):
    text = "一二三四五六七八\nabcdefgh\n甲乙丙丁戊己庚辛\n"
    diagnostics = []
    for k, edits in enumerate(fixes):
        made = tuple(Edit(Span(line, col, line, col + length), "x") for line, col, length in edits)
        span = made[0].span
        diagnostics.append(Diagnostic(rule=f"r{k}", code="X001", severity="info", message="m",
                                      span=span, fix=Fix("d", made, safe=True)))
    assert choose(text, diagnostics) == reference_choose(text, diagnostics)
