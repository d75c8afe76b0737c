"""The HTML review report: data it derives, its charts, self-containedness, the CLI, a real browser."""
from __future__ import annotations

import base64
import json
import os
import re
import select
import subprocess
import tempfile
import time
import zlib
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.api import FileResult
from planlint.cli import cli
from planlint.model import DATE, DURATION, FREQUENCY, VAGUE
from planlint.report import svg
from planlint.report.data import due_date, plan_view
from planlint.report.html import render
from planlint.report.sample import finding, make_plan, make_task, sample_result

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CHROMIUM = "/usr/bin/chromium"
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def small_result() -> FileResult:
    tasks = [
        make_task(1, "做好预算公开。", ["县财政局"], ["县审计局"], deadline="6月底前",
                  resolved=date(2024, 6, 30), headings=["一、重点领域"]),
        make_task(2, HOSTILE, [HOSTILE], deadline="年底前", resolved=date(2024, 12, 31),
                  headings=["一、重点领域"]),
        make_task(3, "推进平台建设。", [], deadline="持续推进", kind=VAGUE, headings=["二、平台"]),
        make_task(4, "按季度更新目录。", ["县政府办公室"], deadline="按季度", kind=FREQUENCY,
                  headings=["二、平台"]),
        make_task(5, "明年完成整合。", ["县政府办公室"], deadline="2025年3月底前",
                  resolved=date(2025, 3, 31), headings=["二、平台"]),
        make_task(6, "开展培训。", ["县政府办公室"], headings=["二、平台"]),
    ]
    plan = make_plan(tasks)
    diags = [finding(tasks[2], "missing-lead", "U001", "error", "任务未写明牵头单位"),
             finding(tasks[2], "vague-deadline", "T002", "warning", "完成时限“持续推进”不明确"),
             finding(tasks[5], "missing-deadline", "T001", "warning", HOSTILE)]
    return FileResult("plan<1>.txt", plan.source, plan, diags)


# --- derived data ---------------------------------------------------------------------------

def test_due_date_is_the_latest_resolved_date_else_the_kind_of_timing():
    assert due_date(small_result().plan.tasks[0]) == (date(2024, 6, 30), DATE)
    assert due_date(small_result().plan.tasks[3]) == (None, FREQUENCY)
    assert due_date(small_result().plan.tasks[5]) == (None, "none")
    task = make_task(9, "x", deadline="20个工作日内", kind=DURATION)
    assert due_date(task) == (None, DURATION)


def test_timeline_buckets_months_of_the_plan_year_and_counts_undated_apart():
    tl = plan_view(1, small_result()).due_months()
    assert tl.year == 2024
    assert tl.months[5] == 1 and tl.months[11] == 1 and sum(tl.months) == 2
    assert (tl.before, tl.after, tl.dated) == (0, 1, 3)
    assert tl.undated == {FREQUENCY: 1, DURATION: 0, VAGUE: 1, "none": 1}


def test_unit_counts_and_findings_are_attached_to_their_tasks():
    view = plan_view(1, small_result())
    assert view.unit_counts("owners")[0] == ("县政府办公室", 3)
    assert view.unit_counts("participants") == [("县审计局", 1)]
    assert [len(t.findings) for t in view.tasks] == [0, 0, 2, 0, 0, 1]
    assert view.tasks[2].worst == "error" and view.tasks[5].worst == "warning"
    assert view.by_severity() == {"error": 1, "warning": 2, "info": 0}


# --- charts ---------------------------------------------------------------------------------

def test_bar_chart_folds_the_tail_into_one_bar_and_escapes_labels():
    rows = [(f"单位{i}", 30 - i) for i in range(20)] + [("<b>", 1)]
    out = svg.bar_chart(rows, "t", limit=15, other="其他 {n} 个")
    assert out.count("<rect") == 15
    assert "其他 7 个" in out and "<b>" not in out
    # The folded total is grey and capped: the largest named unit keeps the full width.
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', out)]
    assert widths[0] == svg.BAR_AREA and widths[-1] == svg.BAR_AREA
    assert widths[1] < svg.BAR_AREA and out.count('class="bar other"') == 1


def test_long_labels_are_clipped_but_kept_whole_in_the_tooltip():
    name = "市" * 60 + "局"
    out = svg.bar_chart([(name, 3)], "t")
    assert f"<title>{name}：3</title>" in out
    assert ">" + name + "<" not in out and "…" in out


# --- the page -------------------------------------------------------------------------------

