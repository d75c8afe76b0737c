"""``planlint check``: the command's options (click). The work is :mod:`planlint.cli.lint`, which
``planlint check`` also reaches without click when :mod:`planlint.cli.fastargs` can read the
arguments (the common case: ~35 ms less start-up)."""
from __future__ import annotations

import click

from planlint.cli.common import lang_option
from planlint.cli.usage import Choice, FilePath, IntRange


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=Choice(["text", "json", "sarif", "github", "junit"]),
              default="text", show_default=True, help="输出格式")
@click.option("--select", default=None, help="只启用这些规则（名称或代码，逗号分隔）")
@click.option("--ignore", default=None, help="停用这些规则（名称或代码，逗号分隔）")
@click.option("--fail-on", type=Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help="达到该级别的问题使退出码为 1")
@click.option("--config", "config_path", type=FilePath(), default=None,
              help="配置文件（默认使用离文件最近的 .planlint.yaml）")
@click.option("--encoding", default=None, help="指定文本编码（默认自动识别）")
@click.option("--statistics", is_flag=True, help="按规则统计问题数")
@click.option("--no-color", is_flag=True, help="不使用颜色")
@click.option("-j", "--jobs", type=IntRange(0, 256), default=0, show_default=True,
              help="并行进程数（默认 0：检查多个文件时按 CPU 数自动选择）")
@click.option("--fix", is_flag=True, help="应用安全修复")
@click.option("--unsafe-fixes", is_flag=True, help="同时应用不安全的修复（隐含 --fix）")
@click.option("--diff", is_flag=True, help="只显示修复的统一差异，不写文件")
@click.option("--baseline", "baseline_path", type=FilePath(), default=None,
              help="只报告基线文件中没有的问题")
@click.option("--write-baseline", "write_baseline_path", type=FilePath(),
              default=None, help="把当前全部问题记入基线文件")
@click.option("--annotate", "annotate_path", type=FilePath(), default=None,
              help="把每个问题作为批注写入 .docx 副本（原文件不变）")
@lang_option
def check(paths, fmt, select, ignore, fail_on, config_path, encoding, statistics, no_color,
          jobs, lang, fix=False, unsafe_fixes=False, diff=False, baseline_path=None,
          write_baseline_path=None, annotate_path=None):
    """检查计划文件（.txt .md .docx .html，目录递归，- 表示标准输入）。"""
    from planlint.cli.lint import run_check
    run_check(paths, fmt=fmt, select=select, ignore=ignore, fail_on=fail_on,
              config_path=config_path, encoding=encoding, statistics=statistics,
              no_color=no_color, jobs=jobs, lang=lang, fix=fix, unsafe_fixes=unsafe_fixes,
              diff=diff, baseline_path=baseline_path, write_baseline_path=write_baseline_path,
              annotate_path=annotate_path)
