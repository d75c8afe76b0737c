"""Baselines: findings keyed by task identity, not line numbers; counted; end to end via the CLI."""
from __future__ import annotations

import dataclasses
import json
import os

from click.testing import CliRunner

from planlint.api import FileResult
from planlint.baseline import (collect, filter_results, finding_key, load_baseline,
                               write_baseline)
from planlint.cli import cli
from planlint.diagnostics import Diagnostic
from planlint.model import Marker, Plan, Span, Task, TextPiece
from planlint.read.text import source_from_text


def hand_result(text: str, tasks_at: dict[int, str], findings, path="plan.txt") -> FileResult:
    """A FileResult with one task per given line (id -> text) and findings (rule, line, col, end)."""
    source = source_from_text(text, path)
    tasks, ids = [], {}
    for n, (line, body) in enumerate(tasks_at.items(), 1):
        width = len(source.line(line))
        marker = Marker(f"{n}.", str(n), n, 3, "arabic-dot", Span(line, 1, line, 3))
        task = Task(id=f"1.{n}", number=str(n), level=3, span=Span(line, 1, line, width + 1),
                    marker=marker, headings=("一、总体",), text=body,
                    pieces=(TextPiece(body, line, 3),), clauses=(), owners=(), participants=(),
                    supervisors=(), people=(), deadline=None, timing=(), section="1")
        tasks.append(task)
        ids[line] = task.id
    plan = Plan(source=source, title="t", year=2018, draft=False, issue_date=None, layout="prose",
                has_deadline_column=False, sections=(), tasks=tuple(tasks), markers=())
    diags = [Diagnostic(rule=rule, code="U002", severity="error", message=f"m{col}",
                        span=Span(line, col, line, end), task=ids.get(line))
             for rule, line, col, end in findings]
    return FileResult(path, source, plan, diags)


TEXT = "一、总体\n1.做好公开。（甲、乙、乙）\n2.年底前完成。\n"
TASKS = {2: "做好公开。（甲、乙、乙）", 3: "年底前完成。"}


def test_key_ignores_line_numbers(tmp_path):
    before = hand_result(TEXT, TASKS, [("duplicate-unit", 2, 12, 14)])
    shifted = hand_result("\n\n" + TEXT, {k + 2: v for k, v in TASKS.items()},
                          [("duplicate-unit", 4, 12, 14)])
    root = str(tmp_path)
    assert finding_key(before, before.diagnostics[0], root) == \
        finding_key(shifted, shifted.diagnostics[0], root)
    assert finding_key(before, before.diagnostics[0], root)[3] == "、乙"


def test_whole_task_finding_does_not_depend_on_span_text(tmp_path):
    a = hand_result(TEXT, TASKS, [("missing-deadline", 2, 1, 16)])
    key = finding_key(a, a.diagnostics[0], str(tmp_path))
    assert key[3] == "" and key[2] == "总体//做好公开。(甲、乙、乙)"


def test_renumbered_headings_keep_the_key(tmp_path):
    a = hand_result(TEXT, TASKS, [("duplicate-unit", 2, 12, 14)])
    b = hand_result(TEXT, TASKS, [("duplicate-unit", 2, 12, 14)])
    task = b.plan.tasks[0]
    renamed = dataclasses.replace(task, headings=("二、总体",))
    b.plan = dataclasses.replace(b.plan, tasks=(renamed,) + b.plan.tasks[1:])
    root = str(tmp_path)
    assert finding_key(a, a.diagnostics[0], root) == finding_key(b, b.diagnostics[0], root)


def test_counts_let_a_second_repeat_through(tmp_path):
    base_path = str(tmp_path / "baseline.json")
    old = hand_result(TEXT, TASKS, [("duplicate-unit", 2, 12, 14)])
    assert write_baseline(base_path, [old]) == 1
    text = "一、总体\n1.做好公开。（甲、乙、乙、乙）\n2.年底前完成。\n"
    new = hand_result(text, {2: "做好公开。（甲、乙、乙、乙）", 3: "年底前完成。"},
                      [("duplicate-unit", 2, 12, 14), ("duplicate-unit", 2, 14, 16)])
    # the task text changed, so both are new: identity includes the task text
    kept = filter_results([new], load_baseline(base_path), base_path)[0].diagnostics
    assert len(kept) == 2
    # same task text, two findings with one key, baseline holds one: exactly one survives
    same = hand_result(TEXT, TASKS, [("duplicate-unit", 2, 12, 14), ("duplicate-unit", 2, 12, 14)])
    kept = filter_results([same], load_baseline(base_path), base_path)[0].diagnostics
    assert len(kept) == 1


def test_file_keys_are_relative_to_the_baseline(tmp_path, monkeypatch):
    plan = tmp_path / "plans" / "a.txt"
    result = hand_result(TEXT, TASKS, [("duplicate-unit", 2, 12, 14)], path=str(plan))
    counts = collect([result], str(tmp_path))
    assert {k[1] for k in counts} == {"plans/a.txt"}


def test_bad_baseline_is_a_clean_error(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    runner = CliRunner()
    plan = tmp_path / "p.txt"
    plan.write_text(TEXT, encoding="utf-8")
    res = runner.invoke(cli, ["check", "--baseline", str(bad), str(plan)])
    assert res.exit_code == 2 and "基线" in res.output
    res = runner.invoke(cli, ["check", "--baseline", str(tmp_path / "none.json"), str(plan)])
    assert res.exit_code == 2


# --- end to end (needs the parser and the core rules) ---------------------------------------

PLAN = """某县2018年政务公开工作要点

一、推进重点领域信息公开
（一）财政信息公开。
1.按季度公开专项资金使用情况，2018年6月底前完成。（县财政局、县审计局负责）
2.做好政府信息公开年报发布工作，年底前完成。（县府办、县财政局负责）
"""


def _run(args, cwd):
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, args)
    finally:
        os.chdir(old)


def test_baseline_end_to_end(tmp_path):
    plan = tmp_path / "plan.txt"
    messy = PLAN.replace("（县财政局、县审计局负责）", "（县财政局、县审计局、县审计局负责）")
    plan.write_text(messy, encoding="utf-8")
    first = _run(["check", "--format", "json", "plan.txt"], tmp_path)
    assert first.exit_code == 1, first.output
    wrote = _run(["check", "--write-baseline", "base.json", "plan.txt"], tmp_path)
    assert wrote.exit_code == 0, wrote.output
    assert json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]

    plan.write_text("\n\n\n" + messy, encoding="utf-8")
    quiet = _run(["check", "--baseline", "base.json", "plan.txt"], tmp_path)
    assert quiet.exit_code == 0, quiet.output

    # a new repeat in the task that already has a baselined one
    again = messy.replace("（县财政局、县审计局、县审计局负责）",
                          "（县财政局、县审计局、县审计局、县财政局负责）")
    plan.write_text("\n\n\n" + again, encoding="utf-8")
    new = _run(["check", "--format", "json", "--baseline", "base.json", "plan.txt"], tmp_path)
    assert new.exit_code == 1, new.output
    found = json.loads(new.stdout)["files"][0]["diagnostics"]
    assert [(d["rule"], d["line"]) for d in found] == [("duplicate-unit", 8)]
    assert "县财政局" in found[0]["message"]
