"""The words and shapes plans are written with: markers, field labels, column headers, roles.

Patterns only; no unit names (SPEC: keep unit dictionaries out of the grammar).
"""
from __future__ import annotations

from planlint.rxcache import rx

CN_DIGITS = "一二三四五六七八九十百零〇两"
_CN = f"[{CN_DIGITS}]+"
# Inside a regex character class. \s already covers U+3000 and NBSP; naming them too would cost a
# 64K-entry character map at compile time (~0.3 ms a class).
WS = "\\s\ufeff"
# The same blanks as a plain string, for str.strip().
BLANKS = " \t\r\n\x0b\x0c\u3000\u00a0\ufeff\u2002\u2003\u200b"

# Leading numbering markers, tried in order on a line with its indentation removed:
# level, style, pattern source (group "num" is the numeral, group 0 the whole marker). Only their
# union MARKER_ANY is compiled: one match call per line instead of five.
MARKERS = [
    (1, "cn-dun", rf"(?P<num>{_CN})[{WS}]*[、，,．.][{WS}]*"),
    (2, "cn-paren", rf"[（(][{WS}]*(?P<num>{_CN})[{WS}]*[）)][{WS}]*"),
    (4, "arabic-paren", rf"[（(][{WS}]*(?P<num>\d{{1,3}})[{WS}]*[）)][{WS}]*"),
    (3, "arabic-dot", rf"(?P<num>\d{{1,3}})[{WS}]*[.．、](?!\d)[{WS}]*"),
    (5, "circled", r"(?P<num>[\u2460-\u2473])\s*"),
]
MARKER_ANY = rx("|".join(
    f"(?P<m{i}>{pattern.replace('(?P<num>', f'(?P<n{i}>')})"
    for i, (_, _, pattern) in enumerate(MARKERS)))
# Markers damaged by extraction: the numeral or the opening bracket lost. "49完善…": digits glued to
# the text; accepted only when the number is the expected next one. Their CJK ranges cost ~1 ms each
# to compile, so these are compiled on first use (``_LAZY`` below).
_DAMAGED = {
    "DAMAGED_H1": r"[、](?=[\u4e00-\u9fff“])",
    "DAMAGED_H2": r"[)）](?=[\u4e00-\u9fff“])",
    "GLUED_NUMBER": r"(?P<num>\d{1,3})(?=[\u4e00-\u9fff“])(?![年月日号个项次万亿元条名人家所台套份批期])",
}
# "1.5月底前完成…": a marker before a digit, accepted only when it is the expected next number
# (otherwise "1.5倍" at a line start would be read as item 1).
DOT_BEFORE_DIGIT = rx(r"(?P<num>\d{1,3})[.．、](?=\d)")
# A table cell holding only a row number (four digits or more only as the next row's number:
# see lines.row_number).
BARE_NUMBER = rx(rf"(?P<num>\d{{1,7}})[.．、]?[{WS}]*$")

# Later markers inside a line: "…落实)2.做好…" — the next sibling after a sentence end.
# (The sentence end is matched, not looked behind for: the engine then skips to candidates fast.)
INLINE_ARABIC = rx(r"[。；;！!？?）)」”](?P<gap>[\s\u3000]*)(?P<num>\d{1,3})[.．、](?!\d)")
INLINE_CN_PAREN = rx(rf"[。；;！!？?](?P<gap>[\s\u3000]*)[（(](?P<num>{_CN})[）)]")

# Field lines: label then a colon.
FIELD_ROLES = {
    "owner": ["牵头落实单位", "牵头单位", "牵头部门", "责任单位", "责任部门", "主责单位", "主办单位",
              "承办单位", "责任科室", "牵头科室", "实施单位", "落实单位", "责任主体",
              "牵头责任单位", "牵头责任部门", "主要责任单位", "责任处室", "牵头处室", "负责单位",
              "负责部门", "负责科室", "整改责任单位", "问题整改责任单位", "整改单位"],
    "participant": ["配合单位", "配合部门", "协办单位", "协助单位", "参与单位", "协同单位", "配合科室",
                    "协同责任单位", "配合责任单位", "协同部门", "参与部门", "配合处室"],
    "supervisor": ["督导考核单位", "督导单位", "督办单位", "考核单位", "督查单位", "监督单位",
                   "督导部门", "督查考核单位"],
    "deadline": ["时限要求", "完成时限", "完成时间", "时间要求", "完成期限", "办结时限", "时间节点",
                 "时间安排", "完成时限要求", "时限", "整改时限", "整改期限", "整改时间"],
    "people": ["责任领导", "分管领导", "牵头领导", "责任人", "联系人", "牵头负责领导", "责任领导人",
               "牵头市领导", "牵头县领导", "牵头区领导", "分管市领导", "分管县领导", "分管区领导"],
}
_LABELS = sorted(((w, r) for r, ws in FIELD_ROLES.items() for w in ws), key=lambda x: -len(x[0]))
LABEL_ROLE = dict(_LABELS)
FIELD = rx(rf"[{WS}]*(?P<label>{'|'.join(w for w, _ in _LABELS)})[{WS}]*[:：][{WS}]*")

