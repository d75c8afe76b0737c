#!/usr/bin/env python3
"""planlint speed benchmark (not a test: it prints figures and marks them against the targets).

    python benchmarks/bench.py                 # everything, textlint comparison included
    python benchmarks/bench.py --no-textlint   # skip the npm install and the textlint runs

Measures, on plans made of ``examples/`` and (if present) ``../shared/corpus/`` or
``$PLANLINT_CORPUS``:

1. reading + parsing throughput in one process over a >= 1 MB mix of separate documents;
2. the whole check (read, parse, rules, JSON rendering) throughput in one process;
3. wall time of ``planlint parse`` and ``planlint check`` on one ~30 KB plan (best of N), run
   from a clean venv the benchmark makes in the temporary directory (``--cli current``: this
   Python's own install);
4. ``planlint check`` on a directory of 300+ plans (the default -j, which uses every CPU, and
   -j 1) against textlint with textlint-rule-prh and a small vague-term dictionary (installed by
   npm into a temporary directory outside the repository);
5. peak memory (ru_maxrss) of this process and of the child processes.

See benchmarks/README.md for the targets.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
TARGETS = {"parse_mbps": 5.0, "check_mbps": 5.0, "cli_ms": 150.0}
VAGUE_TERMS = ["持续推进", "长期坚持", "适时", "尽快", "逐步", "有关部门", "相关部门", "另行通知",
               "按上级要求", "按时间节点完成"]
TEXTLINT_DIR = Path(tempfile.gettempdir()) / "planlint-bench-textlint"


# ---- inputs -------------------------------------------------------------------------------------

def plan_files() -> list[Path]:
    found = [p for p in sorted((ROOT / "examples").glob("*")) if p.suffix in (".txt", ".md")]
    return found + real_plan_files()


def real_plan_files() -> list[Path]:
    """The real plans (the corpus), without the examples: those are short and dense with tasks
    (every layout in a few KB), so a byte of them costs about twice a byte of a real plan."""
    corpus = Path(os.environ.get("PLANLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
    return sorted(corpus.glob("*.txt")) if corpus.is_dir() else []


def load_texts(files: list[Path]) -> list[tuple[str, str]]:
    """(name, decoded text) of each plan; decoding with planlint's own reader."""
    from planlint.read import read_path
    return [(p.name, "\n".join(line.text for line in read_path(str(p)).lines)) for p in files]


def documents(texts, min_bytes: int) -> list[tuple[str, bytes]]:
    """Separate documents (UTF-8 bytes) cycling through the plans until min_bytes are reached."""
    docs, total, i = [], 0, 0
    while total < min_bytes:
        name, text = texts[i % len(texts)]
        data = text.encode("utf-8")
        docs.append((f"{i:04d}-{name}", data))
        total += len(data)
        i += 1
    return docs


def plan_of_size(texts, size: int) -> str:
    """A plan of about ``size`` bytes: the corpus/example plan closest to it, padded by repeating."""
    name, text = min(texts, key=lambda t: abs(len(t[1].encode("utf-8")) - size))
    while len(text.encode("utf-8")) < size * 0.9:
        text += "\n" + text
    return text


# ---- in-process throughput ----------------------------------------------------------------------

def calibration() -> float:
    """Seconds of a fixed pure-Python workload (calls, attribute reads, string work; best of
    five): the in-process figures move with it, so it tells a slow hour (or a slower build of
    Python: pyenv's default build takes ~1.3x as long as Debian's python3.11 on the same
    machine) from a slow change."""
    class Point:
        __slots__ = ("x", "y")

        def __init__(self, x, y):
            self.x, self.y = x, y

    def work():
        total = 0
        for i in range(60000):
            p = Point(i, "项目" + str(i))
            total += p.x + len(p.y.replace("项", "x"))
        return total

    return best_of(5, work)


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


# planlint memoises results of short texts (unit names, clause and timing parses, numerals, folded
# text). The mix repeats a dozen plans, so a warm run would mostly read those results from the
# memos instead of computing them, which distinct plans cannot do. The headline figures therefore
# clear these memos before each document ("cold"): every document costs what a first plan costs.
# Process-level caches (built parsers, compiled patterns, config files) are kept.
CONTENT_MEMOS = [
    ("planlint.text", "fold"),
    ("planlint.parse.clauses", "is_unit_name"), ("planlint.parse.clauses", "_analyse"),
    ("planlint.parse.clauses", "_role_in"),
    ("planlint.parse.timing", "scan_short"), ("planlint.parse.timing", "resolve"),
    ("planlint.parse.numerals", "to_int"),
]


