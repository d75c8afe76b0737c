"""``planlint rules`` lists every rule; ``planlint explain NAME|CODE`` prints one rule's docs."""
from __future__ import annotations

import json
import sys

import click

from planlint.cli.common import EXIT_OK, fail, lang_option
from planlint.cli.usage import Choice, FilePath
from planlint.errors import PlanlintError


def summary(rule) -> str:
    doc = (getattr(rule, "__doc__", None) or "").strip()
    return doc.splitlines()[0].strip() if doc else ""


def origin(rule) -> str:
    from planlint.plugins import PatternRule
    if isinstance(rule, PatternRule):
        return "config"
    module = getattr(rule, "__name__", "") or type(rule).__module__
    return "builtin" if module.startswith("planlint.rules") else "plugin"


def rule_dict(rule) -> dict:
    return {
        "name": rule.NAME,
        "code": rule.CODE,
        "severity": rule.SEVERITY,
        "fixable": bool(getattr(rule, "FIXABLE", False)),
        "summary": summary(rule),
        "options": {k: v for k, v in (getattr(rule, "OPTIONS", {}) or {}).items()},
        "origin": origin(rule),
    }


def _rules(config_path):
    from planlint.configfile import load_for
    from planlint.engine import all_rules
    return all_rules(load_for(".", config_path))


config_option = click.option("--config", "config_path", type=FilePath(), default=None,
                             help="配置文件（含自定义规则）；默认使用当前目录向上最近的 .planlint.yaml")


@click.command("rules")
@click.option("--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True)
@config_option
@lang_option
def rules(fmt, config_path, lang):
    """列出全部规则：名称、代码、默认级别、能否自动修复、简介。"""
    from planlint import plugins
    try:
        found = _rules(config_path)
    except PlanlintError as exc:
        fail(exc, lang)
    if fmt == "json":
        doc = {"rules": [rule_dict(r) for r in found],
               "plugin_errors": [{"entry_point": n, "error": e} for n, e in plugins.load_errors]}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        sys.exit(EXIT_OK)
    width = max(len(r.NAME) for r in found)
    for r in found:
        fix = "[*]" if getattr(r, "FIXABLE", False) else "   "
        click.echo(f"{r.CODE:<5} {r.NAME:<{width}} {r.SEVERITY:<7} {fix} {summary(r)}")
    for name, error in plugins.load_errors:
        click.echo(f"planlint：插件 {name} 加载失败：{error}", err=True)


@click.command("explain")
@click.argument("name")
@config_option
@lang_option
def explain(name, config_path, lang):
    """显示规则说明（反例、正例、选项），NAME 为规则名称或代码。"""
    from planlint.engine import find_rule
    try:
        from planlint.configfile import load_for
        rule = find_rule(name, load_for(".", config_path))
    except PlanlintError as exc:
        fail(exc, lang)
    if rule is None:
        fail(PlanlintError(f"没有名为 {name} 的规则（planlint rules 列出全部规则）",
                           f"no rule named {name} (see planlint rules)"), lang)
    head = f"{rule.NAME} ({rule.CODE})  默认级别：{rule.SEVERITY}"
    if getattr(rule, "FIXABLE", False):
        head += "  可自动修复"
    click.echo(head)
    click.echo("")
    click.echo((rule.__doc__ or "").strip())
