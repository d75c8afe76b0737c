"""LineFix (perf8-C): halfwidth-punctuation's fix keeps the line, its text, the offsets and the
replacement table, and makes its LineEdits only when asked for; the JSON writer spells the edits
from those fields. It must equal, hash, show, copy and pickle as the Fix of the same edits, and
the compact JSON must be the bytes json.dumps gives over the dicts."""
import copy
import json
import pickle

from hypothesis import given, settings, strategies as st

from planlint.api import FileResult, lint_text
from planlint.diagnostics import Diagnostic, Fix, LineEdit, LineFix
from planlint.model import Span
from planlint.output.json import file_dict, file_json
from rules.halfwidth_punctuation import FULL

TEXT = "2018年政务公开工作要点\n一、加强平台建设\n1.整合政府网站(市政府办公室牵头)\n2.公开预算信息。\n"
BASE = lint_text(TEXT)
REPLACE = {"(": "（", ")": "\"）\\", ",": "，", "a": "\n"}


@st.composite
def line_fixes(draw):
    text = draw(st.text(alphabet=st.sampled_from("(),a中 "), min_size=1, max_size=12))
    wanted = [i for i, c in enumerate(text) if c in "(),a"]
    offsets = sorted(draw(st.sets(st.sampled_from(wanted)))) if wanted else []
    shift = draw(st.sampled_from([0, 0, 4090]))  # columns past the writer's table of decimals
    text = " " * shift + text
    offsets = [i + shift for i in offsets]
    line = draw(st.integers(min_value=-2, max_value=5000))
    replace = draw(st.sampled_from([FULL, REPLACE]))
    if replace is FULL:
        offsets = [i for i in offsets if text[i] in FULL]
    return LineFix(draw(st.text(max_size=3)), line, text, offsets, replace, draw(st.booleans()))


def plain(fix: LineFix) -> Fix:
    return Fix(fix.description, tuple(LineEdit(fix.line, i + 1, i + 2, fix.replace[fix.text[i]])
                                      for i in fix.offsets), fix.safe)


@settings(max_examples=300, deadline=None)
@given(line_fixes())
def test_line_fix_is_the_fix_of_its_edits(fix):
    same = plain(fix)
    assert fix == same and same == fix and hash(fix) == hash(same) and repr(fix) == repr(same)
    assert fix.as_dict() == same.as_dict() and fix.edits == same.edits
    for made in (copy.deepcopy(fix), pickle.loads(pickle.dumps(fix)), copy.copy(fix)):
        assert made == same and made.__class__ is LineFix and repr(made) == repr(same)
    assert fix != Fix(fix.description, same.edits, not fix.safe)


@settings(max_examples=300, deadline=None)
@given(st.lists(line_fixes(), max_size=5), st.sampled_from(["zh", "en"]))
def test_json_same_as_json_dumps(fixes, lang):
    found = [Diagnostic("halfwidth-punctuation", "P001", "info", "m", Span(1, 1, 1, 2), "1", fix)
             for fix in fixes]
    result = FileResult(BASE.path, BASE.source, BASE.plan, found)
    text = file_json(result, lang)
    assert text == json.dumps(file_dict(result, lang), ensure_ascii=False)
    # the writer's text does not depend on whether the edits were made first
    for fix in fixes:
        fix.edits
    assert file_json(result, lang) == text


def test_halfwidth_findings():
    result = lint_text("1.整合政府网站(市政府办公室牵头),公开预算:信息;(二)\n2.公开(预算)信息\n" * 3)
    fixes = [d.fix for d in result.diagnostics if d.rule == "halfwidth-punctuation"]
    assert fixes and all(f.__class__ is LineFix for f in fixes)
    assert file_json(result) == json.dumps(file_dict(result), ensure_ascii=False)