# Column headers of flattened tables.
HEADER_ROLES = {
    "number": ["序号", "编号"],
    "category": ["工作任务", "任务类别", "类别", "重点工作", "工作类别", "项目", "领域",
                 "存在问题", "问题", "问题描述", "主要问题", "问题表现", "反馈问题"],
    "text": ["具体要求", "工作要求", "主要内容", "工作内容", "具体任务", "任务内容", "工作措施",
             "具体措施", "重点任务", "任务", "工作事项", "主要任务", "任务要求", "具体工作", "工作任务",
             "整改措施", "整改要求", "整改任务", "整改内容", "民生实事", "实事项目", "项目名称",
             "建设内容"],
    "owner": FIELD_ROLES["owner"] + ["牵头落实部门", "责任单位（部门）"],
    "participant": FIELD_ROLES["participant"],
    "supervisor": FIELD_ROLES["supervisor"],
    "deadline": FIELD_ROLES["deadline"],
    "people": FIELD_ROLES["people"],
    "other": ["备注", "完成情况", "进展情况", "整改目标", "整改成效", "整改情况"],
}
HEADER_WORDS = {w for ws in HEADER_ROLES.values() for w in ws}

# Role words closing a unit clause part; anchored to the part's end by the clause grammar.
ROLE_PHRASE = (r"(?:按照?(?:各自)?职(?:责|能)(?:分工)?|根据职(?:责|能)(?:分工)?)?"
               r"(?:分别|分头|共同|具体|会同|统筹|协同)?"
               r"(?:牵头|负责|落实|配合|参与|协助|协办|组织实施|实施|承办|抓好|指导)"
               r"(?:分别|分头)?(?:牵头|负责|落实|配合|参与|实施)*")
ROLE_AT_END = rx(rf"(?P<role>{ROLE_PHRASE})$")
# Any role word: what makes a list of names a responsibility clause.
ROLE_WORD = rx(r"牵头|负责|落实|配合|参与|协办")
LEAD_ROLE = rx(r"牵头|主责|主办")
HELP_ROLE = rx(r"配合|参与|协助|协办|协同")

# What a unit name ends with. Generous: an open list of organisational nouns, optionally followed by
# 等 / 等部门 …. Plain words, tested with str.endswith (a 90-way regex alternation cost ~1 ms to compile).
UNIT_SUFFIXES = (
    "局", "办", "委", "厅", "部", "院", "所", "中心", "政府", "室", "科", "处", "站", "队", "会", "组",
    "行", "社", "团", "馆", "公司", "集团", "网站", "台", "校", "部门", "单位", "机构", "街道", "乡镇",
    "镇", "乡", "场", "区", "县", "县区", "县市区", "区县", "市", "省", "委员会", "党委", "人大", "政协",
    "法院", "检察院", "海关", "银行", "支行", "分行", "分局", "分中心", "办事处", "联合会", "协会",
    "妇联", "残联", "工会", "团委", "管委会", "园区", "开发区", "示范区", "新区", "公安", "指挥部",
    "小组", "企业", "学校", "医院", "平台", "专班")
_ETC = ("", "等", "等部门", "等单位", "等科室", "等机构")


def ends_like_unit(name: str) -> bool:
    """Whether ``name`` ends with an organisational noun, optionally followed by 等(部门|单位…)."""
    return any(name.endswith(etc) and name[:len(name) - len(etc)].endswith(UNIT_SUFFIXES)
               for etc in _ETC)


# Short words that are not units even when they end like one (镇 in 城镇, 区 in 社区 …).
NOT_UNIT = frozenset(("城镇", "社区", "地区", "农村", "城乡", "全市", "全县", "全区", "全省", "本市",
                      "本县", "本区", "辖区", "景区", "园区"))

