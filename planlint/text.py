"""Text helpers shared by the parser and the rules (comparison only: never rewrite the source)."""
from __future__ import annotations

import functools
import unicodedata

from planlint.rxcache import rx

_SPACE = rx(r"[\s\u3000\u00a0]+")


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Compare-only normalisation: NFKC (bracket and colon width) and no white space."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def unit_key(name: str, aliases: dict[str, str] | None = None) -> str:
    key = fold(name)
    if aliases:
        folded = {fold(a): fold(c) for a, c in aliases.items()}
        key = folded.get(key, key)
    return key
