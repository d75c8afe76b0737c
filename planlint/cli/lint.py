"""``planlint check`` itself: lint the files, print the findings, exit 0/1/2 (no click here)."""
from __future__ import annotations

import sys

from planlint.cli.status import EXIT_ERROR, EXIT_FOUND, EXIT_OK, echo, fail
from planlint.diagnostics import SEVERITY_RANK
from planlint.errors import ConfigError, PlanlintError



def run_check(paths, fmt="text", select=None, ignore=None, fail_on="warning", config_path=None,
              encoding=None, statistics=False, no_color=False, jobs=0, lang="zh", fix=False,
              unsafe_fixes=False, diff=False, baseline_path=None, write_baseline_path=None,
              annotate_path=None) -> "NoReturn":  # noqa: F821
    """Everything ``planlint check`` does after reading its options; ends with sys.exit."""
    from planlint.cli.paths import expand
    from planlint.output import OutputOptions, render

    color = not no_color and fmt == "text" and sys.stdout.isatty()
    options = OutputOptions(lang=lang, color=color, statistics=statistics,
                            pretty=sys.stdout.isatty())
    extras = fix or unsafe_fixes or diff or baseline_path or write_baseline_path or annotate_path
    try:
        check_selection(select, ignore, config_path, paths[0])
        files = expand(paths)
        if not files:
            raise PlanlintError("没有找到可检查的文件", "no files to check")
        if annotate_path:
            from planlint.cli.annotate import check_annotate
            check_annotate(files, annotate_path)
        kwargs = dict(config_path=config_path, encoding=encoding, select=select, ignore=ignore,
                      jobs=jobs)
        if extras:
            from planlint.cli.run import lint_all
            results = lint_all(files, **kwargs)
        else:  # each file rendered where it was linted: cheap to send back from -j workers
            from planlint.cli.run import render_all
            results = render_all(files, fmt, options, **kwargs)
    except PlanlintError as exc:
        fail(exc, lang)
    if extras:
        results = _extras(results, lang, fix=fix or unsafe_fixes, unsafe=unsafe_fixes, diff=diff,
                          baseline=baseline_path, write_baseline=write_baseline_path,
                          annotate=annotate_path, config_path=config_path, select=select,
                          ignore=ignore)
    out = render(fmt, results, options)
    if out:
        echo(out)
    errors = [r for r in results if r.error is not None]
    for r in errors:
        echo(("planlint：错误：" if lang == "zh" else "planlint: error: ") + r.error.text(lang),
             err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    threshold = SEVERITY_RANK[fail_on]
    found = any(SEVERITY_RANK[s] >= threshold for r in results for s in _severities(r))
    sys.exit(EXIT_FOUND if found else EXIT_OK)


def _severities(result):
    severities = getattr(result, "severities", None)
    return severities if severities is not None else [d.severity for d in result.diagnostics]


def _extras(results, lang, fix, unsafe, diff, baseline, write_baseline, annotate, **config):
    """--fix/--diff/--baseline/--write-baseline/--annotate, on the full results."""
    if fix or diff or baseline or write_baseline:
        from planlint.cli.extras import apply_extras
        results, done = apply_extras(results, fix=fix, unsafe=unsafe, diff=diff,
                                     baseline=baseline, write_baseline=write_baseline, lang=lang,
                                     **config)
        if done is not None:
            sys.exit(done)
    if annotate:
        from planlint.cli.annotate import write_annotated
        try:
            write_annotated(results, annotate, lang)
        except PlanlintError as exc:
            fail(exc, lang)
    return results




def check_selection(select, ignore, config_path, first_path) -> None:
    """--select/--ignore must name rules that exist (else exit 2, not a silent no-op).

    YAML rules count when defined in --config or in the config that applies to the first path.
    """
    if not select and not ignore:
        return
    from planlint.configcheck import selects_any
    from planlint.configfile import load_for
    from planlint.engine import all_rules
    rules = all_rules(load_for(first_path, config_path))
    for option, value in (("--select", select), ("--ignore", ignore)):
        for key in (v.strip() for v in (value or "").split(",") if v.strip()):
            if not selects_any(key, rules):
                raise ConfigError(f"{option} 中的规则 {key} 不存在（planlint rules 列出全部规则）",
                                  f"{option} names the unknown rule {key} (see planlint rules)")
