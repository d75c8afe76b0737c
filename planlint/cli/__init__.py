"""Command line: ``planlint check|parse|rules|explain|lsp|report|export``.

Each command lives in its own module and is imported only when run, so ``planlint check`` does not
pay for the language server or the report renderer.
"""
from __future__ import annotations

import importlib
import sys

import click

from planlint import __version__

COMMANDS = {
    "check": ("planlint.cli.check", "check", "检查计划文件并报告问题（Lint plan files）"),
    "parse": ("planlint.cli.parse", "parse", "显示对计划的解析结果（Show the parsed plan model）"),
    "rules": ("planlint.cli.rules", "rules", "列出全部规则（List rules）"),
    "explain": ("planlint.cli.rules", "explain", "显示规则说明（Explain a rule）"),
    "lsp": ("planlint.cli.lsp", "lsp", "启动语言服务器（Start the language server, stdio）"),
    "report": ("planlint.cli.report", "report", "生成 HTML 审查报告（Write an HTML review report）"),
    "export": ("planlint.cli.export", "export", "导出任务台账（Export the task ledger as CSV/XLSX）"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        try:
            return getattr(importlib.import_module(module), attr)
        except ImportError as exc:
            reason = str(exc)  # ``exc`` is unbound once the except block ends

            @click.command(name, help=COMMANDS[name][2])
            def unavailable():
                raise click.ClickException(f"命令 {name} 不可用：{reason}")
            return unavailable

    def format_commands(self, ctx, formatter):
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planlint")
def cli():
    """planlint：政府工作计划（工作要点、任务分工、实施方案）草稿检查工具。"""


def main(argv=None):
    try:
        cli.main(args=argv, prog_name="planlint", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
