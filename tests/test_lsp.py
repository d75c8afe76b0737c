"""The language server end to end, through pytest-lsp, as VS Code, Neovim 0.11 and Emacs 29 see it.

Each client negotiates its own position encoding (UTF-16, UTF-8, UTF-32). A plan with an astral
character (𠀀, two UTF-16 units, four UTF-8 bytes) before a repeated unit must get a
``duplicate-unit`` diagnostic covering exactly the repeat, and its quick fix must remove it.
"""
from __future__ import annotations

import asyncio
import os
import sys

import pytest
import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from planlint.lsp.positions import Positions, units


# A server that stops answering must fail the test, not hang CI.
WAIT = 30


async def published(client):
    return await asyncio.wait_for(
        client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), WAIT)

CLIENTS = {"visual-studio-code": "utf-16", "neovim@v0.11.0": "utf-8", "emacs": "utf-32"}

PLAN = ("某县2018年政务公开工作要点\n"
        "一、推进重点领域信息公开\n"
        "（一）财政信息公开。\n"
        "1.做好𠀀号文件的公开工作，年底前完成。（县财政局、县府办、县财政局负责）\n"
        "2.按季度公开专项资金使用情况。（县审计局负责）\n"
        "3.做好政府信息公开年度报告发布工作。（县府办负责）\n")  # no deadline
# The twin is not next to the repeat: an edit off by one unit would then leave a different text.
FIXED = PLAN.replace("县财政局、县府办、县财政局负责", "县财政局、县府办负责")
LINE = 3  # 0-based line of the repeated unit
# The server fixture lives for the module, so its tests share the module's event loop.
on_module_loop = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    scope="module",  # one server per client profile; each test opens its own document
    params=list(CLIENTS),
    config=ClientServerConfig(server_command=[sys.executable, "-m", "planlint", "lsp"],
                              server_env={"PLANLINT_LSP_DEBOUNCE_MS": "20",
                                          "PLANLINT_CACHE_DIR": os.environ["PLANLINT_CACHE_DIR"]}),
)
async def client(lsp_client: LanguageClient, request, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("workspace")
    (tmp_path / ".planlint.yaml").write_text("ignore: [missing-deadline]\n", encoding="utf-8")
    params = T.InitializeParams(capabilities=client_capabilities(request.param),
                                root_uri=tmp_path.as_uri())
    result = await lsp_client.initialize_session(params)
    lsp_client.negotiated = result.capabilities.position_encoding
    lsp_client.expected = CLIENTS[request.param]
    lsp_client.root = tmp_path
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, text: str, name: str):
    uri = (client.root / name).as_uri()
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        T.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await published(client)
    return uri


def _expected_range(encoding: str) -> T.Range:
    line = PLAN.splitlines()[LINE]
    start = line.rindex("县财政局")
    return T.Range(T.Position(LINE, units(line[:start], encoding)),
                   T.Position(LINE, units(line[:start + 4], encoding)))


def _column(line: str, character: int, encoding: str) -> int:
    """Client units -> code-point index, by encoding the line (independent of planlint's code)."""
    if encoding == "utf-32":
        return character
    codec, width = ("utf-16-le", 2) if encoding == "utf-16" else ("utf-8", 1)
    return len(line.encode(codec)[:character * width].decode(codec))


