"""Build the Lark parsers once per process (LALR; grammar analysis cached on disk by Lark)."""
from __future__ import annotations

import functools
import hashlib
import os

from lark import Lark

import planlint.grammar
from planlint.cachedir import cache_dir


def _cache_path(name: str, lexer) -> str | bool:
    """One cache file per grammar text and lexer, in planlint's cache folder (False: no cache).

    Lark rebuilds (~15 ms and more) and rewrites its cache file whenever the file was made for
    another grammar or other options, so two checkouts or installs sharing one name would keep
    overwriting each other's cache; the digest in the name keeps them apart.
    """
    folder = cache_dir()
    if folder is None:
        return False
    try:
        with open(os.path.join(os.path.dirname(planlint.grammar.__file__), f"{name}.lark"), "rb") as fh:
            digest = hashlib.sha1(fh.read()).hexdigest()[:16]
    except OSError:
        return False
    return os.path.join(folder, f"lark-{name}-{getattr(lexer, '__name__', lexer)}-{digest}.cache")


@functools.lru_cache(maxsize=None)
def parser(name: str, lexer="contextual", transformer=None) -> Lark:
    """The LALR parser for ``grammar/<name>.lark`` (an inline transformer skips tree building)."""
    kwargs = dict(parser="lalr", lexer=lexer, maybe_placeholders=False, transformer=transformer,
                  cache=_cache_path(name, lexer))
    try:
        return Lark.open_from_package("planlint.grammar", f"{name}.lark", **kwargs)
    except (OSError, EOFError, ValueError):
        kwargs["cache"] = False  # an unreadable cache file must never stop planlint
        return Lark.open_from_package("planlint.grammar", f"{name}.lark", **kwargs)
