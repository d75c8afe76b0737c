"""`planlint check`/`parse`/`--version` without click: the argument reader agrees with click."""
import sys

import click
import pytest
from click.testing import CliRunner

from planlint import cli as cli_package
from planlint.cli.check import check
from planlint.cli.fastargs import (FLAGS, MAX_JOBS, OPTIONS, PARSE_OPTIONS, parse_check,
                                   parse_parse)

PLAN = ("某县2018年政务公开工作要点\n"
        "一、强化平台建设\n"
        "（一）推进财政信息公开\n"
        "1.公开预算信息，年底前完成。（县财政局、县财政局牵头）\n"
        "2.公开决算信息，逐步完成。（有关部门负责）\n")


def test_the_option_table_matches_the_click_command():
    seen = set()
    for param in check.params:
        if not isinstance(param, click.Option):
            continue
        names = [n for n in param.opts if n not in ("-h", "--help")]
        seen.update(names)
        if param.is_flag:
            assert all(FLAGS.get(n) == param.name for n in names), names
            continue
        for name in names:
            key, kind = OPTIONS[name]
            assert key == param.name
            if isinstance(param.type, click.Choice):
                assert kind == tuple(param.type.choices)
            elif isinstance(param.type, click.IntRange):
                assert kind == "int" and (param.type.min, param.type.max) == (0, MAX_JOBS)
            elif isinstance(param.type, click.Path):
                assert kind == "path"
            else:
                assert kind is None
    assert seen == set(OPTIONS) | set(FLAGS)


@pytest.mark.parametrize("args, expected", [
    (["a.txt"], {"paths": ("a.txt",)}),
    (["--format=json", "-j2", "a", "b"], {"paths": ("a", "b"), "fmt": "json", "jobs": 2}),
    (["a", "--format", "sarif", "--jobs", "3", "b"], {"paths": ("a", "b"), "fmt": "sarif", "jobs": 3}),
    (["-j", "2", "--lang", "en", "--statistics", "-"], {"paths": ("-",), "jobs": 2, "lang": "en",
                                                         "statistics": True}),
    (["--select", "U002,T", "--select=T", "--", "-odd.txt"], {"paths": ("-odd.txt",), "select": "T"}),
    (["--fix", "--unsafe-fixes", "--diff", "--no-color", "p"],
     {"paths": ("p",), "fix": True, "unsafe_fixes": True, "diff": True, "no_color": True}),
])
def test_common_invocations_are_read(args, expected):
    assert parse_check(args) == expected


@pytest.mark.parametrize("args", [
    [], ["--help", "a"], ["-h"], ["--format", "xml", "a"], ["--format"], ["-j", "-1", "a"],
    ["-j", "257", "a"], ["-j", "+2", "a"], ["--jobs=two", "a"], ["--nope", "a"], ["-x", "a"],
    ["--statistics=yes", "a"], ["--lang", "fr", "a"], ["--config", ".", "a"], ["--fail-on=all", "a"],
])
def test_anything_unusual_is_left_to_click(args):
    assert parse_check(args) is None


def _fast(capsys, args):
    with pytest.raises(SystemExit) as exit_:
        cli_package.main(["check", *args])
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


@pytest.mark.parametrize("args", [
    ["--format", "json"], ["--lang=en", "--statistics"], ["--format", "github", "--fail-on", "error"],
    ["--select", "nosuch-rule"], ["--format", "xml"], ["-j", "0"],
])
def test_main_prints_and_exits_as_the_click_command(tmp_path, capsys, args):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    code, out, err = _fast(capsys, [*args, str(plan)])
    via_click = CliRunner().invoke(cli_package.cli, ["check", *args, str(plan)],
                                    prog_name="planlint")
    assert code == via_click.exit_code
    assert out == via_click.stdout
    assert err == via_click.stderr
    assert code in (1, 2) and (out or err)


def _run_fresh(tmp_path, args: list[str]):
    """``planlint ARGS plan.txt`` in a new interpreter; stderr says the exit code and whether
    click was imported."""
    import subprocess
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    code = ("import sys; from planlint.cli import main\n"
            f"try:\n    main({args!r} + [sys.argv[1]])\n"
            "except SystemExit as e:\n    print(e.code, 'click' in sys.modules, file=sys.stderr)\n")
    return subprocess.run([sys.executable, "-c", code, str(plan)], capture_output=True, text=True)


def test_check_does_not_import_click(tmp_path):
    done = _run_fresh(tmp_path, ["check", "--format", "json"])
    assert done.stderr.split() == ["1", "False"]
    assert '"duplicate-unit"' in done.stdout


def test_the_parse_option_table_matches_the_click_command():
    from planlint.cli.parse import parse
    seen = set()
    for param in parse.params:
        if not isinstance(param, click.Option):
            continue
        assert not param.is_flag
        for name in param.opts:
            key, kind = PARSE_OPTIONS[name]
            assert key == param.name
            if isinstance(param.type, click.Choice):
                assert kind == tuple(param.type.choices)
            else:
                assert kind is None
            seen.add(name)
    assert seen == set(PARSE_OPTIONS)


@pytest.mark.parametrize("args, expected", [
    (["a.txt"], {"path": "a.txt"}),
    (["--format=json", "a"], {"path": "a", "fmt": "json"}),
    (["-", "--encoding", "gbk", "--lang", "en"], {"path": "-", "encoding": "gbk", "lang": "en"}),
    (["--", "-odd.txt"], {"path": "-odd.txt"}),
])
def test_common_parse_invocations_are_read(args, expected):
    assert parse_parse(args) == expected


@pytest.mark.parametrize("args", [
    [], ["a", "b"], ["--help", "a"], ["--format", "xml", "a"], ["--format"], ["--lang=fr", "a"],
    ["-j", "2", "a"], ["--statistics", "a"],
])
def test_unusual_parse_arguments_are_left_to_click(args):
    assert parse_parse(args) is None


@pytest.mark.parametrize("args", [
    ["parse"], ["parse", "--format", "json"], ["parse", "--lang", "en"], ["--version"],
])
def test_parse_and_version_print_and_exit_as_the_click_commands(tmp_path, capsys, args):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    args = args + [str(plan)] if args[0] == "parse" else args
    with pytest.raises(SystemExit) as exit_:
        cli_package.main(args)
    out = capsys.readouterr()
    via_click = CliRunner().invoke(cli_package.cli, args, prog_name="planlint")
    assert exit_.value.code == via_click.exit_code == 0
    assert out.out == via_click.stdout and out.out
    assert out.err == via_click.stderr


def test_a_missing_plan_is_reported_as_by_click(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli_package.main(["parse", "no-such-plan.txt"])
    out = capsys.readouterr()
    via_click = CliRunner().invoke(cli_package.cli, ["parse", "no-such-plan.txt"],
                                   prog_name="planlint")
    assert exit_.value.code == via_click.exit_code == 2
    assert (out.out, out.err) == (via_click.stdout, via_click.stderr)


def test_parse_does_not_import_click(tmp_path):
    done = _run_fresh(tmp_path, ["parse"])
    assert done.stderr.split() == ["0", "False"]
    assert "县财政局" in done.stdout
