"""Bad or odd input never gives a traceback: a result, or one line on stderr and exit 2.

Covers the issue's list: empty file, binary garbage, an undecodable file, a 20 MB file, a file of
only headings, every example cut at random points, a directory argument, a missing file, stdin.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.errors import PlanlintError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir()
                  if p.is_file() and p.suffix in {".txt", ".md"} and p.stem.upper() != "README")
HEADINGS_ONLY = "一、总体要求\n（一）指导思想\n（二）工作目标\n二、重点任务\n（一）加强平台建设\n三、保障措施\n"


_TEXTS: dict[Path, str] = {}


def example_text(path: Path) -> str:
    """An example decoded by planlint's own reader (so GB18030 and BOM files come out right)."""
    if path not in _TEXTS:
        from planlint.read import read_path
        _TEXTS[path] = "\n".join(line.text for line in read_path(str(path)).lines)
    return _TEXTS[path]


def cli(args, stdin: bytes | None = None):
    from planlint.cli import cli as group
    return CliRunner().invoke(group, args, input=stdin)


def assert_clean(result, json_out: bool = True):
    """Exit 0/1 with a parseable result, or exit 2 with exactly one non-empty line on stderr."""
    exc = result.exception
    assert exc is None or isinstance(exc, SystemExit), f"raised {exc!r}"
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].strip(), f"stderr not one line: {result.stderr!r}"
        return None
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    return json.loads(result.stdout) if json_out else result.stdout


def assert_error(result, *words):
    assert_clean(result)
    assert result.exit_code == 2, (result.exit_code, result.stdout[:200])
    for word in words:
        assert word in result.stderr


def check_json(path) -> object:
    return cli(["check", "--format", "json", str(path)])


# ---- single files -------------------------------------------------------------------------------

def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = assert_clean(check_json(path))
    if doc is not None:
        assert doc["files"][0]["plan"]["tasks"] == []


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n\r\n \u3000\t\n", encoding="utf-8")
    doc = assert_clean(check_json(path))
    if doc is not None:
        assert doc["files"][0]["plan"]["tasks"] == []


def test_binary_garbage_is_refused(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    assert_error(check_json(path), str(path))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=3000))
def test_random_bytes_never_crash(tmp_path, data):
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    assert_clean(check_json(path))