class TagChecker(HTMLParser):
    VOID = {"meta", "br", "img", "rect", "line", "hr", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.ids, self.links, self.problems = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.problems.append(tag)


def check_page(page: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(page)
    assert checker.problems == [] and checker.stack == []
    assert set(checker.links) <= checker.ids, set(checker.links) - checker.ids
    return checker


def assert_self_contained(page: str):
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert "@import" not in page and "url(" not in page


def test_report_is_self_contained_well_formed_and_links_resolve():
    page = render([small_result()])
    assert_self_contained(page)
    checker = check_page(page)
    assert {"p1-t3", "p1-f1", "p1-f3"} <= checker.ids
    assert "p1-t3" in checker.links and "p1-f2" in checker.links


def test_report_has_charts_task_table_and_highlights_problem_rows():
    page = render([small_result()])
    assert page.count('<svg class="chart"') == 3  # owners, participants, timeline
    assert len(re.findall(r'<tr id="p1-t\d+"', page)) == 6
    assert re.search(r'<tr id="p1-t3" class="sev-error">', page)
    assert re.search(r'<tr id="p1-t6" class="sev-warning">', page)
    assert '<tr id="p1-t1">' in page
    assert "2024-06-30" in page and "一、重点领域" in page
    assert "Noto Sans CJK SC" in page and "@media print" in page


def test_everything_from_the_plan_is_escaped():
    page = render([small_result()])
    assert HOSTILE not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "plan&lt;1&gt;.txt" in page


def test_several_plans_get_an_overview_and_separate_anchors():
    page = render([small_result(), sample_result(20, seed=3, path="b.txt")])
    checker = check_page(page)
    assert 'class="overview"' in page and {"p1", "p2", "p2-t20"} <= checker.ids


def test_english_labels_on_request():
    page = render([small_result()], lang="en")
    assert "Tasks per lead unit" in page and '<html lang="en">' in page
    assert "各牵头" not in page


def test_plan_without_tasks_or_year_still_renders():
    plan = make_plan([], title=None, year=None)
    page = render([FileResult("empty.txt", plan.source, plan, [])])
    check_page(page)
    assert "未识别出任务" in page and "empty.txt" in page


# --- command line ---------------------------------------------------------------------------

@pytest.fixture
def fake_lint(monkeypatch):
    """Feed the commands hand-built results so they are tested apart from the parser."""
    import planlint.cli.run as run
    calls = []

    def lint_all(paths, **kwargs):
        calls.append(list(paths))
        return [small_result() for _ in paths]

    monkeypatch.setattr(run, "lint_all", lint_all)
    return calls


def test_report_command_writes_the_file_atomically(tmp_path, fake_lint):
    plan = tmp_path / "a.txt"
    plan.write_text("x", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(plan), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert fake_lint == [[str(plan)]]
    assert '<table class="tasks">' in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.html"]


@pytest.mark.parametrize("args", [
    ["report", "missing-file.txt", "-o", "r.html"],
    ["report", "{plan}", "-o", "no/such/dir/r.html"],
])
def test_report_errors_are_one_line_and_exit_2(tmp_path, args, monkeypatch):
    plan = tmp_path / "a.txt"
    plan.write_text("1.做好预算公开。（县财政局牵头）\n", encoding="utf-8")
    runner = CliRunner()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = runner.invoke(cli, [a.format(plan=plan) for a in args])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output and "错误" in result.output


# --- real plans through the parser ------------------------------------------------------------

PLAN_TEXT = """某县2024年政务公开工作要点

一、深化重点领域信息公开
1.做好预算决算公开工作，6月底前完成部门预算公开。（县财政局牵头，各乡镇政府配合）
2.推进重大项目信息公开。（县发改委、县发改委负责）
二、加强平台建设
3.持续推进政府网站集约化建设。（相关部门负责）
"""


def lint_text_or_skip(text: str, path: str):
    try:
        from planlint.api import lint_text
        return lint_text(text, path)
    except ImportError as exc:  # the parser is being written alongside
        pytest.skip(f"parser unavailable: {exc}")


def test_report_of_a_parsed_plan_lists_its_tasks():
    result = lint_text_or_skip(PLAN_TEXT, "draft.txt")
    page = render([result])
    assert_self_contained(page)
    check_page(page)
    assert len(re.findall(r'<tr id="p1-t\d+"', page)) == len(result.plan.tasks) == 3
    assert "县财政局" in page and "2024-06-30" in page


CORPUS_PLANS = ["002_*.txt", "000_*.txt"]


def lint_corpus_plan(pattern: str) -> FileResult:
    found = sorted(CORPUS.glob(pattern)) if CORPUS.is_dir() else []
    if not found:
        pytest.skip("corpus not available")
    from planlint.cli.run import lint_one
    try:
        return lint_one(str(found[0]))
    except ImportError as exc:  # the parser is being written alongside
        pytest.skip(f"parser unavailable: {exc}")


@pytest.mark.parametrize("pattern", CORPUS_PLANS)
def test_corpus_plan_report_is_self_contained_with_charts_and_table(pattern):
    result = lint_corpus_plan(pattern)
    assert result.error is None and result.plan.tasks
    page = render([result])
    assert_self_contained(page)
    check_page(page)
    assert page.count('<svg class="chart"') >= 2
    assert len(re.findall(r'<tr id="p1-t\d+"', page)) == len(result.plan.tasks)


# --- headless Chromium ------------------------------------------------------------------------

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class DevTools:
    """Chromium over --remote-debugging-pipe: NUL-separated JSON on the child's fds 3 and 4."""

    def __init__(self, profile: str):
        child_in, self.write_fd = os.pipe()
        self.read_fd, child_out = os.pipe()

        def wire():  # dup first: dup2(fd, fd) would keep close-on-exec set
            r, w = os.dup(child_in), os.dup(child_out)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, close_fds=False)
        os.close(child_in)
        os.close(child_out)
        self.buffer, self.next_id, self.events = b"", 0, []

    def call(self, method, params=None, session=None, timeout=30.0):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self.next_id:
                assert "error" not in reply, reply
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method, session=None, timeout=30.0):
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method and e.get("sessionId") == session
                      for e in self.events):
            self.events.append(self._receive(deadline))

    def _receive(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.read_fd], [], [], left)[0]:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self.read_fd, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except (OSError, TimeoutError, EOFError, AssertionError):
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.read_fd)
        os.close(self.write_fd)


