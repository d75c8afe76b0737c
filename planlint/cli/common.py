"""Pieces shared by commands: error reporting with exit status 2, language choice."""
from __future__ import annotations

import sys

import click

from planlint.errors import PlanlintError

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2

lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh",
                           show_default=True, help="消息语言（message language）")


def fail(error: PlanlintError | str, lang: str = "zh") -> "NoReturn":  # noqa: F821
    text = error.text(lang) if isinstance(error, PlanlintError) else str(error)
    prefix = "planlint: error: " if lang == "en" else "planlint：错误："
    click.echo(prefix + text, err=True)
    sys.exit(EXIT_ERROR)
