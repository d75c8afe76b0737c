"""lint_source pauses the cyclic garbage collector over parse and rules, and leaves it as found."""
from __future__ import annotations

import gc

import pytest

from planlint import engine
from planlint.api import lint_source
from planlint.gcpause import paused
from planlint.read.text import source_from_text

TEXT = "一、公开重点\n（一）推进决策公开。县府办牵头，2024年6月底前完成。\n"


@pytest.fixture
def restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_rules_run_paused_and_state_is_kept(restore_gc, enabled, monkeypatch):
    (gc.enable if enabled else gc.disable)()
    seen = []
    real = engine.run_rules

    def spy(plan, config):
        seen.append(gc.isenabled())
        return real(plan, config)

    monkeypatch.setattr(engine, "run_rules", spy)
    result = lint_source(source_from_text(TEXT, "t.txt"))
    assert result.plan.tasks and seen == [False]
    assert gc.isenabled() is enabled


def test_collector_is_restored_when_the_call_raises(restore_gc):
    gc.enable()

    def boom():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        paused(boom)
    assert gc.isenabled()


def test_paused_passes_arguments_and_result(restore_gc):
    gc.enable()
    assert paused(lambda a, b: (a, b, gc.isenabled()), 1, 2) == (1, 2, False)
    assert gc.isenabled()


def test_the_command_renders_each_file_before_resuming(restore_gc, tmp_path, monkeypatch):
    """cli.run.lint_rendered keeps the collector paused until the file's model is dropped."""
    from planlint import output
    from planlint.cli.run import lint_rendered

    gc.enable()
    seen = []
    real = output.render_file

    def spy(fmt, result, options):
        seen.append(gc.isenabled())
        return real(fmt, result, options)

    monkeypatch.setattr(output, "render_file", spy)
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    part = lint_rendered(str(path), "json", output.OutputOptions(pretty=False))
    assert seen == [False] and gc.isenabled()
    assert '"plan": {' in part.part
