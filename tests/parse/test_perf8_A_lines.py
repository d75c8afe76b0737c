"""Session 8 (helper A): the classifier's exact pre-tests agree with what they stand for."""
from hypothesis import given, settings, strategies as st

import planlint.parse.lines as L
from planlint.parse import lexicon as lx
from planlint.parse.timing import scan_short

# Characters that matter to the pre-tests, and some that do not.
_CHARS = st.sampled_from(list(lx.UNITISH_ONE) + ["中心", "政府", "牵头", "配合", "网站"]
                         + list("、，,；;。\n\t 　市人民年底前月日1２３一二十每按第上立长持a（）")
                         + ["\u0663", "\uff11"])
_TEXTS = st.lists(_CHARS, max_size=12).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_unitish_as_regex(text):
    assert L._unitish(text) == bool(lx.UNITISH.search(text))


def _timing_cell_by_scan(text):
    if len(text) > 40 or "。" in text.rstrip("。")[:-1]:
        return False
    found = scan_short(text)
    if not found:
        return False
    covered = sum(e - s for s, e, _, _ in found)
    return found[0][0] <= 2 and (covered * 2 >= len(text) or len(text) <= 12)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_timing_cell_as_scan(text):
    assert L._is_timing_cell(text) == _timing_cell_by_scan(text)


def test_timing_first_characters():
    import re
    from planlint.parse.timing import _FIRST_CHAR
    first = re.compile(_FIRST_CHAR)
    for code in range(0x110000):
        c = chr(code)
        assert bool(first.fullmatch(c)) == (c in L._TIMING_FIRST or c.isdecimal()), hex(code)
