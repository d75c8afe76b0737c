#!/usr/bin/env python3
"""Language server latency: didChange on a ~30 KB plan -> publishDiagnostics (target <= 30 ms).

    python benchmarks/bench_lsp.py [--changes 40] [--kb 30]

Starts ``python -m planlint lsp`` as a subprocess with the debounce set to 0 (the figure excludes
the deliberate ~150 ms debounce), opens a plan of about 30 KB, then sends full-text didChange
notifications that each edit one task, and times each until the diagnostics for that version
arrive. Also prints the in-process lint time of the same text, to tell protocol overhead from
linting. The plan is the example or corpus plan (``../shared/corpus``) closest to the size,
repeated when smaller. Not a test: it prints figures and marks them ok/MISS.

``BENCH_LSP_CMD`` replaces the server command, e.g. to profile it:
``BENCH_LSP_CMD="python -m cProfile -o /tmp/lsp.prof -m planlint lsp"``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 30.0


def plan_text(kb: int) -> str:
    from planlint.read import read_path
    candidates = sorted((ROOT / "examples").glob("*.txt"))
    corpus = Path(os.environ.get("PLANLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
    if corpus.is_dir():
        candidates += sorted(corpus.glob("*.txt"))
    target = kb * 1024
    best = min(candidates, key=lambda p: abs(p.stat().st_size - target))
    text = "\n".join(l.text for l in read_path(str(best)).lines) + "\n"
    body = text
    while len(text.encode()) < target:
        text += body
    return text


class RawClient:
    """A bare JSON-RPC client: bytes in, json.loads out, so the figure is the server's, not a
    client library's (an editor parses the notification in well under a millisecond)."""

    def __init__(self, proc):
        self.proc = proc
        self.next_id = 0

    def send(self, method: str, params, request: bool = False) -> int | None:
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message, ensure_ascii=False).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        return message.get("id")

    async def receive(self) -> dict:
        length = 0
        while True:
            line = await self.proc.stdout.readline()
            if not line:
                raise EOFError("server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(await self.proc.stdout.readexactly(length))

    async def until(self, predicate) -> tuple[dict, float]:
        while True:
            message = await asyncio.wait_for(self.receive(), 30)
            if predicate(message):
                return message, time.perf_counter()


def edit(text: str, version: int) -> str:
    """A small edit in one task, different for each version."""
    return text.replace("做好", "做好" + "、" * (version % 3), 1) + "\n" * (version % 2)


def _diagnostics_for(version):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"].get("version") == version)


async def run(changes: int, kb: int) -> None:
    text = plan_text(kb)
    env = dict(os.environ, PLANLINT_LSP_DEBOUNCE_MS="0")
    proc = await asyncio.create_subprocess_exec(
        *os.environ.get("BENCH_LSP_CMD", f"{sys.executable} -m planlint lsp").split(), stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, env=env, limit=2 ** 24)
    client = RawClient(proc)
    rid = client.send("initialize", {"processId": os.getpid(), "rootUri": ROOT.as_uri(),
                                     "capabilities": {}}, request=True)
    await client.until(lambda m: m.get("id") == rid)
    client.send("initialized", {})
    uri = (ROOT / "bench-plan.txt").as_uri()
    client.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
    first, _ = await client.until(_diagnostics_for(1))
    count = len(first["params"]["diagnostics"])
    times = []
    for version in range(2, changes + 2):
        edited = edit(text, version)
        start = time.perf_counter()
        client.send("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": edited}]})
        await proc.stdin.drain()
        _, end = await client.until(_diagnostics_for(version))
        times.append((end - start) * 1000)
    rid = client.send("shutdown", None, request=True)
    await client.until(lambda m: m.get("id") == rid)
    client.send("exit", None)
    await proc.wait()
    report(text, count, times)


def report(text: str, count: int, times: list[float]) -> None:
    from planlint.lsp.analysis import lint_document
    path = str(ROOT / "bench-plan.txt")
    lint_document(text, path)
    inproc = []
    for version in range(2, len(times) + 2):  # the same edited texts the server linted
        start = time.perf_counter()
        lint_document(edit(text, version), path)
        inproc.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    p90 = sorted(times)[max(int(len(times) * 0.9) - 1, 0)]
    mark = "ok  " if median <= TARGET_MS else "MISS"
    print(f"[language server, {len(text.encode()) / 1024:.1f} KB plan, {count} diagnostics, "
          f"{len(times)} changes, debounce off]")
    print(f"  {mark} didChange -> publishDiagnostics  median {median:.1f} ms  p90 {p90:.1f} ms  "
          f"min {min(times):.1f} ms   target <= {TARGET_MS:.0f} ms")
    lint = statistics.median(inproc)
    print(f"       lint alone, in process           median {lint:.1f} ms  "
          f"(server overhead ~{median - lint:.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--kb", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(run(args.changes, args.kb))


if __name__ == "__main__":
    main()
