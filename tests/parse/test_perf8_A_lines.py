"""Session 8 (helper A): the classifier's exact pre-tests agree with what they stand for."""
from hypothesis import given, settings, strategies as st

import planlint.parse.lines as L
from planlint.parse import lexicon as lx
from planlint.parse.timing import bare_period, scan_short

# Characters that matter to the pre-tests, and some that do not.
_CHARS = st.sampled_from(list(lx.UNITISH_ONE) + ["中心", "政府", "牵头", "配合", "网站"]
                         + list("、，,；;。\n\t 　市人民年底前月日1２３一二十每按第上立长持a（）()〔全份")
                         + ["\u0663", "\uff11"])
_TEXTS = st.lists(_CHARS, max_size=12).map("".join)


def _unitish_by_regex(text):
    """UNITISH's search, or for a text ending with a bracket group (an alias: 省编办（省审改办）)
    the same of the text before the group's opening bracket."""
    if lx.UNITISH.search(text):
        return True
    if text[-1:] in "）)〕":
        k = max(text.rfind("（"), text.rfind("("), text.rfind("〔"))
        return k > 0 and _unitish_by_regex(text[:k].rstrip(L._STRIP))
    return False


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_unitish_as_regex(text):
    assert L._unitish(text) == _unitish_by_regex(text)


def _timing_cell_by_scan(text):
    if len(text) > 40 or "。" in text.rstrip("。")[:-1]:
        return False
    if len(text) <= 12 and bare_period(text) is not None:
        return True
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


def _noise_by_regex(text, first):
    """lines._noise as it was: every regex asked."""
    if first in L._LAYOUT_FIRST and (L._PAGE_NUMBER.match(text) or L._RULE_LINE.match(text)):
        return "layout"
    if len(text) < 120 and ("意见" in text or "建议" in text or "留言" in text or "评论" in text) \
            and lx.COMMENT_FORM_START.search(text):
        return "form"
    if first in L._BOILER_FIRST and (lx.FORM_FIELD.match(text) or lx.BOILERPLATE.match(text[:30])):
        return "web"
    if "版权所有" in text or "ICP备" in text or "网站标识码" in text:
        return "footer"  # a web page's footer: what follows is the page's too
    if "文字大小" in text or "背景色" in text or "邮编" in text or "分辨率" in text:
        return "web"
    return ""


_NOISE_BITS = st.sampled_from(
    list(L._BOILER_FIRST | L._LAYOUT_FIRST) + list(lx.BOILERPLATE_STARTS)
    + ["姓 名", "联系电话", "内 容", "验证码", "手机", "标题", "：", ":", "页", "共", "12", "-", "—",
       "|", " ", "\u2009", "\t", "\n", "=", "市", "做好", "[ 打印", "【打印】", "字体：", "来源:",
       "版权所有", "邮编", "主办单位"])
_NOISE_TEXTS = st.lists(_NOISE_BITS, min_size=1, max_size=8).map("".join)


@settings(max_examples=5000, deadline=None)
@given(_NOISE_TEXTS)
def test_noise_as_regexes(text):
    assert L._noise(text, text[0]) == _noise_by_regex(text, text[0])


def test_noise_lines():
    for text in ("- 3 -", "第 2 页 共 9 页", "第二条", "|---|---|", "| 1 | 做好 |", "==  ==", "* 姓名：",
                 "•  联系电话:", "责任编辑：张三", "[ 打印本页 ]", "发布时间：2020", "电子邮箱：x"):
        assert L._noise(text, text[0]) == _noise_by_regex(text, text[0]), text
