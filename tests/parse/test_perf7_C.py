"""timing.SCAN skips by a superset of its first-character class (a bitmap look-up instead of a
``\\d`` category test per character): the superset must hold every character ``\\d`` matches, and
the scan must find what the pattern with the exact class found (hypothesis)."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.parse import timing as T
from scan_reference import matches, texts

_EXACT = re.compile(T.SCAN.pattern.replace(T._SKIP_CHAR, T._FIRST_CHAR, 1))


def test_skip_class_holds_every_first_character():
    skip, first = re.compile(T._SKIP_CHAR), re.compile(T._FIRST_CHAR)
    for code in range(0x110000):
        ch = chr(code)
        if first.match(ch):
            assert skip.match(ch), hex(code)


@settings(max_examples=500, deadline=None)
@given(texts(12))
def test_scan_as_with_the_exact_first_class(spaced):
    assert matches(T.SCAN, spaced) == matches(_EXACT, spaced)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_scan_as_with_the_exact_first_class_any_text(text):
    assert matches(T.SCAN, text) == matches(_EXACT, text)


# lalr.Parser.parse: a Lark list rule's reduction keeps the list's state (no goto looked up); the
# same parse with those rules reduced by the general path (pop both, goto) as the reference.
from itertools import repeat  # noqa: E402
import copy  # noqa: E402

from planlint.parse import lalr  # noqa: E402
from planlint.parse.grammars import parser  # noqa: E402
from planlint.parse.structure import _Blocks  # noqa: E402

_KINDS = ["MARKER", "NUMBER", "ROWITEM", "TEXT", "CLAUSE", "FIELD", "TIMING", "HEADER", "ROW",
          "NOISE"]


def _general(p):
    ref = copy.copy(p)
    ref.rules = [(o, s, lalr._append if b is None else b) for o, s, b in p.rules]
    return ref


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_KINDS), max_size=40))
def test_plan_parse_as_by_the_general_reduction(kinds):
    p = parser("plan", _Blocks)
    assert any(b is None for _, _, b in p.rules)
    tokens = list(zip(kinds, repeat(None)))
    assert p.parse(tokens) == _general(p).parse(tokens)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["UNIT", "ROLE", "SEP", "LABEL"]), max_size=12))
def test_clause_parse_as_by_the_general_reduction(types):
    p = parser("clause", None)
    tokens = [(t, (t, str(i))) for i, t in enumerate(types)]
    try:
        got = p.parse(tokens)
    except lalr.ParseError:
        got = "error"
    try:
        want = _general(p).parse(tokens)
    except lalr.ParseError:
        want = "error"
    assert got == want
