"""The task ledger (台账): rows, CSV with BOM, xlsx layout, the export command, a corpus plan."""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from planlint.api import FileResult
from planlint.cli import cli
from planlint.model import FREQUENCY, VAGUE
from planlint.report import ledger
from planlint.report.sample import finding, make_plan, make_task, sample_result

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
HEADER = ["序号", "所属部分", "任务", "牵头单位", "配合单位", "督导单位", "完成时限（原文）",
          "完成时限（解析）", "问题"]


def result(path: str = "a.txt") -> FileResult:
    tasks = [
        make_task(1, "做好预算公开。", ["县财政局", "县审计局"], ["各乡镇政府"], ["县政府办公室"],
                  "6月底前", date(2024, 6, 30), headings=["一、重点领域", "（一）财政信息"]),
        make_task(2, "=SUM(A1:A2) 按季度更新目录。", [], deadline="按季度", kind=FREQUENCY,
                  headings=["二、平台"]),
        make_task(3, "推进平台建设。", ["县数据资源局"], deadline="持续推进", kind=VAGUE,
                  headings=["二、平台"]),
    ]
    plan = make_plan(tasks, path=path)
    diags = [finding(tasks[1], "missing-lead", "U001", "error", "任务未写明牵头单位"),
             finding(tasks[2], "vague-deadline", "T002", "warning", "完成时限“持续推进”不明确"),
             finding(tasks[1], "vague-deadline", "T002", "warning", "完成时限不明确")]
    return FileResult(path, plan.source, plan, diags)


def test_one_row_per_task_with_the_ledger_columns():
    keys, head, body = ledger.rows([result()])
    assert head == HEADER and len(body) == 3
    assert body[0] == ["1", "一、重点领域 / （一）财政信息", "做好预算公开。", "县财政局、县审计局",
                       "各乡镇政府", "县政府办公室", "6月底前", "2024-06-30", ""]
    assert body[1][3] == "" and body[1][7] == "周期性"
    assert body[1][8].splitlines() == ["[错误] 任务未写明牵头单位（missing-lead）",
                                       "[警告] 完成时限不明确（vague-deadline）"]
    assert body[2][6:8] == ["持续推进", "不明确"]


def test_several_files_make_one_ledger_with_a_file_column():
    keys, head, body = ledger.rows([result("a.txt"), sample_result(5, path="b.txt")])
    assert head == ["文件"] + HEADER and keys[0] == "file"
    assert [row[0] for row in body] == ["a.txt"] * 3 + ["b.txt"] * 5
    assert [row[1] for row in body] == ["1", "2", "3", "1", "2", "3", "4", "5"]


def test_english_headers_on_request():
    _, head, body = ledger.rows([result()], lang="en")
    assert head[0] == "No." and head[3] == "Lead units"
    assert body[1][8].startswith("[error] ")


def test_csv_has_a_bom_and_reads_back_row_for_row():
    _, head, body = ledger.rows([result()])
    data = ledger.to_csv(head, body)
    assert data.startswith(b"\xef\xbb\xbf")
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert back[0] == HEADER and len(back) == 4
    assert back[1] == body[0] and back[2][8] == body[1][8]
    assert back[2][2] == "'" + body[1][2]  # a formula-looking cell stays text in Excel


def test_xlsx_has_bold_header_frozen_panes_widths_and_wrapped_text():
    keys, head, body = ledger.rows([result()])
    book = load_workbook(io.BytesIO(ledger.to_xlsx(keys, head, body)))
    sheet = book.active
    assert [c.value for c in sheet[1]] == HEADER and sheet.max_row == 4
    assert all(c.font.bold for c in sheet[1]) and not sheet["C2"].font.bold
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["C"].width == ledger.WIDTHS["task"]
    assert sheet["C2"].alignment.wrap_text and sheet["I3"].alignment.wrap_text
    assert sheet["A3"].value == 2
    assert sheet["C3"].value == body[1][2] and sheet["C3"].data_type == "s"


