"""The text format's fast paths give what the plain per-character code gives.

``char_width`` answers CJK blocks without wcwidth; ``display`` measures tab-less lines with
``accumulate``. Both are checked against the code they stand in for.
"""
from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.output import text as t

wcwidth = pytest.importorskip("wcwidth").wcwidth


def _reference_width(ch: str) -> int:
    if ch in t._AMBIGUOUS_CHARS:
        return t.AMBIGUOUS
    if " " <= ch <= "~":
        return 1
    w = wcwidth(ch)
    return w if w > 0 else 0


def _reference_display(text: str, start: int, end: int):
    out, col, caret_start, caret_end = [], 0, None, None
    for i, ch in enumerate(text):
        if i == start:
            caret_start = col
        if i == end:
            caret_end = col
        if ch == "\t":
            pad = t.TAB - col % t.TAB
            out.append(" " * pad)
            col += pad
            continue
        width = _reference_width(ch)
        out.append(ch if width or ch in "\u200b\u200d" else "")
        col += width
    caret_start = col if caret_start is None else caret_start
    caret_end = col if caret_end is None else caret_end
    return "".join(out), caret_start, max(caret_end, caret_start + 1)


def _reference_window(text: str, start: int, end: int):
    shown, a, b = _reference_display(text, start, end)
    if sum(_reference_width(c) for c in shown) <= t.MAX_WIDTH:
        return shown, a, b
    budget = t.MAX_WIDTH // 2
    left = max(0, start - budget // 3)
    right = min(len(text), left + budget)
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    return _reference_display(prefix + text[left:right] + suffix, start - left + len(prefix),
                              min(end, right) - left + len(prefix))


@pytest.mark.skipif(not t._WIDE_KNOWN, reason="$UNICODE_VERSION is set")
def test_wide_blocks_agree_with_wcwidth():
    for low, high in t._WIDE:
        for code in range(low, high + 1):
            ch = chr(code)
            assert t.char_width.__wrapped__(ch) == _reference_width(ch) == 2, hex(code)


_CHARS = st.one_of(
    st.sampled_from("中文，。、；：（）《》“”—…①·\t \u200b\u200d\u0301\x01\u3000\uff08\u302a\u00a0"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7e),
    st.characters(min_codepoint=0x3000, max_codepoint=0x303f),
    st.characters(min_codepoint=0x4e00, max_codepoint=0x4e40),
    st.characters(blacklist_categories=("Cs",)),
)


@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS, max_size=160), st.integers(-2, 170), st.integers(-2, 170))
def test_display_and_window_as_per_character(text, start, end):
    assert t.display(text, start, end) == _reference_display(text, start, end)
    assert t.window(text, start, end) == _reference_window(text, start, end)


_PLAIN_CHARS = st.one_of(
    st.sampled_from("“”‘’—…①⑩·，。（）《》、\u3000\u3029\u3030\u303e\uff01\uff60\uffe0\uffe6"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7e),
    st.characters(min_codepoint=0x4e00, max_codepoint=0x9fff),
)


@settings(max_examples=300, deadline=None)
@given(st.text(_PLAIN_CHARS, max_size=160), st.integers(-2, 170), st.integers(-2, 170))
def test_plain_lines_as_per_character(text, start, end):
    if t._PLAIN is not None:
        assert t._PLAIN.fullmatch(text)
    assert t.display(text, start, end) == _reference_display(text, start, end)
    assert t.window(text, start, end) == _reference_window(text, start, end)


@pytest.mark.parametrize("ambiguous", ["2", "0"])
def test_other_ambiguous_widths(monkeypatch, ambiguous):
    monkeypatch.setenv("PLANLINT_AMBIGUOUS_WIDTH", ambiguous)
    try:
        importlib.reload(t)
        assert (t._PLAIN is not None) == (ambiguous == "2")
        for text in ["“加强”—…①·领导，abc。", "a\tb“中”", "“" * 80 + "中" * 40, "中\u0301文"]:
            for start, end in [(0, 1), (3, 9), (50, 70), (90, 200)]:
                assert t.display(text, start, end) == _reference_display(text, start, end)
                assert t.window(text, start, end) == _reference_window(text, start, end)
    finally:
        monkeypatch.undo()
        importlib.reload(t)
