"""Parser cases as data (tests/parse/cases.yaml): each names the task fields it pins."""
from pathlib import Path

import pytest
import yaml

from planlint.api import parse_source
from planlint.read.text import source_from_text

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
FIELDS = {
    "id": lambda t: t.id,
    "line": lambda t: t.line,
    "number": lambda t: t.number,
    "text": lambda t: t.text,
    "owners": lambda t: [u.name for u in t.owners],
    "participants": lambda t: [u.name for u in t.participants],
    "supervisors": lambda t: [u.name for u in t.supervisors],
    "deadline": lambda t: t.deadline.text if t.deadline else None,
    "timing": lambda t: [x.text for x in t.timing],
}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case):
    plan = parse_source(source_from_text(case["text"], "case.txt"))
    got = [{k: FIELDS[k](t) for k in want} for t, want in zip(plan.tasks, case["tasks"])]
    assert len(plan.tasks) == len(case["tasks"]), [(t.line, t.number) for t in plan.tasks]
    assert got == case["tasks"]
