"""lines._sibling_possible is a necessary condition of _split_inline's regex finding a sibling."""
from hypothesis import given, settings, strategies as st

from planlint.parse import lexicon as lx
from planlint.parse.lines import _sibling_possible
from planlint.parse.numerals import to_int

_PIECES = st.sampled_from(["。", "；", "!", "？", "）", ")", "」", "”", " ", "\u3000", "（", "(",
                           "一", "二", "十", "两", "〇", "1", "2", "12", "02", "３", "٣", ".", "．",
                           "、", "做好", "工作", "x"])
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


def _found(style: str, value: int, text: str) -> bool:
    pattern = lx.INLINE_CN_PAREN if style == "cn-paren" else lx.INLINE_ARABIC
    return any(to_int(m.group("num")) == value for m in pattern.finditer(text))


@settings(max_examples=3000)
@given(st.sampled_from(["cn-paren", "arabic-dot", "glued"]), st.integers(1, 30), _TEXTS)
def test_sibling_possible_when_found(style, value, text):
    if _found(style, value, text):
        assert _sibling_possible(style, value, text)


def test_examples():
    assert _sibling_possible("arabic-dot", 2, "做好。2.推进")
    assert _sibling_possible("arabic-dot", 2, "做好。02、推进")
    assert not _sibling_possible("arabic-dot", 2, "2018年做好")
    assert _sibling_possible("cn-paren", 3, "做好。（三）推进")
    assert not _sibling_possible("cn-paren", 3, "做好（区财政局负责）")
