"""timing.SCAN tries an alternative only at a character of its first class (see
``timing._DISPATCHED``): each class must hold every character its expression can start with,
and the scan must find what the alternatives as written find (hypothesis)."""
from __future__ import annotations

import re
from re import _constants as C
from re import _parser

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.parse import timing as T
from scan_reference import matches, texts


def _first(items) -> tuple[list, bool]:
    """(what the first character of a match can be: chars and (lo, hi) ranges and categories,
    whether the items can match the empty string), look-arounds and anchors taken as empty."""
    out, nullable = [], True
    for op, av in items:
        if op is C.LITERAL:
            found, empty = [av], False
        elif op is C.IN:
            assert all(o is not C.NEGATE for o, _ in av)
            found, empty = [a if o is C.LITERAL else (o, a) for o, a in av], False
        elif op is C.SUBPATTERN:
            found, empty = _first(av[-1])
        elif op is C.BRANCH:
            found, empty = [], False
            for alt in av[1]:
                f, e = _first(alt)
                found += f
                empty = empty or e
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            found, empty = _first(av[2])
            empty = empty or av[0] == 0
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            found, empty = [], True
        else:  # pragma: no cover - an operator the patterns do not use
            raise AssertionError(op)
        out += found
        if not empty:
            return out, False
    return out, nullable


def _starts(first, ch: str) -> bool:
    for f in first:
        if isinstance(f, int):
            if ord(ch) == f:
                return True
        elif f[0] is C.RANGE:
            if f[1][0] <= ord(ch) <= f[1][1]:
                return True
        elif f[0] is C.CATEGORY:
            assert f[1] is C.CATEGORY_DIGIT
            if ch.isdecimal():
                return True
        else:  # pragma: no cover
            raise AssertionError(f)
    return False


def test_each_first_class_holds_what_its_expression_can_start_with():
    candidates = [chr(c) for c in range(0x110000) if re.match(T._FIRST_CHAR, chr(c))]
    assert len(candidates) > 40
    for kind, first, pattern in T._PATTERNS:
        can, empty = _first(_parser.parse(pattern).data)
        assert not empty, pattern
        guard = re.compile(f"[{first}]")
        for ch in candidates:
            if _starts(can, ch):
                assert guard.match(ch), (pattern, ch)


# SCAN as it was before the dispatch: the alternatives as written, in the same look-behind
_UNDISPATCHED = re.compile(T.SCAN.pattern.replace(T._DISPATCHED, T._ALTERNATIVES, 1))


@settings(max_examples=1500, deadline=None)
@given(texts(14))
def test_scan_finds_what_the_undispatched_alternatives_find(spaced):
    assert matches(T.SCAN, spaced) == matches(_UNDISPATCHED, spaced)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_scan_finds_what_the_undispatched_alternatives_find_any_text(text):
    assert matches(T.SCAN, text) == matches(_UNDISPATCHED, text)


# clauses._analyse: the one-unit and plain-list fast paths read what the general path reads
from planlint.parse import clauses as CL  # noqa: E402

_CLAUSE_PARTS = ["市财政局", "区府办", "县委组织部", "各乡镇人民政府", "由", "市", "局", "办", "、", "，",
                 ",", "；", ";", "。", ".", "牵头", "负责", "配合", "参与", "协办", "落实", "分别", "按职责分工",
                 "组织实施", "抓好", "指导", "主办", "协助", "（", "）", " ", "：", "责任单位", "牵头单位", "\u3000",
                 "等", "各相关单位", "政府", "承办", "实施"]
_LABEL_ROLES = [None, "owner", "participant", "supervisor", "people"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PARTS), max_size=10).map("".join),
       st.sampled_from(_LABEL_ROLES))
def test_analyse_fast_paths_read_what_the_general_path_reads(text, label_role):
    assert CL._analyse.__wrapped__(text, label_role) == CL._parsed(text, label_role)


def test_prefix_strip_by_string_tests():
    from itertools import product

    from planlint.parse.build import _PREFIX, _unprefixed
    chars = ["截", "至", "止", "到", "于", "在", "a", "年", ""]
    for n in range(4):
        for parts in product(chars, repeat=n):
            text = "".join(parts)
            assert _unprefixed(text) == _PREFIX.sub("", text), text


# model._maker_for: cls._make(...) builds what cls(...) builds
import dataclasses  # noqa: E402

import pytest  # noqa: E402

from planlint import model as M  # noqa: E402

_MODEL_CLASSES = [c for c in vars(M).values()
                  if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == M.__name__]


@pytest.mark.parametrize("cls", _MODEL_CLASSES, ids=lambda c: c.__name__)
def test_maker_builds_what_the_class_builds(cls):
    names = [f.name for f in dataclasses.fields(cls)]
    args = [f"{name}-{i}" for i, name in enumerate(names)]
    made, plain = cls._make(*args), cls(*args)
    assert type(made) is cls
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert [getattr(made, n) for n in names] == [getattr(plain, n) for n in names] == args[:len(names)]
    assert not hasattr(made, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, names[0], "x")
    required = [f for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING]
    short = args[:len(required)]
    assert cls._make(*short) == cls(*short)  # defaults as the class's
