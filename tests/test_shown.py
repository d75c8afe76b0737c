"""File names that are not valid UTF-8 (a GBK name unzipped on Linux): every output writes them
with U+FFFD for the undecodable bytes, never a traceback (planlint.shown)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from planlint.shown import display_streams, shown

PLAN = "一、重点任务\n1.做好公开,按月发布。（牵头单位：县政府办公室）\n"
GBK_NAME = "工作要点".encode("gbk") + b".txt"  # not UTF-8
SHOWN = GBK_NAME.decode("utf-8", "replace")  # "\ufffd\ufffd\ufffd\ufffdҪ\ufffd\ufffd.txt": D2 AA is UTF-8


def test_shown_replaces_undecodable_bytes_only():
    assert shown("工作要点.txt") == "工作要点.txt"
    name = os.fsdecode(b"\xb9\xa4plan.txt") if os.name != "nt" else "\udcb9\udca4plan.txt"
    assert shown(name) == "\ufffd\ufffdplan.txt"
    assert shown("a\ud800b") == "a?b"  # a surrogate that stands for no byte


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "a\ufffdb 中\n".encode("utf-8")),
    ("gbk", "a?b 中\n".encode("gbk")),  # GBK has no U+FFFD
    ("ascii", b"a?b ?\n"),
])
def test_streams_write_what_they_cannot_encode(encoding, expected, tmp_path):
    path = tmp_path / "out"
    with open(path, "w", encoding=encoding) as stream:
        display_streams(stream)
        stream.write("a\udcffb 中\n")
    assert path.read_bytes() == expected


@pytest.fixture
def odd_dir(tmp_path):
    try:
        (tmp_path / os.fsdecode(GBK_NAME)).write_text(PLAN, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (tmp_path / "good.txt").write_text(PLAN, encoding="utf-8")
    return tmp_path


def _run(args, cwd):
    # PYTHONIOENCODING makes the output streams strict, as most UTF-8 locales do
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "planlint", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=120)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_every_format_writes_the_name(fmt, odd_dir):
    done = _run(["check", "--format", fmt, "."], odd_dir)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode in (0, 1) and "Traceback" not in stderr, stderr
    out = done.stdout.decode("utf-8")  # valid UTF-8
    if fmt == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(out)["runs"][0]["results"]}
        assert "%B9%A4%D7%F7%D2%AA%B5%E3.txt" in uris and "good.txt" in uris  # the name's bytes
    else:
        assert SHOWN in out and "good.txt" in out
    if fmt == "json":
        paths = {f["path"] for f in json.loads(out)["files"]}
        assert paths == {"./good.txt", "./" + SHOWN}


def test_baseline_round_trip(odd_dir):
    assert _run(["check", "--write-baseline", "b.json", "."], odd_dir).returncode == 0
    files = {f["file"] for f in json.loads((odd_dir / "b.json").read_text(encoding="utf-8"))["findings"]}
    assert files == {"good.txt", SHOWN}
    again = _run(["check", "--baseline", "b.json", "."], odd_dir)
    assert again.returncode == 0, again.stderr.decode("utf-8")


@pytest.mark.parametrize("args, out", [(["report", ".", "-o", "r.html"], "r.html"),
                                       (["export", ".", "--format", "csv", "-o", "t.csv"], "t.csv")])
def test_report_and_ledger(args, out, odd_dir):
    done = _run(args, odd_dir)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert SHOWN in (odd_dir / out).read_bytes().decode("utf-8-sig")


def test_a_failed_baseline_write_keeps_the_old_one(tmp_path, monkeypatch):
    from planlint import atomic
    from planlint.api import FileResult
    from planlint.baseline import write_baseline
    from planlint.errors import PlanlintError
    old = tmp_path / "b.json"
    old.write_text('{"planlint_baseline": 1, "findings": []}\n', encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(PlanlintError) as failed:
        write_baseline(str(old), [FileResult("p.txt", error=None)])
    assert "基线" in failed.value.text("zh")
    assert old.read_text(encoding="utf-8") == '{"planlint_baseline": 1, "findings": []}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]  # no temporary file left
