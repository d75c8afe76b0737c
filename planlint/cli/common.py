"""Pieces shared by commands: error reporting with exit status 2, language choice."""
from __future__ import annotations

import click

from planlint.cli.status import EXIT_ERROR, EXIT_FOUND, EXIT_OK, echo, fail  # noqa: F401
from planlint.cli.usage import Choice

lang_option = click.option("--lang", type=Choice(["zh", "en"]), default="zh",
                           show_default=True, help="消息语言（message language）")
