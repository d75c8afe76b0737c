"""Glue for ``planlint check FILE.docx --annotate OUT.docx`` (kept out of the CLI module)."""
from __future__ import annotations

import os

import click

from planlint.errors import PlanlintError


def check_annotate(files: list[str], out_path: str) -> None:
    """Refuse --annotate unless there is exactly one .docx input and a distinct .docx output."""
    if len(files) != 1 or files[0] == "-":
        raise PlanlintError("--annotate 只能用于单个 .docx 文件",
                            "--annotate needs exactly one .docx file")
    source = files[0]
    if os.path.splitext(source)[1].lower() != ".docx":
        raise PlanlintError(f"--annotate 只支持 Word（.docx）文件：{source}",
                            f"--annotate works on Word (.docx) files only: {source}")
    if not out_path.lower().endswith(".docx"):
        raise PlanlintError(f"批注副本必须保存为 .docx：{out_path}",
                            f"the reviewed copy must be a .docx file: {out_path}")
    if os.path.abspath(out_path) == os.path.abspath(source) or (
            os.path.exists(out_path) and os.path.samefile(source, out_path)):
        raise PlanlintError(f"批注副本不能覆盖原文件：{out_path}",
                            f"the reviewed copy must not overwrite the original: {out_path}")


def write_annotated(results, out_path: str, lang: str = "zh") -> None:
    """Write the reviewed copy for the single result; a read error is reported by the caller."""
    from planlint.word.annotate import annotate_file

    result = results[0]
    if result.error is not None:
        return
    count = annotate_file(result.path, out_path, result.diagnostics, lang)
    click.echo(f"planlint：已写入批注副本 {out_path}（{count} 条批注）" if lang == "zh" else
               f"planlint: wrote the reviewed copy {out_path} ({count} comments)", err=True)
