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
        return "file://" + _quote(posix if posix.startswith("/") else "/" + posix), None
    while posix.startswith("./"):
        posix = posix[2:]
    return _quote(posix), "%SRCROOT%"


def _quote(path: str) -> str:
    """The path percent-encoded as UTF-8; a name that is not UTF-8 by its own bytes (which
    Python holds as lone surrogates), so the URI still names the file."""
    try:
        return quote(path)
    except UnicodeEncodeError:
        try:
            return quote(path.encode("utf-8", "surrogateescape"))
        except UnicodeEncodeError:
            return quote(path, errors="replace")


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


def _rules(parts) -> list:
    from planlint.engine import all_rules
    rules = {r.NAME: r for r in all_rules()}
    order = list(rules)
    for _, _, found in parts:
        for _, (rule, code, severity) in found:
            if rule not in rules:
                rules[rule] = type("AdHoc", (), {"NAME": rule, "CODE": code,
                                                 "SEVERITY": severity, "__doc__": rule})
                order.append(rule)
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


def _result(diag, uri, base, lang, fingerprint) -> dict:
    out = {
        "ruleId": diag.rule,
        "ruleIndex": None,  # set by assemble(), which knows every file's rules
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


def file_part(result, options) -> tuple:
    """(artifact, read-error notification or None, [(result dict, (rule, code, severity))])."""
    lang = getattr(options, "lang", "zh")
    uri, base = artifact_uri(result.path)
    artifact = {"location": _location(uri, base)}
    if result.source is not None:
        artifact["encoding"] = result.source.encoding
    if result.error is not None:
        note = {"level": "error", "message": {"text": result.error.text(lang)},
                "locations": [{"physicalLocation": {"artifactLocation": _location(uri, base)}}]}
        return artifact, note, []
    found = [(_result(diag, uri, base, lang, fp), (diag.rule, diag.code, diag.severity))
             for diag, fp in zip(result.diagnostics, _fingerprints(result))]
    return artifact, None, found


def assemble(parts, options) -> str:
    rules = _rules(parts)
    index = {r.NAME: i for i, r in enumerate(rules)}
    out, artifacts, notes = [], [], []
    for artifact, note, found in parts:
        artifacts.append(artifact)
        if note is not None:
            notes.append(note)
        for entry, (rule, _, _) in found:
            entry["ruleIndex"] = index[rule]
            out.append(entry)
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


def render(results, options) -> str:
    return assemble([file_part(r, options) for r in results], options)


def _srcroot() -> str:
    cwd = os.getcwd().replace(os.sep, "/")
    return "file://" + quote(cwd if cwd.startswith("/") else "/" + cwd) + "/"
