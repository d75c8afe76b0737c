"""`planlint check`, `planlint rules`, `planlint explain` from the command line."""
import json

import pytest
from click.testing import CliRunner

from planlint import configfile
from planlint.cli import cli

PLAN = ("某县2018年政务公开工作要点\n"
        "一、强化平台建设\n"
        "（一）推进财政信息公开\n"
        "1.公开预算信息，年底前完成。（县财政局、县财政局牵头）\n"
        "2.\t公开决算信息，原则上年底前完成。（县府办牵头）\n")
CLEAN = ("某县2018年政务公开工作要点\n"
         "一、强化平台建设\n"
         "（一）推进财政信息公开\n"
         "1.公开预算信息，年底前完成。（县财政局牵头）\n")
YUANZE = ('rules:\n  avoid-yuanze:\n    pattern: "原则上"\n    message: "时限避免使用“原则上”"\n'
          '    severity: warning\n')


@pytest.fixture(autouse=True)
def fresh_cache():
    configfile.clear_cache()
    yield
    configfile.clear_cache()


def run(*args, stdin=None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_yaml_rule_from_closest_config_fires_in_json(tmp_path):
    write(tmp_path / ".planlint.yaml", YUANZE)
    plan = write(tmp_path / "drafts" / "plan.txt", PLAN)
    result = run("check", "--format", "json", plan)
    assert result.exit_code == 1
    diags = json.loads(result.stdout)["files"][0]["diagnostics"]
    hits = [d for d in diags if d["rule"] == "avoid-yuanze"]
    assert [(d["line"], d["column"], d["end_column"], d["severity"], d["task"]) for d in hits] == [
        (5, 11, 14, "warning", "1.1.2")]


def test_json_shape_is_kept(tmp_path):
    plan = write(tmp_path / "plan.txt", PLAN)
    doc = json.loads(run("check", "--format", "json", plan).stdout)
    assert set(doc) == {"planlint", "files"}
    diag = doc["files"][0]["diagnostics"][0]
    assert set(diag) == {"rule", "code", "severity", "message", "line", "column", "end_line",
                         "end_column", "task", "fix"}


def test_text_output_header_source_and_caret_under_cjk(tmp_path):
    plan = write(tmp_path / "plan.txt", PLAN)
    out = run("check", "--select", "duplicate-unit", plan).stdout.splitlines()
    assert out[0] == f"{plan}:4:22: U002 [*] duplicate-unit “县财政局”在责任单位中重复出现"
    assert out[2] == "4 | 1.公开预算信息，年底前完成。（县财政局、县财政局牵头）"
    # "1." is 2 columns, the 19 CJK characters before the repeat 38: the caret starts at 40.
    assert out[3] == "  | " + " " * 40 + "^" * 8
    assert out[-1] == "发现 1 个问题（错误 1）；其中 1 个可自动修复"


def test_caret_after_a_tab(tmp_path):
    write(tmp_path / ".planlint.yaml", YUANZE)
    plan = write(tmp_path / "plan.txt", PLAN)
    out = run("check", "--select", "avoid-yuanze", plan).stdout.splitlines()
    assert out[2] == "5 | 2.  公开决算信息，原则上年底前完成。（县府办牵头）"
    assert out[3] == "  | " + " " * 18 + "^" * 6


def test_no_color_off_a_terminal(tmp_path):
    plan = write(tmp_path / "plan.txt", PLAN)
    assert "\x1b[" not in run("check", plan).stdout


def test_statistics_and_english(tmp_path):
    plan = write(tmp_path / "plan.txt", PLAN)
    out = run("check", "--statistics", "--lang", "en", "--select", "U002", plan).stdout
    assert "By rule:" in out and "1  U002   [*]  duplicate-unit" in out
    assert "is listed twice" in out and out.rstrip().endswith("Found 1 problems (error 1); 1 fixable")


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on(tmp_path, fail_on, code):
    plan = write(tmp_path / "plan.txt", PLAN)
    assert run("check", "--fail-on", fail_on, "--select", "duplicate-unit", plan).exit_code == code


def test_fail_on_error_ignores_warnings(tmp_path):
    plan = write(tmp_path / "plan.txt", CLEAN)
    write(tmp_path / ".planlint.yaml", "select: [heading-level, no-deadlines]\n")
    assert run("check", "--fail-on", "error", plan).exit_code == 0


def test_clean_file_exits_zero(tmp_path):
    plan = write(tmp_path / "plan.txt", CLEAN)
    result = run("check", plan)
    assert (result.exit_code, result.stdout.strip()) == (0, "未发现问题")


def test_directories_recurse_and_jobs(tmp_path):
    write(tmp_path / "a" / "one.txt", PLAN)
    write(tmp_path / "a" / "b" / "two.txt", PLAN)
    write(tmp_path / "a" / "notes.pdf.bak", "x")
    serial = json.loads(run("check", "--format", "json", str(tmp_path / "a")).stdout)
    parallel = json.loads(run("check", "--format", "json", "-j", "2", str(tmp_path / "a")).stdout)
    assert [f["path"] for f in serial["files"]] == [str(tmp_path / "a" / "b" / "two.txt"),
                                                  str(tmp_path / "a" / "one.txt")]
    assert serial == parallel


def test_stdin(tmp_path):
    result = run("check", "--format", "json", "--select", "duplicate-unit", "-", stdin=PLAN.encode())
    doc = json.loads(result.stdout)
    assert result.exit_code == 1 and [d["line"] for d in doc["files"][0]["diagnostics"]] == [4]


def test_select_and_ignore(tmp_path):
    plan = write(tmp_path / "plan.txt", PLAN)
    rules = lambda *a: {d["rule"] for d in json.loads(run("check", "--format", "json", *a, plan).stdout)["files"][0]["diagnostics"]}  # noqa: E731
    assert rules("--select", "U") == {"duplicate-unit"}
    assert "duplicate-unit" not in rules("--ignore", "U002")


@pytest.mark.parametrize("config, key", [
    ("colour: true\n", "colour"),
    ("severity:\n  missing-lead: fatal\n", "severity.missing-lead"),
    ("rules:\n  avoid-x:\n    message: m\n", "rules.avoid-x.pattern"),
    ("select: [\n", "YAML"),
])
def test_bad_config_is_one_line_and_exit_2(tmp_path, config, key):
    write(tmp_path / ".planlint.yaml", config)
    plan = write(tmp_path / "plan.txt", PLAN)
    result = run("check", plan)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and key in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_rule_in_select_missing_file_and_binary_input_exit_2(tmp_path):
    plan = write(tmp_path / "plan.txt", PLAN)
    result = run("check", "--select", "no-such-rule", plan)
    assert result.exit_code == 2 and "no-such-rule" in result.stderr
    result = run("check", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2 and "文件不存在" in result.stderr
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run("check", str(binary))
    assert result.exit_code == 2 and "二进制" in result.stderr


def test_explicit_config_overrides(tmp_path):
    write(tmp_path / ".planlint.yaml", "ignore: [duplicate-unit]\n")
    other = write(tmp_path / "cfg" / "strict.yaml", "select: [duplicate-unit]\n")
    plan = write(tmp_path / "plan.txt", PLAN)
    assert run("check", plan, "--select", "U002").exit_code == 0  # ignored by the nearby config
    assert run("check", "--config", other, plan).exit_code == 1


def test_rules_lists_at_least_twelve_as_json():
    doc = json.loads(run("rules", "--format", "json").stdout)
    rules = doc["rules"]
    assert len(rules) >= 12
    assert {"name", "code", "severity", "fixable", "summary"} <= set(rules[0])
    assert [r["name"] for r in rules[:5]] == ["missing-lead", "duplicate-unit", "vague-unit",
                                            "missing-deadline", "vague-deadline"]


def test_rules_text_lists_codes():
    out = run("rules").stdout
    assert "U001  missing-lead" in out and "P001  halfwidth-punctuation" in out


@pytest.mark.parametrize("key", ["missing-lead", "U001", "u001"])
def test_explain_by_name_or_code(key):
    result = run("explain", key)
    assert result.exit_code == 0
    assert result.stdout.startswith("missing-lead (U001)")
    assert "反例" in result.stdout and "正例" in result.stdout


def test_explain_unknown_rule_exit_2():
    result = run("explain", "no-such-rule")
    assert result.exit_code == 2 and "no-such-rule" in result.stderr


def test_plan_level_finding_groups_per_task_ones_in_text_but_not_json(tmp_path):
    text = ("某县2018年政务公开工作要点\n一、强化平台建设\n（一）推进财政信息公开\n"
            "1.公开预算信息。（县财政局牵头）\n2.公开决算信息。（县财政局牵头）\n3.公开审计信息。（县审计局牵头）\n")
    plan = write(tmp_path / "plan.txt", text)
    out = run("check", "--select", "missing-deadline,no-deadlines", plan).stdout
    assert out.count("missing-deadline") == 1  # only in the fold line
    assert "另有 3 条 missing-deadline 归入此项，位于第 4、5、6 行" in out
    assert out.index("no-deadlines") < out.index("另有 3 条")
    doc = json.loads(run("check", "--format", "json", "--select", "missing-deadline,no-deadlines", plan).stdout)
    diags = doc["files"][0]["diagnostics"]
    assert sorted((d["rule"], d["task"]) for d in diags) == [
        ("missing-deadline", "1.1.1"), ("missing-deadline", "1.1.2"), ("missing-deadline", "1.1.3"),
        ("no-deadlines", None)]


def test_long_lines_are_windowed_around_the_span(tmp_path):
    long = "1.公开" + "预算信息" * 60 + "，(县财政局牵头)\n"
    plan = write(tmp_path / "plan.txt", "一、强化平台建设\n（一）推进财政信息公开\n" + long)
    out = run("check", "--select", "halfwidth-punctuation", plan).stdout.splitlines()
    source, caret = out[2], out[3]
    assert source.startswith("3 | …") and "(县财政局牵头)" in source
    assert len(source) < 80 and caret.rstrip().endswith("^")
