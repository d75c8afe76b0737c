"""The .html reader: page noise dropped, tables expanded into the grid, blocks and <br> as lines."""
from __future__ import annotations

import wordplans
from planlint.model import Location
from planlint.read import read_bytes
from planlint.read.html import read_html


def _texts(html: str) -> list[str]:
    return [line.text for line in read_html(html, "p.html").lines]


def test_page_noise_is_dropped_and_table_becomes_pipe_rows():
    source = read_html(wordplans.plan_html(), "plan.html")
    texts = [line.text for line in source.lines]
    assert source.kind == "html"
    assert texts[:5] == [
        wordplans.TITLE,
        "发布时间：2019-03-01 \xa0 来源：市政府办公室",  # a metadata line: the parser's boilerplate
        wordplans.INTRO,
        "| 序号 | 具体要求 | 牵头单位 | 配合单位 | 完成时限 |",
        "一、推进决策和执行公开",
    ]
    joined = "\n".join(texts)
    for noise in ("首页", "var menu", "border", "我要留言", "提交", "主办"):
        assert noise not in joined, noise
    assert sum(1 for t in texts if t.startswith("| ") and t[2].isdigit()) == 12
    assert source.lines[3].location == Location(table=0, row=0)
    assert source.lines[4].location == Location(table=0, row=1, cell=1)


def test_rowspan_and_colspan_expand_into_the_grid():
    html = """<table>
      <tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
      <tr><td colspan="5">一、加强平台建设</td></tr>
      <tr><td>1</td><td>做好<b>年报</b>发布。</td><td rowspan="2">县府办</td><td>县财政局</td>
          <td>年底前</td></tr>
      <tr><td>2</td><td>更新目录。</td><td colspan="2">每季度</td></tr>
    </table>"""
    assert _texts(html) == [
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
        "一、加强平台建设",
        "| 1 | 做好年报发布。 | 县府办 | 县财政局 | 年底前 |",
        "| 2 | 更新目录。 | 县府办 | 每季度 |  |",
    ]


def test_br_and_blocks_end_lines_and_whitespace_collapses():
    html = "<body><p>一、总体要求<br/>（一）做好\n   公开工作。</p><div>1.按月公开。<span>（县府办负责）</span></div></body>"
    assert _texts(html) == ["一、总体要求", "（一）做好 公开工作。", "1.按月公开。（县府办负责）"]


def test_layout_table_is_read_as_blocks_and_inner_table_as_grid():
    html = """<table><tr><td><p>某县2018年政务公开工作要点</p>
      <table><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>
             <tr><td>1</td><td>做好年报。</td><td>县府办</td></tr></table>
      <p>附件：联系人名单</p></td></tr></table>"""
    source = read_html(html, "p.html")
    assert [l.text for l in source.lines] == [
        "某县2018年政务公开工作要点",
        "| 序号 | 工作任务 | 责任单位 |",
        "| 1 | 做好年报。 | 县府办 |",
        "附件：联系人名单",
    ]
    assert source.lines[2].location == Location(table=0, row=1)
    assert source.lines[3].location == Location(paragraph=1)


def test_one_column_table_is_read_as_lines():
    html = "<table><tr><td>一、推进公开</td></tr><tr><td>1.做好年报。<br>县府办负责</td></tr></table>"
    assert _texts(html) == ["一、推进公开", "1.做好年报。", "县府办负责"]


def test_hidden_and_navigation_classes_are_dropped():
    html = """<div class="breadcrumb">首页 &gt; 政务公开</div><div style="display:none">隐藏</div>
      <ul class="nav-menu"><li>机构</li></ul><div class="content"><p>正文</p></div>
      <div id="share-bar">分享到</div><!-- 注释 --><p hidden>也隐藏</p>"""
    assert _texts(html) == ["正文"]


def test_article_header_keeps_the_title():
    html = "<header>网站名称</header><article><header><h1>某市2019年工作要点</h1></header><p>正文</p></article>"
    assert _texts(html) == ["某市2019年工作要点", "正文"]


def test_gbk_page_read_through_read_bytes():
    page = "<html><head><meta charset='gbk'></head><body><p>一、推进公开</p><p>1.做好年报。</p></body></html>"
    source = read_bytes(page.encode("gbk"), "p.html")
    assert [l.text for l in source.lines] == ["一、推进公开", "1.做好年报。"]
    assert source.encoding == "gb18030"


def test_xml_declaration_and_empty_page_do_not_crash():
    assert _texts('<?xml version="1.0" encoding="utf-8"?><html><body><p>正文</p></body></html>') == ["正文"]
    assert _texts("") == []
    assert _texts("<html><body>   </body></html>") == []


def test_entities_are_decoded_and_not_fetched():
    html = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>A&amp;B&nbsp;C &x;</p>'
    texts = _texts(html)
    assert "A&B\xa0C &x;" in texts  # the HTML parser knows no DTD: the reference stays as text
    assert "root:" not in "".join(texts)


def test_title_row_above_the_header():
    html = """<table><tr><td colspan="3">附件：重点任务分工表</td></tr>
      <tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr>
      <tr><td>1</td><td>做好年报。</td><td>县府办</td></tr></table>"""
    source = read_html(html, "p.html")
    assert [l.text for l in source.lines] == [
        "附件：重点任务分工表", "| 序号 | 工作任务 | 责任单位 |", "| 1 | 做好年报。 | 县府办 |"]
    assert source.lines[1].location == Location(table=0, row=1)


def test_single_level_layout_table_with_an_article_in_a_cell_is_read_as_blocks():
    article = "".join(f"<p>{n}.做好第{n}项工作。</p>" for n in range(1, 11))
    html = f"<table><tr><td>栏目导航</td><td>{article}</td></tr><tr><td>a</td><td>b</td></tr></table>"
    texts = _texts(html)
    assert texts[:3] == ["栏目导航", "1.做好第1项工作。", "2.做好第2项工作。"]
    assert not any("|" in t for t in texts)
