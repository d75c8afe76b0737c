"""`planlint check -j N`: workers send back rendered parts, and the output is the serial output."""
import json
import os
import pickle
import pickletools
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint import __version__, configfile
from planlint.api import lint_path
from planlint.cli import cli
from planlint.output import OutputOptions, Rendered, render, render_file
from planlint.output.json import file_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FORMATS = ["json", "text", "sarif", "github", "junit"]
CONFIG = ('rules:\n  avoid-gradually:\n    pattern: "逐步|原则上"\n    message: "避免含糊的进度"\n'
          '    severity: info\n')


@pytest.fixture(autouse=True)
def fresh_cache():
    configfile.clear_cache()
    yield
    configfile.clear_cache()


@pytest.fixture
def plans(tmp_path):
    """The example plans (and a YAML rule, and a file that cannot be read) in one directory."""
    root = tmp_path / "plans"
    (root / "sub").mkdir(parents=True)
    for i, path in enumerate(sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))):
        shutil.copy(path, (root / "sub" if i % 2 else root) / path.name)
    (root / ".planlint.yaml").write_text(CONFIG, encoding="utf-8")
    return root


def run(*args):
    return CliRunner().invoke(cli, ["check", *args])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("extra", [[], ["--lang", "en", "--statistics"]])
def test_two_jobs_print_what_one_job_prints(plans, fmt, extra):
    serial = run("--format", fmt, *extra, str(plans))
    parallel = run("--format", fmt, *extra, "-j", "2", str(plans))
    assert serial.exit_code == 1
    assert len(serial.stdout) > 1000
    assert parallel.stdout == serial.stdout
    assert parallel.exit_code == serial.exit_code


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_unreadable_file_with_jobs_exit_2_and_same_output(plans, fmt):
    (plans / "broken.txt").write_bytes(b"\x00\x01\x02\x03binary")
    serial = run("--format", fmt, str(plans))
    parallel = run("--format", fmt, "-j", "2", str(plans))
    assert serial.exit_code == parallel.exit_code == 2
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr and "broken.txt" in serial.stderr


def test_fail_on_error_with_jobs_uses_the_workers_severities(plans):
    # The YAML rule reports at "info": found, but below the default --fail-on warning.
    assert run("--format", "json", "--select", "avoid-gradually", "-j", "2", str(plans)).exit_code == 0
    assert run("--format", "json", "--select", "avoid-gradually", "--fail-on", "info", "-j", "2",
               str(plans)).exit_code == 1


def _results(plans):
    return [lint_path(str(p)) for p in sorted(plans.rglob("*.txt"))]


def test_compact_json_joined_from_parts_is_the_json_of_the_whole_document(plans):
    results = _results(plans)
    options = OutputOptions(pretty=False)
    whole = {"planlint": __version__, "files": [file_dict(r) for r in results]}
    parts = [render_file("json", r, options) for r in results]
    assert render("json", parts, options) == json.dumps(whole, ensure_ascii=False)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("options", [OutputOptions(), OutputOptions(pretty=False),
                                     OutputOptions(lang="en", color=True, statistics=True)],
                         ids=["pretty", "compact", "en-color-stats"])
def test_parts_are_plain_data_and_render_like_the_results(plans, fmt, options):
    results = _results(plans)
    parts = [render_file(fmt, r, options) for r in results]
    for part in parts:
        data = pickle.dumps(part)
        globals_used = {arg for op, arg, _ in pickletools.genops(data)
                        if op.name in ("GLOBAL", "STACK_GLOBAL") or isinstance(arg, str) and "." in arg}
        assert not any("planlint.model" in str(g) or "planlint.diagnostics" in str(g)
                       for g in globals_used)
    shipped = pickle.loads(pickle.dumps(parts))
    assert all(isinstance(p, Rendered) for p in shipped)
    assert render(fmt, shipped, options) == render(fmt, results, options)


def test_jobs_zero_picks_one_process_per_cpu_when_there_are_enough_files(monkeypatch):
    from planlint.cli import run
    monkeypatch.setattr(run.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    assert run.workers(0, 1) == 1
    assert run.workers(0, run.FILES_PER_WORKER * 2 - 1) == 1
    assert run.workers(0, run.FILES_PER_WORKER * 2) == 2
    assert run.workers(0, 1000) == 4
    assert run.workers(3, 1000) == 3  # an explicit -j is taken as given …
    assert run.workers(3, 2) == 2  # … but never more processes than files


def test_the_default_run_on_many_files_prints_what_one_process_prints(plans, tmp_path):
    many = tmp_path / "many"
    many.mkdir()
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix == ".txt")
    for i in range(20):
        shutil.copy(sources[i % len(sources)], many / f"{i:02d}-{sources[i % len(sources)].name}")
    runner = CliRunner()
    serial = runner.invoke(cli, ["check", "--format", "json", "-j", "1", str(many)])
    default = runner.invoke(cli, ["check", "--format", "json", str(many)])
    assert serial.exit_code == default.exit_code == 1
    assert default.output == serial.output
    assert len(json.loads(default.output)["files"]) == 20


def test_standard_input_is_read_by_the_main_process_in_a_parallel_run(tmp_path):
    many = tmp_path / "many"
    many.mkdir()
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix == ".txt")
    for i in range(20):
        shutil.copy(sources[i % len(sources)], many / f"{i:02d}.txt")
    plan = sources[0].read_text(encoding="utf-8-sig")
    runner = CliRunner()
    outputs = [runner.invoke(cli, ["check", "--format", "json", *jobs, str(many), "-"], input=plan)
               for jobs in ([], ["-j", "2"], ["-j", "1"])]
    files = [json.loads(o.output)["files"] for o in outputs]
    assert files[0][-1]["path"] == "-" and files[0][-1]["diagnostics"]
    assert files[0] == files[1] == files[2]


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="no process groups")
@pytest.mark.parametrize("jobs", ["4", "8", "8"])
def test_ctrl_c_stops_a_parallel_run_cleanly(tmp_path, jobs):
    """Ctrl-C reaches the whole process group: the run stops at once with click's "Aborted!",
    no traceback from a worker, and no hang (with 4 or 8 workers the pool waited forever in
    about two runs of five; three runs here)."""
    import signal
    import subprocess
    import sys
    import time
    plan = (Path(__file__).resolve().parent.parent / "examples" / "a-prose-units.txt").read_bytes()
    for i in range(3000):
        (tmp_path / f"p{i}.txt").write_bytes(plan)
    proc = subprocess.Popen([sys.executable, "-m", "planlint", "check", "-j", jobs, "--format",
                             "json", str(tmp_path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(1.5)  # started, and its workers busy
    os.killpg(proc.pid, signal.SIGINT)
    try:
        stderr = proc.communicate(timeout=60)[1].decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the run did not stop after Ctrl-C")
    assert proc.returncode == 1 and "Aborted!" in stderr and "Traceback" not in stderr, stderr
