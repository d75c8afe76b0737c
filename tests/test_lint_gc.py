"""parse_source and lint_source pause the cyclic garbage collector (over the parse, and over\nparse and rules) and leave it as found."""
from __future__ import annotations

import gc

import pytest

from planlint.api import lint_source
from planlint.gcpause import paused
from planlint.read.text import source_from_text

TEXT = "一、公开重点\n（一）推进决策公开。县府办牵头，2024年6月底前完成。\n"


def _parse(text):
    from planlint import parse
    return parse.parse_source(source_from_text(text, "t.txt"))


def _lint(text):
    return lint_source(source_from_text(text, "t.txt")).plan


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("entry, module, inner", [
    (_parse, "planlint.parse", "classify_lines"),  # the parse runs paused
    (_lint, "planlint.engine", "run_rules"),  # and, in a check, the rules too
])
def test_work_runs_paused_and_state_is_kept(restore_gc, enabled, entry, module, inner,
                                            monkeypatch):
    import importlib
    (gc.enable if enabled else gc.disable)()
    seen = []
    real = getattr(importlib.import_module(module), inner)

    def spy(*args):
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(importlib.import_module(module), inner, spy)
    assert entry(TEXT).tasks and seen == [False]
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