# Caches of the process, not of a document's text: kept between documents. (_decimal: the JSON
# writer's table of the decimal spellings of 0-4095, built once. _exception: halfwidth-
# punctuation's pattern for the rule's configured characters. _shape: the clause grammar's
# parse of a sequence of token types such as UNIT SEP UNIT ROLE, a property of the grammar that
# distinct plans share: `memo_overlap.py planlint.parse.clauses:_shape` finds 88% of each plan's
# distinct sequences in the other plans, 81% for the real plans alone, against 7% of the
# clause texts that the _analyse memo keys on.)
PROCESS_CACHES = {"parser", "cache_dir", "_entry_point_rules", "find_config", "load_file",
                  "char_width", "_marker", "_url", "_markup", "_pattern", "_pairing", "_decimal",
                  "_shape", "_exception"}


def unclassified_memos() -> list[str]:
    """Memoised functions of planlint (loaded modules) in neither list above: a new memo must be
    classified here, or the cold figures would quietly become warm ones."""
    known = {name for _, name in CONTENT_MEMOS} | PROCESS_CACHES
    found = []
    for modname, module in list(sys.modules.items()):
        if not modname.startswith("planlint") or module is None:
            continue
        for name, obj in vars(module).items():
            # (asked of the type: an object that answers every attribute name is no memo)
            if hasattr(type(obj), "cache_info") and getattr(obj, "__module__", None) == modname \
                    and name not in known:
                found.append(f"{modname}.{name}")
    return found


def memo_clearers() -> list:
    import importlib
    return [getattr(importlib.import_module(mod), name).cache_clear for mod, name in CONTENT_MEMOS]


def bench_parse(docs, runs: int, cold: bool = True) -> float:
    from planlint.api import parse_source
    from planlint.read import read_bytes
    clearers = memo_clearers() if cold else []

    def work():
        for name, data in docs:
            for clear in clearers:
                clear()
            parse_source(read_bytes(data, name + ".txt"))
    work()  # warm-up: builds and caches the parsers
    return best_of(runs, work)


def bench_check(docs, runs: int, cold: bool = True) -> float:
    from planlint.api import lint_source
    from planlint.config import Config
    from planlint.gcpause import paused
    from planlint.output import OutputOptions, render, render_file
    from planlint.read import read_bytes
    clearers = memo_clearers() if cold else []
    # What `planlint check --format json` writes when piped (compact; indented only at a TTY).
    options = OutputOptions(pretty=False)

    def one(name, data, config):
        return render_file("json", lint_source(read_bytes(data, name + ".txt"), config), options)

    def work():
        config = Config()
        parts = []
        for name, data in docs:
            for clear in clearers:
                clear()
            # As the command checks each file (cli.run.lint_rendered, in one process with -j 1):
            # linted and rendered with the cyclic collector paused, then the model dropped.
            parts.append(paused(one, name, data, config))
        render("json", parts, options)
    work()
    return best_of(runs, work)


def rule_breakdown(docs) -> list[tuple[float, str]]:
    """Seconds each enabled rule spends over the whole mix (where the check time goes)."""
    from planlint.api import parse_source
    from planlint.config import Config
    from planlint.engine import all_rules, enabled, rule_options
    from planlint.read import read_bytes

    config = Config()
    plans = [parse_source(read_bytes(data, name + ".txt")) for name, data in docs]
    out = []
    for rule in all_rules(config):
        if not enabled(rule, config):
            continue
        options = rule_options(rule, config)
        start = time.perf_counter()
        for plan in plans:
            for _ in rule.check(plan, options):
                pass
        out.append((time.perf_counter() - start, rule.NAME))
    return sorted(out, reverse=True)


# ---- subprocesses -------------------------------------------------------------------------------

BENCH_VENV = Path(tempfile.gettempdir()) / "planlint-bench-venv"


def planlint_cmd(where: str = "current") -> list[str]:
    """The installed ``planlint`` command: of a clean venv (``where="venv"``, see ``bench_venv``)
    or of the Python running this script (the script beside it, not a shim such as pyenv's,
    which adds tens of milliseconds of its own to every run)."""
    if where == "venv":
        return [str(BENCH_VENV / ("Scripts" if os.name == "nt" else "bin") / "planlint")]
    beside = Path(sys.executable).parent / "planlint"
    if beside.exists():
        return [str(beside)]
    exe = shutil.which("planlint")
    return [exe] if exe else [sys.executable, "-m", "planlint"]


