"""Configuration: `.planlint.yaml` (closest above each file) or --config.

This module holds the validated, resolved configuration used by the engine. Reading and
validating the YAML file is :mod:`planlint.configfile`'s job.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Config:
    """The settings one file is checked with: rule selection, severities, options, registries."""

    select: list[str] | None = None  # names or codes; None = defaults
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule name -> severity
    options: dict[str, dict] = field(default_factory=dict)  # rule name -> options
    enabled: dict[str, bool] = field(default_factory=dict)  # rule name -> on/off from `rules:`
    year: int | None = None
    as_of: date | None = None
    units: dict[str, str] = field(default_factory=dict)  # alias -> canonical name
    known_units: list[str] = field(default_factory=list)  # canonical names of the registry
    known_units_only: bool = False
    vague_terms: list[str] = field(default_factory=list)
    custom_rules: dict[str, dict] = field(default_factory=dict)  # YAML-defined rules
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> rules
    path: str | None = None  # where this config was read from

    def canonical(self, unit: str) -> str:
        return self.units.get(unit, unit)

    def ignored_for(self, path: str) -> set[str]:
        """Rule names/codes ignored for ``path`` by ``per_path_ignores``.

        Globs are matched against the path relative to the config file's directory, the path as
        given, and its base name, so ``drafts/*.txt`` and ``*.html`` both do what one expects.
        """
        if not self.per_path_ignores or not path:
            return set()
        candidates = {path.replace(os.sep, "/"), os.path.basename(path)}
        if self.path and not path.startswith("<"):
            base = os.path.dirname(os.path.abspath(self.path))
            rel = os.path.relpath(os.path.abspath(path), base)
            candidates.add(rel.replace(os.sep, "/"))
        out: set[str] = set()
        for pattern, rules in self.per_path_ignores.items():
            if any(fnmatch.fnmatchcase(c, pattern) for c in candidates):
                out.update(rules)
        return out
