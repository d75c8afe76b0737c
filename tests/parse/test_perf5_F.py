"""Fast paths of the timing scanner give what the general code gives."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from planlint.parse import timing as T

# characters and words timing expressions are made of, with blanks and filler
_PARTS = ["2019", "6", "12", "年", "月", "日", "底", "前", "内", "以内", "个", "工作日", "季度", "第三",
          "每", "按", "截至", "到", "至", "长期", "持续", "法定", "期限", "三", "半", "报告", " ", "\t",
          "\u3000", "，", "完成", "年度", "天", "小时"]
_texts = st.lists(st.sampled_from(_PARTS), max_size=14).map("".join)


@given(_texts)
def test_scan_finds_matches_in_order(text):
    """Without vague terms ``scan`` leaves out the sort: its matches already come in order."""
    found = T.scan(text)
    assert found == sorted(found)
    assert len({s for s, _, _, _ in found}) == len(found)


@given(_texts)
def test_digit_or_statutory_in_range(text):
    """Searching a range of the text is searching the slice (the pattern has no anchors)."""
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert (T._DIGIT_OR_STATUTORY.search(text, start, end) is not None) == \
                (re.search(r"\d|法定", text[start:end]) is not None)