def test_undecodable_file(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff" * 101)
    assert_error(check_json(path), str(path))


def test_wrong_encoding_override():
    path = ROOT / "examples" / "b-tab-table-gb18030.txt"
    assert_error(cli(["check", "--format", "json", "--encoding", "utf-8", str(path)]), "utf-8")


def test_unknown_encoding_override():
    path = ROOT / "examples" / "a-prose-units.txt"
    assert_error(cli(["check", "--format", "json", "--encoding", "no-such-codec", str(path)]))


def test_only_headings(tmp_path):
    path = tmp_path / "headings.txt"
    path.write_text(HEADINGS_ONLY, encoding="utf-8")
    doc = assert_clean(check_json(path))
    assert doc is not None, "a file of headings is a valid (empty) plan"
    assert doc["files"][0]["plan"]["tasks"] == []


def test_twenty_megabytes(tmp_path):
    """20 MB of unnumbered prose (no tasks): a result, or a clear refusal; never a crash."""
    para = ("坚持以人民为中心的发展思想，不断提升政务公开质量和实效，" * 40 + "\n").encode("utf-8")
    path = tmp_path / "huge.txt"
    path.write_bytes(para * (20 * 1024 * 1024 // len(para) + 1))
    assert path.stat().st_size >= 20 * 1024 * 1024
    doc = assert_clean(check_json(path))
    if doc is not None:
        assert doc["files"][0]["plan"]["tasks"] == []


def test_many_copies_of_a_plan(tmp_path):
    """About 1 MB of real plan text (thousands of tasks) in one file still gives a result.

    Kept to 1 MB so the suite stays quick; throughput is measured in benchmarks/bench.py.
    """
    unit = (ROOT / "examples" / "a-prose-units.txt").read_bytes()
    path = tmp_path / "big.txt"
    path.write_bytes(unit * (1024 * 1024 // len(unit) + 1))
    result = cli(["check", "--format", "json", "--select", "missing-lead", str(path)])
    doc = assert_clean(result)
    assert doc is not None
    plan = doc["files"][0]["plan"]
    assert len(plan["tasks"]) > 1000
    assert len({t["id"] for t in plan["tasks"]}) == len(plan["tasks"]), "task ids must be unique"


def test_one_enormous_line(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_text("做好政务公开工作，" * 200_000, encoding="utf-8")
    assert_clean(check_json(path))


# ---- examples cut at random points --------------------------------------------------------------

@pytest.mark.skipif(not EXAMPLES, reason="no examples")
@settings(max_examples=150, deadline=None)
@given(index=st.integers(0, 1000), cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_cut_examples_parse(index, cut):
    """Any slice of any example's text parses and lints without raising."""
    from planlint.api import lint_text
    path = EXAMPLES[index % len(EXAMPLES)]
    text = example_text(path)
    a, b = sorted(int(x * len(text)) for x in cut)
    piece = text[a:b]
    result = lint_text(piece, path.name)
    assert result.plan is not None
    last_line = piece.count("\n") + 1
    assert all(0 < t.span.line <= t.span.end_line <= last_line for t in result.plan.tasks)
    assert all(t.span.column >= 1 for t in result.plan.tasks)
    ids = [t.id for t in result.plan.tasks]
    assert len(set(ids)) == len(ids), "task ids must be unique within a file"
    assert all(0 < d.span.line <= last_line for d in result.diagnostics)


@pytest.mark.skipif(not EXAMPLES, reason="no examples")
@settings(max_examples=40, deadline=None)
@given(index=st.integers(0, 1000), cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_cut_example_bytes_read_or_refuse(index, cut):
    """Slicing raw bytes can split a character or a BOM: read it, or refuse with ReadError."""
    from planlint.api import lint_source
    from planlint.read import read_bytes
    path = EXAMPLES[index % len(EXAMPLES)]
    data = path.read_bytes()
    a, b = sorted(int(x * len(data)) for x in cut)
    try:
        source = read_bytes(data[a:b], path.name)
    except PlanlintError:
        return
    assert lint_source(source).plan is not None


# ---- arguments ----------------------------------------------------------------------------------

def test_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    assert_error(check_json(missing), str(missing))


def test_missing_file_among_good_ones(tmp_path):
    good = ROOT / "examples" / "a-prose-units.txt"
    result = cli(["check", "--format", "json", str(good), str(tmp_path / "nope.txt")])
    assert_error(result, "nope.txt")


def test_directory_argument(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "plan.txt").write_text("一、任务\n1.做好公开工作。（县府办负责）\n",
                                              encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00" * 10)
    doc = assert_clean(check_json(tmp_path))
    assert doc is not None
    assert [Path(f["path"]).name for f in doc["files"]] == ["plan.txt"]


def test_examples_directory_argument():
    doc = assert_clean(check_json(ROOT / "examples"))
    assert doc is not None
    assert len(doc["files"]) >= len(EXAMPLES)


def test_parse_of_directory_is_an_error(tmp_path):
    result = cli(["parse", str(tmp_path)])
    assert_error(result)


def test_parse_of_missing_file(tmp_path):
    assert_error(cli(["parse", str(tmp_path / "nope.txt")]), "nope.txt")


def test_stdin():
    data = (ROOT / "examples" / "a-prose-units.txt").read_bytes()
    doc = assert_clean(cli(["check", "--format", "json", "-"], stdin=data))
    assert doc is not None
    assert len(doc["files"]) == 1 and doc["files"][0]["plan"]["tasks"]


def test_stdin_gb18030():
    data = (ROOT / "examples" / "b-tab-table-gb18030.txt").read_bytes()
    doc = assert_clean(cli(["check", "--format", "json", "-"], stdin=data))
    assert doc is not None and doc["files"][0]["plan"]["tasks"]


def test_stdin_empty():
    assert_clean(cli(["check", "--format", "json", "-"], stdin=b""))


def test_stdin_over_the_limit_is_refused(monkeypatch):
    import planlint.read as read
    monkeypatch.setattr(read, "MAX_BYTES", 1000)
    result = cli(["check", "--format", "json", "-"], stdin="一、总体要求\n".encode() * 100)
    assert_clean(result)
    assert result.exit_code == 2 and "<stdin>：文件过大（超过 0 MB 上限）" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_an_endless_device_is_refused_not_read_forever(monkeypatch):
    """A device or pipe reports size 0; it is read up to the limit, not to its end."""
    import planlint.read as read
    monkeypatch.setattr(read, "MAX_BYTES", 1 << 20)
    with pytest.raises(PlanlintError) as refused:
        read.read_path("/dev/zero")
    assert "文件过大" in refused.value.text("zh") and "too large" in refused.value.text("en")


def test_directory_walk_takes_regular_files_only(tmp_path):
    """A named pipe found in a directory would block the run (reading waits for a writer); a
    dangling link is no plan. A link to a plan is one. Named on the command line, paths are kept
    as given (``<(cat plan.txt)`` is a pipe)."""
    from planlint.cli.paths import expand
    plan = tmp_path / "plan.txt"
    plan.write_text(HEADINGS_ONLY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(plan)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    fifo = tmp_path / "pipe.txt"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
    assert expand((str(tmp_path),)) == [str(tmp_path / "link.txt"), str(plan)]
    assert expand((str(fifo), str(tmp_path / "dangling.txt"))) == [
        str(fifo), str(tmp_path / "dangling.txt")]


def test_text_format_missing_file(tmp_path):
    result = cli(["check", str(tmp_path / "nope.txt")])
    assert_clean(result, json_out=False)
    assert result.exit_code == 2 and "nope.txt" in result.stderr


# ---- the real process: no traceback reaches the terminal ----------------------------------------

@pytest.mark.parametrize("case", ["missing", "binary", "directory-parse", "undecodable",
                                  "stdin-binary"])
def test_subprocess_never_prints_traceback(tmp_path, case):
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 1000)
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"\xff" * 101)
    args = {
        "missing": ["check", str(tmp_path / "nope.txt")],
        "binary": ["check", "--format", "json", str(binary)],
        "directory-parse": ["parse", str(tmp_path)],
        "undecodable": ["parse", str(odd)],
        "stdin-binary": ["check", "--format", "json", "-"],
    }[case]
    stdin = binary.read_bytes() if case == "stdin-binary" else b""
    proc = subprocess.run([sys.executable, "-m", "planlint", *args], input=stdin,
                          capture_output=True, env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert proc.returncode == 2, (proc.returncode, stderr)
    assert len(stderr.strip().splitlines()) == 1, stderr
