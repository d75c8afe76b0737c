"""``planlint report``: a self-contained HTML review report for one or more plans."""
from __future__ import annotations

import click

from planlint.cli.common import fail, lang_option
from planlint.cli.usage import FilePath, IntRange
from planlint.errors import PlanlintError


def lint_options(func):
    """Options shared by ``report`` and ``export``: which files, how to read and lint them."""
    for option in reversed([
        click.argument("paths", nargs=-1, required=True),
        click.option("--config", "config_path", type=FilePath(), default=None,
                     help="配置文件（默认使用离文件最近的 .planlint.yaml）"),
        click.option("--encoding", default=None, help="指定文本编码（默认自动识别）"),
        click.option("--select", default=None, help="只启用这些规则（名称或代码，逗号分隔）"),
        click.option("--ignore", default=None, help="停用这些规则（名称或代码，逗号分隔）"),
        click.option("-j", "--jobs", type=IntRange(min=1), default=1, show_default=True,
                     help="并行处理的进程数"),
        lang_option,
    ]):
        func = option(func)
    return func


def lint_for_output(paths, config_path, encoding, select, ignore, jobs, lang):
    """Lint ``paths`` (directories expanded); any unreadable file stops the command (exit 2)."""
    from planlint.cli.paths import expand
    from planlint.cli.run import lint_all

    try:
        files = expand(paths)
        if not files:
            raise PlanlintError("没有找到计划文件（.txt .md .docx .html）",
                                "no plan files found (.txt .md .docx .html)")
        results = lint_all(files, config_path=config_path, encoding=encoding, select=select,
                           ignore=ignore, jobs=jobs)
    except PlanlintError as exc:
        fail(exc, lang)
    except Exception as exc:  # a parser or rule bug must not reach the user as a traceback
        fail(f"内部错误：{type(exc).__name__}: {exc}" if lang == "zh"
             else f"internal error: {type(exc).__name__}: {exc}", lang)
    for result in results:
        if result.error is not None:
            fail(result.error, lang)
    return results


@click.command("report")
@lint_options
@click.option("-o", "--output", required=True, help="输出的 HTML 文件（- 表示标准输出）")
def report(paths, config_path, encoding, select, ignore, jobs, lang, output):
    """生成 HTML 审查报告：各计划的任务与问题统计、单位分布图、时限分布图、任务表和问题清单。"""
    from planlint.atomic import write_atomic
    from planlint.report.html import render

    results = lint_for_output(paths, config_path, encoding, select, ignore, jobs, lang)
    try:
        write_atomic(output, render(results, lang).encode("utf-8"))
    except PlanlintError as exc:
        fail(exc, lang)
