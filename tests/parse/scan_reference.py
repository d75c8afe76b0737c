"""Shared by the tests that hold timing.SCAN to a reference pattern: what a scan finds, and the
pieces hypothesis joins into timing-rich texts."""
from hypothesis import strategies as st


def matches(pattern, text):
    """(group, group span, match span) of each expression, scanned as ``timing.scan`` does (on
    from the group's end)."""
    out, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        out.append((m.lastgroup, m.span(m.lastgroup), m.span()))
        pos = m.end(m.lastgroup)
    return out


PIECES = ["2024年", "６月底前", "年底前", "一季度", "每月", "每 2 个月", "3个工作日内", "持续推进",
          "长期", "年度报告", "十四五", "第三季度末", "截至2023年", "立行立改", "月度", "按季度",
          "一年内", "半年内", "逐步", "上半年", "下旬", "做好", "工作", "，", "。", " ", "\u3000", "\t",
          "٣", "௫", "𝟙", "가", "ｘ", "—", "“", "a", "7", "12月", "1日", "到", "至", "截止", "法定",
          "时限", "最迟", "不超过", "两", "个", "季度", "第", "即知即改", "可", "前", "当", "去",
          "按时间节点", "定期", "视情", "适时", "另行通知", "择期", "尽快", "按照", "年", "月", "底", "末",
          "日", "号", "份", "之前"]


def texts(max_pieces: int):
    """Texts joined from PIECES, with tabs and U+3000 as spaces (what scan passes SCAN)."""
    return st.lists(st.sampled_from(PIECES), max_size=max_pieces).map(
        lambda parts: "".join(parts).replace("\t", " ").replace("\u3000", " "))
