"""The click command group: every command, with ``--help`` and ``--version``."""
from __future__ import annotations

import importlib

import click

from planlint import __version__
from planlint.cli import COMMANDS


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