def _apply(text: str, edits: list[T.TextEdit], encoding: str) -> str:
    """Apply LSP edits the way a client does: positions in its own encoding, last edit first."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        start, end = edit.range.start, edit.range.end
        assert start.line == end.line, "these edits stay on one line"
        line = lines[start.line]
        a, b = _column(line, start.character, encoding), _column(line, end.character, encoding)
        lines[start.line] = line[:a] + edit.new_text + line[b:]
    return "\n".join(lines)


def _duplicates(client: LanguageClient, uri: str) -> list[T.Diagnostic]:
    return [d for d in client.diagnostics[uri] if d.code == "duplicate-unit"]


@on_module_loop
async def test_encoding_is_negotiated(client: LanguageClient):
    assert client.negotiated == client.expected


@on_module_loop
async def test_duplicate_unit_range_is_exact(client: LanguageClient):
    uri = await _open(client, PLAN, "range.txt")
    dups = _duplicates(client, uri)
    assert len(dups) == 1
    diag = dups[0]
    assert diag.range == _expected_range(client.expected)
    assert diag.source == "planlint" and diag.severity == T.DiagnosticSeverity.Error
    # the config in the workspace is honoured: missing-deadline is ignored there
    assert not [d for d in client.diagnostics[uri] if d.code == "missing-deadline"]


@on_module_loop
async def test_quick_fix_removes_the_repeat(client: LanguageClient):
    uri = await _open(client, PLAN, "quickfix.txt")
    diag = _duplicates(client, uri)[0]
    stripped = T.Diagnostic(range=diag.range, message=diag.message, code=diag.code,
                            source=diag.source)  # no data: Emacs drops it
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri), range=diag.range,
        context=T.CodeActionContext(diagnostics=[stripped],
                                    only=[T.CodeActionKind.QuickFix])))
    fixes = [a for a in actions if a.kind == T.CodeActionKind.QuickFix]
    assert len(fixes) == 1 and "县财政局" in fixes[0].title
    assert _apply(PLAN, fixes[0].edit.changes[uri], client.expected) == FIXED


@on_module_loop
async def test_fix_all_and_republish_after_change(client: LanguageClient):
    uri = await _open(client, PLAN, "fixall.txt")
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri),
        range=T.Range(T.Position(0, 0), T.Position(0, 0)),
        context=T.CodeActionContext(diagnostics=[], only=[T.CodeActionKind.SourceFixAll])))
    assert [a.kind for a in actions] == [T.CodeActionKind.SourceFixAll]
    fixed = _apply(PLAN, actions[0].edit.changes[uri], client.expected)
    assert fixed == FIXED
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await published(client)
    assert _duplicates(client, uri) == []


@on_module_loop
async def test_hover_shows_what_planlint_understood(client: LanguageClient):
    uri = await _open(client, PLAN, "hover.txt")
    line = PLAN.splitlines()[LINE]
    at = units(line[:line.index("公开")], client.expected)
    hover = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(LINE, at)))
    text = hover.contents.value
    assert "县府办" in text and "县财政局" in text and "2018-12-31" in text
    assert "`年底前`" in text
    nothing = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(0, 0)))
    assert nothing is None


def test_positions_round_trip_astral_characters():
    text = "a𠀀b\r\nc\u2028d\n"
    for encoding, column in (("utf-16", 3), ("utf-8", 5), ("utf-32", 2)):
        pos = Positions(text, encoding)
        assert pos.to_client(1, 3) == (0, column)
        assert pos.from_client(0, column) == (1, 3)
    assert Positions(text).lines == ["a𠀀b", "c\u2028d"]


def test_check_does_not_import_pygls():
    import subprocess
    code = ("import sys; from planlint.cli import main\n"
            "try:\n    main(['check', '--format', 'json', sys.argv[1]])\n"
            "except SystemExit: pass\n"
            "print('pygls' in sys.modules, file=sys.stderr)")
    import tempfile, os
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "p.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(PLAN)
        out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True)
    assert out.stderr.strip().splitlines()[-1] == "False"


@on_module_loop
async def test_save_republishes_and_close_clears(client: LanguageClient):
    uri = await _open(client, PLAN, "lifecycle.txt")
    assert _duplicates(client, uri)
    client.text_document_did_save(T.DidSaveTextDocumentParams(T.TextDocumentIdentifier(uri)))
    await published(client)
    assert len(_duplicates(client, uri)) == 1
    client.text_document_did_close(T.DidCloseTextDocumentParams(T.TextDocumentIdentifier(uri)))
    await published(client)
    assert list(client.diagnostics[uri]) == []


@on_module_loop
async def test_broken_config_falls_back_and_says_so(client: LanguageClient):
    folder = client.root / "broken"
    folder.mkdir(exist_ok=True)
    (folder / ".planlint.yaml").write_text("selekt: [duplicate-unit]\n", encoding="utf-8")
    uri = await _open(client, PLAN, "broken/plan.txt")
    assert len(_duplicates(client, uri)) == 1
    # defaults apply here, so the rule the workspace config ignores is back
    assert [d for d in client.diagnostics[uri] if d.code == "missing-deadline"]
    assert any("selekt" in m.message for m in client.messages)
