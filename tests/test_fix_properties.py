"""Properties of fixing: no text lost outside a fix's span; idempotence and parse stability on
every example and (when present beside the repository) every corpus plan."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.api import lint_source
from planlint.cli.paths import expand
from planlint.cli.run import config_for
from planlint.diagnostics import Diagnostic, Edit, Fix
from planlint.fixes import fix_result, fix_text
from planlint.model import Span
from planlint.read import read_path
from planlint.read.text import source_from_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _offsets(text: str) -> list[int]:
    """Line start offsets, computed independently of planlint.fixes."""
    starts, pos = [0], 0
    for piece in re.findall(r"[^\r\n]*(?:\r\n|\r|\n)", text):
        pos += len(piece)
        if pos < len(text):
            starts.append(pos)
    return starts


def _assemble(text: str, fixed: list[Diagnostic], newline: str) -> str:
    starts = _offsets(text)
    pieces, seen = [], set()
    for d in fixed:
        if d.fix in seen:  # one fix reported by two findings is applied once
            continue
        seen.add(d.fix)
        for e in d.fix.edits:
            s = e.span
            a = len(text) if s.line > len(starts) else starts[s.line - 1] + s.column - 1
            b = len(text) if s.end_line > len(starts) else starts[s.end_line - 1] + s.end_column - 1
            pieces.append((a, b, e.text.replace("\n", newline)))
    pieces.sort()
    out, pos = [], 0
    for a, b, new in pieces:
        assert a >= pos, "chosen edits must not overlap"
        out += [text[pos:a], new]
        pos = b
    return "".join(out) + text[pos:]


LINE_TEXT = st.text(alphabet=st.sampled_from(list("甲乙丙、，,()（）:：𠀀a1 \t\u3000")), max_size=12)
ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def text_and_fixes(draw):
    lines = draw(st.lists(st.tuples(LINE_TEXT, ENDS), min_size=1, max_size=6))
    text = "".join(l + e for l, e in lines)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")  # no final line end
    bodies = [l for l, _ in lines]
    diags = []
    for _ in range(draw(st.integers(0, 6))):
        edits = []
        for _ in range(draw(st.integers(1, 2))):
            l1 = draw(st.integers(1, len(bodies)))
            c1 = draw(st.integers(1, len(bodies[l1 - 1]) + 1))
            l2 = draw(st.integers(l1, min(l1 + 1, len(bodies))))
            low = c1 if l2 == l1 else 1
            c2 = draw(st.integers(low, len(bodies[l2 - 1]) + 1))
            edits.append(Edit(Span(l1, c1, l2, c2), draw(st.sampled_from(["", "（", "X\n", "、"]))))
        diags.append(Diagnostic("r", "X001", "warning", "m", edits[0].span,
                                fix=Fix("d", tuple(edits), safe=draw(st.booleans()))))
    return text, diags


@settings(max_examples=300, deadline=None)
@given(text_and_fixes(), st.booleans())
def test_fix_never_loses_text_outside_its_span(case, unsafe):
    text, diags = case
    new, fixed = fix_text(text, diags, unsafe=unsafe, newline="\r\n")
    assert all(d.fix.safe or unsafe for d in fixed)
    assert new == _assemble(text, fixed, "\r\n")


PLAN_LINES = st.sampled_from([
    "一、加强公开", "（一）财政信息公开。", "(二)平台建设。",
    "1.做好公开工作,年底前完成。(县府办、县财政局、县财政局负责)",
    "2.按季度更新目录。（县审计局、县府办、县审计局负责）",
    "3.推进𠀀号文件公开:持续推进。(县府办牵头，各镇（场）政府、各镇（场）政府负责)",
    "4.做好年报发布工作。", "责任单位：县财政局、县财政局", "时限要求：2018年6月底前", "",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PLAN_LINES, min_size=1, max_size=12), ENDS, st.data())
def test_rule_fixes_keep_text_outside_spans(lines, end, data):
    text = "某县2018年政务公开工作要点" + end + end.join(lines) + end
    result = lint_source(source_from_text(text, "p.txt"))
    fixable = [d for d in result.diagnostics if d.fix is not None]
    subset = data.draw(st.lists(st.sampled_from(fixable), unique=True) if fixable else st.just([]))
    new, fixed = fix_text(text, subset, unsafe=True, newline=end)
    assert new == _assemble(text, fixed, end)


def _plans():
    files = [p for p in expand((str(ROOT / "examples"),))]
    if CORPUS.is_dir():
        files += sorted(str(p) for p in CORPUS.glob("*.txt"))
    return files


def _relint(source):
    return lint_source(source, config_for(source.path))


def _task_ids(plan):
    return [(t.id, t.number, t.level, t.headings) for t in plan.tasks]


@pytest.mark.parametrize("path", _plans(), ids=lambda p: Path(p).name)
def test_fix_is_idempotent_and_keeps_tasks(path):
    source = read_path(path)
    if source.kind != "text":
        pytest.skip("only plain text is fixed in place")
    first = fix_result(_relint(source), _relint, unsafe=False, write=False)
    assert first.reason is None, first.reason
    if not first.changed:
        return
    again_source = source_from_text(first.fixed, path, source.encoding, source.bom)
    again = _relint(again_source)
    fixed_twice, _ = fix_text(first.fixed, again.diagnostics, newline=source.newline)
    assert fixed_twice == first.fixed
    before = _relint(source).plan
    assert [t[:3] for t in _task_ids(again.plan)] == [t[:3] for t in _task_ids(before)]
