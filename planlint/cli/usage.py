"""Command-line usage errors (an unknown option, a bad value, a missing argument) in the user's
language: Chinese by default, English with ``--lang en``.

click reports these itself, in English and over three lines. Every other error planlint reports
is one line, ``planlint：错误：…`` (:func:`planlint.cli.status.fail`), so a usage error is turned
into that line plus the command's usage. The message is built from the fields of click's
exception (the option's names, its type's choices or range, the value it refused), not from
click's English text.
"""
from __future__ import annotations

import os

import click
from click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption


class _KeepsValue:
    """A click type that keeps the value it refused on the error (for :func:`localize`)."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except BadParameter as exc:
            exc.planlint_value = value
            raise


class Choice(_KeepsValue, click.Choice):
    pass


class IntRange(_KeepsValue, click.IntRange):
    pass


class FilePath(_KeepsValue, click.Path):
    """``click.Path(dir_okay=False)``: a file, which need not exist yet."""

    def __init__(self):
        super().__init__(dir_okay=False)


class LocalizedUsageError(click.UsageError):
    """A usage error whose message is already in the user's language; shown as planlint shows
    its other errors, with the command's usage after it."""

    def __init__(self, message: str, ctx, lang: str):
        super().__init__(message, ctx)
        self.lang = lang

    def show(self, file=None) -> None:
        en = self.lang == "en"
        lines = [("planlint: error: " if en else "planlint：错误：") + self.message]
        if self.ctx is not None:
            usage = self.ctx.get_usage().split(None, 1)[-1]  # without click's "Usage:"
            path = self.ctx.command_path
            lines.append(f"usage: {usage} (see {path} --help)" if en
                         else f"用法：{usage}（详见 {path} --help）")
        click.echo("\n".join(lines), file=file, err=file is None)


def lang_of(args) -> str:
    """The ``--lang`` the arguments ask for ("zh" unless they say ``--lang en``)."""
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang=en" or (arg == "--lang" and args[i + 1:i + 2] == ["en"]):
            return "en"
    return "zh"


def localize(exc: click.UsageError, lang: str, ctx=None) -> click.UsageError:
    """``exc`` as a :class:`LocalizedUsageError`, or ``exc`` itself when it is one already or
    is click's "no arguments: here is the help" (which shows the help, not an error).

    ``ctx``: the context of the command being parsed, for errors click raises without one (a
    missing option value: its parser knows no context)."""
    if isinstance(exc, LocalizedUsageError) or type(exc).__name__ == "NoArgsIsHelpError":
        return exc
    if exc.ctx is None:
        exc.ctx = ctx
    return LocalizedUsageError(_message(exc, lang), exc.ctx, lang)


def unknown_command(name: str, commands, ctx, lang: str) -> LocalizedUsageError:
    listed = ", ".join(commands) if lang == "en" else "、".join(commands)
    message = (f"no such command {name!r} (commands: {listed})" if lang == "en"
               else f"没有命令 {name}（可用命令：{listed}）")
    return LocalizedUsageError(message, ctx, lang)


def _message(exc: click.UsageError, lang: str) -> str:
    if lang == "en":
        return exc.format_message()
    if isinstance(exc, NoSuchOption):
        guess = exc.possibilities
        return f"没有选项 {exc.option_name}" + (f"（是否想用 {'、'.join(guess)}？）" if guess else "")
    if isinstance(exc, BadOptionUsage):
        param = _param_named(exc.ctx, exc.option_name)
        if param is not None and (getattr(param, "is_flag", False) or getattr(param, "count", False)):
            return f"选项 {exc.option_name} 不接受取值"
        return f"选项 {exc.option_name} 缺少取值"
    if isinstance(exc, MissingParameter):
        param = exc.param
        if isinstance(param, click.Argument):
            return f"缺少参数 {param.human_readable_name}"
        return f"缺少选项 {_names(param)}" if param is not None else "缺少参数"
    if isinstance(exc, BadParameter):
        return _bad_value(exc)
    return f"用法错误：{exc.format_message()}"  # click's other usage errors, rarely met


def _bad_value(exc: BadParameter) -> str:
    param = exc.param
    hint = _subject(param) if param is not None else "参数"
    if not hasattr(exc, "planlint_value"):  # a type that keeps no value: click's own reason
        return f"{hint} 的值无效：{exc.format_message()}"
    value = exc.planlint_value
    kind = param.type
    if isinstance(kind, click.Choice):
        return f"{hint} 的值“{value}”无效，可选：{'、'.join(map(str, kind.choices))}"
    if isinstance(kind, click.IntRange):
        low, high = kind.min, kind.max
        if low is not None and high is not None:
            wanted = f"应为 {low} 到 {high} 之间的整数"
        elif low is not None:
            wanted = f"应为不小于 {low} 的整数"
        else:
            wanted = f"应为不大于 {high} 的整数"
        return f"{hint} 的值“{value}”无效，{wanted}"
    if isinstance(kind, click.Path) and os.path.isdir(value):
        return f"{hint} 应为文件，“{value}”是目录"
    return f"{hint} 的值“{value}”无效"


def _names(param) -> str:
    """An option's names as click shows them (-j/--jobs), or an argument's metavar (PATHS)."""
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    return param.human_readable_name


def _subject(param) -> str:
    return ("选项 " if isinstance(param, click.Option) else "参数 ") + _names(param)


def _param_named(ctx, option_name: str):
    for param in ctx.command.params if ctx is not None else ():
        if option_name in getattr(param, "opts", ()) or option_name in getattr(param, "secondary_opts", ()):
            return param
    return None
