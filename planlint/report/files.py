"""Writing output files atomically: a temporary file beside the target, then a rename."""
from __future__ import annotations

import os
import sys
import tempfile

from planlint.errors import PlanlintError


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (``-`` for stdout) so readers never see a half-written file."""
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".planlint-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        reason = exc.strerror or str(exc)
        raise PlanlintError(f"无法写入 {path}：{reason}", f"cannot write {path}: {reason}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
