"""The library entry points: read → parse → rules → diagnostics, with no CLI involved."""
from __future__ import annotations

from dataclasses import dataclass, field

from planlint.diagnostics import Diagnostic
from planlint.errors import PlanlintError
from planlint.model import Plan, Source


@dataclass
class FileResult:
    """One file's outcome: its source and plan, the diagnostics, or the error that stopped it."""

    path: str
    source: Source | None = None
    plan: Plan | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: PlanlintError | None = None


def parse_source(source: Source, year: int | None = None) -> Plan:
    from planlint.parse import parse_source as _parse
    return _parse(source, year=year)


def lint_source(source: Source, config=None) -> FileResult:
    """Parse and check a document, with the cyclic garbage collector paused for both (see
    :mod:`planlint.gcpause`: its collections during the rules were 7% of a check)."""
    from planlint.config import Config
    from planlint.gcpause import paused

    return paused(_lint, source, config or Config())


def _lint(source: Source, config) -> FileResult:
    from planlint.engine import run_rules

    plan = parse_source(source, year=config.year)
    return FileResult(source.path, source, plan, run_rules(plan, config))


def lint_text(text: str, path: str = "<text>", config=None) -> FileResult:
    from planlint.read.text import source_from_text
    return lint_source(source_from_text(text, path), config)


def lint_path(path: str, config=None, encoding: str | None = None) -> FileResult:
    """Lint one file; a read failure becomes ``FileResult.error`` rather than an exception."""
    from planlint.read import read_path
    try:
        source = read_path(path, encoding)
    except PlanlintError as exc:
        return FileResult(path, error=exc)
    return lint_source(source, config)
