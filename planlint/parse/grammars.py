"""Build the Lark parsers once per process (LALR; grammar analysis cached on disk by Lark)."""
from __future__ import annotations

import functools
import os
import tempfile

from lark import Lark


def _cache_path(name: str) -> str | bool:
    folder = os.path.join(tempfile.gettempdir(), f"planlint-lark-{os.getuid() if hasattr(os, 'getuid') else 0}")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return False
    from planlint import __version__
    return os.path.join(folder, f"{name}-{__version__}.cache")


@functools.lru_cache(maxsize=None)
def parser(name: str, lexer="contextual", transformer=None) -> Lark:
    """The LALR parser for ``grammar/<name>.lark`` (an inline transformer skips tree building)."""
    kwargs = dict(parser="lalr", lexer=lexer, maybe_placeholders=False, transformer=transformer,
                  cache=_cache_path(name))
    try:
        return Lark.open_from_package("planlint.grammar", f"{name}.lark", **kwargs)
    except (OSError, EOFError, ValueError):
        kwargs["cache"] = False  # an unreadable cache file must never stop planlint
        return Lark.open_from_package("planlint.grammar", f"{name}.lark", **kwargs)
