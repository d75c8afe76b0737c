"""Validate the data of a config file and build a :class:`~planlint.config.Config` from it.

Every error names the key at fault (``rules.avoid-yuanze.pattern``), so a user can fix it from
one line on stderr.
"""
from __future__ import annotations

import datetime as dt
import os
import re

from planlint.config import Config
from planlint.diagnostics import SEVERITIES
from planlint.errors import ConfigError

KEYS = ("select", "ignore", "severity", "options", "per_path_ignores", "year", "as_of", "units",
        "known_units_only", "vague_terms", "rules", "rule_files")
CUSTOM_KEYS = ("pattern", "message", "message_en", "severity", "scope", "code", "enabled")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_CODE = re.compile(r"^[A-Z]{1,3}[0-9]{1,4}$")


class _Checker:
    def __init__(self, path: str):
        self.path = path
        self.base = os.path.dirname(os.path.abspath(path))

    def fail(self, key: str, zh: str, en: str):
        raise ConfigError(f"{self.path}：配置项 {key} {zh}", f"{self.path}: config key {key}: {en}")

    def strings(self, key: str, value) -> list[str]:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(key, "应为字符串列表", "must be a list of strings")
        return list(value)

    def mapping(self, key: str, value) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(key, "应为映射（键: 值）", "must be a mapping")
        return value

    def severity(self, key: str, value) -> str:
        if value not in SEVERITIES:
            self.fail(key, f"的值 {value!r} 无效，应为 error、warning 或 info",
                      f"invalid value {value!r}; use error, warning or info")
        return value


