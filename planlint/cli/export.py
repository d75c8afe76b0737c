"""``planlint export``: the task ledger (台账) as CSV or xlsx, one row per task."""
from __future__ import annotations

import os

import click

from planlint.cli.common import fail
from planlint.cli.report import lint_for_output, lint_options
from planlint.cli.usage import Choice
from planlint.errors import PlanlintError


@click.command("export")
@lint_options
@click.option("--format", "fmt", type=Choice(["csv", "xlsx"]), default=None,
              help="台账格式（默认按输出文件扩展名，否则为 csv）")
@click.option("-o", "--output", required=True, help="输出文件（- 表示标准输出）")
def export(paths, config_path, encoding, select, ignore, jobs, lang, fmt, output):
    """导出任务台账：序号、所属部分、任务、牵头/配合/督导单位、完成时限和问题；多个文件合为一张表。"""
    from planlint.report import ledger
    from planlint.atomic import write_atomic

    if fmt is None:
        fmt = "xlsx" if os.path.splitext(output)[1].lower() == ".xlsx" else "csv"
    results = lint_for_output(paths, config_path, encoding, select, ignore, jobs, lang)
    keys, head, body = ledger.rows(results, lang)
    data = ledger.to_xlsx(keys, head, body) if fmt == "xlsx" else ledger.to_csv(head, body)
    try:
        write_atomic(output, data)
    except PlanlintError as exc:
        fail(exc, lang)
