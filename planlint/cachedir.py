"""Where planlint keeps its caches: parse tables built by Lark and compiled regular expressions.

Only start-up work is cached (nothing about the files checked), so deleting the folder is always
safe. ``$PLANLINT_CACHE_DIR`` chooses the folder; otherwise it is the user's cache folder
(``$XDG_CACHE_HOME/planlint`` or ``~/.cache/planlint``; ``%LOCALAPPDATA%\\planlint`` on Windows),
or a folder of this user's in the temporary directory when that cannot be used.
"""
from __future__ import annotations

import functools
import os
import sys


@functools.lru_cache(maxsize=None)
def cache_dir() -> str | None:
    """The cache folder, created if need be, or None when no usable one exists."""
    for folder in _candidates():
        if _usable(folder):
            return folder
    return None


def _candidates():
    """The folders to try, in order (a generator: ``tempfile``, which costs more to import than
    the rest of this module, is only imported when the user's cache folder cannot be used)."""
    chosen = os.environ.get("PLANLINT_CACHE_DIR")
    if chosen:
        yield chosen
        return
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        if base:
            yield os.path.join(base, "planlint", "Cache")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if os.path.isabs(base):
            yield os.path.join(base, "planlint")
    import tempfile
    uid = os.getuid() if hasattr(os, "getuid") else 0
    yield os.path.join(tempfile.gettempdir(), f"planlint-cache-{uid}")


def _usable(folder: str) -> bool:
    """The folder exists or was made, is writable, and (POSIX) belongs to this user: a shared
    temporary directory must not let another user plant the pickled files planlint loads."""
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if hasattr(os, "getuid") and os.stat(folder).st_uid != os.getuid():
            return False
        return os.access(folder, os.W_OK | os.X_OK)
    except OSError:
        return False