def bench_venv() -> bool:
    """A venv of its own in the temporary directory, with this working tree installed as a user
    installs it (``pip install .``, not editable): the one-file figures then measure planlint and
    its dependencies only, not whatever else this Python's site-packages load at start-up. Made
    once (dependencies from the package index); later runs reinstall planlint only."""
    python = BENCH_VENV / ("Scripts" if os.name == "nt" else "bin") / "python"
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if not python.exists():
        print(f"  making a clean venv in {BENCH_VENV} …", flush=True)
        made = subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], **quiet)
        if made.returncode != 0:
            return False
        install = [str(python), "-m", "pip", "install", "-q", str(ROOT)]
    else:
        install = [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                   str(ROOT)]
    done = subprocess.run(install, **quiet)
    if done.returncode != 0:
        print("  clean venv: pip failed: " + done.stderr.decode(errors="replace").strip()[-300:])
        return False
    return True


# Commands run as users run them: with Python's bytecode cache. Some sandboxes set
# PYTHONDONTWRITEBYTECODE, which makes every run recompile every module (~150 ms more).
CLI_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str], runs: int, cwd=None) -> tuple[float, int]:
    """Best wall time of ``runs`` runs (after one warm-up, which writes the bytecode cache)
    and the last exit status."""
    code = 0

    def once():
        nonlocal code
        code = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=CLI_ENV).returncode
    once()
    return best_of(runs, once), code


def write_dir(texts, dest: Path, count: int) -> int:
    dest.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        name, text = texts[i % len(texts)]
        data = text.encode("utf-8")
        (dest / f"plan{i:04d}-{Path(name).stem}.txt").write_bytes(data)
        total += len(data)
    return total


def textlint_setup() -> Path | None:
    """textlint + textlint-rule-prh in a temporary directory (reused between runs), or None."""
    binary = TEXTLINT_DIR / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        if not shutil.which("npm"):
            print("  textlint: skipped (npm is not available)")
            return None
        TEXTLINT_DIR.mkdir(parents=True, exist_ok=True)
        (TEXTLINT_DIR / "package.json").write_text('{"name": "bench", "private": true}')
        print(f"  installing textlint + textlint-rule-prh into {TEXTLINT_DIR} …", flush=True)
        proc = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "textlint",
                               "textlint-rule-prh"], cwd=TEXTLINT_DIR, capture_output=True)
        if proc.returncode != 0 or not binary.exists():
            print("  textlint: skipped (npm install failed)")
            return None
    rules = "".join(f"  - expected: 【明确时限或单位】\n    pattern: {t}\n" for t in VAGUE_TERMS)
    (TEXTLINT_DIR / "prh.yml").write_text("version: 1\nrules:\n" + rules, encoding="utf-8")
    (TEXTLINT_DIR / ".textlintrc.json").write_text(
        json.dumps({"rules": {"prh": {"rulePaths": [str(TEXTLINT_DIR / "prh.yml")]}}}))
    return binary


# ---- report -------------------------------------------------------------------------------------

