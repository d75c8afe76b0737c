"""read_bytes reads with the cyclic garbage collector paused and leaves it as found."""
from __future__ import annotations

import gc

import pytest

import planlint.read as read
from planlint.read import read_bytes
from planlint.read.text import source_from_text

TEXT = "一、公开重点\n（一）推进决策公开。县府办牵头，2024年6月底前完成。\n"


@pytest.mark.parametrize("enabled", [True, False])
def test_read_runs_paused_and_state_is_kept(restore_gc, enabled, monkeypatch):
    (gc.enable if enabled else gc.disable)()
    seen = []

    def spy(*args):
        seen.append(gc.isenabled())
        return source_from_text(*args)

    monkeypatch.setattr(read, "source_from_text", spy)
    source = read_bytes(TEXT.encode(), "t.txt")
    assert seen == [False] and gc.isenabled() is enabled
    assert source == source_from_text(TEXT, "t.txt")


def test_collector_is_restored_when_reading_fails(restore_gc):
    gc.enable()
    with pytest.raises(Exception):
        read_bytes(b"%PDF-1.4", "t.pdf")
    assert gc.isenabled()
