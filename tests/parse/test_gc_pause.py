"""parse_source pauses the cyclic garbage collector and leaves it as it found it."""
from __future__ import annotations

import gc

import pytest

from planlint import parse as P
from planlint.read.text import source_from_text

TEXT = "一、公开重点\n（一）推进决策公开。县府办牵头，2024年6月底前完成。\n"


@pytest.fixture
def restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_state_is_kept(restore_gc, enabled, monkeypatch):
    (gc.enable if enabled else gc.disable)()
    seen = []
    real = P.classify_lines

    def spy(lines):
        seen.append(gc.isenabled())
        return real(lines)

    monkeypatch.setattr(P, "classify_lines", spy)
    plan = P.parse_source(source_from_text(TEXT, "t.txt"))
    assert plan.tasks and seen == [False]
    assert gc.isenabled() is enabled


def test_collector_is_restored_when_the_parse_raises(restore_gc, monkeypatch):
    gc.enable()

    def boom(lines):
        raise RuntimeError("boom")

    monkeypatch.setattr(P, "classify_lines", boom)
    with pytest.raises(RuntimeError):
        P.parse_source(source_from_text(TEXT, "t.txt"))
    assert gc.isenabled()
