"""``planlint lsp``: a language server on pygls 2 (stdio).

Diagnostics are pushed on open and save at once and on change after a short debounce. Quick fixes
and ``source.fixAll`` are computed from the document text in the code-action handler (Emacs does
not round-trip ``Diagnostic.data``). Positions stay planlint's (line, code point) inside and are
converted at the edge in the negotiated encoding (UTF-8, UTF-16 or UTF-32). This module imports
pygls, so only the ``lsp`` command imports it.
"""
from __future__ import annotations

import asyncio
import gc
import logging
import os

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from planlint import __version__
from planlint.fixes import choose
from planlint.lsp.analysis import config_for, hover_markdown, lint_document, task_at
from planlint.lsp.positions import Positions

log = logging.getLogger(__name__)
DEBOUNCE = float(os.environ.get("PLANLINT_LSP_DEBOUNCE_MS", "150")) / 1000
SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
            "info": T.DiagnosticSeverity.Information}
CONFIG_NAMES = (".planlint.yaml", ".planlint.yml", "planlint.yaml")


class PlanlintServer(LanguageServer):
    def __init__(self):
        # Full sync: pygls applies incremental changes with str.splitlines, which breaks lines on
        # U+2028 and form feeds where LSP does not; with full text nothing needs re-splitting.
        super().__init__("planlint", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Full)
        self.lang = "zh"
        self.debounce = DEBOUNCE
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.cache: dict[str, tuple] = {}  # uri -> (version, text, encoding, result, positions)
        self.reported: set[str] = set()  # config problems already shown (not on every keystroke)

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return getattr(enc, "value", enc) or "utf-16"

    def root(self) -> str | None:
        uri = self.workspace.root_uri
        return to_fs_path(uri) if uri else None

    def analyse(self, uri: str):
        """(FileResult, Positions) for the document's current text, cached per version."""
        doc = self.workspace.get_text_document(uri)
        text = doc.source
        hit = self.cache.get(uri)
        if hit and hit[0] == doc.version and hit[1] == text and hit[2] == self.encoding:
            return hit[3], hit[4]
        path = to_fs_path(uri) if uri.startswith("file:") else None
        config, problem = config_for(path, self.root())
        if problem and problem not in self.reported:
            self.reported.add(problem)
            self.window_show_message(T.ShowMessageParams(
                T.MessageType.Warning, f"planlint：配置有误，暂用默认配置：{problem}"))
        result = lint_document(text, path, self.root(), config)
        positions = Positions(text, self.encoding)
        self.cache[uri] = (doc.version, text, self.encoding, result, positions)
        return result, positions

    def send_diagnostics(self, uri: str, version, result, positions) -> None:
        send = getattr(self.protocol, "_send_data", None)
        if send is None:  # no raw channel in this pygls: the typed (slower) path
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
                uri=uri, version=version,
                diagnostics=[to_lsp_diagnostic(d, positions, self.lang) for d in result.diagnostics]))
            return
        # Plain JSON: building and unstructuring ~200 lsprotocol objects cost ~3 ms a publish.
        send({"jsonrpc": "2.0", "method": T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
              "params": {"uri": uri, "version": version,
                         "diagnostics": [diagnostic_json(d, positions, self.lang)
                                         for d in result.diagnostics]}})

    def publish(self, uri: str) -> None:
        self.pending.pop(uri, None)
        try:
            doc = self.workspace.get_text_document(uri)
            result, positions = self.analyse(uri)
        except Exception as exc:  # never take the editor down with us
            log.exception("lint failed")
            self.window_log_message(T.LogMessageParams(T.MessageType.Error, f"planlint: {exc}"))
            return
        self.send_diagnostics(uri, doc.version, result, positions)

    def schedule(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        if self.debounce <= 0:
            self.publish(uri)
            return
        self.pending[uri] = asyncio.get_running_loop().call_later(self.debounce, self.publish, uri)


def to_range(span, positions: Positions) -> T.Range:
    (l1, c1), (l2, c2) = positions.span_to_client(span)
    return T.Range(start=T.Position(l1, c1), end=T.Position(l2, c2))


def to_lsp_diagnostic(diag, positions: Positions, lang: str) -> T.Diagnostic:
    return T.Diagnostic(range=to_range(diag.span, positions), message=diag.text(lang),
                        severity=SEVERITY.get(diag.severity, T.DiagnosticSeverity.Warning),
                        code=diag.rule, source="planlint")


def diagnostic_json(diag, positions: Positions, lang: str) -> dict:
    (l1, c1), (l2, c2) = positions.span_to_client(diag.span)
    return {"range": {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}},
            "severity": int(SEVERITY.get(diag.severity, T.DiagnosticSeverity.Warning)),
            "code": diag.rule, "source": "planlint", "message": diag.text(lang)}


