"""Expand command-line paths: files as given, directories recursively by suffix, ``-`` for stdin."""
from __future__ import annotations

import os

from planlint.read import ALL_SUFFIXES

# Project documents found while walking a directory are not plans (named explicitly, they are
# still checked).
NOT_PLANS = {"readme", "changelog", "changes", "license", "licence", "contributing",
             "code_of_conduct", "security", "authors", "notice", "history"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


def expand(paths: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            out.append(path)
            continue
        found = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in files:
                stem, suffix = os.path.splitext(name)
                if suffix.lower() in ALL_SUFFIXES and not name.startswith("~$") \
                        and stem.lower() not in NOT_PLANS:
                    full = os.path.join(root, name)
                    # Regular files only (a symlink to one counts): reading a named pipe found
                    # in a directory would wait for a writer forever, and a dangling link is no
                    # plan. Named on the command line, such paths are still read as given.
                    if os.path.isfile(full):
                        found.append(full)
        out.extend(sorted(found))
    return out
