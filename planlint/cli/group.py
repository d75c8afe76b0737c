"""The click command group: every command, with ``--help`` and ``--version``."""
from __future__ import annotations

import importlib

import click

from planlint import __version__
from planlint.cli import COMMANDS
from planlint.cli.usage import lang_of, localize, unknown_command


class LazyGroup(click.Group):
    """The commands, imported when run; usage errors reported in the user's language
    (:mod:`planlint.cli.usage`)."""

    def parse_args(self, ctx, args):
        ctx.meta["planlint.lang"] = lang_of(args)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:  # planlint --bogus
            raise localize(exc, ctx.meta["planlint.lang"]) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # a command's options and arguments
            raise localize(exc, ctx.meta.get("planlint.lang", "zh"), self._context_of(ctx)) from None

    def _context_of(self, ctx):
        """A bare context of the command being run (its usage line and options), or None."""
        name = ctx.invoked_subcommand
        command = self.get_command(ctx, name) if name else None
        return click.Context(command, info_name=name, parent=ctx) if command else None

    def resolve_command(self, ctx, args):
        name = args[0]
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            raise unknown_command(name, COMMANDS, ctx, ctx.meta.get("planlint.lang", "zh"))
        return super().resolve_command(ctx, args)

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
