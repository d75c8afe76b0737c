"""The compact JSON writer spells positions from a table of decimals only for exact ints
(perf6-D): findings and edits whose positions are large, negative or not ints (a plugin's) give
the same text as json.dumps over the dicts, or the writer's generic spelling."""
import json

from planlint.api import FileResult, lint_text
from planlint.diagnostics import Diagnostic, Edit, Fix, LineEdit
from planlint.model import Span
from planlint.output.json import file_dict, file_json

TEXT = "2018年政务公开工作要点\n一、加强平台建设\n1.整合政府网站(市政府办公室牵头)\n2.公开预算信息。\n"


def _with(diagnostics):
    result = lint_text(TEXT)
    return FileResult(result.path, result.source, result.plan, list(result.diagnostics) + diagnostics)


def _same(result):
    assert file_json(result) == json.dumps(file_dict(result), ensure_ascii=False)


def test_large_and_negative_positions():
    fix = Fix("x", (Edit(Span(5000, 1, 5000, 2), "（"), LineEdit(-1, 0, 4096, "，")), True)
    _same(_with([Diagnostic("r", "X1", "info", "m", Span(4095, 4096, 70000, -3), "t", fix)]))


def test_float_positions_fall_back():
    d = Diagnostic("r", "X1", "info", "m", Span(3.0, 1, 3, 2.5), None,
                   Fix("x", (LineEdit(1, 2.0, 3, "a"),), True))
    _same(_with([d]))


def test_bool_position_is_spelled_as_before():
    d = Diagnostic("r", "X1", "info", "m", Span(True, 1, 1, 2))
    assert '"line": True, ' in file_json(_with([d]))  # repr, as the writer always spelled it


def test_tasks_beyond_the_table():
    text = "\n" * 5000 + TEXT
    _same(lint_text(text))
