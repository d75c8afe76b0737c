"""The example plugin in examples/plugin is installed and found through the entry-point group.

The package is installed with ``pip install --no-deps --target`` into a temporary folder put on
``sys.path`` (and PYTHONPATH for a CLI run), so discovery goes through real ``*.dist-info``
metadata and ``importlib.metadata.entry_points(group="planlint.rules")``. Where pip cannot build
(no network for an isolated build), the same metadata is written from the plugin's pyproject.
"""
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from planlint import plugins
from planlint.api import lint_text
from planlint.config import Config

PLUGIN = Path(__file__).resolve().parents[2] / "examples" / "plugin"
TEXT = "一、强化平台建设\n1.搞好政府网站普查工作，年底前完成。（县府办牵头）\n"


def _pip_install(source: Path, target: Path) -> bool:
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
           "--no-input", "--target", str(target), str(source)]
    try:
        import wheel  # noqa: F401  (with wheel present, build without downloading anything)
        cmd.insert(4, "--no-build-isolation")
    except ImportError:
        pass
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    return done.returncode == 0


def _write_metadata(source: Path, target: Path) -> None:
    project = tomllib.loads((source / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    shutil.copytree(source / "planlint_colloquial", target / "planlint_colloquial")
    info = target / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\n"
                                   f"Version: {project['version']}\n", encoding="utf-8")
    lines = ["[planlint.rules]"] + [f"{k} = {v}" for k, v in
                                    project["entry-points"]["planlint.rules"].items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    source = tmp_path_factory.mktemp("src") / "plugin"
    shutil.copytree(PLUGIN, source)  # build in a copy: no build/ or egg-info in the repo
    target = tmp_path_factory.mktemp("site")
    if not _pip_install(source, target):
        shutil.rmtree(target)
        target.mkdir()
        _write_metadata(source, target)
    assert list(target.glob("*.dist-info/entry_points.txt"))
    sys.path.insert(0, str(target))
    plugins.reset_cache()
    yield target
    sys.path.remove(str(target))
    for name in [m for m in sys.modules if m.startswith("planlint_colloquial")]:
        del sys.modules[name]
    plugins.reset_cache()


def test_plugin_rule_is_discovered_and_runs(installed):
    names = [r.NAME for r in plugins.entry_point_rules()]
    assert "colloquial-wording" in names
    result = lint_text(TEXT, "plan.txt", Config(select=["colloquial-wording"]))
    assert [(d.rule, d.code, d.span.line, d.span.column, d.span.end_column) for d in result.diagnostics] \
        == [("colloquial-wording", "EX001", 2, 3, 5)]


def test_plugin_rule_through_the_cli(installed, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(TEXT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(installed), os.environ.get("PYTHONPATH", "")]))
    run = [sys.executable, "-m", "planlint"]
    listed = subprocess.run(run + ["rules"], capture_output=True, text=True, env=env)
    assert "colloquial-wording" in listed.stdout
    explained = subprocess.run(run + ["explain", "EX001"], capture_output=True, text=True, env=env)
    assert "反例" in explained.stdout and "搞好" in explained.stdout
    checked = subprocess.run(run + ["check", "--format", "json", "--fail-on", "info",
                                    "--select", "colloquial-wording", str(plan)],
                             capture_output=True, text=True, env=env)
    assert checked.returncode == 1, checked.stderr
    assert '"rule": "colloquial-wording"' in checked.stdout


def test_broken_plugin_is_reported_not_fatal(tmp_path, monkeypatch):
    info = tmp_path / "broken_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[planlint.rules]\nbroken = no_such_module_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugins.reset_cache()
    try:
        assert "broken" not in [r.NAME for r in plugins.entry_point_rules()]
        assert [name for name, _ in plugins.load_errors] == ["broken"]
    finally:
        monkeypatch.undo()
        plugins.reset_cache()