def test_xlsx_with_a_file_column_freezes_it_too():
    keys, head, body = ledger.rows([result("a.txt"), result("b.txt")])
    sheet = load_workbook(io.BytesIO(ledger.to_xlsx(keys, head, body))).active
    assert sheet.freeze_panes == "C2" and sheet["A7"].value == "b.txt"


# --- command line ---------------------------------------------------------------------------

@pytest.fixture
def fake_lint(monkeypatch):
    """Feed the command hand-built results so it is tested apart from the parser."""
    import planlint.cli.run as run
    monkeypatch.setattr(run, "lint_all", lambda paths, **kw: [result(p) for p in paths])


@pytest.fixture
def plans(tmp_path):
    paths = []
    for name in ("a.txt", "b.txt"):
        path = tmp_path / name
        path.write_text("1.做好预算公开。（县财政局牵头）\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("name, fmt", [("l.xlsx", None), ("l.csv", None), ("l.dat", "xlsx"),
                                       ("l.dat", None)])
def test_export_picks_the_format_and_writes_atomically(tmp_path, plans, fake_lint, name, fmt):
    out = tmp_path / name
    args = ["export", plans[0], "-o", str(out)] + (["--format", fmt] if fmt else [])
    run = CliRunner().invoke(cli, args)
    assert run.exit_code == 0, run.output
    data = out.read_bytes()
    if name.endswith(".xlsx") or fmt == "xlsx":
        assert data[:2] == b"PK" and load_workbook(io.BytesIO(data)).active.max_row == 4
    else:
        assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") >= 4
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".planlint-")]


def test_export_of_several_files_and_to_stdout(plans, fake_lint):
    run = CliRunner().invoke(cli, ["export", *plans, "--format", "csv", "-o", "-"])
    assert run.exit_code == 0
    lines = run.stdout_bytes.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("文件,序号,所属部分") and len(lines) >= 7


@pytest.mark.parametrize("args", [
    ["export", "missing-file.txt", "-o", "l.csv"],
    ["export", "{plan}", "-o", "no/such/dir/l.xlsx"],
    ["export", "{plan}", "--format", "pdf", "-o", "l.pdf"],
])
def test_export_errors_are_one_line_and_exit_2(tmp_path, plans, args, monkeypatch):
    runner = CliRunner()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    run = runner.invoke(cli, [a.format(plan=plans[0]) for a in args])
    assert not Path("l.csv").exists()
    assert run.exit_code == 2
    assert "Traceback" not in run.output
    assert len([line for line in run.output.splitlines() if line.strip()]) <= 3


def test_export_of_a_read_error_is_exactly_one_line(tmp_path):
    run = CliRunner().invoke(cli, ["export", str(tmp_path / "none.txt"), "-o",
                                   str(tmp_path / "l.csv")])
    assert run.exit_code == 2 and len(run.output.strip().splitlines()) == 1
    assert not (tmp_path / "l.csv").exists()


# --- the 28-task corpus plan ------------------------------------------------------------------

def test_corpus_table_plan_ledger_has_28_rows_with_leads_and_deadlines(tmp_path):
    found = sorted(CORPUS.glob("002_*.txt")) if CORPUS.is_dir() else []
    if not found:
        pytest.skip("corpus not available")
    out = tmp_path / "ledger.xlsx"
    run = CliRunner().invoke(cli, ["export", str(found[0]), "-o", str(out)])
    assert run.exit_code == 0, run.output
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    head, body = list(rows[0]), rows[1:]
    assert head == HEADER and len(body) == 28
    assert [r[0] for r in body] == list(range(1, 29))
    lead, written = head.index("牵头单位"), head.index("完成时限（原文）")
    assert all(r[lead] for r in body) and all(r[written] for r in body)
    resolved = head.index("完成时限（解析）")
    assert sum(1 for r in body if r[resolved] == "2021-12-31") >= 20