def mark(ok: bool) -> str:
    return "ok  " if ok else "MISS"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="planlint speed benchmark")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per in-process figure")
    ap.add_argument("--cli-runs", type=int, default=7, help="runs per CLI wall-time figure")
    ap.add_argument("--files", type=int, default=320, help="plans in the directory benchmark")
    ap.add_argument("--min-mb", type=float, default=1.0, help="size of the in-process mix")
    ap.add_argument("--breakdown", action="store_true", help="also time each rule on the mix")
    ap.add_argument("--no-textlint", action="store_true", help="skip the textlint comparison")
    ap.add_argument("--cli", choices=("venv", "current"), default="venv",
                    help="whose planlint command the subprocess figures run: a clean venv made "
                         "for the benchmark (default), or this Python's install")
    args = ap.parse_args(argv)

    files = plan_files()
    if not files:
        print("no plans found in examples/ or the corpus", file=sys.stderr)
        return 2
    texts = load_texts(files)
    docs = documents(texts, int(args.min_mb * MB))
    size = sum(len(d) for _, d in docs)
    print(f"planlint benchmark: {len(files)} distinct plans, mix of {len(docs)} documents, "
          f"{size / MB:.2f} MB; python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"machine speed now: a fixed pure-Python workload took {calibration() * 1000:.0f} ms "
          "(compare runs by it: on a shared machine it can vary ~2x, even within a minute)")

    print("\n[in one process; memos cleared before each document, see CONTENT_MEMOS]")
    for label, key, fn in (("read+parse", "parse_mbps", bench_parse),
                           ("full check", "check_mbps", bench_check)):
        t = fn(docs, args.runs)
        warm = fn(docs, args.runs, cold=False)
        print(f"  {mark(size / MB / t >= TARGETS[key])} {label:<12} {size / MB / t:6.2f} MB/s"
              f"  ({t * 1000:.0f} ms)   target >= {TARGETS[key]} MB/s"
              f"   [warm memos, repeated plans: {size / MB / warm:.2f} MB/s]")
    real = real_plan_files()
    if real:  # for information: the real plans alone, no target of their own
        rdocs = documents(load_texts(real), int(args.min_mb * MB))
        rsize = sum(len(d) for _, d in rdocs) / MB
        print(f"       real plans alone ({len(real)} plans, {len(rdocs)} documents): "
              f"read+parse {rsize / bench_parse(rdocs, args.runs):.2f} MB/s, "
              f"full check {rsize / bench_check(rdocs, args.runs):.2f} MB/s")
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"       peak RSS     {self_peak:6.1f} MB")
    for name in unclassified_memos():
        print(f"  NOTE {name} is memoised but not classified in bench.py (CONTENT_MEMOS or "
              "PROCESS_CACHES): the cold figures may count it as warm")
    if args.breakdown:
        slow = rule_breakdown(docs)
        print("       rules: " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in slow[:8]))

    where = args.cli
    if where == "venv" and not bench_venv():
        print("  clean venv unavailable: the subprocess figures use this Python's planlint")
        where = "current"
    command = planlint_cmd(where)
    with tempfile.TemporaryDirectory(prefix="planlint-bench-") as tmp:
        tmp = Path(tmp)
        plan30 = tmp / "plan30k.txt"
        plan30.write_text(plan_of_size(texts, 30 * 1024), encoding="utf-8")
        print(f"\n[one plan, {plan30.stat().st_size / 1024:.1f} KB, best of {args.cli_runs}; "
              f"{command[0]}]")
        t, _ = wall(command + ["--version"], args.cli_runs)
        print(f"       planlint --version {t * 1000:4.0f} ms  (start-up floor)")
        for sub in (["parse"], ["check", "--format", "json"]):
            t, code = wall(command + sub + [str(plan30)], args.cli_runs)
            ok = t * 1000 <= TARGETS["cli_ms"] and code in (0, 1)
            print(f"  {mark(ok)} planlint {sub[0]:<6} {t * 1000:6.0f} ms  (exit {code})"
                  f"   target <= {TARGETS['cli_ms']:.0f} ms")

        plans = tmp / "plans"
        total = write_dir(texts, plans, args.files)
        print(f"\n[directory of {args.files} plans, {total / MB:.2f} MB, best of {args.runs}]")
        times = {}
        runs = [("planlint (default -j)", ["--format", "json"]),
                ("planlint -j 1", ["--format", "json", "-j", "1"]),
                ("planlint text", ["--no-color"])]
        for name, opts in runs:
            t, code = wall(command + ["check"] + opts + [str(plans)], args.runs)
            times[name] = t
            print(f"       planlint check {' '.join(opts):<24} {t:6.2f} s  ({total / MB / t:5.2f} MB/s, "
                  f"exit {code})")
        binary = None if args.no_textlint else textlint_setup()
        if args.no_textlint:
            print("  textlint: skipped (--no-textlint)")
        if binary:
            cmd = [str(binary), "--config", str(TEXTLINT_DIR / ".textlintrc.json"),
                   str(plans / "*.txt")]
            t, code = wall(cmd, args.runs, cwd=TEXTLINT_DIR)
            times["textlint"] = t
            print(f"       textlint + prh (stylish output)  {t:6.2f} s  ({total / MB / t:5.2f} MB/s, exit {code})")
            default, serial = times["planlint (default -j)"], times["planlint -j 1"]
            print(f"  {mark(default < t)} planlint is {t / default:.1f}x textlint's speed on the same "
                  f"files ({t / serial:.1f}x in one process)")
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak RSS: this process {self_peak:.1f} MB, largest child {child_peak:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
