"""Fast paths of the parse model builder and the timing scanner give what the plain code gives."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.parse import timing as T
from planlint.parse.grammars import parser, table
from planlint.parse.lalr import ParseError

# characters and words timing expressions are made of, with blanks and filler (every start word
# and its neighbours: look-behinds and look-aheads see them)
_PARTS = ["2019", "6", "12", "1", "年", "月", "份", "日", "号", "底", "末", "初", "中旬", "前", "内",
          "以内", "之前", "为止", "止", "个", "工作日", "季度", "月度", "第", "第三", "一", "两", "半",
          "每", "按", "按照", "截至", "截止", "到", "至", "最迟", "不超过", "长期", "以来", "持续",
          "可", "法定", "时限", "期限", "三", "报告", "计划", " ", "\t", "\u3000", "，", "完成", "年度",
          "天", "小时", "上半年", "年底", "年中", "当", "去", "明", "立行立改", "即知即改", "立即",
          "适时", "尽快", "逐步", "定期", "另行通知", "视情", "择期", "按时间节点", "推进", "的", "a"]
_texts = st.lists(st.sampled_from(_PARTS), max_size=16).map("".join)

# the scanning pattern as it was written before it moved into a look-behind: the two start
# look-aheads, then the alternatives, matched with finditer
_PLAIN = re.compile(f"(?={T._FIRST_CHAR})(?=[{T._START_CHARS}]|{'|'.join(T._START_WORDS)})"
                    + T._ALTERNATIVES)


def _plain_scan(text):
    found = []
    for m in _PLAIN.finditer(text.replace("\t", " ").replace("\u3000", " ")):
        found.append((m.start(), m.end(), m.lastgroup))
    return found


def _fast_scan(text):
    found, pos = [], 0
    spaced = text.replace("\t", " ").replace("\u3000", " ")
    while (m := T.SCAN.search(spaced, pos)) is not None:
        start, pos = m.span(m.lastgroup)
        found.append((start, pos, m.lastgroup))
    return found


@settings(max_examples=1500)
@given(_texts)
def test_scan_pattern_in_look_behind_finds_what_finditer_finds(text):
    """SCAN (the expression in a look-behind behind its first character, searched from the end
    of the last expression) finds the matches, spans and alternatives finditer finds."""
    assert _fast_scan(text) == _plain_scan(text)


class _Leaves:
    """Callbacks making every rule's value the list of the tokens under it (the leaves)."""

    def __getattr__(self, rule_name):
        return _leaves


def _leaves(children):
    out = []
    for child in children:
        if type(child) is list:
            out += child
        else:
            out.append(child)
    return out


_DATE_PARTS = ["2019", "6", "12", "1", "年", "月", "份", "日", "号", "底", "末", "初", "中旬", "上旬",
               "中", "前", "内", "以前", "为止", "完成", "第", "三", "季度", "年底", "上半年", "截至", "到",
               "于", "在", " ", "\t", "\u3000", "\n", "的"]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_DATE_PARTS), max_size=8).map("".join))
def test_tokens_of_gives_the_leaves_of_the_parse(text):
    """tokens_of (recognise only) gives the leaves the full parse gives, and fails where it fails;
    resolve keeps reading them as before (blanks removed from a token by a regex)."""
    # every rule keeps all its children (what lets resolve take the tokens for the leaves)
    assert all(keep is None for _, _, keep, _, _ in table("timing", True)["rules"])
    try:
        want = parser("timing", _Leaves(), True).parse_text(text)
    except ParseError:
        want = None
    try:
        got = parser("timing", None, True).tokens_of(text)
    except ParseError:
        got = None
    assert got == want
    if want is not None:
        for _, token in want:
            assert (token if token.isalnum() else "".join(token.split())) == re.sub(r"\s", "", token)
