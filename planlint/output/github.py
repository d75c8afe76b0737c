"""GitHub Actions workflow commands: one ``::error file=…,line=…::message`` line per finding.

GitHub turns these lines into annotations on the pull request's changed files. Data is escaped
as the runner expects (``%`` ``\\r`` ``\\n`` everywhere, and ``:`` ``,`` inside properties).
"""
from __future__ import annotations

import os

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {fields}::{escape_data(message)}" if fields else f"::{level}::{escape_data(message)}"


def _path(path: str) -> str:
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def file_part(result, options) -> list[str]:
    lang = getattr(options, "lang", "zh")
    path = _path(result.path)
    if result.error is not None:
        return [command("error", result.error.text(lang), file=path, title="planlint")]
    out = []
    for d in result.diagnostics:
        s = d.span
        out.append(command(
            LEVELS.get(d.severity, "warning"), d.text(lang),
            file=path, line=s.line, col=s.column, endLine=s.end_line, endColumn=s.end_column,
            title=f"planlint {d.rule} ({d.code})",
        ))
    return out


def assemble(parts, options) -> str:
    return "\n".join(line for part in parts for line in part)


def render(results, options) -> str:
    return assemble([file_part(r, options) for r in results], options)
