"""The compiled-pattern cache gives exactly what ``re.compile`` gives, and never stands in the way."""
from __future__ import annotations

import os
import marshal
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from planlint import cachedir, rxcache
from planlint.rxcache import rx

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not rxcache._AVAILABLE, reason="the cache needs CPython's _sre")

PATTERNS = [
    (r"(?P<num>\d{1,3})[.．、](?=\d)", 0),
    (r"[（(][\s\ufeff]*(?P<num>[一二三四五六七八九十百零〇两]+)[\s\ufeff]*[）)]", 0),
    (r"(?<![年])(?:月度|季度)(?![末内])(?![初前])|持续推进|(?<!可)持续", 0),
    (r"display\s*:\s*none", re.I),
    (r"^(?:19|20)\d{2}[ \t\u3000]*年度?$", re.M),
]
SAMPLES = ["（三）加强预期引导。", "1.5月底前完成", "2019年", "持续推进，季度末", "DISPLAY: None",
           "12.做好……（县财政局牵头）", "不可持续", "2020 年度\n2021年"]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """The cache module as in a new process, its folder an empty temporary one."""
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path))
    cachedir.cache_dir.cache_clear()
    monkeypatch.setattr(rxcache, "_entries", None)
    monkeypatch.setattr(rxcache, "_missing", False)
    yield tmp_path
    cachedir.cache_dir.cache_clear()


def restart(monkeypatch):
    monkeypatch.setattr(rxcache, "_entries", None)
    monkeypatch.setattr(rxcache, "_missing", False)


def same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in SAMPLES:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groupdict() for m in a.finditer(text)] == [m.groupdict() for m in b.finditer(text)]


def test_patterns_from_the_file_are_re_compiles(fresh, monkeypatch):
    for pattern, flags in PATTERNS:
        same(rx(pattern, flags), re.compile(pattern, flags))
    rxcache.save()
    assert os.path.exists(rxcache.cache_file())

    restart(monkeypatch)
    monkeypatch.setattr(rxcache, "_program", lambda *a: pytest.fail("compiled instead of loaded"))
    for pattern, flags in PATTERNS:
        same(rx(pattern, flags), re.compile(pattern, flags))
    assert not rxcache._missing  # nothing new: the file is not rewritten


def test_stored_programs_are_what_re_compiles(fresh):
    """The program in the file is the one re's own compiler makes for the pattern."""
    for pattern, flags in PATTERNS:
        rx(pattern, flags)
    rxcache.save()
    with open(rxcache.cache_file(), "rb") as fh:
        build, entries = marshal.load(fh)
    assert build == rxcache._BUILD
    for (pattern, flags), stored in entries.items():
        parsed = rxcache._parser.parse(pattern, flags)
        assert stored[1] == list(rxcache._compiler._code(parsed, flags))


@pytest.mark.parametrize("content", [b"", b"not marshal data", marshal.dumps(("another build", {})),
                                     marshal.dumps([1, 2, 3])],
                         ids=["empty", "garbage", "other-build", "other-shape"])
def test_a_damaged_or_foreign_file_is_ignored_and_replaced(fresh, monkeypatch, content):
    restart(monkeypatch)
    Path(rxcache.cache_file()).write_bytes(content)
    pattern, flags = PATTERNS[1]
    same(rx(pattern, flags), re.compile(pattern, flags))
    rxcache.save()
    restart(monkeypatch)
    assert (pattern, flags) in rxcache._load()


def test_a_damaged_entry_is_compiled_afresh(fresh, monkeypatch):
    pattern, flags = PATTERNS[0]
    rx(pattern, flags)
    entry = rxcache._entries[(pattern, flags)]
    rxcache._entries[(pattern, flags)] = (entry[0], [999, 1, 2], *entry[2:])
    same(rx(pattern, flags), re.compile(pattern, flags))


def test_a_file_grown_too_big_keeps_only_what_the_run_used(fresh, monkeypatch):
    monkeypatch.setattr(rxcache, "_MAX_ENTRIES", 3)
    monkeypatch.setattr(rxcache, "_used", set())
    for pattern, flags in PATTERNS:  # five patterns
        rx(pattern, flags)
    rxcache.save()
    restart(monkeypatch)
    monkeypatch.setattr(rxcache, "_used", set())
    rx("[new]")
    rx(*PATTERNS[0])
    rxcache.save()
    restart(monkeypatch)
    assert set(rxcache._load()) == {("[new]", 0), PATTERNS[0]}


def test_the_tests_do_not_write_to_the_users_cache_folder():
    assert os.environ["PLANLINT_CACHE_DIR"].startswith(tempfile.gettempdir())


def test_a_bad_pattern_raises_like_re(fresh):
    with pytest.raises(re.error):
        rx("[unclosed")


def test_no_usable_folder_means_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(blocker / "sub"))  # under a file: cannot exist
    cachedir.cache_dir.cache_clear()
    restart(monkeypatch)
    try:
        assert cachedir.cache_dir() is None
        pattern, flags = PATTERNS[2]
        same(rx(pattern, flags), re.compile(pattern, flags))
        rxcache.save()  # nowhere to write: nothing happens
    finally:
        cachedir.cache_dir.cache_clear()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_folder_of_another_user_is_not_used(tmp_path, monkeypatch):
    folder = tmp_path / "theirs"
    folder.mkdir()
    os.chown(folder, 65534, 65534)
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(folder))
    cachedir.cache_dir.cache_clear()
    try:
        assert cachedir.cache_dir() is None
    finally:
        cachedir.cache_dir.cache_clear()


def test_check_output_is_the_same_with_and_without_the_cache(tmp_path):
    """First run fills the cache folder, the second loads everything from it; same output."""
    env = {**os.environ, "PLANLINT_CACHE_DIR": str(tmp_path)}
    plans = sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))
    cmd = [sys.executable, "-m", "planlint", "check", "--format", "json", *plans]
    first = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)
    assert any(name.startswith("regex-") for name in os.listdir(tmp_path))
    second = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and first.stdout.startswith(b"{")
    assert second.stderr == b""
