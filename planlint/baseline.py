"""Baselines: record today's findings, report only new ones later.

A finding is keyed by rule, file (relative to the baseline file's folder), task identity (folded
headings path without numbering, and task text without its unit clauses) and its own text (the folded source text of
its span, such as the repeated unit's name). Line numbers are not part of the key, so inserting
lines above a finding does not revive it. Keys are counted: a baseline holding one repeat of a unit
in a task lets one through, and a second repeat of the same unit in that task is new.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import Counter

from planlint.atomic import write_atomic
from planlint.errors import PlanlintError
from planlint.rxcache import rx
from planlint.shown import shown
from planlint.text import fold

VERSION = 1
# A heading's own numbering: renumbering sections (inserting one above) must not revive findings.
_MARKER = rx(r"^\s*[（(]?[一二三四五六七八九十百零〇两\d]+[)）]?[、.．]?\s*")


class BaselineError(PlanlintError):
    """The baseline file cannot be read or written."""


def span_text(source, span) -> str:
    if source is None:
        return ""
    if span.line == span.end_line:
        return source.line(span.line)[span.column - 1:span.end_column - 1]
    parts = [source.line(span.line)[span.column - 1:]]
    parts += [source.line(n) for n in range(span.line + 1, span.end_line)]
    parts.append(source.line(span.end_line)[:span.end_column - 1])
    return "\n".join(parts)


def task_identity(task) -> str:
    text = task.text
    for clause in task.clauses:
        if clause.text:
            text = text.replace(clause.text, "")
    return "/".join(fold(_MARKER.sub("", h)) for h in task.headings) + "//" + fold(text)


def _covers_task_start(span, task) -> bool:
    start = (task.span.line, task.span.column)
    return (span.line, span.column) <= start < (span.end_line, span.end_column) or \
        (span.line, span.column) == start


def finding_key(result, diag, root: str) -> tuple[str, str, str, str]:
    source = result.source
    task = result.plan.task(diag.task) if result.plan is not None and diag.task else None
    own = fold(span_text(source, diag.span))
    if task is not None:
        identity = task_identity(task)
        if _covers_task_start(diag.span, task):
            own = ""  # a whole-task finding: its span text changes with any edit to the task
    else:
        identity = "line:" + fold(source.line(diag.span.line) if source is not None else "")
    return diag.rule, file_key(result.path, root), identity, own


def file_key(path: str, root: str) -> str:
    if path in ("-", "<stdin>"):
        return "<stdin>"
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    # (a name that is not UTF-8: the same key at every run, as text a baseline can hold)
    return shown(rel.replace(os.sep, "/"))


def keys(result, root: str) -> list[tuple]:
    return [finding_key(result, d, root) for d in result.diagnostics]


def fingerprints(result, root: str = ".") -> list[str]:
    """Stable per-finding hashes (key + occurrence number) for SARIF partialFingerprints."""
    seen: Counter = Counter()
    out = []
    for key in keys(result, root):
        seen[key] += 1
        raw = json.dumps([*key, seen[key]], ensure_ascii=False)
        out.append(hashlib.sha256(raw.encode()).hexdigest()[:32])
    return out


def collect(results, root: str) -> Counter:
    counts: Counter = Counter()
    for result in results:
        if result.error is None:
            counts.update(keys(result, root))
    return counts


def write_baseline(path: str, results) -> int:
    root = os.path.dirname(os.path.abspath(path))
    counts = collect(results, root)
    findings = [{"rule": k[0], "file": k[1], "task": k[2], "text": k[3], "count": n}
                for k, n in sorted(counts.items())]
    doc = {"planlint_baseline": VERSION, "findings": findings}
    data = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    try:  # whole or not at all: an earlier baseline survives a failed write
        write_atomic(path, data)
    except PlanlintError as exc:
        raise BaselineError(f"{exc.text('zh')}（基线文件）", f"{exc.text('en')} (the baseline)") from None
    return sum(counts.values())


def load_baseline(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        if not isinstance(doc, dict) or doc.get("planlint_baseline") != VERSION:
            raise ValueError("not a planlint baseline")
        return Counter({(f["rule"], f["file"], f["task"], f["text"]): int(f["count"])
                        for f in doc["findings"]})
    except FileNotFoundError:
        raise BaselineError(f"{path}：基线文件不存在", f"{path}: no such baseline file") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}：不是有效的 planlint 基线文件（{exc}）",
                            f"{path}: not a valid planlint baseline ({exc})") from None


def filter_results(results, baseline: Counter, baseline_path: str) -> list:
    """Drop findings the baseline holds (up to its count per key), in document order."""
    root = os.path.dirname(os.path.abspath(baseline_path))
    left = Counter(baseline)
    out = []
    for result in results:
        if result.error is not None:
            out.append(result)
            continue
        kept = []
        for diag, key in zip(result.diagnostics, keys(result, root)):
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(diag)
        out.append(dataclasses.replace(result, diagnostics=kept))
    return out
