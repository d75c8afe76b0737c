"""Run rules over a plan and stamp their problems into diagnostics.

A rule is a module (or any object) with NAME, CODE, SEVERITY, OPTIONS and ``check(plan, options)``
yielding :class:`~planlint.diagnostics.Problem`. Built-in rules are listed in
``planlint.rules.REGISTRY``; other packages add rules through the ``planlint.rules`` entry-point
group; the config adds pattern rules under ``rules:``. A rule that raises becomes one
``internal-error`` diagnostic and the run goes on.
"""
from __future__ import annotations

from operator import attrgetter
from types import ModuleType
from collections.abc import Iterable

from planlint.config import Config
from planlint.diagnostics import ERROR, Diagnostic
from planlint.model import Plan, Span

INTERNAL_ERROR, INTERNAL_CODE = "internal-error", "E000"

# Diagnostic.sort_key, (line, column, code, message), read in C rather than by a method call a
# finding (a plan can have thousands).
_ORDER = attrgetter("span.line", "span.column", "code", "message")


def builtin_rules() -> list:
    from planlint.rules import REGISTRY
    return list(REGISTRY)


def all_rules(config: Config | None = None) -> list:
    """Built-in, plugin and configured (YAML) rules, in a stable order."""
    from planlint import plugins
    return builtin_rules() + plugins.entry_point_rules() + plugins.config_rules(config)


def find_rule(key: str, config: Config | None = None):
    """The rule named ``key`` (name or code, case-insensitive for codes), or None."""
    for rule in all_rules(config):
        if key == rule.NAME or key.upper() == rule.CODE:
            return rule
    return None


def _matches(rule, keys) -> bool:
    return any(k == "ALL" or k == rule.NAME or rule.CODE.startswith(k.upper()) for k in keys)


def enabled(rule, config: Config, ignored: set[str] = frozenset()) -> bool:
    """--ignore and per-path ignores win; then ``enabled:`` from the config; then --select."""
    return _enabled(rule, config, list(config.ignore) + list(ignored))


def _enabled(rule, config: Config, ignore: list[str]) -> bool:
    if ignore and _matches(rule, ignore):
        return False
    explicit = config.enabled.get(rule.NAME) if config.enabled else None
    if explicit is not None and config.select is None:
        return explicit
    if config.select is None:
        return _default_enabled(rule)
    return _matches(rule, config.select)


def _default_enabled(rule) -> bool:
    """``getattr(rule, "DEFAULT_ENABLED", True)``. A module lacking the name would raise (and
    getattr swallow) an AttributeError with a formatted message, ~3 us a rule and plan: read its
    namespace instead, unless a module-level ``__getattr__`` could supply the name."""
    if rule.__class__ is ModuleType:
        space = rule.__dict__
        if "DEFAULT_ENABLED" in space:
            return space["DEFAULT_ENABLED"]
        if "__getattr__" not in space:
            return True
    return getattr(rule, "DEFAULT_ENABLED", True)


def rule_options(rule, config: Config) -> dict:
    options = dict(getattr(rule, "OPTIONS", {}) or {})
    if config.options:  # most configs set no options: nothing to look up
        options.update(config.options.get(rule.NAME, {}))
    options["_config"] = config
    return options


def run_rules(plan: Plan, config: Config | None = None, rules: Iterable | None = None) -> list[Diagnostic]:
    config = config or Config()
    ignore = list(config.ignore) + list(config.ignored_for(plan.source.path))
    # Without --ignore, ``enabled:`` or --select, a rule runs when it is enabled by default.
    by_default = not ignore and not config.enabled and config.select is None
    out: list[Diagnostic] = []
    for rule in rules if rules is not None else all_rules(config):
        if _default_enabled(rule) if by_default else _enabled(rule, config, ignore):
            _run_one(rule, plan, config, out)
    out.sort(key=_ORDER)
    return out


def _run_one(rule, plan: Plan, config: Config, found: list[Diagnostic]) -> None:
    """Append the rule's findings to ``found``, stamped with its identity and severity."""
    name, code = rule.NAME, rule.CODE
    severity = config.severity.get(name, rule.SEVERITY)
    lines = plan.source.lines
    count = len(lines)
    try:
        for p in rule.check(plan, rule_options(rule, config)):
            line = p.span.line
            found.append(Diagnostic(name, code, severity, p.message, p.span, p.task, p.fix,
                                    p.message_en, p.group,
                                    lines[line - 1].location if 0 < line <= count else None))
    except Exception as exc:  # a broken rule must not stop the run; keep what it found so far
        found.append(internal_error(name, exc))


def internal_error(name: str, exc: BaseException) -> Diagnostic:
    what = f"{type(exc).__name__}: {exc}"
    return Diagnostic(
        rule=INTERNAL_ERROR, code=INTERNAL_CODE, severity=ERROR,
        message=f"规则 {name} 内部错误：{what}",
        message_en=f"internal error in rule {name}: {what}",
        span=Span(1, 1, 1, 1),
    )

