"""File names that are not valid UTF-8, written out.

On POSIX a file name is bytes. Python gives the bytes it cannot decode as lone surrogates
(U+DC80-U+DCFF), so such a path can still be opened, but a string holding one cannot be encoded
as UTF-8: printing it, or writing it into JSON, HTML, CSV or a baseline, would raise. A file
unzipped from a Chinese Windows archive often has such a (GBK) name. planlint keeps the real
path for reading and writing the file and shows the undecodable bytes as U+FFFD.
"""
from __future__ import annotations

import codecs

_REPLACEMENT = "\ufffd"


def shown(text: str) -> str:
    """``text`` with each undecodable byte of a file name as U+FFFD (and any other lone
    surrogate as "?"): text that encodes as UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "replace").decode("utf-8")


def _display_errors(exc: UnicodeError):
    """Codec error handler for planlint's output streams: an undecodable file-name byte becomes
    U+FFFD where the stream's encoding has it, anything else unencodable "?"."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    try:
        utf8 = codecs.lookup(exc.encoding).name == "utf-8"
        _REPLACEMENT.encode(exc.encoding)
        mark = _REPLACEMENT
    except (UnicodeEncodeError, LookupError):
        utf8, mark = False, "?"
    bad = exc.object[exc.start:exc.end]
    text = "".join(mark if "\udc80" <= c <= "\udcff" else "?" for c in bad)
    # CPython's UTF-8 encoder takes a replacement as bytes or ASCII text only; the CJK codecs
    # take text only.
    return (text.encode("utf-8") if utf8 else text), exc.end


codecs.register_error("planlint.shown", _display_errors)


def display_streams(*streams) -> None:
    """Make text streams (stdout, stderr) write what they cannot encode by ``_display_errors``
    instead of raising (click's test runner and odd streams without ``reconfigure`` are left
    as they are)."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) in ("strict", "surrogateescape"):
            try:
                reconfigure(errors="planlint.shown")
            except (ValueError, OSError):  # a closed or detached stream
                pass
