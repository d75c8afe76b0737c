"""Every registered rule documents itself and has a stable, unique identity."""
import re

import pytest

from planlint.engine import builtin_rules

RULES = builtin_rules()
CODE = re.compile(r"^[SUTPN]\d{3}$")
NAME = re.compile(r"^[a-z]+(-[a-z]+)*$")
CORE = {"missing-lead": "U001", "duplicate-unit": "U002", "vague-unit": "U003",
        "missing-deadline": "T001", "vague-deadline": "T002"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.NAME)
def test_rule_docstring_has_summary_bad_and_good_examples(rule):
    doc = rule.__doc__ or ""
    summary = doc.strip().splitlines()[0] if doc.strip() else ""
    assert summary and len(summary) <= 80
    assert "反例" in doc and "正例" in doc and "选项" in doc
    assert doc.index("反例") < doc.index("正例")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.NAME)
def test_rule_contract(rule):
    assert NAME.match(rule.NAME) and CODE.match(rule.CODE)
    assert rule.SEVERITY in ("error", "warning", "info")
    assert isinstance(rule.OPTIONS, dict) and isinstance(rule.FIXABLE, bool)
    assert callable(rule.check)


def test_names_and_codes_are_unique_and_core_comes_first():
    names = [r.NAME for r in RULES]
    codes = [r.CODE for r in RULES]
    assert len(set(names)) == len(names) and len(set(codes)) == len(codes)
    assert {n: c for n, c in zip(names[:5], codes[:5])} == CORE
    assert len(RULES) >= 12


def test_rules_never_import_lark_or_click():
    import ast
    import inspect
    for rule in RULES:
        tree = ast.parse(inspect.getsource(rule))
        imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not imported & {"lark", "click"}, rule.NAME
