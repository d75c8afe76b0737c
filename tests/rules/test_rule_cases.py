"""Every rule's cases as data: ``cases/<rule-name>.yaml``.

Each case is a small plan text and the exact diagnostics the rule gives on it (rule, line,
column; optionally end_column, task, a message fragment and whether a fix is offered). Pass cases
expect none. A case with ``fixed:`` also applies the rule's fixes (unsafe ones included) and
compares the result; applying fixes to the fixed text must change nothing.
"""
from pathlib import Path

import pytest
import yaml

from planlint.api import lint_text
from planlint.configcheck import build_config
from planlint.fixes import fix_text

CASES = Path(__file__).parent / "cases"


def load_cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(path.stem, case, id=f"{path.stem}:{case['name']}")


def lint(rule, case, text):
    config = build_config(dict(case.get("config") or {}, select=[rule]), "case.yaml")
    return lint_text(text, "case.txt", config)


def observed(diag, wanted):
    got = {"rule": diag.rule, "line": diag.span.line, "column": diag.span.column}
    for key in wanted:
        if key == "end_column":
            got[key] = diag.span.end_column
        elif key == "task":
            got[key] = diag.task
        elif key == "fix":
            got[key] = None if diag.fix is None else ("safe" if diag.fix.safe else "unsafe")
        elif key == "message":
            got[key] = wanted[key] if wanted[key] in diag.message else diag.message
    return got


@pytest.mark.parametrize("rule, case", list(load_cases()))
def test_rule_case(rule, case):
    result = lint(rule, case, case["text"])
    assert result.error is None
    expected = [dict(e, rule=e.get("rule", rule)) for e in case.get("expect") or []]
    diags = sorted(result.diagnostics, key=lambda d: (d.span.line, d.span.column, d.rule))
    assert [d.rule for d in diags if d.rule == "internal-error"] == []
    assert len(diags) == len(expected), [(d.rule, d.span.line, d.span.column, d.message) for d in diags]
    for diag, want in zip(diags, sorted(expected, key=lambda e: (e["line"], e["column"], e["rule"]))):
        assert observed(diag, want) == want
    if "fixed" in case:
        fixed, _ = fix_text(case["text"], result.diagnostics, unsafe=True)
        assert fixed == case["fixed"]
        again, _ = fix_text(fixed, lint(rule, case, fixed).diagnostics, unsafe=True)
        assert again == fixed


def test_every_builtin_rule_has_cases():
    from planlint.engine import builtin_rules
    missing = [r.NAME for r in builtin_rules() if not (CASES / f"{r.NAME}.yaml").exists()]
    assert missing == []
