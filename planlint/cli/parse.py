"""``planlint parse``: show what planlint understood of a plan."""
from __future__ import annotations

import json
import os
import sys

import click

from planlint.cli.common import fail, lang_option
from planlint.errors import PlanlintError


@click.command("parse")
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="yaml",
              show_default=True, help="输出格式")
@click.option("--encoding", default=None, help="指定文本编码（默认自动识别）")
@lang_option
def parse(path, fmt, encoding, lang):
    """显示计划的解析结果：标题、年份、章节、任务及其单位和时限。"""
    from planlint.cli.run import read_one
    from planlint.parse import parse_source
    from planlint.output.model_dump import plan_document

    try:
        source = read_one(path, encoding)
    except PlanlintError as exc:
        fail(exc, lang)
    try:
        doc = plan_document(parse_source(source))
    except Exception as exc:  # a bug in planlint must not become a user's traceback
        if os.environ.get("PLANLINT_DEBUG"):
            raise
        fail(PlanlintError(f"{path}：planlint 内部错误（{type(exc).__name__}: {exc}），请报告此问题",
                           f"{path}: internal error in planlint ({type(exc).__name__}: {exc})"),
             lang)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        import yaml
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when installed
        click.echo(yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100))
    sys.exit(0)
