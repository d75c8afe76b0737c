"""How much of a memo's work other plans share: the test for keeping it between documents.

    python benchmarks/memo_overlap.py planlint.parse.clauses:_shape

bench.py clears the memos in CONTENT_MEMOS before each document, because its mix repeats a few
plans and a kept memo would be filled by a plan's own earlier copy. A memo belongs in
PROCESS_CACHES instead only when distinct plans share its keys (it caches something about the
grammar or the language, not about one document's text). This script parses each plan of the
benchmark's inputs alone, with the content memos cleared, records the keys the memoised function
is called with, and prints, for each plan, how many of its distinct keys other plans also use:
the share a kept memo would save on plans it has never seen.

The function is replaced by a recording wrapper on its module, so it must be called through the
module's global name (as the parser calls its memos).
"""
from __future__ import annotations

import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench  # noqa: E402  (benchmarks/ is not a package)


def keys_per_plan(module_name: str, func_name: str) -> dict[str, list]:
    from planlint.api import parse_source
    from planlint.read import read_bytes

    module = importlib.import_module(module_name)
    real = getattr(module, func_name)
    seen: list = []

    def record(*args):
        seen.append(args)
        return real(*args)

    clearers = bench.memo_clearers()  # before the wrapper replaces the memo
    setattr(module, func_name, record)
    try:
        out = {}
        for path in bench.plan_files():
            seen.clear()
            for clear in clearers:
                clear()
            parse_source(read_bytes(path.read_bytes(), path.name))
            out[path.name] = list(seen)
        return out
    finally:
        setattr(module, func_name, real)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or ":" not in argv[0]:
        print("usage: memo_overlap.py MODULE:FUNCTION", file=sys.stderr)
        return 2
    module_name, func_name = argv[0].split(":")
    per = keys_per_plan(module_name, func_name)
    total = shared = 0
    for name, keys in per.items():
        others = {k for other, ks in per.items() if other != name for k in ks}
        distinct = set(keys)
        hits = len(distinct & others)
        total += len(distinct)
        shared += hits
        print(f"{name[:44]:44} calls {len(keys):5}  distinct keys {len(distinct):5}  "
              f"also in other plans {hits:5}")
    if total:
        print(f"{shared} of {total} distinct keys ({shared / total:.0%}) also occur in other plans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
