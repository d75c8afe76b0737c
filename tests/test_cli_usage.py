"""Usage errors (bad option values, unknown options and commands, missing arguments): one line in
the user's language, then the command's usage, and exit status 2 (planlint.cli.usage)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

import planlint.cli as cli_package
from planlint.cli import cli

# (arguments, the error line after "planlint：错误：", the usage line's command)
CASES = [
    (["check", "--format", "xyz", "p.txt"],
     "选项 --format 的值“xyz”无效，可选：text、json、sarif、github、junit", "planlint check"),
    (["check", "--fail-on", "fatal", "p.txt"],
     "选项 --fail-on 的值“fatal”无效，可选：error、warning、info", "planlint check"),
    (["check", "-j", "-1", "p.txt"], "选项 -j/--jobs 的值“-1”无效，应为 0 到 256 之间的整数",
     "planlint check"),
    (["check", "--jobs=abc", "p.txt"], "选项 -j/--jobs 的值“abc”无效，应为 0 到 256 之间的整数",
     "planlint check"),
    (["check"], "缺少参数 PATHS", "planlint check"),
    (["check", "--formt", "json", "p.txt"], "没有选项 --formt（是否想用 --format？）",
     "planlint check"),
    (["check", "--zzz", "p.txt"], "没有选项 --zzz", "planlint check"),
    (["check", "p.txt", "--format"], "选项 --format 缺少取值", "planlint check"),
    (["check", "--statistics=yes", "p.txt"], "选项 --statistics 不接受取值", "planlint check"),
    (["check", "--config", "DIR", "p.txt"], "选项 --config 应为文件，“DIR”是目录", "planlint check"),
    (["parse"], "缺少参数 PATH", "planlint parse"),
    (["parse", "--format", "xml", "p.txt"], "选项 --format 的值“xml”无效，可选：json、yaml",
     "planlint parse"),
    (["rules", "--format", "csv"], "选项 --format 的值“csv”无效，可选：text、json", "planlint rules"),
    (["explain"], "缺少参数 NAME", "planlint explain"),
    (["report", "-j", "0", "p.txt"], "选项 -j/--jobs 的值“0”无效，应为不小于 1 的整数",
     "planlint report"),
    (["export", "--format", "pdf", "p.txt"], "选项 --format 的值“pdf”无效，可选：csv、xlsx",
     "planlint export"),
    (["lint", "p.txt"],
     "没有命令 lint（可用命令：check、parse、rules、explain、lsp、report、export）", "planlint"),
    (["--no-such-option"], "没有选项 --no-such-option", "planlint"),
]


def _args(args, tmp_path):
    (tmp_path / "DIR").mkdir(exist_ok=True)
    return [str(tmp_path / "DIR") if a == "DIR" else a for a in args]


@pytest.mark.parametrize("args, line, command", CASES, ids=[" ".join(c[0]) for c in CASES])
def test_usage_error_in_chinese(args, line, command, tmp_path):
    args = _args(args, tmp_path)
    line = line.replace("“DIR”", f"“{tmp_path / 'DIR'}”")
    result = CliRunner().invoke(cli, args, prog_name="planlint")
    assert result.exit_code == 2
    assert result.stdout == ""
    error, usage = result.stderr.splitlines()
    assert error == "planlint：错误：" + line
    assert usage.startswith(f"用法：{command} [OPTIONS]") and usage.endswith(f"（详见 {command} --help）")


def test_usage_error_in_english_with_lang_en():
    result = CliRunner().invoke(cli, ["check", "--lang", "en", "--format", "xyz", "p.txt"],
                                prog_name="planlint")
    assert result.exit_code == 2
    error, usage = result.stderr.splitlines()
    assert error.startswith("planlint: error: Invalid value for '--format': 'xyz'")
    assert usage == "usage: planlint check [OPTIONS] PATHS... (see planlint check --help)"


def test_unknown_command_in_english():
    result = CliRunner().invoke(cli, ["lint", "--lang=en"], prog_name="planlint")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "planlint: error: no such command 'lint' "
        "(commands: check, parse, rules, explain, lsp, report, export)")


def test_the_command_and_the_group_report_alike(capsys):
    """``planlint`` as installed (cli.main, which reads common invocations without click) gives
    the same output and status as the click group."""
    args = ["check", "--format", "xyz", "p.txt"]
    with pytest.raises(SystemExit) as exit_:
        cli_package.main(args)
    out = capsys.readouterr()
    via_click = CliRunner().invoke(cli, args, prog_name="planlint")
    assert exit_.value.code == via_click.exit_code == 2
    assert (out.out, out.err) == (via_click.stdout, via_click.stderr)
    assert out.err.startswith("planlint：错误：选项 --format")


def test_help_and_no_arguments_are_not_errors():
    assert CliRunner().invoke(cli, ["check", "--help"], prog_name="planlint").exit_code == 0
    bare = CliRunner().invoke(cli, [], prog_name="planlint")
    assert "Usage: planlint [OPTIONS] COMMAND" in bare.output  # click shows the help
    assert "错误" not in bare.output


def test_good_values_still_work(tmp_path):
    plan = tmp_path / "p.txt"
    plan.write_text("一、总体要求\n1.做好公开。（牵头单位：县政府办公室；完成时限：2024年6月底前）\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-j", "1", "--format", "json", "--fail-on", "error",
                                      str(plan)], prog_name="planlint")
    assert result.exit_code in (0, 1) and result.stdout.startswith('{"planlint"')
