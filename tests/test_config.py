"""`.planlint.yaml`: discovery, override, validation (errors name the key), units and dates."""
import datetime as dt

import pytest

from planlint import configfile
from planlint.configcheck import build_config
from planlint.errors import ConfigError


@pytest.fixture(autouse=True)
def fresh_cache():
    configfile.clear_cache()
    yield
    configfile.clear_cache()


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_closest_config_above_the_file_wins(tmp_path):
    write(tmp_path / ".planlint.yaml", "year: 2017\n")
    write(tmp_path / "a" / ".planlint.yaml", "year: 2018\n")
    write(tmp_path / "a" / "b" / "plan.txt", "x")
    write(tmp_path / "other" / "plan.txt", "x")
    assert configfile.load_for(str(tmp_path / "a" / "b" / "plan.txt")).year == 2018
    assert configfile.load_for(str(tmp_path / "other" / "plan.txt")).year == 2017


def test_explicit_config_overrides_search(tmp_path):
    write(tmp_path / ".planlint.yaml", "year: 2017\n")
    other = write(tmp_path / "cfg" / "mine.yaml", "year: 2020\n")
    assert configfile.load_for(str(tmp_path / "plan.txt"), str(other)).year == 2020


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="nope.yaml"):
        configfile.load_for(str(tmp_path / "plan.txt"), str(tmp_path / "nope.yaml"))


def test_no_config_gives_defaults(tmp_path):
    config = configfile.load_for(str(tmp_path / "plan.txt"))
    assert (config.select, config.year, config.path) == (None, None, None)


def test_parsed_once_per_file_and_copies_are_independent(tmp_path):
    write(tmp_path / ".planlint.yaml", "ignore: [numbering]\n")
    first = configfile.load_for(str(tmp_path / "a.txt"))
    first.ignore.append("boilerplate")
    second = configfile.load_for(str(tmp_path / "b.txt"))
    assert second.ignore == ["numbering"]
    assert configfile.load_file.cache_info().misses == 1


def test_full_config_is_read(tmp_path):
    config = build_config({
        "select": "U,T", "ignore": ["boilerplate"], "severity": {"missing-deadline": "info"},
        "options": {"empty-task": {"min_chars": 3}},
        "per-path-ignores": {"drafts/*": ["numbering"]},
        "year": 2018, "as_of": "2018-06-30",
        "units": {"县政府办公室": ["县府办", "县政府办"], "县财政局": None},
        "known_units_only": True, "vague_terms": ["视情况"],
        "rules": {"missing-lead": {"severity": "warning"}, "unknown-unit": {"cutoff": 0.8},
                  "heading-level": {"enabled": False}},
    }, "cfg.yaml")
    assert config.select == ["U", "T"] and config.ignore == ["boilerplate"]
    assert config.severity == {"missing-deadline": "info", "missing-lead": "warning"}
    assert config.options == {"empty-task": {"min_chars": 3}, "unknown-unit": {"cutoff": 0.8}}
    assert config.per_path_ignores == {"drafts/*": ["numbering"]}
    assert (config.year, config.as_of) == (2018, dt.date(2018, 6, 30))
    assert config.units == {"县府办": "县政府办公室", "县政府办": "县政府办公室"}
    assert config.known_units == ["县政府办公室", "县财政局"] and config.known_units_only
    assert config.vague_terms == ["视情况"] and config.enabled == {"heading-level": False}
    assert config.canonical("县府办") == "县政府办公室"


@pytest.mark.parametrize("data, key", [
    ({"colour": True}, "colour"),
    ({"select": ["no-such-rule"]}, "select"),
    ({"ignore": 5}, "ignore"),
    ({"severity": {"missing-lead": "fatal"}}, "severity.missing-lead"),
    ({"severity": {"nope": "error"}}, "severity.nope"),
    ({"options": {"empty-task": {"min_chars": "three"}}}, "options.empty-task.min_chars"),
    ({"options": {"empty-task": {"bogus": 1}}}, "options.empty-task.bogus"),
    ({"year": "2018年"}, "year"),
    ({"as_of": "June"}, "as_of"),
    ({"known_units_only": "yes"}, "known_units_only"),
    ({"units": {"县政府办公室": ["县府办"], "县委办公室": ["县府办"]}}, "units.县委办公室"),
    ({"per_path_ignores": {"*.txt": ["nope"]}}, "per_path_ignores.*.txt"),
    ({"rules": {"avoid-x": {"message": "m"}}}, "rules.avoid-x.pattern"),
    ({"rules": {"avoid-x": {"pattern": "(", "message": "m"}}}, "rules.avoid-x.pattern"),
    ({"rules": {"avoid-x": {"pattern": "x", "message": "m", "scope": "title"}}}, "rules.avoid-x.scope"),
    ({"rules": {"avoid-x": {"pattern": "x", "message": "m", "code": "U001"}}}, "rules.avoid-x.code"),
    ({"rules": {"avoid-x": {"pattern": "x", "message": "m", "colour": 1}}}, "rules.avoid-x.colour"),
    ({"rules": {"Avoid X": {"pattern": "x", "message": "m"}}}, "rules.Avoid X"),
    ({"rules": {"missing-lead": {"pattern": "x"}}}, "rules.missing-lead.pattern"),
    ({"rules": {"missing-lead": {"enabled": "no"}}}, "rules.missing-lead.enabled"),
    (["select"], "(顶层)"),
])
def test_bad_values_name_the_key(data, key):
    with pytest.raises(ConfigError) as info:
        build_config(data, "cfg.yaml")
    assert f"配置项 {key} " in info.value.zh and key in info.value.en


def test_bad_yaml_is_a_config_error(tmp_path):
    bad = write(tmp_path / ".planlint.yaml", "select: [a\n")
    with pytest.raises(ConfigError, match="YAML"):
        configfile.load_for(str(tmp_path / "plan.txt"), str(bad))


def test_rule_files_add_rules(tmp_path):
    write(tmp_path / "terms.yaml", "rules:\n  avoid-yuanze:\n    pattern: 原则上\n    message: m\n")
    cfg = write(tmp_path / ".planlint.yaml", "rule_files: [terms.yaml]\n")
    config = configfile.load_for(str(tmp_path / "p.txt"), str(cfg))
    assert list(config.custom_rules) == ["avoid-yuanze"]


def test_custom_rule_can_be_selected_and_configured(tmp_path):
    config = build_config({"rules": {"avoid-x": {"pattern": "x", "message": "m", "code": "X101"}},
                           "select": ["avoid-x"], "severity": {"avoid-x": "error"}}, "cfg.yaml")
    assert config.select == ["avoid-x"] and config.severity == {"avoid-x": "error"}
