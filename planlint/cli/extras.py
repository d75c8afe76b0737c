"""``check`` options beyond linting: --fix/--unsafe-fixes/--diff and --baseline/--write-baseline.

Kept apart from check.py so the command stays a thin wiring of options. ``apply_extras`` returns
the results to render and, when the command is already done (``--diff``, ``--write-baseline``),
the exit status to end with.
"""
from __future__ import annotations

import click

from planlint.cli.common import EXIT_ERROR, EXIT_FOUND, EXIT_OK, fail
from planlint.errors import PlanlintError


def _relinter(config_path, select, ignore):
    from planlint.api import lint_source
    from planlint.cli.run import config_for

    def relint(source):
        return lint_source(source, config_for(source.path, config_path, select, ignore))
    return relint


def _echo(text: str, err: bool) -> None:
    click.echo(text, err=err)


def apply_extras(results, *, fix=False, unsafe=False, diff=False, baseline=None,
                 write_baseline=None, lang="zh", config_path=None, select=None, ignore=None):
    try:
        if fix or diff:
            from planlint.fixes import run_fixes
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
