#!/usr/bin/env python3
"""Report and ledger speed (not a test: it prints figures and marks them against the target).

    python benchmarks/bench_report.py [--plans 50] [--repeat 5]

Target: ``planlint report`` for 50 plans in at most 2 s. Measured three ways:

1. rendering only, for 50 linted plans (copies of ``examples/`` and, if present,
   ``../shared/corpus/`` or ``$PLANLINT_CORPUS``, linted once beforehand);
2. rendering only, for 50 synthetic plans of 30–80 tasks built as model objects;
3. the whole ``planlint report DIR -o report.html`` command (read, parse, rules, render, write)
   on a directory holding the 50 copies, as a subprocess (best of N wall time);
plus the xlsx and CSV ledgers of the same 50 plans.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0


def sources() -> list[Path]:
    corpus = Path(os.environ.get("PLANLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
    found = sorted(p for p in (ROOT / "examples").glob("*") if p.suffix in (".txt", ".md"))
    if corpus.is_dir():
        found += sorted(p for p in corpus.glob("*.txt"))
    if not found:
        sys.exit("no plans found in examples/ or the corpus")
    return found


def copy_plans(folder: Path, count: int) -> list[str]:
    plans = sources()
    out = []
    for i in range(count):
        src = plans[i % len(plans)]
        dst = folder / f"{i:03d}-{src.name}"
        shutil.copyfile(src, dst)
        out.append(str(dst))
    return out


def best(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def mark(seconds: float) -> str:
    return "ok" if seconds <= TARGET_S else "OVER TARGET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from planlint.cli.run import lint_all
    from planlint.report import ledger
    from planlint.report.html import render
    from planlint.report.sample import sample_result

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        paths = copy_plans(folder, args.plans)
        results = lint_all(paths)
        tasks = sum(len(r.plan.tasks) for r in results if r.plan)
        page = render(results)
        t_real = best(lambda: render(results), args.repeat)

        synthetic = [sample_result(30 + (i * 7) % 51, seed=i, path=f"s{i}.txt")
                     for i in range(args.plans)]
        s_tasks = sum(len(r.plan.tasks) for r in synthetic)
        t_synth = best(lambda: render(synthetic), args.repeat)

        def ledgers():
            keys, head, body = ledger.rows(results)
            ledger.to_csv(head, body)
            ledger.to_xlsx(keys, head, body)
        t_ledger = best(ledgers, args.repeat)

        out = Path(tmp) / "report.html"
        command = [sys.executable, "-m", "planlint", "report", str(folder), "-o", str(out)]

        def cli(jobs):
            return lambda: subprocess.run(command + ["-j", str(jobs)], check=True,
                                          stdout=subprocess.DEVNULL)
        t_cli = best(cli(1), max(1, args.repeat // 2))
        t_cli2 = best(cli(2), max(1, args.repeat // 2))
        t_lint = best(lambda: lint_all(paths), 1)

    print(f"report, render only, {args.plans} linted plans ({tasks} tasks, "
          f"{len(page) / 1024:.0f} KB HTML): {t_real * 1000:.0f} ms  [{mark(t_real)}]")
    print(f"report, render only, {args.plans} synthetic plans ({s_tasks} tasks): "
          f"{t_synth * 1000:.0f} ms  [{mark(t_synth)}]")
    print(f"ledger, CSV + xlsx, {args.plans} linted plans: {t_ledger * 1000:.0f} ms")
    print(f"planlint report DIR ({args.plans} plans; read, parse, rules, render, write): "
          f"{t_cli * 1000:.0f} ms wall with -j 1  [{mark(t_cli)}], "
          f"{t_cli2 * 1000:.0f} ms with -j 2  [{mark(t_cli2)}]")
    print(f"  (of which linting alone, in process: {t_lint * 1000:.0f} ms)")
    return 0 if max(t_real, t_synth, min(t_cli, t_cli2)) <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
