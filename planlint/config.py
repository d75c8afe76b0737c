"""Configuration: `.planlint.yaml` (closest above each file) or --config.

This module holds the validated, resolved configuration used by the engine.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass
class Config:
    select: Optional[list[str]] = None  # names or codes; None = defaults
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule name -> severity
    options: dict[str, dict] = field(default_factory=dict)  # rule name -> options
    year: Optional[int] = None
    as_of: Optional[date] = None
    units: dict[str, str] = field(default_factory=dict)  # alias -> canonical name
    known_units: list[str] = field(default_factory=list)
    known_units_only: bool = False
    vague_terms: list[str] = field(default_factory=list)
    custom_rules: dict[str, dict] = field(default_factory=dict)  # YAML-defined rules
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    path: Optional[str] = None  # where this config was read from

    def canonical(self, unit: str) -> str:
        return self.units.get(unit, unit)
