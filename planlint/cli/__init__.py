"""Command line: ``planlint check|parse|rules|explain|lsp|report|export``.

Each command lives in its own module and is imported only when run, so ``planlint check`` does not
pay for the language server or the report renderer. The common ``planlint check`` and
``planlint parse`` invocations and ``planlint --version`` do not import click at all
(:mod:`planlint.cli.fastargs` reads them; ~35 ms of start-up); everything else goes through the
click group in :mod:`planlint.cli.group` (``planlint.cli.cli``).
"""
from __future__ import annotations

import os
import sys

COMMANDS = {
    "check": ("planlint.cli.check", "check", "检查计划文件并报告问题（Lint plan files）"),
    "parse": ("planlint.cli.parse", "parse", "显示对计划的解析结果（Show the parsed plan model）"),
    "rules": ("planlint.cli.rules", "rules", "列出全部规则（List rules）"),
    "explain": ("planlint.cli.rules", "explain", "显示规则说明（Explain a rule）"),
    "lsp": ("planlint.cli.lsp", "lsp", "启动语言服务器（Start the language server, stdio）"),
    "report": ("planlint.cli.report", "report", "生成 HTML 审查报告（Write an HTML review report）"),
    "export": ("planlint.cli.export", "export", "导出任务台账（Export the task ledger as CSV/XLSX）"),
}


def __getattr__(name):  # ``from planlint.cli import cli`` imports click only then
    if name in ("cli", "LazyGroup"):
        from planlint.cli import group
        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv=None):
    from planlint.shown import display_streams
    display_streams(sys.stdout, sys.stderr)  # a file name that is not UTF-8 never raises
    args = sys.argv[1:] if argv is None else list(argv)
    if "_PLANLINT_COMPLETE" not in os.environ:
        _without_click(args)  # returns when click must parse (and report what is wrong)
    from planlint.cli.group import cli
    try:
        cli.main(args=argv, prog_name="planlint", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


def _without_click(args: list[str]) -> None:
    if args == ["--version"]:
        from planlint import __version__
        from planlint.cli.status import echo
        echo(f"planlint, version {__version__}")  # what click.version_option prints
        sys.exit(0)
    if args[:1] == ["check"]:
        from planlint.cli.fastargs import parse_check
        options = parse_check(args[1:])
        if options is not None:
            from planlint.cli.lint import run_check
            _run_without_click(run_check, options)
    elif args[:1] == ["parse"]:
        from planlint.cli.fastargs import parse_parse
        options = parse_parse(args[1:])
        if options is not None:
            from planlint.cli.show import run_parse
            _run_without_click(run_parse, options)


def _run_without_click(run, options: dict) -> "NoReturn":  # noqa: F821
    """A command as click's standalone mode runs it (same interrupt and pipe handling)."""
    from planlint.cli.status import echo
    try:
        run(**options)
    except (EOFError, KeyboardInterrupt):
        echo("", err=True)
        echo("Aborted!", err=True)
        sys.exit(1)
    except OSError as exc:
        import errno
        if exc.errno != errno.EPIPE:
            raise
        from click.utils import PacifyFlushWrapper
        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        sys.exit(1)
    sys.exit(0)
