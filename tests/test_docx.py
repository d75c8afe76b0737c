"""The .docx reader: text view of paragraphs and tables, locations, numbering, hostile files."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import wordplans
from planlint.errors import ReadError
from planlint.model import Location
from planlint.read import read_bytes
from planlint.read.docx import read_docx
from planlint.word.numbering import chinese, format_number

DATA = Path(__file__).parent / "data" / "word"


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _texts(data: bytes) -> list[str]:
    return [line.text for line in read_docx(data, "t.docx").lines]


def test_table_view_has_header_category_headings_and_pipe_rows():
    source = read_bytes(wordplans.plan_docx_table(), "plan.docx")
    assert source.kind == "docx"
    texts = [line.text for line in source.lines]
    assert texts[:5] == [
        wordplans.TITLE,
        wordplans.INTRO,
        "| 序号 | 具体要求 | 牵头单位 | 配合单位 | 完成时限 |",
        "一、推进决策和执行公开",
        "| 1 | 公开市政府重大决策事项目录，重大决策草案公开征求意见期限不少于30日。 | 市政府办公室 | "
        "市司法局 | 2019年6月底前 |",
    ]
    # the merged category cell becomes a heading once per category, not once per row
    assert [t for t in texts if t.endswith(("公开", "关切", "基础")) and "|" not in t] == [
        "一、推进决策和执行公开", "二、加强政策解读和回应关切", "三、夯实公开平台和制度基础"]
    assert sum(1 for t in texts if t.startswith("| ") and t[2].isdigit()) == 12
    assert source.lines[0].location == Location(paragraph=0)
    assert source.lines[2].location == Location(table=0, row=0)
    assert source.lines[3].location == Location(table=0, row=1, cell=1)
    assert source.lines[4].location == Location(table=0, row=1)


def test_merged_cells_read_once_and_full_width_row_is_a_heading():
    document = docx.Document()
    table = document.add_table(rows=5, cols=4)
    for c, name in enumerate(["序号", "工作任务", "牵头单位", "完成时限"]):
        table.cell(0, c).text = name
    table.cell(1, 0).merge(table.cell(1, 3)).text = "一、加强平台建设"
    for r in (2, 3, 4):
        table.cell(r, 0).text = str(r - 1)
        table.cell(r, 1).text = f"做好第{r - 1}项。"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "县府办"  # merged down two rows
    table.cell(4, 2).merge(table.cell(4, 3)).text = "县财政局"  # merged across two columns
    table.cell(2, 3).text = "年底前"
    table.cell(3, 3).text = "6月底前"
    assert _texts(_save(document)) == [
        "| 序号 | 工作任务 | 牵头单位 | 完成时限 |",
        "一、加强平台建设",
        "| 1 | 做好第1项。 | 县府办 | 年底前 |",
        "| 2 | 做好第2项。 | 县府办 | 6月底前 |",
        "| 3 | 做好第3项。 | 县财政局 |  |",
    ]


def test_cell_paragraphs_join_with_spaces_and_pipes_are_escaped():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for c, name in enumerate(["序号", "具体要求", "责任单位"]):
        table.cell(0, c).text = name
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "第一段|内容"
    table.cell(1, 1).add_paragraph("第二段")
    table.cell(1, 2).text = "县府办"
    assert _texts(_save(document))[1] == "| 1 | 第一段｜内容 第二段 | 县府办 |"


def test_automatic_numbering_restarts_under_each_heading_by_default():
    texts = _texts(wordplans.plan_docx_paragraphs(continuous=False))
    labels = [t.split("、")[0] + "、" if "、" in t[:3] else t.split(".")[0] + "."
              for t in texts if t[:1] in "一二三" or t[:1].isdigit()]
    assert labels == ["一、", "1.", "2.", "3.", "4.", "二、", "1.", "2.", "3.", "4.",
                      "三、", "1.", "2.", "3.", "4."]


def test_continuous_numbering_and_hyperlink_text():
    texts = _texts(wordplans.plan_docx_paragraphs(continuous=True))
    assert texts[2] == "一、推进决策和执行公开"
    assert texts[3] == "1.公开市政府重大决策事项目录，重大决策草案公开征求意见期限不少于30日。"  # half in a link
    assert "12.开展政务公开业务培训，全年不少于2期。" in texts


def test_deleted_text_is_left_out_and_inserted_text_kept():
    document = docx.Document()
    paragraph = document.add_paragraph("做好")
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>删掉的</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>新增的</w:t></w:r></w:ins>'))
    paragraph.add_run("工作。")
    assert _texts(_save(document)) == ["做好新增的工作。"]


def test_soft_line_break_starts_a_new_line_of_the_same_paragraph():
    document = docx.Document()
    document.add_paragraph("甲")
    run = document.add_paragraph().add_run("1.做好年报。")
    run.add_break()
    run.add_text("责任单位：县府办")
    source = read_docx(_save(document), "t.docx")
    assert [(l.text, l.location.paragraph) for l in source.lines] == [
        ("甲", 0), ("1.做好年报。", 1), ("责任单位：县府办", 1)]


@pytest.mark.parametrize("n, fmt, expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (21, "chineseCountingThousand", "二十一"), (105, "chineseCounting", "一百零五"),
    (3, "decimal", "3"), (2, "decimalEnclosedCircle", "②"), (4, "upperRoman", "IV"),
    (3, "ideographTraditional", "丙"), (1, "bullet", ""),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_numerals_up_to_hundreds():
    assert [chinese(n) for n in (9, 15, 20, 99, 110, 119)] == ["九", "十五", "二十", "九十九",
                                                              "一百一十", "一百一十九"]


# -- hostile input ---------------------------------------------------------------------------

def _refused(data: bytes, monkeypatch=None) -> str:
    if monkeypatch is not None:  # the archive must be refused before python-docx opens it
        monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("python-docx opened it"))
    with pytest.raises(ReadError) as info:
        read_bytes(data, "bad.docx")
    message = info.value.text()
    assert "\n" not in message and message.startswith("bad.docx：")
    return message


def test_truncated_docx(monkeypatch):
    data = wordplans.plan_docx_table()
    assert "损坏" in _refused(data[: len(data) // 2], monkeypatch)


def test_encrypted_ole_docx(monkeypatch):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"EncryptedPackage" * 8
    assert "加密" in _refused(ole, monkeypatch)


def test_old_binary_doc_is_refused():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
    with pytest.raises(ReadError, match=r"\.doc"):
        read_bytes(ole, "old.doc")


@pytest.mark.parametrize("name", ["bomb.docx", "bomb-deflate.docx"])
def test_zip_bomb_refused_from_declared_sizes(name, monkeypatch):
    data = (DATA / name).read_bytes()
    assert len(data) < 400_000
    assert sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist()) > 300 * 2**20
    assert "压缩炸弹" in _refused(data, monkeypatch)


def test_zip_that_is_not_a_word_document(monkeypatch):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "不是 Word" in _refused(out.getvalue(), monkeypatch)


def test_damaged_document_part_is_one_clear_error():
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(wordplans.plan_docx_table())) as src, \
            zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data[:200] if info.filename == "word/document.xml" else data)
    assert "无法读取" in _refused(out.getvalue())


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(wordplans.plan_docx_table())) as src, \
            zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                head, body = data.split(b"?>", 1)
                doctype = f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'.encode()
                data = head + b"?>" + doctype + body.replace(b"<w:t>", b"<w:t>&x;", 1)
            dst.writestr(info, data)
    try:
        source = read_bytes(out.getvalue(), "xxe.docx")
    except ReadError:
        return  # refusing the file is fine too
    assert not any("TOPSECRET" in line.text for line in source.lines)


def test_cli_exit_2_with_one_line_for_bad_files(tmp_path):
    cases = {"truncated.docx": wordplans.plan_docx_table()[:3000],
             "bomb.docx": (DATA / "bomb.docx").read_bytes()}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        proc = subprocess.run([sys.executable, "-m", "planlint", "check", str(path)],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, (name, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr, name


def test_directory_check_picks_up_docx_and_html(tmp_path):
    (tmp_path / "a.docx").write_bytes(wordplans.plan_docx_table())
    (tmp_path / "b.html").write_text(wordplans.plan_html(), encoding="utf-8")
    (tmp_path / "~$a.docx").write_bytes(b"lock file")
    proc = subprocess.run([sys.executable, "-m", "planlint", "check", "--format", "json",
                           str(tmp_path)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 1, proc.stderr
    files = json.loads(proc.stdout)["files"]
    assert sorted(Path(f["path"]).name for f in files) == ["a.docx", "b.html"]
    located = [d for f in files for d in f["diagnostics"] if "location" in d]
    assert located and all(d["location"].get("table") == 0 for d in located
                           if d["rule"] == "duplicate-unit")


# -- the bar: one plan, four layouts, the same tasks ------------------------------------------

def _tasks(source):
    from planlint.api import lint_source
    plan = lint_source(source).plan
    return [(t.number.rstrip("."), tuple(u.name for u in t.owners),
             tuple(u.name for u in t.participants), t.deadline.text if t.deadline else None)
            for t in plan.tasks]


def test_same_plan_as_text_word_table_word_paragraphs_and_web_page():
    from planlint.read.html import read_html
    from planlint.read.text import source_from_text

    expected = [(str(n), tuple(o.split("、")) if o else (), tuple(p.split("、")), d)
                for n, _, _, o, p, d in wordplans.tasks()]
    layouts = {
        "txt": source_from_text(wordplans.plan_txt(), "plan.txt"),
        "docx-table": read_docx(wordplans.plan_docx_table(), "table.docx"),
        "docx-paragraphs": read_docx(wordplans.plan_docx_paragraphs(), "paragraphs.docx"),
        "html-table": read_html(wordplans.plan_html(), "plan.html"),
    }
    for name, source in layouts.items():
        got = _tasks(source)
        same = sum(1 for a, b in zip(got, expected) if a == b)
        differences = [(a, b) for a, b in zip(got, expected) if a != b]
        assert len(got) == len(expected) and same >= 0.95 * len(expected), (
            f"{name}: {same}/{len(expected)} tasks identical (parser or reader?); "
            f"got {len(got)} tasks; differences (got, expected): {differences}")


def test_two_row_header_is_combined():
    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    top = ["序号", "工作任务", "责任单位", "责任单位", "完成时限"]
    for c, name in enumerate(top):
        if c != 3:
            table.cell(0, c).text = name
    table.cell(0, 2).merge(table.cell(0, 3))
    for c in (0, 1, 4):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(1, 2).text = "牵头单位"
    table.cell(1, 3).text = "配合单位"
    for c, value in enumerate(["1", "做好年报。", "县府办", "县财政局", "年底前"]):
        table.cell(2, c).text = value
    assert _texts(_save(document)) == [
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
        "| 1 | 做好年报。 | 县府办 | 县财政局 | 年底前 |",
    ]


def test_headerless_table_continues_the_previous_one():
    document = docx.Document()
    for part, (category, numbers) in enumerate([("一、推进公开", (1, 2)), ("二、加强解读", (3, 4))]):
        table = document.add_table(rows=len(numbers) + (part == 0), cols=5)
        top = 0
        if part == 0:
            for c, name in enumerate(["序号", "工作任务", "具体要求", "牵头单位", "完成时限"]):
                table.cell(0, c).text = name
            top = 1
        for r, n in enumerate(numbers, start=top):
            for c, value in ((0, str(n)), (2, f"做好第{n}项。"), (3, "县府办"), (4, "年底前")):
                table.cell(r, c).text = value
        table.cell(top, 1).merge(table.cell(len(table.rows) - 1, 1)).text = category
        document.add_paragraph("")
    source = read_docx(_save(document), "t.docx")
    assert [line.text for line in source.lines] == [
        "| 序号 | 具体要求 | 牵头单位 | 完成时限 |",
        "一、推进公开",
        "| 1 | 做好第1项。 | 县府办 | 年底前 |",
        "| 2 | 做好第2项。 | 县府办 | 年底前 |",
        "",
        "二、加强解读",
        "| 3 | 做好第3项。 | 县府办 | 年底前 |",
        "| 4 | 做好第4项。 | 县府办 | 年底前 |",
        "",
    ]
    assert source.lines[6].location == Location(table=1, row=0)


def test_damaged_bytes_give_a_source_or_a_read_error_never_a_crash():
    import random

    data = wordplans.plan_docx_table()
    rng = random.Random(5)
    outcomes = set()
    for _ in range(60):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            read_bytes(bytes(damaged), "fuzz.docx")
            outcomes.add("read")
        except ReadError as exc:
            assert "\n" not in exc.text()
            outcomes.add("refused")
    assert "refused" in outcomes
