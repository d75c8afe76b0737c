"""Findings and fixes, as data.

A rule yields :class:`Problem` objects (where, what, optional fix); the engine stamps each with the
rule's name, code and configured severity to make a :class:`Diagnostic`. Fixes are plain text
edits in original-file coordinates (1-based line, code-point columns, end exclusive).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from planlint.model import Location, Span

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_RANK = {INFO: 0, WARNING: 1, ERROR: 2}


@dataclass(frozen=True)
class Edit:
    span: Span
    text: str

    def as_dict(self) -> dict:
        s = self.span
        return {"line": s.line, "column": s.column, "end_line": s.end_line,
                "end_column": s.end_column, "text": self.text}


@dataclass(frozen=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def as_dict(self) -> dict:
        return {"safe": self.safe, "description": self.description,
                "edits": [e.as_dict() for e in self.edits]}


@dataclass(frozen=True)
class Problem:
    """What a rule reports; the engine adds identity and severity."""

    span: Span
    message: str
    task: Optional[str] = None
    fix: Optional[Fix] = None
    message_en: Optional[str] = None
    # Findings a plan-level summary stands for; the terminal groups them under it.
    group: Optional[str] = None


@dataclass(frozen=True)
class Diagnostic:
    rule: str
    code: str
    severity: str
    message: str
    span: Span
    task: Optional[str] = None
    fix: Optional[Fix] = None
    message_en: Optional[str] = None
    group: Optional[str] = None
    location: Optional[Location] = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" and self.message_en else self.message

    def as_dict(self, lang: str = "zh") -> dict:
        s = self.span
        out = {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity,
            "message": self.text(lang),
            "line": s.line,
            "column": s.column,
            "end_line": s.end_line,
            "end_column": s.end_column,
            "task": self.task,
            "fix": self.fix.as_dict() if self.fix else None,
        }
        if self.location is not None:
            out["location"] = self.location.as_dict()
        return out

    def sort_key(self) -> tuple:
        s = self.span
        return (s.line, s.column, self.code, self.message)
