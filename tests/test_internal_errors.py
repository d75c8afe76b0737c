"""A bug inside planlint becomes one line and exit 2 for that file, never a user's traceback."""
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "examples" / "a-prose-units.txt"

BROKEN_PARSER = textwrap.dedent("""
    import sys
    import planlint.parse as parse
    def boom(*args, **kwargs):
        raise RuntimeError("simulated parser bug")
    parse.build_nodes = boom
    from planlint.cli import main
    main(sys.argv[1:])
""")


def run(*args, env=None):
    return subprocess.run([sys.executable, "-c", BROKEN_PARSER, *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_internal_error_is_one_line_and_exit_2():
    proc = run("check", str(GOOD))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "内部错误" in proc.stderr and "simulated parser bug" in proc.stderr


def test_internal_error_in_english_and_json_still_well_formed():
    import json
    proc = run("check", "--format", "json", "--lang", "en", str(GOOD))
    assert proc.returncode == 2
    assert "internal error in planlint" in proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["files"][0]["plan"] is None and doc["files"][0]["error"]


def test_planlint_debug_shows_the_traceback():
    import os
    proc = run("check", str(GOOD), env={**os.environ, "PLANLINT_DEBUG": "1"})
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_parse_command_internal_error_is_one_line():
    proc = run("parse", str(GOOD))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "内部错误" in proc.stderr
