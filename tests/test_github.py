"""GitHub workflow commands: every line parses back to the finding it came from."""
from __future__ import annotations

import re
from urllib.parse import unquote

from planlint.api import FileResult
from planlint.diagnostics import Diagnostic
from planlint.errors import ReadError
from planlint.model import Span
from planlint.output import OutputOptions, render
from planlint.output.github import escape_property
from tests.test_baseline import TASKS, TEXT, hand_result

LINE = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def parse(line: str) -> tuple[str, dict, str]:
    match = LINE.match(line)
    assert match, line
    level, fields, message = match.groups()
    props = dict(f.split("=", 1) for f in fields.split(","))
    return level, {k: unquote(v) for k, v in props.items()}, unquote(message)


def test_lines_parse_back():
    result = hand_result(TEXT, TASKS, [("missing-deadline", 2, 1, 16)], path="./a,b:c.txt")
    result.diagnostics.append(Diagnostic("vague-unit", "U003", "warning",
                                         "100% 不明确：\n第二行\r", Span(3, 2, 3, 5), "1.2"))
    result.diagnostics.append(Diagnostic("x", "X001", "info", "提示", Span(1, 1, 1, 2)))
    out = render("github", [result, FileResult("gone.txt", error=ReadError("没有"))],
                 OutputOptions()).splitlines()
    assert len(out) == 4
    level, props, message = parse(out[1])
    assert level == "warning" and message == "100% 不明确：\n第二行\r"
    assert props == {"file": "a,b:c.txt", "line": "3", "col": "2", "endLine": "3",
                     "endColumn": "5", "title": "planlint vague-unit (U003)"}
    assert parse(out[0])[0] == "error" and parse(out[2])[0] == "notice"
    assert parse(out[3]) == ("error", {"file": "gone.txt", "title": "planlint"}, "没有")


def test_property_escaping():
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_junit_counts_failures_and_errors():
    from xml.etree import ElementTree as ET
    result = hand_result(TEXT, TASKS, [("missing-deadline", 2, 1, 16), ("duplicate-unit", 2, 12, 14)])
    clean = hand_result(TEXT, TASKS, [], path="clean.txt")
    xml = render("junit", [result, clean, FileResult("gone.txt", error=ReadError("没有"))],
                 OutputOptions())
    root = ET.fromstring(xml.split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["plan.txt", "clean.txt", "gone.txt"]
    failure = suites[0].find("testcase/failure")
    assert failure.get("type") == "missing-deadline" and "plan.txt:2:1" in failure.text
    assert suites[1].find("testcase/failure") is None
