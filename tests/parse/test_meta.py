"""Plan metadata cases as data (tests/parse/meta_cases.yaml): title and year from the front
matter."""
from pathlib import Path

import pytest
import yaml

from planlint.api import parse_source
from planlint.read.text import source_from_text

CASES = yaml.safe_load((Path(__file__).parent / "meta_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_meta(case):
    plan = parse_source(source_from_text(case["text"], "case.txt"))
    assert (plan.title, plan.year) == (case["title"], case["year"])
