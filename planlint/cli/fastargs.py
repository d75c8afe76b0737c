"""Read ``planlint check`` and ``planlint parse`` arguments without click, for the common invocations.

Importing click costs ~35 ms, a quarter of a one-file run. ``parse_check`` understands exactly the
options of :func:`planlint.cli.check.check` in the forms click accepts (``--opt value``,
``--opt=value``, ``-j2``, options between paths, ``--`` ends options) and returns None for anything
else (help, a bad value, an unknown option, a missing path), so click reports it as it always has;
``parse_parse`` does the same for :func:`planlint.cli.parse.parse` (one path). Tests keep
``OPTIONS``, ``FLAGS`` and ``PARSE_OPTIONS`` in step with the click commands.
"""
from __future__ import annotations

import os

# option -> (keyword, allowed values: tuple of choices | "int" | "path" | None for any text)
OPTIONS = {
    "--format": ("fmt", ("text", "json", "sarif", "github", "junit")),
    "--select": ("select", None),
    "--ignore": ("ignore", None),
    "--fail-on": ("fail_on", ("error", "warning", "info")),
    "--config": ("config_path", "path"),
    "--encoding": ("encoding", None),
    "--jobs": ("jobs", "int"),
    "-j": ("jobs", "int"),
    "--baseline": ("baseline_path", "path"),
    "--write-baseline": ("write_baseline_path", "path"),
    "--annotate": ("annotate_path", "path"),
    "--lang": ("lang", ("zh", "en")),
}
FLAGS = {"--statistics": "statistics", "--no-color": "no_color", "--fix": "fix",
         "--unsafe-fixes": "unsafe_fixes", "--diff": "diff"}
MAX_JOBS = 256
PARSE_OPTIONS = {
    "--format": ("fmt", ("json", "yaml")),
    "--encoding": ("encoding", None),
    "--lang": ("lang", ("zh", "en")),
}


def _value(kind, value: str):
    """The converted value, or None when click should judge it."""
    if kind == "int":
        if not (value.isascii() and value.isdigit()) or not 0 <= int(value) <= MAX_JOBS:
            return None
        return int(value)
    if kind == "path":
        return value if value and not os.path.isdir(value) else None
    if isinstance(kind, tuple):
        return value if value in kind else None
    return value


def parse_check(args: list[str]) -> dict | None:
    """Keyword arguments for :func:`planlint.cli.lint.run_check`, or None (let click parse)."""
    read = _read(args, OPTIONS, FLAGS)
    if read is None or not read[1]:
        return None
    found, paths = read
    return {"paths": tuple(paths), **found}


def parse_parse(args: list[str]) -> dict | None:
    """Keyword arguments for :func:`planlint.cli.show.run_parse`, or None (let click parse)."""
    read = _read(args, PARSE_OPTIONS, {})
    if read is None or len(read[1]) != 1:
        return None
    found, paths = read
    return {"path": paths[0], **found}


def _read(args: list[str], options: dict, flags: dict) -> tuple[dict, list[str]] | None:
    """(option values, paths), or None for anything click should judge."""
    found: dict = {}
    paths: list[str] = []
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--":
            paths.extend(rest)
            break
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        if arg in flags:
            found[flags[arg]] = True
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg[:2], "", arg[2:])
        if name not in options:
            return None
        if not eq and not value:
            if not rest:
                return None
            value = rest.pop(0)
        key, kind = options[name]
        converted = _value(kind, value)
        if converted is None:
            return None
        found[key] = converted
    return found, paths
