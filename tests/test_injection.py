"""Violations injected into real and example plans must be found (the scorer does the same on
plans we do not have): a unit repeated inside its clause, a concrete deadline replaced by 持续推进."""
from pathlib import Path

import pytest

from planlint.api import lint_text, parse_source
from planlint.read import read_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PLANS = sorted(p for p in (ROOT / "examples").glob("*") if p.suffix in (".txt", ".md"))
PLANS += sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def _load(path):
    source = read_path(str(path))
    return [line.text for line in source.lines], parse_source(source)


def _replace(lines, span, text):
    out = list(lines)
    s = out[span.line - 1]
    out[span.line - 1] = s[:span.column - 1] + text + s[span.end_column - 1:]
    return "\n".join(out)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_a_repeated_unit_is_reported(path):
    lines, plan = _load(path)
    missed, tried = [], 0
    for task in plan.tasks:
        first = next((c.units[0] for c in task.clauses if c.units), None)  # not a people cell
        units = [first] if first is not None and first.span.line == first.span.end_line else []
        for unit in units:
            tried += 1
            end = unit.span.end_column
            text = _replace(lines, type(unit.span)(unit.span.line, end, unit.span.line, end),
                            "、" + unit.name)
            found = lint_text(text, "injected.txt").diagnostics
            if not any(d.rule == "duplicate-unit" and d.span.line == unit.span.line for d in found):
                missed.append((task.line, unit.name))
    if not tried:
        pytest.skip("no unit clause to repeat a unit in")
    assert missed == []


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_a_deadline_replaced_by_chixu_tuijin_is_vague(path):
    lines, plan = _load(path)
    missed, tried = [], 0
    for task in plan.tasks:
        if task.deadline is None or any(t.kind != "vague" for t in task.timing):
            continue
        if all(t.kind == "vague" for t in task.deadline.timing):
            continue
        tried += 1
        found = lint_text(_replace(lines, task.deadline.span, "持续推进"), "injected.txt").diagnostics
        if not any(d.rule == "vague-deadline" and d.task == task.id for d in found):
            missed.append((task.line, task.deadline.text))
    if not tried:
        pytest.skip("no concrete deadline value to replace")
    assert missed == []
