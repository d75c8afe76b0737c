"""``check`` options beyond linting: --fix/--unsafe-fixes/--diff and --baseline/--write-baseline.

Kept apart from check.py so the command stays a thin wiring of options. ``apply_extras`` returns
the results to render and, when the command is already done (``--diff``, ``--write-baseline``),
the exit status to end with.
"""
from __future__ import annotations

from collections.abc import Callable

import click

from planlint.cli.common import EXIT_ERROR, EXIT_FOUND, EXIT_OK, fail
from planlint.errors import PlanlintError
from planlint.fixes import FileFix, fix_result, fixable, unified_diff


def _relinter(config_path, select, ignore):
    from planlint.api import lint_source
    from planlint.cli.run import config_for

    def relint(source):
        return lint_source(source, config_for(source.path, config_path, select, ignore))
    return relint


def _echo(text: str, err: bool) -> None:
    click.echo(text, err=err)


_REASONS = {
    "docx": ("不原地修改 .docx 文件", "a .docx file is not fixed in place"),
    "html": ("不原地修改 .html 文件", "an .html file is not fixed in place"),
    "stdin": ("标准输入无法原地修复", "standard input cannot be fixed in place"),
    "not-a-file": ("不是普通文件（管道或设备），无法原地修复",
                   "not a regular file (a pipe or device); cannot be fixed in place"),
}


def run_fixes(results, relint: Callable, unsafe: bool = False, diff: bool = False,
              lang: str = "zh", echo: Callable[[str, bool], None] | None = None):
    """CLI glue for ``--fix``/``--diff``: returns (results after fixing, [FileFix])."""
    echo = echo or (lambda text, err: None)
    fixes, out = [], []
    for result in results:
        fix = fix_result(result, relint, unsafe, write=not diff)
        fixes.append(fix)
        out.append(fix.result)
        if diff and fix.changed:
            echo(unified_diff(fix).rstrip("\n"), False)
        pending = any(fixable(d, unsafe) for d in result.diagnostics)
        if fix.reason and fix.reason != "unreadable" and pending:
            zh, en = _REASONS.get(fix.reason, ("文件内容无法按原样写回，未修复",
                                               "the file cannot be written back exactly; not fixed"))
            echo(f"{fix.path}：{zh}" if lang == "zh" else f"{fix.path}: {en}", True)
    echo(summary(fixes, diff, lang), True)
    return out, fixes


def summary(fixes: list[FileFix], diff: bool, lang: str) -> str:
    applied = sum(f.applied for f in fixes)
    remaining = sum(f.remaining for f in fixes)
    files = sum(1 for f in fixes if f.changed)
    if lang == "en":
        verb = "Would fix" if diff else "Fixed"
        return f"{verb} {applied} problem(s) in {files} file(s), {remaining} remaining."
    verb = "可修复" if diff else "已修复"
    return f"{verb} {applied} 个问题（{files} 个文件），剩余 {remaining} 个。"


def apply_extras(results, *, fix=False, unsafe=False, diff=False, baseline=None,
                 write_baseline=None, lang="zh", config_path=None, select=None, ignore=None):
    try:
        if fix or diff:
            results, fixes = run_fixes(results, _relinter(config_path, select, ignore),
                                       unsafe=unsafe, diff=diff, lang=lang, echo=_echo)
            if diff:
                if any(r.error is not None for r in results):
                    return results, EXIT_ERROR
                return results, EXIT_FOUND if any(f.changed for f in fixes) else EXIT_OK
        if write_baseline:
            from planlint.baseline import write_baseline as write
            count = write(write_baseline, results)
            _echo(f"已将 {count} 个问题记入基线 {write_baseline}" if lang == "zh"
                  else f"recorded {count} finding(s) in baseline {write_baseline}", True)
            return results, EXIT_ERROR if any(r.error is not None for r in results) else EXIT_OK
        if baseline:
            from planlint.baseline import filter_results, load_baseline
            results = filter_results(results, load_baseline(baseline), baseline)
    except PlanlintError as exc:
        fail(exc, lang)
    return results, None
