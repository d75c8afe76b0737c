"""One made-up plan written four ways (text, Word table, Word paragraphs, web page) for the tests.

The plan text is invented for planlint's tests. Builders return bytes (.docx) or str (.txt/.html).
"""
from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

TITLE = "某市2019年政务公开重点工作任务分工方案"
INTRO = "为做好全市政务公开工作，现将重点工作任务分工如下。"

# (category, [(text, owners, participants, deadline)])
PLAN = [
    ("一、推进决策和执行公开", [
        ("公开市政府重大决策事项目录，重大决策草案公开征求意见期限不少于30日。",
         "市政府办公室", "市司法局", "2019年6月底前"),
        ("公开重点建设项目批准和实施信息，按季度更新项目进展。",
         "市发展改革委", "市住房城乡建设局、市自然资源局", "每季度"),
        ("公开年度财政预算决算和部门“三公”经费，细化到项级科目。",
         "市财政局", "市直各部门", "预算批复后20个工作日内"),
        ("做好政府工作报告重点任务落实情况公开。", "市政府办公室", "有关部门", "持续推进"),
    ]),
    ("二、加强政策解读和回应关切", [
        ("政策文件与解读材料同步起草、同步审签、同步发布。", "市政府办公室", "市直各部门", "年底前"),
        ("对重要涉企政策开展图解和视频解读，全年不少于10件。",
         "市营商环境局", "市工业和信息化局", "年底前"),
        ("健全政务舆情回应机制，重大突发事件最迟5小时内发布权威信息。",
         "市委宣传部、市政府办公室", "市直各部门", "持续推进"),
        ("办好政府开放日活动，每季度至少举办1次。", "市政府办公室", "各县区政府", "每季度"),
    ]),
    ("三、夯实公开平台和制度基础", [
        ("规范政府网站信息公开专栏，完成栏目标准化改造。",
         "市大数据中心", "市政府办公室", "2019年9月底前"),
        ("规范依申请公开办理流程，答复文书实行法制审核。", "", "市直各部门", "年底前"),
        ("加强政务新媒体管理，每月开展一次检查并通报结果。", "市委网信办", "市大数据中心", "每月"),
        ("开展政务公开业务培训，全年不少于2期。",
         "市政府办公室", "各县区政府、市直各部门、各县区政府", "年底前"),
    ]),
]
HEADER = ["序号", "工作任务", "具体要求", "牵头单位", "配合单位", "完成时限"]


def tasks():
    number = 0
    for category, items in PLAN:
        for text, owners, participants, deadline in items:
            number += 1
            yield number, category, text, owners, participants, deadline


def plan_txt() -> str:
    """Field-line layout (SPEC §1 layout 5)."""
    lines = [TITLE, "", INTRO, ""]
    current = None
    for number, category, text, owners, participants, deadline in tasks():
        if category != current:
            lines.append(category)
            current = category
        lines.append(f"{number}.{text}")
        lines.append(f"牵头单位：{owners}")
        lines.append(f"配合单位：{participants}")
        lines.append(f"完成时限：{deadline}")
    return "\n".join(lines) + "\n"


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def plan_docx_table() -> bytes:
    """A 重点任务分工 table whose 工作任务 column is merged down each category's rows."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(INTRO)
    rows = list(tasks())
    table = document.add_table(rows=len(rows) + 1, cols=len(HEADER))
    for c, name in enumerate(HEADER):
        table.cell(0, c).text = name
    first = {}
    for r, (number, category, text, owners, participants, deadline) in enumerate(rows, start=1):
        first.setdefault(category, r)
        for c, value in ((0, str(number)), (2, text), (3, owners), (4, participants), (5, deadline)):
            table.cell(r, c).text = value
    for category, top in first.items():
        bottom = max(r for r, row in enumerate(rows, start=1) if row[1] == category)
        merged = table.cell(top, 1).merge(table.cell(bottom, 1))
        merged.text = category
    return _save(document)


_ABSTRACT = """<w:abstractNum {ns} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="{restart}"/>
    <w:lvlText w:val="%2."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>"""
_NUM = f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def add_list_numbering(document, continuous: bool = True) -> str:
    """Define a two-level list (一、 then 1.); return its numId.

    ``continuous``: the 1. level keeps counting across headings (``lvlRestart`` 0); otherwise it
    restarts after each 一、 heading, Word's default.
    """
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(_ABSTRACT.format(ns=nsdecls("w"), restart=0 if continuous else 1))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(_NUM))
    return "90"


def number_paragraph(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                         f'<w:numId w:val="{num_id}"/></w:numPr>'))


def plan_docx_paragraphs(hyperlink: bool = True, continuous: bool = True) -> bytes:
    """Headings and tasks numbered by Word's list numbering, field lines as paragraphs."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(INTRO)
    num_id = add_list_numbering(document, continuous)
    current = None
    for number, category, text, owners, participants, deadline in tasks():
        if category != current:
            number_paragraph(document.add_paragraph(category.split("、", 1)[1]), num_id, 0)
            current = category
        paragraph = document.add_paragraph()
        number_paragraph(paragraph, num_id, 1)
        if hyperlink and number == 1:
            head, tail = text[:6], text[6:]
            paragraph.add_run(head)
            add_hyperlink(paragraph, tail, "https://example.gov.cn/")
        else:
            paragraph.add_run(text)
        document.add_paragraph(f"牵头单位：{owners}")
        document.add_paragraph(f"配合单位：{participants}")
        document.add_paragraph(f"完成时限：{deadline}")
    return _save(document)


def add_hyperlink(paragraph, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:t>{text}</w:t>'
                     f'</w:r></w:hyperlink>')
    paragraph._p.append(link)


def plan_html() -> str:
    """A web page: navigation, metadata, a table with a rowspan category column, a comment form."""
    rows = []
    seen = set()
    counts = {c: len(items) for c, items in PLAN}
    for number, category, text, owners, participants, deadline in tasks():
        cat = "" if category in seen else f'<td rowspan="{counts[category]}">{category}</td>'
        seen.add(category)
        rows.append(f"<tr><td>{number}</td>{cat}<td>{text}</td><td>{owners}</td>"
                    f"<td>{participants}</td><td>{deadline}</td></tr>")
    header = "".join(f"<th>{h}</th>" for h in HEADER)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title>
<script>var menu = ["首页", "政务公开"];</script><style>td {{ border: 1px solid; }}</style></head>
<body><nav><ul><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li></ul></nav>
<div class="article"><h1>{TITLE}</h1>
<p>发布时间：2019-03-01 &nbsp; 来源：市政府办公室</p>
<p>{INTRO}</p>
<table border="1"><thead><tr>{header}</tr></thead><tbody>
{"".join(rows)}
</tbody></table></div>
<form action="/comment"><p>我要留言</p><textarea name="c"></textarea><button>提交</button></form>
<footer>主办：某市人民政府办公室</footer></body></html>"""
