#!/usr/bin/env python3
"""Regenerate ``examples/expected/<name>.json`` from ``planlint check --format json``.

Run from anywhere after any change to the reader, the parser or the rules, then review the diff
(``git diff examples/expected``) before committing: the golden files are the reviewed record of
what planlint reads in each example plan. ``tests/test_examples.py`` compares against them.

Each golden file holds the ``files[0]`` object of SPEC §3 (path, plan, encoding, diagnostics)
under a first key marking it generated. The version field of the top-level object is left out so
that a version bump does not churn every golden file.

Usage: python scripts/gen_expected.py [--check] [NAME ...]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXPECTED = EXAMPLES / "expected"
MARKER_KEY = "_generated"
MARKER = "by scripts/gen_expected.py — do not edit"
PLAN_SUFFIXES = {".txt", ".md"}


def example_files() -> list[Path]:
    """Example plans: .txt/.md directly in examples/ (plugin/ and expected/ are not plans)."""
    return sorted(p for p in EXAMPLES.iterdir()
                  if p.is_file() and p.suffix in PLAN_SUFFIXES and p.stem.upper() != "README")


def relpath(path: Path) -> str:
    """The path as passed to planlint (and so as printed in its JSON): relative, POSIX style."""
    return path.relative_to(ROOT).as_posix()


def run_check(path: Path) -> dict:
    """One file's object from ``planlint check --format json``, run from the repo root."""
    proc = subprocess.run(
        [sys.executable, "-m", "planlint", "check", "--format", "json", relpath(path)],
        cwd=ROOT, capture_output=True, env={**os.environ, "NO_COLOR": "1"},
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"planlint failed on {relpath(path)} (exit {proc.returncode}):\n"
                         + proc.stderr.decode("utf-8", "replace"))
    doc = json.loads(proc.stdout.decode("utf-8"))
    (entry,) = doc["files"]
    return entry


def golden(entry: dict) -> dict:
    return {MARKER_KEY: MARKER, **entry}


def dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="example file names (default: all)")
    ap.add_argument("--check", action="store_true",
                    help="only report which golden files are stale; exit 1 if any")
    args = ap.parse_args(argv)
    files = example_files()
    if args.names:
        files = [f for f in files if f.name in args.names or f.stem in args.names]
    EXPECTED.mkdir(exist_ok=True)
    stale = 0
    for path in files:
        target = EXPECTED / (path.stem + ".json")
        text = dump(golden(run_check(path)))
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old == text:
            continue
        stale += 1
        if args.check:
            print(f"stale: {relpath(target)}")
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {relpath(target)}")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
