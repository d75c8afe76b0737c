"""The compact JSON writer spells exactly what json.dumps gives for the SPEC §3 dicts."""
import json
from pathlib import Path

import pytest

import wordplans
from planlint.api import FileResult, lint_path, lint_source
from planlint.diagnostics import Diagnostic, Edit, Fix
from planlint.errors import PlanlintError
from planlint.model import Location, Span
from planlint.output.json import file_dict, file_json
from planlint.read import read_bytes

EXAMPLES = Path(__file__).parent.parent / "examples"


def _same(result):
    for lang in ("zh", "en"):
        assert file_json(result, lang) == json.dumps(file_dict(result, lang), ensure_ascii=False)


@pytest.mark.parametrize("path", sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")),
                         ids=lambda p: p.name)
def test_examples(path):
    result = lint_path(str(path))
    assert result.plan.tasks and result.diagnostics
    _same(result)


@pytest.mark.parametrize("name, data", [
    ("plan.docx", wordplans.plan_docx_table()),
    ("paragraphs.docx", wordplans.plan_docx_paragraphs()),
    ("plan.html", wordplans.plan_html().encode("utf-8")),
])
def test_structured_sources_carry_locations(name, data):
    result = lint_source(read_bytes(data, name))
    assert any(d.location is not None for d in result.diagnostics)
    assert '"location": {' in file_json(result)
    _same(result)


def test_unreadable_file_and_missing_plan():
    _same(FileResult("broken.txt", error=PlanlintError("无法读取\"x\"", "cannot read \"x\"")))
    _same(FileResult("none.txt"))


def test_odd_values_from_plugins_and_escapes():
    odd = [
        Diagnostic("x", "X001", "info", 'quote " back\\slash \n tab\t \u2028 \x01', Span(1, 2, 3, 4),
                   task="1.2", message_en=None, location=Location(paragraph=3, cell=0)),
        Diagnostic("x", "X002", "info", 42, Span(1, 1, 1, 1), task=7,
                   fix=Fix("d", (Edit(Span(1, 1, 1, 2), "\u3000"),), safe=1)),
        Diagnostic("x", "X003", "info", "m", Span(1, 1, 1, 1),
                   fix=Fix("删除", (Edit(Span(1, 1, 1, 2), ""), Edit(Span(2, 1, 2, 2), "")), safe=False)),
    ]
    _same(FileResult("odd \"path\".txt", diagnostics=odd))
