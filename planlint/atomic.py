"""Write files atomically: a temporary file beside the target, then a rename.

Every file planlint writes (fixed plans, reports, ledgers, reviewed .docx copies) goes through
here, so a kill mid-write never leaves half a file and nothing the user wrote is lost.
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable

from planlint.errors import PlanlintError


def write_atomic(path: str, data: bytes | Callable, mode: int | None = None) -> None:
    """Write ``data`` (bytes, or a function given the open binary file) to ``path``.

    ``-`` writes to stdout. The new file keeps ``mode`` (default: the existing file's mode, or
    the umask default for a new file). Raises PlanlintError with a one-line reason."""
    if path == "-":
        _write(sys.stdout.buffer, data)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    if mode is None:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            mode = 0o666 & ~_umask()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".planlint-", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as fh:
            _write(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        reason = exc.strerror or str(exc)
        raise PlanlintError(f"无法写入 {path}：{reason}", f"cannot write {path}: {reason}") from None
    except BaseException:
        _discard(tmp)
        raise


def _write(fh, data) -> None:
    if callable(data):
        data(fh)
    else:
        fh.write(data)


def _discard(tmp: str | None) -> None:
    if tmp:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
