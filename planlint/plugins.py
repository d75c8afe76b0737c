"""Rules from outside planlint's own code: entry points and YAML-defined pattern rules.

* Python rules from other packages register in the ``planlint.rules`` entry-point group; the entry
  point names a module (or object) with the same contract as a built-in rule.
* Term rules are data: ``rules: {name: {pattern, message, severity, scope, code}}`` in the config.
"""
from __future__ import annotations

import re
from functools import lru_cache

from planlint.diagnostics import Problem
from planlint.model import Span

GROUP = "planlint.rules"
SCOPES = ("all", "text", "deadline", "units")
REQUIRED = ("NAME", "CODE", "SEVERITY", "check")

# Plugins that failed to load: (entry point name, reason). `planlint rules` shows them.
load_errors: list[tuple[str, str]] = []


def _any_plugin_installed() -> bool:
    """Cheap pre-check: does any distribution on sys.path declare our entry-point group?

    Importing importlib.metadata costs ~20 ms, a fifth of a one-file run; most installs have no
    plugin. Anything unusual (zipped eggs, unreadable folders) falls through to the full lookup.
    """
    import os
    import sys
    marker = f"[{GROUP}]"
    for entry in sys.path:
        if not os.path.isdir(entry or "."):
            if entry and os.path.exists(entry):
                return True  # a zip or egg file on sys.path: let importlib.metadata decide
            continue
        try:
            names = [n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info"))]
        except OSError:
            return True
        for name in names:
            path = os.path.join(entry or ".", name, "entry_points.txt")
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    if marker in fh.read():
                        return True
            except OSError:
                continue
    return False


@lru_cache(maxsize=1)
def _entry_point_rules() -> tuple:
    if not _any_plugin_installed():
        return ()
    from importlib.metadata import entry_points
    rules = []
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            rule = ep.load()
        except Exception as exc:  # a broken plugin is reported by `planlint rules`, not fatal
            load_errors.append((ep.name, f"{type(exc).__name__}: {exc}"))
            continue
        missing = [a for a in REQUIRED if not hasattr(rule, a)]
        if missing:
            load_errors.append((ep.name, "missing " + ", ".join(missing)))
            continue
        rules.append(rule)
    return tuple(rules)


def entry_point_rules() -> list:
    return list(_entry_point_rules())


def reset_cache() -> None:
    """Forget loaded plugins (tests install a plugin and load again)."""
    _entry_point_rules.cache_clear()
    load_errors.clear()


class PatternRule:
    """A rule defined in YAML: a regular expression searched in one scope of each task."""

    OPTIONS: dict = {}
    FIXABLE = False

    def __init__(self, name: str, spec: dict, index: int = 0):
        self.NAME = name
        self.CODE = spec.get("code") or f"X{index + 1:03d}"
        self.SEVERITY = spec.get("severity", "warning")
        self.scope = spec.get("scope", "all")
        self.message = spec["message"]
        self.message_en = spec.get("message_en")
        self.pattern = re.compile(spec["pattern"])
        self.__doc__ = (
            f"{self.message}\n\n用户在配置中定义的规则：匹配正则表达式 ``{spec['pattern']}``"
            f"（范围：{self.scope}）。\n\n反例::\n\n    含有“{spec['pattern']}”的表述\n\n"
            f"正例::\n\n    不含该表述的写法\n\n选项：无。\n")

    def __repr__(self) -> str:
        return f"<PatternRule {self.NAME}>"

    def check(self, plan, options):
        for span, task in self._targets(plan):
            yield from self._search(span, task)

    def _targets(self, plan):
        """(start span, task id, text) of each piece of text the scope covers."""
        if self.scope == "all":
            owner = _task_by_line(plan)
            for line in plan.source.lines:
                yield (line.number, 1, line.text), owner.get(line.number)
            return
        for task in plan.tasks:
            if self.scope == "text":
                for piece in task.pieces:
                    yield (piece.line, piece.column, piece.text), task.id
            elif self.scope == "deadline" and task.deadline is not None:
                s = task.deadline.span
                yield (s.line, s.column, task.deadline.text), task.id
            elif self.scope == "units":
                for clause in task.clauses:
                    s = clause.span
                    yield (s.line, s.column, clause.text), task.id

    def _search(self, target, task):
        line, column, text = target
        for m in self.pattern.finditer(text):
            if m.end() == m.start():
                continue
            yield Problem(span=Span(line, column + m.start(), line, column + m.end()),
                          message=self.message, message_en=self.message_en, task=task)


def _task_by_line(plan) -> dict[int, str]:
    owner: dict[int, str] = {}
    for task in plan.tasks:
        for n in range(task.span.line, task.span.end_line + 1):
            owner.setdefault(n, task.id)
    return owner


def config_rules(config) -> list:
    """The YAML-defined rules of ``config``, compiled once per config object."""
    if config is None or not config.custom_rules:
        return []
    cached = getattr(config, "_compiled_rules", None)
    if cached is None:
        cached = [PatternRule(name, spec, i) for i, (name, spec) in enumerate(config.custom_rules.items())]
        object.__setattr__(config, "_compiled_rules", cached)
    return list(cached)