def text_edits(diag, positions: Positions) -> list[T.TextEdit]:
    newline = positions.newline
    return [T.TextEdit(range=to_range(e.span, positions),
                       new_text=e.text.replace("\r\n", "\n").replace("\n", newline))
            for e in diag.fix.edits]


def _wanted(kind: str, only) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def code_actions(server: PlanlintServer, params: T.CodeActionParams) -> list[T.CodeAction]:
    uri = params.text_document.uri
    result, positions = server.analyse(uri)
    if result.plan is None:
        return []
    r = params.range
    start = positions.from_client(r.start.line, r.start.character)
    end = positions.from_client(r.end.line, r.end.character)
    only = params.context.only if params.context else None
    actions: list[T.CodeAction] = []
    if _wanted(T.CodeActionKind.QuickFix, only):
        for d in result.diagnostics:
            s = d.span
            if d.fix is None or not d.fix.edits:
                continue
            if (s.end_line, s.end_column) < start or (s.line, s.column) > end:
                continue
            actions.append(T.CodeAction(
                title=f"planlint：{d.fix.description}" if server.lang == "zh"
                else f"planlint: {d.fix.description}",
                kind=T.CodeActionKind.QuickFix,
                diagnostics=[to_lsp_diagnostic(d, positions, server.lang)],
                is_preferred=d.fix.safe,
                edit=T.WorkspaceEdit(changes={uri: text_edits(d, positions)})))
    if _wanted(T.CodeActionKind.SourceFixAll, only):
        text = "\n".join(positions.lines)  # line ends do not matter for choosing edits
        chosen, _ = choose(text, result.diagnostics, unsafe=False)
        edits = [e for d, ranges in chosen if ranges for e in text_edits(d, positions)]
        if edits:
            actions.append(T.CodeAction(
                title="planlint：应用全部安全修复" if server.lang == "zh" else "planlint: fix all",
                kind=T.CodeActionKind.SourceFixAll,
                edit=T.WorkspaceEdit(changes={uri: edits})))
    return actions


def hover(server: PlanlintServer, params: T.HoverParams) -> T.Hover | None:
    result, positions = server.analyse(params.text_document.uri)
    line, column = positions.from_client(params.position.line, params.position.character)
    task = task_at(result.plan, line, column)
    if task is None:
        return None
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown,
                                            value=hover_markdown(task, server.lang)),
                   range=to_range(task.span, positions))


def create_server() -> PlanlintServer:
    server = PlanlintServer()

    @server.feature(T.INITIALIZE)
    def initialize(ls: PlanlintServer, params: T.InitializeParams):
        options = params.initialization_options or {}
        if isinstance(options, dict):
            if options.get("lang") in ("zh", "en"):
                ls.lang = options["lang"]
            if isinstance(options.get("debounce_ms"), (int, float)):
                ls.debounce = max(0.0, options["debounce_ms"] / 1000)

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlanlintServer, params: T.DidOpenTextDocumentParams):
        ls.publish(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: PlanlintServer, params: T.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PlanlintServer, params: T.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
            _config_changed(ls)
            return
        ls.cache.pop(uri, None)
        ls.publish(uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlanlintServer, params: T.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        handle = ls.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        ls.cache.pop(uri, None)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(
        code_action_kinds=[T.CodeActionKind.QuickFix, T.CodeActionKind.SourceFixAll]))
    def code_action(ls: PlanlintServer, params: T.CodeActionParams):
        return code_actions(ls, params)

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: PlanlintServer, params: T.HoverParams):
        return hover(ls, params)

    return server


def _config_changed(ls: PlanlintServer) -> None:
    try:
        from planlint.configfile import clear_cache
        clear_cache()
    except ImportError:
        pass
    ls.cache.clear()
    ls.reported.clear()
    for uri in list(ls.workspace.text_documents):
        if not uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
            ls.publish(uri)


def main() -> None:
    server = create_server()
    # Build the parser once, then freeze: pygls, lsprotocol and the parser tables are ~10^5
    # long-lived objects that every full garbage collection during a lint would walk again
    # (a 30 KB plan linted in 14-16 ms frozen against 23-26 ms not, best of 60).
    lint_document("某县2018年工作要点\n一、总体\n1.做好工作，年底前完成。（县府办负责）\n", None)
    gc.collect()
    gc.freeze()
    server.start_io()
