"""parse_source restores the cyclic garbage collector when the parse raises (the pause itself:
tests/test_lint_gc.py)."""
from __future__ import annotations

import gc

import pytest

from planlint import parse as P
from planlint.read.text import source_from_text

TEXT = "一、公开重点\n（一）推进决策公开。县府办牵头，2024年6月底前完成。\n"


def test_collector_is_restored_when_the_parse_raises(restore_gc, monkeypatch):
    gc.enable()

    def boom(lines):
        raise RuntimeError("boom")

    monkeypatch.setattr(P, "classify_lines", boom)
    with pytest.raises(RuntimeError):
        P.parse_source(source_from_text(TEXT, "t.txt"))
    assert gc.isenabled()
