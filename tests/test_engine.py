"""The rule engine: stamping, selection, options, internal errors, YAML rules, per-path ignores."""
import dataclasses
from types import SimpleNamespace

import pytest

from planlint.config import Config
from planlint.configcheck import build_config
from planlint.diagnostics import Problem
from planlint.engine import all_rules, enabled, find_rule, run_rules
from planlint.model import Plan, Source, SourceLine, Span
from planlint.plugins import PatternRule, config_rules


def make_plan(*lines, path="plan.txt"):
    source = Source(path, "utf-8", tuple(SourceLine(i + 1, t) for i, t in enumerate(lines)))
    return Plan(source=source, title=None, year=2018, draft=False, issue_date=None, layout="prose",
                has_deadline_column=False, sections=(), tasks=(), markers=())


def fake_rule(name="fake-rule", code="Z001", severity="warning", options=None, check=None):
    def default_check(plan, opts):
        yield Problem(Span(1, 2, 1, 3), f"found {opts.get('word')}", message_en="found")
    return SimpleNamespace(NAME=name, CODE=code, SEVERITY=severity, OPTIONS=options or {"word": "x"},
                           FIXABLE=False, check=check or default_check, __doc__="Fake.")


def test_engine_stamps_identity_and_configured_severity():
    rule = fake_rule()
    diags = run_rules(make_plan("abc"), Config(severity={"fake-rule": "error"}), [rule])
    assert [(d.rule, d.code, d.severity, d.message) for d in diags] == [
        ("fake-rule", "Z001", "error", "found x")]


def test_options_merge_defaults_with_config():
    rule = fake_rule()
    diags = run_rules(make_plan("abc"), Config(options={"fake-rule": {"word": "y"}}), [rule])
    assert diags[0].message == "found y"


def test_raising_rule_becomes_internal_error_and_run_goes_on():
    def broken(plan, options):
        yield Problem(Span(1, 1, 1, 2), "before")
        raise ValueError("boom")
    diags = run_rules(make_plan("abc"), Config(), [fake_rule("broken", "Z002", check=broken), fake_rule()])
    rules = sorted(d.rule for d in diags)
    assert rules == ["broken", "fake-rule", "internal-error"]
    error = next(d for d in diags if d.rule == "internal-error")
    assert "broken" in error.message and "boom" in error.message and error.severity == "error"


@pytest.mark.parametrize("config, expected", [
    (Config(), True),
    (Config(ignore=["fake-rule"]), False),
    (Config(ignore=["Z"]), False),
    (Config(select=["U"]), False),
    (Config(select=["Z001"]), True),
    (Config(select=["ALL"], ignore=["z001"]), False),
    (Config(enabled={"fake-rule": False}), False),
])
def test_selection(config, expected):
    assert enabled(fake_rule(), config) is expected


def test_default_disabled_rule_needs_select():
    rule = fake_rule()
    rule.DEFAULT_ENABLED = False
    assert not enabled(rule, Config())
    assert enabled(rule, Config(select=["fake-rule"]))


def test_per_path_ignores_match_globs(tmp_path):
    config = Config(per_path_ignores={"drafts/*.txt": ["fake-rule"]}, path=str(tmp_path / ".planlint.yaml"))
    ignored = run_rules(make_plan("abc", path=str(tmp_path / "drafts" / "a.txt")), config, [fake_rule()])
    kept = run_rules(make_plan("abc", path=str(tmp_path / "final" / "a.txt")), config, [fake_rule()])
    assert (len(ignored), len(kept)) == (0, 1)


YUANZE = {"rules": {"avoid-yuanze": {"pattern": "原则上", "message": "时限避免使用“原则上”",
                                      "severity": "warning"}}}


def test_yaml_rule_fires_with_its_name_and_position():
    config = build_config(YUANZE, "cfg.yaml")
    diags = run_rules(make_plan("标题", "1.原则上年底前完成。"), config)
    hits = [d for d in diags if d.rule == "avoid-yuanze"]
    assert [(d.span.line, d.span.column, d.span.end_column, d.message) for d in hits] == [
        (2, 3, 6, "时限避免使用“原则上”")]
    assert hits[0].as_dict()["rule"] == "avoid-yuanze"


def test_yaml_rules_are_listed_and_found_by_name_and_default_code():
    config = build_config(YUANZE, "cfg.yaml")
    assert [r.NAME for r in config_rules(config)] == ["avoid-yuanze"]
    assert find_rule("avoid-yuanze", config).CODE == "X001"
    assert find_rule("X001", config).NAME == "avoid-yuanze"
    assert "avoid-yuanze" in [r.NAME for r in all_rules(config)]
    assert "avoid-yuanze" not in [r.NAME for r in all_rules(None)]


def test_pattern_rule_scopes():
    from planlint.model import Deadline, Marker, Task, TextPiece
    marker = Marker("1.", "1", 1, 3, "arabic-dot", Span(2, 1, 2, 3))
    task = Task(id="1", number="1", level=3, span=Span(2, 1, 2, 20), marker=marker, headings=(),
                text="原则上完成", pieces=(TextPiece("原则上完成", 2, 3),), clauses=(), owners=(),
                participants=(), supervisors=(), people=(),
                deadline=Deadline("原则上年底前", Span(2, 12, 2, 18), ()), timing=(), section="")
    plan = make_plan("原则上", "1.原则上完成。原则上年底前")
    plan = dataclasses.replace(plan, tasks=(task,))
    spec = {"pattern": "原则上", "message": "m"}
    found = {scope: [(p.span.line, p.span.column, p.task) for p in
                     PatternRule("r", {**spec, "scope": scope}).check(plan, {})]
             for scope in ("all", "text", "deadline", "units")}
    assert found == {"all": [(1, 1, None), (2, 3, "1"), (2, 9, "1")], "text": [(2, 3, "1")],
                     "deadline": [(2, 12, "1")], "units": []}


def test_findings_are_sorted_by_the_diagnostic_sort_key():
    def scattered(plan, options):
        for line, column, message in [(2, 1, "b"), (1, 5, "a"), (1, 5, "0"), (1, 2, "z"), (3, 1, "a")]:
            yield Problem(Span(line, column, line, column + 1), message)
    diags = run_rules(make_plan("abcdef", "ab", "a"), Config(),
                      [fake_rule("one", "Z002", check=scattered), fake_rule("two", "Z001", check=scattered)])
    assert len(diags) == 10
    assert diags == sorted(diags, key=lambda d: d.sort_key())
    assert [(d.span.line, d.span.column, d.code, d.message) for d in diags[:4]] == [
        (1, 2, "Z001", "z"), (1, 2, "Z002", "z"), (1, 5, "Z001", "0"), (1, 5, "Z001", "a")]
