"""Run rules over a plan and stamp their problems into diagnostics.

A rule is a module (or any object) with NAME, CODE, SEVERITY, OPTIONS and ``check(plan, options)``
yielding :class:`~planlint.diagnostics.Problem`. Built-in rules are listed in
``planlint.rules.REGISTRY``; other packages add rules through the ``planlint.rules`` entry-point
group. A rule that raises becomes one ``internal-error`` diagnostic and the run goes on.
"""
from __future__ import annotations

from typing import Iterable

from planlint.config import Config
from planlint.diagnostics import ERROR, Diagnostic
from planlint.model import Plan, Span


def builtin_rules() -> list:
    from planlint.rules import REGISTRY
    return list(REGISTRY)


def all_rules(config: Config | None = None) -> list:
    """Built-in, plugin and configured (YAML) rules, in a stable order."""
    from planlint import plugins
    return builtin_rules() + plugins.entry_point_rules() + plugins.config_rules(config)


def enabled(rule, config: Config) -> bool:
    keys = {rule.NAME, rule.CODE}
    if any(k in keys or rule.CODE.startswith(k) for k in config.ignore):
        return False
    if config.select is None:
        return getattr(rule, "DEFAULT_ENABLED", True)
    return any(k in keys or rule.CODE.startswith(k) or k == "ALL" for k in config.select)


def rule_options(rule, config: Config) -> dict:
    options = dict(getattr(rule, "OPTIONS", {}) or {})
    options.update(config.options.get(rule.NAME, {}))
    options["_config"] = config
    return options


def run_rules(plan: Plan, config: Config | None = None, rules: Iterable | None = None) -> list[Diagnostic]:
    config = config or Config()
    out: list[Diagnostic] = []
    for rule in rules if rules is not None else all_rules(config):
        if not enabled(rule, config):
            continue
        severity = config.severity.get(rule.NAME, rule.SEVERITY)
        try:
            for problem in rule.check(plan, rule_options(rule, config)):
                out.append(Diagnostic(
                    rule=rule.NAME, code=rule.CODE, severity=severity,
                    message=problem.message, span=problem.span, task=problem.task,
                    fix=problem.fix, message_en=problem.message_en, group=problem.group,
                    location=_location(plan, problem.span.line),
                ))
        except Exception as exc:  # a broken rule must not stop the run
            out.append(Diagnostic(
                rule="internal-error", code="E000", severity=ERROR,
                message=f"规则 {rule.NAME} 内部错误：{type(exc).__name__}: {exc}",
                message_en=f"internal error in rule {rule.NAME}: {type(exc).__name__}: {exc}",
                span=Span(1, 1, 1, 1),
            ))
    out.sort(key=Diagnostic.sort_key)
    return out


def _location(plan: Plan, line: int):
    lines = plan.source.lines
    return lines[line - 1].location if 0 < line <= len(lines) else None