@pytest.fixture(scope="module")
def chromium():
    """One browser for the module's page checks (starting Chromium costs about two seconds)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium not installed")
    with tempfile.TemporaryDirectory() as profile:
        tools = DevTools(profile)
        try:
            yield tools
        finally:
            tools.close()


def open_page(tools: DevTools, path: Path) -> tuple[list[str], bytes]:
    """Console errors, exceptions and failed loads of the page, and a PNG screenshot."""
    target = tools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = tools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log"):
        tools.call(f"{domain}.enable", session=session)
    tools.call("Emulation.setDeviceMetricsOverride", {
        "width": 1200, "height": 1400, "deviceScaleFactor": 1, "mobile": False}, session=session)
    tools.call("Page.navigate", {"url": path.as_uri()}, session=session)
    tools.wait_for("Page.loadEventFired", session)
    # A quarter-scale shot keeps the pure-Python PNG decoding below quick.
    clip = {"x": 0, "y": 0, "width": 1200, "height": 1400, "scale": 0.25}
    shot = tools.call("Page.captureScreenshot", {"format": "png", "clip": clip}, session=session)
    tools.call("Target.closeTarget", {"targetId": target})
    problems = []
    for event in tools.events:
        method, params = event.get("method"), event.get("params", {})
        if event.get("sessionId") != session:
            continue
        if method == "Runtime.exceptionThrown":
            problems.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning"):
            problems.append(json.dumps(params.get("args")))
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            problems.append(params["entry"]["text"])
    return problems, base64.b64decode(shot["data"])


def png_colours(data: bytes) -> tuple[int, float]:
    """Distinct colours and the share of non-white pixels of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        size = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            width, height, depth, ctype = (int.from_bytes(body[0:4], "big"),
                                           int.from_bytes(body[4:8], "big"), body[8], body[9])
            assert depth == 8 and ctype in (2, 6) and body[12] == 0  # no interlace
        elif kind == b"IDAT":
            idat += body
        pos += 12 + size
    bpp = 4 if ctype == 6 else 3
    raw, stride, prev, rows = zlib.decompress(idat), width * bpp, bytearray(width * bpp), []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    pixels = [row[i:i + 3] for row in rows for i in range(0, stride, bpp)]
    white = sum(1 for p in pixels if p == b"\xff\xff\xff")
    return len(set(pixels)), 1 - white / len(pixels)


def check_in_browser(tools: DevTools, page: str, tmp_path: Path):
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    problems, png = open_page(tools, path)
    assert problems == []
    colours, inked = png_colours(png)
    assert colours > 20 and 0.02 < inked < 0.9, (colours, inked)


def test_report_renders_in_chromium_without_errors(chromium, tmp_path):
    check_in_browser(chromium, render([small_result(), sample_result(40, seed=5, path="b.txt")]), tmp_path)


@pytest.mark.parametrize("pattern", CORPUS_PLANS)
def test_corpus_report_renders_in_chromium(chromium, pattern, tmp_path):
    check_in_browser(chromium, render([lint_corpus_plan(pattern)]), tmp_path)


def test_png_reader_sees_a_blank_image_as_blank():
    width, height = 4, 3
    raw = b"".join(b"\x00" + b"\xff" * width * 3 for _ in range(height))
    chunk = lambda kind, body: (len(body).to_bytes(4, "big") + kind + body
                                + zlib.crc32(kind + body).to_bytes(4, "big"))
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\0\0\0")
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    assert png_colours(png) == (1, 0.0)


def test_browser_check_catches_errors_and_blank_pages(chromium, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><body><img src="missing.png">'
                   '<script>console.error("boom")</script></body></html>', encoding="utf-8")
    problems, png = open_page(chromium, bad)
    assert any("boom" in p for p in problems) and any("missing.png" in p or "Failed" in p
                                                       for p in problems)
    assert png_colours(png)[1] < 0.02
