"""``planlint parse``: the command's options (click). The work is :mod:`planlint.cli.show`, which
``planlint parse`` also reaches without click when :mod:`planlint.cli.fastargs` can read the
arguments."""
from __future__ import annotations

import click

from planlint.cli.common import lang_option
from planlint.cli.usage import Choice


@click.command("parse")
@click.argument("path")
@click.option("--format", "fmt", type=Choice(["json", "yaml"]), default="yaml",
              show_default=True, help="输出格式")
@click.option("--encoding", default=None, help="指定文本编码（默认自动识别）")
@lang_option
def parse(path, fmt, encoding, lang):
    """显示计划的解析结果：标题、年份、章节、任务及其单位和时限。"""
    from planlint.cli.show import run_parse
    run_parse(path, fmt=fmt, encoding=encoding, lang=lang)
