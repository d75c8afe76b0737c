"""classify_lines' one loop gives the records of the former per-line classify_text (hypothesis).

The reference below is classify_text as it was: every test a call, in the same order, each line's
records a list of its own."""
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.model import SourceLine
from planlint.parse import lexicon as lx
from planlint.parse import lines as L


def _reference_text(c: L.Classifier, number: int, raw: str, text: str, col: int) -> list:
    if c.in_form:
        return [L.Rec("NOISE", number, col, text)]
    first = text[0]
    noise = L._noise(text, first)
    if noise:
        c.in_form = noise == "form" or noise == "footer"
        return [L.Rec("NOISE", number, col, text, label="layout" if noise == "layout" else "")]
    cells = L._split_cells(raw, text, col, c.header_cols) \
        if "|" in text or c.header_cols >= 2 else None
    if cells:
        return c._row(number, col, text, cells)
    if "|" in text:
        text, col = L.lone_cell(text, col)
        first = text[0]
    if len(text) <= 80 and first in L._HEADER_FIRST and L._is_header(text):
        words = text.split()
        if not lx.HEADER_WORDS.issuperset(words):  # one header word spaced out
            word = "".join(words)
            return [L.Rec("HEADER", number, col, word, cells=[(word, col)])]
        if len(words) > 1:
            c.header_cols = len(words)
        return [L.Rec("HEADER", number, col, text, cells=[(text, col)])]
    if first in L._LABEL_FIRST and lx.FIELD.match(text):
        out: list = []
        L._fields(number, col, text, lx.FIELD.match(text), out)
        return out
    if first in L._MARKER_OR_MARK:
        recs = c._marker(number, col, text)
        if recs:
            return recs
    bare = lx.BARE_NUMBER.match(text) if first.isdecimal() else None
    if bare and L.row_number(bare.group("num"), c.last_arabic):
        c.last_arabic = int(bare.group("num"))
        return [L.Rec("NUMBER", number, col, "", number=bare.group("num"),
                      value=int(bare.group("num")), marker=text, level=0, mcol=col)]
    clause = L._clause_line(number, col, text)
    if clause:
        return [clause]
    if L._is_timing_cell(text):
        return [L.Rec("TIMING", number, col, text.rstrip("。."))]
    return [L.Rec("TEXT", number, col, text)]


def _reference(lines) -> list:
    c = L.Classifier()
    out = []
    for line in lines:
        raw = line.text
        text = raw.lstrip(L._STRIP)
        if text:
            col = len(raw) - len(text) + 1
            text = text.rstrip(L._STRIP)
            if text.startswith("??") and not c.in_form:
                rest = text.lstrip("?" + L._STRIP)
                text, col = rest, col + len(text) - len(rest)
            if text:
                out += _reference_text(c, line.number, raw, text, col)
    return out


def _fields_of(rec) -> tuple:
    return tuple(getattr(rec, name) for name in L.Rec.__slots__)


_PIECES = ["1.", "2.", "3、", "１.", "12", "1.5", "（一）", "（二）", "(3)", "一、", "二，", "①", "、",
           "）", "#", "**", "责任单位：", "牵头单位:", "完成时限：", "序号", "工作任务", "责任单位",
           "责 任 单 位", "工 作", "任 务", "??", "?",
           "市财政局", "县教育局、", "牵头负责", "（市发展改革委负责）", "2024年底前", "长期坚持",
           "加强组织领导", "。", "；", "，", "|", "\t", "  ", "\u3000", " ", "请您提出意见", "意见征集表",
           "文字大小", "背景色", "发布时间：", "第1页", "---", "- 3 -", "做好", "工作"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=7).map("".join), max_size=12))
def test_classify_lines_as_the_per_line_reference(texts):
    lines = tuple(SourceLine(i + 1, t) for i, t in enumerate(texts))
    assert list(map(_fields_of, L.classify_lines(lines))) == \
        list(map(_fields_of, _reference(lines)))
