"""Word (.docx) to source lines: the text view built by :mod:`planlint.word.view`.

The archive is checked before python-docx opens it: an OLE file (encrypted .docx or old .doc), a
broken or truncated zip, an encrypted zip entry, or declared sizes past :data:`MAX_TOTAL` (a zip
bomb) are refused with a :class:`~planlint.errors.ReadError`. zipfile never inflates an entry past
its declared size, so checking the declared sizes bounds memory. python-docx parses XML with
``resolve_entities=False``; nothing here parses XML itself.
"""
from __future__ import annotations

import io
import zipfile

from planlint.errors import ReadError
from planlint.model import Source, SourceLine

MAX_TOTAL = 200 * 1024 * 1024  # declared uncompressed bytes of all entries
MAX_RATIO = 200  # compression ratio above which a large entry is treated as a bomb
MAX_ENTRIES = 10000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refuse(path: str, zh: str, en: str) -> ReadError:
    return ReadError(f"{path}：{zh}", f"{path}: {en}")


def check_archive(data: bytes, path: str) -> None:
    """Raise ReadError unless ``data`` is a plausible, bounded .docx archive."""
    if data[:8] == OLE_MAGIC:
        raise _refuse(path, "是加密的 Word 文档或旧版 .doc 文件，请取消密码保护后另存为 .docx",
                      "an encrypted Word document or an old .doc file; remove the password and "
                      "save it as .docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _refuse(path, "Word 文档已损坏或不完整（不是有效的 zip 文件）",
                      "the Word document is damaged or truncated (not a valid zip file)") from None
    if len(infos) > MAX_ENTRIES:
        raise _refuse(path, f"Word 文档包含的部件过多（{len(infos)} 个）",
                      f"too many parts in the Word document ({len(infos)})")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(path, "Word 文档已加密，请取消密码保护后再检查",
                          "the Word document is encrypted; remove the password first")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_TOTAL or (ratio > MAX_RATIO and info.file_size > 16 * 1024 * 1024):
            raise _refuse(path, f"Word 文档解压后过大（疑似压缩炸弹，上限 {MAX_TOTAL // 1048576} MB）",
                          f"the Word document inflates too far (a zip bomb? limit "
                          f"{MAX_TOTAL // 1048576} MB)")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        raise _refuse(path, "不是 Word 文档（.docx）", "not a Word document (.docx)")


def open_docx(data: bytes, path: str):
    """A python-docx ``Document`` for ``data``, after :func:`check_archive`."""
    check_archive(data, path)
    try:
        import docx
        return docx.Document(io.BytesIO(data))
    except ReadError:
        raise
    except Exception as exc:  # python-docx raises many kinds on damaged parts
        raise _refuse(path, f"无法读取 Word 文档（{type(exc).__name__}: {str(exc)[:120]}）",
                      f"cannot read the Word document ({type(exc).__name__}: "
                      f"{str(exc)[:120]})") from None


def read_docx(data: bytes, path: str) -> Source:
    from planlint.word.view import build_view

    document = open_docx(data, path)
    try:
        lines = build_view(document)
    except Exception as exc:
        raise _refuse(path, f"无法读取 Word 文档内容（{type(exc).__name__}）",
                      f"cannot read the Word document's content ({type(exc).__name__})") from None
    return Source(
        path=path,
        encoding="utf-8",
        lines=tuple(SourceLine(i + 1, line.text, line.location) for i, line in enumerate(lines)),
        kind="docx",
    )
