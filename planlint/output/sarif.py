"""SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, SARIF viewers).

Columns are code points (``columnKind: unicodeCodePoints``), matching planlint's own positions, so
no conversion happens here. Each result carries a partial fingerprint built from the baseline key
(rule + file + task identity + finding text), so dashboards keep tracking a finding when lines
move. Fixes become SARIF ``fixes`` with ``artifactChanges``.
"""
from __future__ import annotations

import inspect
import json
import os
from urllib.parse import quote

from planlint import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/planlint/"


def rule_doc(rule) -> tuple[str, str]:
    """(one-line summary, full text) from the rule's docstring."""
    doc = inspect.getdoc(rule) or ""
    lines = doc.strip().splitlines()
    summary = lines[0].strip() if lines else getattr(rule, "NAME", "")
    return summary, doc.strip() or summary


def artifact_uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative paths stay relative to %SRCROOT%, percent-encoded."""
    if path in ("-", "<stdin>"):
        return "stdin", None
    posix = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix), None
    while posix.startswith("./"):
        posix = posix[2:]
    return quote(posix), "%SRCROOT%"


def _location(uri: str, base: str | None) -> dict:
    loc = {"uri": uri}
    if base:
        loc["uriBaseId"] = base
    return loc


def _region(span) -> dict:
    return {"startLine": max(span.line, 1), "startColumn": max(span.column, 1),
            "endLine": max(span.end_line, span.line, 1), "endColumn": max(span.end_column, 1)}


def _rule_descriptor(rule) -> dict:
    summary, full = rule_doc(rule)
    return {
        "id": rule.NAME,
        "name": rule.NAME,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": full},
        "defaultConfiguration": {"level": LEVELS.get(rule.SEVERITY, "warning")},
        "properties": {"code": rule.CODE, "fixable": bool(getattr(rule, "FIXABLE", False))},
    }


def _rules(results) -> list:
    from planlint.engine import all_rules
    rules = {r.NAME: r for r in all_rules()}
    order = list(rules)
    for result in results:
        for d in result.diagnostics:
            if d.rule not in rules:
                rules[d.rule] = type("AdHoc", (), {"NAME": d.rule, "CODE": d.code,
                                                   "SEVERITY": d.severity, "__doc__": d.rule})
                order.append(d.rule)
    return [rules[name] for name in order]


def _fix(fix, uri, base) -> dict:
    return {
        "description": {"text": fix.description},
        "artifactChanges": [{
            "artifactLocation": _location(uri, base),
            "replacements": [{"deletedRegion": _region(e.span), "insertedContent": {"text": e.text}}
                             for e in fix.edits],
        }],
    }


def _result(diag, index: dict, uri, base, lang, fingerprint) -> dict:
    out = {
        "ruleId": diag.rule,
        "ruleIndex": index[diag.rule],
        "level": LEVELS.get(diag.severity, "warning"),
        "message": {"text": diag.text(lang)},
        "locations": [{"physicalLocation": {"artifactLocation": _location(uri, base),
                                            "region": _region(diag.span)}}],
        "properties": {"code": diag.code, "task": diag.task},
    }
    if fingerprint:
        out["partialFingerprints"] = {"planlintFinding/v1": fingerprint}
    if diag.fix is not None:
        out["fixes"] = [_fix(diag.fix, uri, base)]
    return out


def _fingerprints(result) -> list:
    try:
        from planlint.baseline import fingerprints
    except ImportError:
        return [None] * len(result.diagnostics)
    return fingerprints(result)


def render(results, options) -> str:
    lang = getattr(options, "lang", "zh")
    rules = _rules(results)
    index = {r.NAME: i for i, r in enumerate(rules)}
    out, artifacts, notes = [], [], []
    for result in results:
        uri, base = artifact_uri(result.path)
        artifact = {"location": _location(uri, base)}
        if result.source is not None:
            artifact["encoding"] = result.source.encoding
        artifacts.append(artifact)
        if result.error is not None:
            notes.append({"level": "error", "message": {"text": result.error.text(lang)},
                          "locations": [{"physicalLocation": {
                              "artifactLocation": _location(uri, base)}}]})
            continue
        for diag, fp in zip(result.diagnostics, _fingerprints(result)):
            out.append(_result(diag, index, uri, base, lang, fp))
    run = {
        "tool": {"driver": {"name": "planlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [_rule_descriptor(r) for r in rules]}},
        "invocations": [{"executionSuccessful": not notes,
                         "toolExecutionNotifications": notes}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": _srcroot()}},
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": out,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2)


def _srcroot() -> str:
    cwd = os.getcwd().replace(os.sep, "/")
    return "file://" + quote(cwd if cwd.startswith("/") else "/" + cwd) + "/"