# Web-page and document noise: never tasks. Most plans have none, so these are compiled on first use
# (see __getattr__ at the end), like the damaged markers.
_LAZY = {
    **_DAMAGED,
    "BOILERPLATE":
        r"^(?:发布时间|发布日期|信息来源|来源[:：]|文字大小|字体[:：]|字号|背景色|浏览次数|访问次数|阅读次数|"
        r"点击数|打印本页|关闭窗口|【打印】|【关闭】|分享到|扫一扫|责任编辑|编辑[:：]|索引号|主题分类|"
        r"发文机关|成文日期|发布机构|发文字号|相关链接|上一篇|下一篇|当前位置|您当前的位置|网站地图|"
        r"版权所有|主办[:：]|承办[:：]|网站标识码|ICP备|\[\s*打印|\[\s*关闭)",
    "FORM_FIELD":
        rf"^[•·●\-*]?[{WS}]*\*?[{WS}]*(?:姓[{WS}]*名|联系方式|联系电话|电子邮箱|"
        rf"内[{WS}]*容|验[{WS}]*证[{WS}]*码|标[{WS}]*题|手[{WS}]*机)[{WS}]*[:：]",
}


def _literal_prefix(alternative: str) -> str:
    """The plain characters a regex alternative starts with (escaped punctuation unescaped), up to
    its first class, group or other special character; without a character a quantifier follows."""
    out, i = "", 0
    while i < len(alternative):
        ch = alternative[i]
        if ch == "\\" and i + 1 < len(alternative) and not alternative[i + 1].isalnum():
            ch, step = alternative[i + 1], 2
        elif ch in "\\[]().^$|":
            break
        else:
            step = 1
        if alternative[i + step:i + step + 1] in ("*", "?", "{"):
            break
        out += ch
        i += step
    return out


# What a BOILERPLATE match starts with: the literal start of one of its alternatives.
assert _LAZY["BOILERPLATE"].startswith("^(?:") and _LAZY["BOILERPLATE"].endswith(")")
BOILERPLATE_STARTS = tuple(_literal_prefix(a) for a in _LAZY["BOILERPLATE"][4:-1].split("|"))
assert all(BOILERPLATE_STARTS)
# What a FORM_FIELD match starts with: an optional bullet or blanks, else the first character
# of one of its words.
FORM_FIELD_FIRST = "•·●-*姓联内验标手电"

COMMENT_FORM_START = rx(r"请您.{0,20}(?:意见|建议)|(?:意见|建议).{0,10}(?:征集|反馈)表|我要留言|发表评论")

# Plan kinds, for finding the title.
# (and their traditional forms: plans are published in both scripts)
TITLE_WORDS = rx(r"要点|方案|分工|办法|计划|清单|安排|意见|措施|任务|分解|规划|细则|台账|"
                 r"要點|辦法|計劃|清單|意見|任務|規劃|細則|臺賬")
DRAFT_WORDS = rx(r"征求意见稿|送审稿|讨论稿|草案|初稿|修改稿|代拟稿")

# Sections that state aims, not work: their items are not tasks.
AIMS = rx(r"指导思想|主要目标|总体要求|工作目标|基本原则|总体目标|工作原则|目标要求|总体思路|"
                  r"适用范围|编制依据|目标任务$")

# Cheap pre-check: a clause ends some part with an organisational noun or a role word.
# (The one-character nouns as a class: the same matches as spelling each as an alternative, which
# cost ~0.7 ms more to compile.)
UNITISH = rx(r"(?:[局办委厅部院所室科处站队会组行社馆门位构区县镇乡场联关司团校台班道]|中心|政府|网站|"
                     r"牵头|负责|落实|配合)(?:[、，,；;。]|$)")
# UNITISH's words, the one-character and the two-character ones (lines.py tests text ends by them).
UNITISH_ONE = "局办委厅部院所室科处站队会组行社馆门位构区县镇乡场联关司团校台班道"
UNITISH_TWO = ("中心", "政府", "网站", "牵头", "负责", "落实", "配合")
assert UNITISH.pattern == (f"(?:[{UNITISH_ONE}]|{'|'.join(UNITISH_TWO)})(?:[、，,；;。]|$)")


def __getattr__(name: str):
    """Compile a pattern of ``_LAZY`` on first use (PEP 562); later lookups find the global."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    pattern = globals()[name] = rx(_LAZY[name])
    return pattern
