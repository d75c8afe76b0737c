"""The pipeline's layering (STYLE.md) and the wheel's package list, checked from the source."""
import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def sources(*globs):
    return [p for g in globs for p in sorted(ROOT.glob(g))]


@pytest.mark.parametrize("path", sources("planlint/model.py", "planlint/diagnostics.py",
                                         "rules/*.py"), ids=lambda p: p.name)
def test_model_and_rules_see_neither_lark_nor_click(path):
    assert not imports(path) & {"lark", "click", "pygls", "lsprotocol"}


@pytest.mark.parametrize("path", sources("planlint/**/*.py"), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_cli_imports_click_and_only_the_lsp_imports_pygls(path):
    used = imports(path)
    rel = path.relative_to(ROOT).as_posix()
    if "click" in used:
        assert rel.startswith("planlint/cli/") or rel == "planlint/__main__.py", rel
    if used & {"pygls", "lsprotocol"}:
        assert rel.startswith("planlint/lsp/") or rel == "planlint/cli/lsp.py", rel


def test_lark_trees_stay_in_the_parser():
    for path in sources("planlint/**/*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if "lark" in imports(path):
            assert rel.startswith("planlint/parse/"), rel


def test_every_subpackage_ships_in_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in ROOT.glob("planlint/**/__init__.py")}
    assert on_disk | {"planlint.rules", "planlint.grammar"} <= listed