def build_config(data, path: str) -> Config:
    from planlint.engine import builtin_rules
    from planlint import plugins

    ck = _Checker(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        ck.fail("(顶层)", "应为映射", "the top level must be a mapping")
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    for key in data:
        if key not in KEYS:
            ck.fail(key, "未知", "unknown key")
    config = Config(path=path)
    known = {r.NAME: r for r in builtin_rules() + plugins.entry_point_rules()}
    rules = dict(_rule_file_rules(ck, data.get("rule_files")))
    rules.update(ck.mapping("rules", data.get("rules")))
    _rules(ck, config, rules, known)
    every = list(known.values()) + plugins.config_rules(config)
    known = {r.NAME: r for r in every}
    _selection(ck, config, data, every)
    for name, value in ck.mapping("severity", data.get("severity")).items():
        _known(ck, f"severity.{name}", name, known)
        config.severity[name] = ck.severity(f"severity.{name}", value)
    for name, value in ck.mapping("options", data.get("options")).items():
        _known(ck, f"options.{name}", name, known)
        config.options.setdefault(name, {}).update(_options(ck, f"options.{name}", known[name], value))
    _scalars(ck, config, data)
    _units(ck, config, data.get("units"))
    return config


def _rule_file_rules(ck: _Checker, value):
    import yaml
    for i, name in enumerate(ck.strings("rule_files", value) if value is not None else []):
        full = os.path.join(ck.base, name)
        try:
            with open(full, encoding="utf-8-sig") as fh:
                loaded = yaml.safe_load(fh) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            ck.fail(f"rule_files[{i}]", f"无法读取规则文件 {name}", f"cannot read rule file {name}")
        loaded = ck.mapping(f"rule_files[{i}]", loaded)
        yield from ck.mapping(f"rule_files[{i}].rules", loaded.get("rules", loaded)).items()


def _rules(ck: _Checker, config: Config, rules: dict, known: dict) -> None:
    codes = {r.CODE for r in known.values()}
    for name, spec in rules.items():
        key = f"rules.{name}"
        spec = ck.mapping(key, spec)
        if name in known:
            _configure_known(ck, config, key, known[name], spec)
            continue
        if not isinstance(name, str) or not _NAME.match(name):
            ck.fail(key, "的规则名应为小写短横线形式（如 avoid-yuanze）",
                    "rule names are kebab-case (e.g. avoid-yuanze)")
        for sub in spec:
            if sub not in CUSTOM_KEYS:
                ck.fail(f"{key}.{sub}", "未知（自定义规则可用：" + "、".join(CUSTOM_KEYS) + "）",
                        "unknown (custom rules take: " + ", ".join(CUSTOM_KEYS) + ")")
        _custom(ck, key, spec, codes)
        config.custom_rules[name] = spec
        if spec.get("enabled") is False:
            config.enabled[name] = False


def _custom(ck: _Checker, key: str, spec: dict, codes: set) -> None:
    from planlint.plugins import SCOPES
    for required in ("pattern", "message"):
        if not isinstance(spec.get(required), str) or not spec[required]:
            ck.fail(f"{key}.{required}", "缺失或不是字符串", "missing or not a string")
    try:
        re.compile(spec["pattern"])
    except re.error as exc:
        ck.fail(f"{key}.pattern", f"不是有效的正则表达式（{exc}）", f"is not a valid regular expression ({exc})")
    if "severity" in spec:
        ck.severity(f"{key}.severity", spec["severity"])
    if spec.get("scope", "all") not in SCOPES:
        ck.fail(f"{key}.scope", "应为 " + "、".join(SCOPES) + " 之一", "must be one of " + ", ".join(SCOPES))
    if "code" in spec:
        code = spec["code"]
        if not isinstance(code, str) or not _CODE.match(code):
            ck.fail(f"{key}.code", "应为大写字母加数字（如 X101）", "must be letters and digits (e.g. X101)")
        if code in codes:
            ck.fail(f"{key}.code", f"与已有规则代码 {code} 重复", f"duplicates the existing code {code}")
        codes.add(code)
    if "enabled" in spec and not isinstance(spec["enabled"], bool):
        ck.fail(f"{key}.enabled", "应为 true 或 false", "must be true or false")


def _configure_known(ck: _Checker, config: Config, key: str, rule, spec: dict) -> None:
    rule_opts = getattr(rule, "OPTIONS", {}) or {}
    options = dict(ck.mapping(f"{key}.options", spec.get("options")))
    for sub, value in spec.items():
        if sub in ("severity", "enabled", "options"):
            continue
        if sub not in rule_opts:
            ck.fail(f"{key}.{sub}", "未知（可用：severity、enabled、options 或该规则的选项）",
                    "unknown (use severity, enabled, options or one of the rule's options)")
        options[sub] = value
    if "severity" in spec:
        config.severity[rule.NAME] = ck.severity(f"{key}.severity", spec["severity"])
    if "enabled" in spec:
        if not isinstance(spec["enabled"], bool):
            ck.fail(f"{key}.enabled", "应为 true 或 false", "must be true or false")
        config.enabled[rule.NAME] = spec["enabled"]
    if options:
        config.options.setdefault(rule.NAME, {}).update(_options(ck, f"{key}.options", rule, options))


def _options(ck: _Checker, key: str, rule, value) -> dict:
    defaults = getattr(rule, "OPTIONS", {}) or {}
    value = ck.mapping(key, value)
    for name, given in value.items():
        if name not in defaults:
            allowed = "、".join(defaults) or "无"
            ck.fail(f"{key}.{name}", f"不是规则 {rule.NAME} 的选项（可用：{allowed}）",
                    f"is not an option of rule {rule.NAME} (options: {', '.join(defaults) or 'none'})")
        if not _same_type(defaults[name], given):
            ck.fail(f"{key}.{name}", f"的值 {given!r} 类型不对，应与默认值 {defaults[name]!r} 同类",
                    f"value {given!r} has the wrong type; expected the type of {defaults[name]!r}")
    return dict(value)


def _same_type(default, given) -> bool:
    if default is None:
        return True
    if isinstance(default, bool) or isinstance(given, bool):
        return isinstance(default, bool) and isinstance(given, bool)
    if isinstance(default, (int, float)):
        return isinstance(given, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(given, list)
    return isinstance(given, type(default))


def _known(ck: _Checker, key: str, name, known: dict) -> None:
    if name not in known:
        ck.fail(key, f"中的规则 {name} 不存在", f"names the unknown rule {name}")


def _selection(ck: _Checker, config: Config, data: dict, every: list) -> None:
    def check_keys(key, names):
        for name in names:
            if not selects_any(name, every):
                ck.fail(key, f"中的规则 {name} 不存在", f"names the unknown rule {name}")
        return names

    if data.get("select") is not None:
        config.select = check_keys("select", ck.strings("select", data["select"]))
    if data.get("ignore") is not None:
        config.ignore = check_keys("ignore", ck.strings("ignore", data["ignore"]))
    for glob, names in ck.mapping("per_path_ignores", data.get("per_path_ignores")).items():
        key = f"per_path_ignores.{glob}"
        config.per_path_ignores[str(glob)] = check_keys(key, ck.strings(key, names))


def selects_any(key: str, rules: list) -> bool:
    """Whether a select/ignore entry (name, code, code prefix or ALL) names at least one rule."""
    return key == "ALL" or any(key == r.NAME or r.CODE.startswith(key.upper()) for r in rules)


def _scalars(ck: _Checker, config: Config, data: dict) -> None:
    year = data.get("year")
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int) or not 1949 <= year <= 2100:
            ck.fail("year", f"的值 {year!r} 无效，应为四位年份", f"invalid value {year!r}; expected a year")
        config.year = year
    as_of = data.get("as_of")
    if as_of is not None:
        if isinstance(as_of, str):
            try:
                as_of = dt.date.fromisoformat(as_of)
            except ValueError:
                as_of = None
        if isinstance(as_of, dt.datetime):
            as_of = as_of.date()
        if not isinstance(as_of, dt.date):
            ck.fail("as_of", "应为日期（如 2018-06-30）", "must be a date (e.g. 2018-06-30)")
        config.as_of = as_of
    only = data.get("known_units_only")
    if only is not None:
        if not isinstance(only, bool):
            ck.fail("known_units_only", "应为 true 或 false", "must be true or false")
        config.known_units_only = only
    if data.get("vague_terms") is not None:
        config.vague_terms = ck.strings("vague_terms", data["vague_terms"])


def _units(ck: _Checker, config: Config, value) -> None:
    """``units``: canonical name → aliases (a list, one string, or nothing), or a plain list."""
    if value is None:
        return
    if isinstance(value, list):
        value = {v: None for v in ck.strings("units", value)}
    for canonical, aliases in ck.mapping("units", value).items():
        key = f"units.{canonical}"
        if not isinstance(canonical, str) or not canonical.strip():
            ck.fail(key, "的单位名应为字符串", "unit names must be strings")
        aliases = [] if aliases is None else ck.strings(key, [aliases] if isinstance(aliases, str) else aliases)
        config.known_units.append(canonical)
        for alias in aliases:
            if alias in config.units and config.units[alias] != canonical:
                ck.fail(key, f"的别名 {alias} 已属于 {config.units[alias]}",
                        f"alias {alias} already belongs to {config.units[alias]}")
            config.units[alias] = canonical
