"""Rules from outside planlint's own code: entry points and YAML-defined pattern rules."""
from __future__ import annotations


def entry_point_rules() -> list:
    from importlib.metadata import entry_points
    rules = []
    for ep in sorted(entry_points(group="planlint.rules"), key=lambda e: e.name):
        try:
            rules.append(ep.load())
        except Exception:  # a broken plugin is reported by `planlint rules`, not fatal
            continue
    return rules


def config_rules(config) -> list:
    return []
