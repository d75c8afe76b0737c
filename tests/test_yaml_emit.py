"""planlint.output.yaml_emit: what it prints reads back through ``yaml.safe_load`` as the data
given, in PyYAML's block layout; other data goes to PyYAML; ``planlint parse`` never imports it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.output.model_dump import plan_document, to_yaml
from planlint.output.yaml_emit import Unsupported, emit, scalar_str
from planlint.parse import parse_source
from planlint.read import read_one

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md"))


def pyyaml(data) -> str:
    return yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=100)


def assert_round_trip(data) -> str:
    text = emit(data)
    assert text.endswith("\n")
    assert yaml.safe_load(text) == data, text
    return text


# --- random data -------------------------------------------------------------------------------

TRICKY = [
    "", " ", "  ", "~", "null", "Null", "NULL", "nULL", "yes", "No", "ON", "off", "y", "Y", "n",
    "N", "true", "False", "TRUE", "tRuE", "0", "-1", "+1", "1_000", "0x1F", "0o17", "0b101", "017",
    ".5", "-.5", "1.", "1e3", "1E-3", "1.5e+3", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1:20",
    "190:20:30.15", "2017-06-19", "2017-6-9", "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5", "<<", "=", "---", "...", "... x", "- a", "-a", "?", "? a", ":",
    ":a", "a:", "a: b", "a #b", "a#b", "#a", "[a]", "{a: 1}", "&a", "*a", "!a", "|", ">", "'",
    '"', "'a'", '"a"', "%YAML", "@a", "`a", ",a", "a,b", " a", "a ", "\ta", "a\tb", "a\nb", "\n",
    "a\r\nb", "a\x85b", "a\u2028b", "a\u2029b", "\x00", "\x07", "\x1b[0m", "\x7f", "\x9f", "\xa0",
    "\ufeff", "\ufeffa", "\ufffe", "\uffff", "\U0010ffff", "\ud800", "\udfff", "a\\b", "\\",
    "\u3000", "一、　总体要求", "政务公开", "年底前完成。", "\U0001f600", "𠀀", "\ue000",
    "\u200b", "1.2.4", "2024年", "a" * 300,
]
strings = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000)),
    st.text(alphabet=st.sampled_from(" -?:#'\"\\\n\t\r.0123456789_eExXoObB+:~ynYNtf一、\u3000")),
    st.sampled_from(TRICKY),
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(TRICKY), st.text(max_size=3),
              st.sampled_from(TRICKY)),
)
leaves = st.one_of(strings, st.integers(), st.booleans(), st.none())
documents = st.recursive(
    leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=5),
                            st.dictionaries(strings, inner, max_size=5)),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_random_data_reads_back_the_same(doc):
    assert_round_trip(doc)


@settings(max_examples=300, deadline=None)
@given(strings)
def test_random_string_reads_back_as_value_key_and_item(s):
    assert_round_trip({"k": s, s: 1, "l": [s, [s], {s: s}]})


def _resolver_patterns():
    """Every regex by which PyYAML's SafeLoader reads a plain scalar as something else."""
    seen = {}
    for resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.values():
        for tag, regexp in resolvers:
            seen[regexp.pattern] = regexp
    return list(seen.values())


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_resolver_patterns()).flatmap(lambda r: st.from_regex(r, fullmatch=True)))
def test_strings_pyyaml_would_resolve_are_quoted(s):
    if "\n" in s:  # the resolvers' '$' also matches before a final newline: not a plain scalar
        return
    assert scalar_str(s)[0] in "'\"", s
    assert_round_trip([s, {s: s}])


# --- each tricky category, explicitly ------------------------------------------------------------

@pytest.mark.parametrize("s", [
    # bool words (YAML 1.1 and 1.2), any case
    "yes", "Yes", "YES", "yEs", "no", "NO", "on", "On", "off", "OFF", "true", "True", "false",
    "FaLsE", "y", "Y", "n", "N",
    # null and empty
    "null", "Null", "NULL", "~", "",
    # ints, floats, sexagesimal
    "0", "7", "-3", "+3", "1_000", "0x1F", "0X1f", "0o17", "017", "0b1010", ".5", "1.", "1.5",
    "1e3", "1E3", "1.5e-3", "1.5E+3", "-.inf", ".Inf", "+.INF", ".nan", ".NaN", "1:20",
    "190:20:30.15",
    # timestamps
    "2017-06-19", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14",
    # merge and value keys, document markers
    "<<", "=", "---", "...",
    # indicators and whitespace at the start
    "-", "- a", "-a", "?", "? a", "?a", ":", ":a", ",a", "[a", "]a", "{a", "}a", "#a", "&a",
    "*a", "!a", "|a", ">a", "'a", '"a', "%a", "@a", "`a", " a", "\ta",
    # ': ', ' #', a final ':' or space
    "a: b", "a #b", "a:", "a ", "任务:", "一、工作要求 #1",
])
def test_tricky_strings_are_quoted_and_read_back(s):
    rendered = scalar_str(s)
    assert rendered[0] in "'\"", rendered
    assert_round_trip({"k": s, "l": [s], s: s})


