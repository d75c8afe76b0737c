"""Readers: a file on disk (or stdin bytes) to a :class:`~planlint.model.Source`.

Plain text is handled here; .docx and .html readers live beside this module and produce the
same line records, each knowing its paragraph or table cell.
"""
from __future__ import annotations

import os

from planlint.errors import ReadError
from planlint.gcpause import paused
from planlint.model import Source
from planlint.read.decode import decode, looks_binary
from planlint.read.text import source_from_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
DOCX_SUFFIXES = {".docx"}
HTML_SUFFIXES = {".html", ".htm"}
ALL_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES
# Larger files are refused rather than read into memory whole.
MAX_BYTES = 64 * 1024 * 1024


def read_bytes(data: bytes, path: str, encoding: str | None = None) -> Source:
    """The document in ``data`` (named ``path``), read with the cyclic collector paused (see
    :mod:`planlint.gcpause`): a plan's source lines are some 13,000 objects per MB, alive until
    the model is dropped, and the collections their allocation triggered found nothing while
    traversing them again and again (measured, a quarter of the cost of reading a plan)."""
    return paused(_read_bytes, data, path, encoding)


def _read_bytes(data: bytes, path: str, encoding: str | None) -> Source:
    suffix = os.path.splitext(path)[1].lower()  # (pathlib would cost ~5 ms of imports)
    if suffix in DOCX_SUFFIXES or data[:4] == b"PK\x03\x04":
        from planlint.read.docx import read_docx
        return read_docx(data, path)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ReadError(f"{path}：这是旧版 Word（.doc）或其他 OLE 二进制文件，请另存为 .docx 或 .txt",
                        f"{path}: an old binary Word (.doc) or OLE file; save it as .docx or .txt")
    if data[:5] == b"%PDF-":
        raise ReadError(f"{path}：不支持 PDF，请先导出为文本",
                        f"{path}: PDF is not supported; export it to text first")
    if not encoding and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and looks_binary(data):
        raise ReadError(f"{path}：看起来是二进制文件，不是文本", f"{path}: looks like a binary file, not text")
    text, used, bom = decode(data, encoding, path)
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        from planlint.read.html import read_html
        return read_html(text, path, used)
    return source_from_text(text, path, used, bom)


def _looks_like_html(text: str) -> bool:
    # Only the first 14 characters can decide (lowering the whole kilobyte of a CJK plan was a
    # measurable part of reading it): lowering a prefix gives a prefix of the lowered text, up to
    # the choice of σ or ς at its end, which neither ASCII name contains.
    head = text[:1024].lstrip()[:14].lower()
    return head.startswith(("<!doctype html", "<html"))


def read_one(path: str, encoding: str | None = None) -> Source:
    """A file, or standard input for ``-``."""
    if path == "-":
        import sys
        return read_bytes(_read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>", encoding)
    return read_path(path, encoding)


def _too_large(path: str, size: int | None) -> ReadError:
    """``size``: the file's, or None for a stream read past the limit."""
    limit = MAX_BYTES // 1048576
    if size is None:
        return ReadError(f"{path}：文件过大（超过 {limit} MB 上限）",
                         f"{path}: file too large (over the {limit} MB limit)")
    return ReadError(f"{path}：文件过大（{size // 1048576} MB，上限 {limit} MB）",
                     f"{path}: file too large ({size // 1048576} MB, limit {limit} MB)")


def _read_limited(stream, path: str) -> bytes:
    """The stream's bytes, at most MAX_BYTES: a pipe, a device (/dev/zero) or standard input has
    no size to check first, and reading it whole could exhaust memory. (Read a megabyte at a
    time: ``read(MAX_BYTES + 1)`` would allocate that much for every call.)"""
    chunks, total = [], 0
    while chunk := stream.read(1 << 20):
        total += len(chunk)
        if total > MAX_BYTES:
            raise _too_large(path, None)
        chunks.append(chunk)
    return b"".join(chunks)


def read_path(path: str, encoding: str | None = None) -> Source:
    try:
        size = os.path.getsize(path)
        if os.path.isdir(path):
            raise ReadError(f"{path}：是目录", f"{path}: is a directory")
        if size > MAX_BYTES:
            raise _too_large(path, size)
        with open(path, "rb") as fh:
            # A regular file's size is checked above; a pipe or a device reports size 0.
            data = fh.read() if size else _read_limited(fh, path)
    except FileNotFoundError:
        raise ReadError(f"{path}：文件不存在", f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{path}：是目录", f"{path}: is a directory") from None
    except PermissionError:
        raise ReadError(f"{path}：没有读取权限", f"{path}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"{path}：无法读取（{exc.strerror}）", f"{path}: cannot read ({exc.strerror})") from None
    return read_bytes(data, path, encoding)
