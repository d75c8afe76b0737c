"""The compact JSON writer appends each task's and finding's pieces to the file's list, and spells
a fix's one-line edits in a loop of its own (perf7-D): for any findings (odd positions, edits on
several lines, texts needing escapes, locations, no findings at all) it gives the bytes json.dumps
gives over the dicts (bools and floats, which json.dumps spells otherwise, are covered by
test_perf6_D_json.py)."""
import json

from hypothesis import given, settings, strategies as st

from planlint.api import FileResult, lint_text
from planlint.diagnostics import Diagnostic, Edit, Fix, LineEdit
from planlint.model import Location, Span
from planlint.output.json import file_dict, file_json

TEXT = "2018年政务公开工作要点\n一、加强平台建设\n1.整合政府网站(市政府办公室牵头)\n2.公开预算信息。\n"
BASE = lint_text(TEXT)

ints = st.integers(min_value=-3, max_value=5000) | st.sampled_from([0, 1, 4095, 4096])
texts = st.text(alphabet=st.sampled_from('，（）a"\\\n\t\x01中'), max_size=4)


@st.composite
def edits(draw):
    line, column, end_column = draw(ints), draw(ints), draw(ints)
    if draw(st.booleans()):
        return LineEdit(line, column, end_column, draw(texts))
    end_line = line if draw(st.booleans()) else draw(ints)
    return Edit(Span(line, column, end_line, end_column), draw(texts))


@st.composite
def diagnostics(draw):
    fix = None
    if draw(st.booleans()):
        fix = Fix(draw(texts), tuple(draw(st.lists(edits(), max_size=5))), draw(st.booleans()))
    location = draw(st.none() | st.builds(Location, paragraph=st.integers(0, 9)))
    return Diagnostic(draw(st.sampled_from(["r", "halfwidth-punctuation"])), "X1",
                      draw(st.sampled_from(["info", "error"])), draw(texts),
                      Span(draw(ints), draw(ints), draw(ints), draw(ints)),
                      draw(st.none() | st.sampled_from(["1", "2.3"])), fix,
                      draw(st.none() | texts), None, location)


@settings(max_examples=300, deadline=None)
@given(st.lists(diagnostics(), max_size=6), st.booleans(), st.sampled_from(["zh", "en"]))
def test_same_as_json_dumps(found, with_plan, lang):
    result = FileResult(BASE.path, BASE.source, BASE.plan if with_plan else None, found)
    assert file_json(result, lang) == json.dumps(file_dict(result, lang), ensure_ascii=False)


def test_real_findings():
    result = lint_text("1.整合政府网站(市政府办公室牵头),公开预算:信息\n2.公开(预算)信息\n" * 3)
    assert result.diagnostics
    assert file_json(result) == json.dumps(file_dict(result), ensure_ascii=False)