@pytest.mark.parametrize("s, rendered", [
    ("a\nb", '"a\\nb"'), ("a\tb", '"a\\tb"'), ("a\r\n", '"a\\r\\n"'), ("\x00", '"\\0"'),
    ("\x07", '"\\x07"'), ("\x1b[0m", '"\\x1B[0m"'), ("\x7f", '"\\x7F"'), ("a\x85b", '"a\\x85b"'),
    ("a\u2028b", '"a\\u2028b"'), ("a\u2029b", '"a\\u2029b"'), ("\ufeffa", '"\\uFEFFa"'),
    ("\ufffe", '"\\uFFFE"'), ("\uffff", '"\\uFFFF"'), ("\ud800", '"\\uD800"'),
    ("\U0010ffff", '"\\U0010FFFF"'), ('say "hi"\n', '"say \\"hi\\"\\n"'), ("a\\b\n", '"a\\\\b\\n"'),
    ("政务\n公开", '"政务\\n公开"'),
])
def test_line_breaks_and_unprintable_characters_are_escaped(s, rendered):
    assert scalar_str(s) == rendered
    assert_round_trip({"k": s, "l": [s]})


@pytest.mark.parametrize("s, rendered", [
    ("it's", "it's"), ("'it's'", "'''it''s'''"), ("a: b", "'a: b'"), (" a", "' a'"),
    ("\u3000总体要求", "'\u3000总体要求'"), ("a\xa0", "'a\xa0'"), ("\U0001f600", "\U0001f600"),
])
def test_quotes_and_unusual_printable_characters(s, rendered):
    assert scalar_str(s) == rendered
    assert_round_trip({"k": s})


@pytest.mark.parametrize("s", [
    "政务公开", "一、夯实数字基础设施", "一、工作要求：", "(一)推进\"一网通办\"", "年底前完成。", "1.2.4", "2024年",
    "a,b", "a#b", "a:b", "key-word", "x y", "县财政局、县税务局", "100%", "yes!", "nob", "1-2",
    "1-2.1", "2024-2025年", "3.5倍", "a'b", 'a"b', "a\\b", "𠀀", "\U0001f600",
])
def test_safe_strings_are_plain_and_cjk_stays_readable(s):
    assert scalar_str(s) == s
    assert_round_trip({"k": s, "l": [s]})


# --- layout ------------------------------------------------------------------------------------

def test_layout_is_pyyaml_block_style():
    doc = {
        "path": "examples/a.txt", "year": 2024, "draft": True, "issue_date": None,
        "empty_map": {}, "empty_list": [],
        "sections": [{"id": "1", "level": 1, "title": "一、总体要求"}, {"id": "1.2.4", "level": 3}],
        "nested": {"a": {"b": [1, [2, 3], [], {}, {"c": {"d": None}}]}},
        "rows": [[1, 2], [[3]]],
    }
    expected = """\
path: examples/a.txt
year: 2024
draft: true
issue_date: null
empty_map: {}
empty_list: []
sections:
- id: '1'
  level: 1
  title: 一、总体要求
- id: 1.2.4
  level: 3
nested:
  a:
    b:
    - 1
    - - 2
      - 3
    - []
    - {}
    - c:
        d: null
rows:
- - 1
  - 2
- - - 3
"""
    assert emit(doc) == expected == pyyaml(doc)


@pytest.mark.parametrize("doc", [{}, [], "a", 1, None, True, [{}], {"a": []}])
def test_top_level_values(doc):
    assert assert_round_trip(doc).endswith("\n")
    assert emit({}) == "{}\n" and emit([]) == "[]\n"


def test_long_keys_are_explicit_like_pyyaml():
    long = "k" * 130
    doc = {long: [1, 2], long + "m": {"x": 1, "z": [3]}, long + "s": "v", long + "e": {}}
    assert emit(doc) == pyyaml(doc)
    assert_round_trip({"\x01" * 127: 1, "𠀀\n" * 200: [None]})


# --- fallback to PyYAML --------------------------------------------------------------------------

shared = [1]
cyclic: list = []
cyclic.append(cyclic)


@pytest.mark.parametrize("doc", [
    {"a": 1.5}, {"a": (1, 2)}, {1: "a"}, {None: "a"}, {"a": b"x"}, {"a": shared, "b": shared},
    {"a": [shared, {"b": [None, shared]}]}, {"a": [{"b": [None, 2.0]}]}, {"a": [{"b": {1: 2}}]},
    {"a": {"b": [set()]}},
])
def test_other_data_goes_to_pyyaml(doc):
    with pytest.raises(Unsupported):
        emit(doc)
    assert to_yaml(doc) == pyyaml(doc)


def test_a_cycle_goes_to_pyyaml():
    with pytest.raises(Unsupported):
        emit(cyclic)
    loaded = yaml.safe_load(to_yaml({"c": cyclic}))["c"]
    assert loaded[0] is loaded


# --- planlint parse ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_model_reads_back_from_to_yaml(path):
    doc = plan_document(parse_source(read_one(str(path), None)))
    text = to_yaml(doc)
    assert yaml.safe_load(text) == doc


def test_parse_does_not_import_yaml():
    code = ("import sys; from planlint.cli import main\n"
            "try:\n    main(['parse', sys.argv[1]])\n"
            "except SystemExit as e:\n    print(e.code, 'yaml' in sys.modules, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code, str(EXAMPLES[0])], check=False,
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert done.stderr.split() == ["0", "False"]
    assert yaml.safe_load(done.stdout)["path"] == str(EXAMPLES[0])
    assert done.stdout.endswith("\n") and not done.stdout.endswith("\n\n")  # one final newline
