"""``rx``: ``re.compile`` for planlint's own patterns, with the compiled form kept between runs.

Python's ``re`` parses and compiles every pattern in Python code at each start. planlint's
patterns (long alternations of Chinese words, CJK character classes) took ~25 ms of every run,
a sixth of a one-file ``planlint check``. ``rx`` returns the same pattern object ``re.compile``
does, but keeps the compiled program (a list of integers, with the group tables) in one cache file
per Python build, and rebuilds the pattern from it with ``_sre.compile`` -- the very call ``re``
ends with. The file is keyed by the interpreter build and ``_sre``'s magic number, read once,
and rewritten (atomically, at exit) only when a pattern was missing from it. It is written with
``marshal`` (built in; its data are tuples, lists, dicts, strings and ints): importing pickle
cost ~7 M instructions, 2% of a one-file ``planlint check``.

Anything unexpected -- another Python implementation, a changed internal API, a damaged, foreign
or unreadable file, no cache folder -- falls back to ``re.compile``: the cache only saves time.
Patterns written in users' configuration (YAML rules) go to ``re.compile`` and are never stored;
a file grown past ``_MAX_ENTRIES`` patterns (rule options that keep changing) is cut back to the
patterns the run that writes it used.
"""
from __future__ import annotations

import marshal
import os
import re
import sys

try:
    import _sre

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    _BUILD = ("planlint-rx-1", sys.implementation.cache_tag, sys.hexversion, _sre.MAGIC,
              _sre.CODESIZE)
    _AVAILABLE = sys.implementation.name == "cpython" and hasattr(_compiler, "_code")
except (ImportError, AttributeError):  # pragma: no cover - not CPython
    _AVAILABLE = False

_MAX_ENTRIES = 1000  # planlint has ~200 patterns; past this, only those used in this run are kept
_entries: dict | None = None  # (pattern, flags) -> arguments of _sre.compile after the pattern
_used: set = set()  # keys asked for in this process
_missing = False  # a pattern was compiled here that the file does not hold


def rx(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cache file when it holds the pattern."""
    if not _AVAILABLE:
        return re.compile(pattern, flags)
    flags = int(flags)
    entries = _entries if _entries is not None else _load()
    key = (pattern, flags)
    _used.add(key)
    found = entries.get(key)
    if found is not None:
        try:
            return _sre.compile(pattern, *found)
        except Exception:  # noqa: BLE001 - a damaged entry: compile afresh below
            pass
    try:
        found = _program(pattern, flags)
        compiled = _sre.compile(pattern, *found)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals not as expected
        return re.compile(pattern, flags)
    entries[key] = found
    _note_missing()
    return compiled


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup = [None] * state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | state.flags, code, state.groups - 1, groupindex, tuple(indexgroup)


def cache_file() -> str | None:
    from planlint.cachedir import cache_dir
    folder = cache_dir()
    if folder is None:
        return None
    return os.path.join(folder, f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal")


def _load() -> dict:
    global _entries
    _entries = {}
    path = cache_file()
    if path is None:
        return _entries
    try:
        with open(path, "rb") as fh:
            build, entries = marshal.loads(fh.read())  # load(fh) reads object by object
        if build == _BUILD and isinstance(entries, dict):
            _entries = entries
    except Exception:  # noqa: BLE001 - no file yet, or one that is damaged or foreign
        pass
    return _entries


def _note_missing() -> None:
    global _missing
    if not _missing:
        _missing = True
        import atexit
        atexit.register(save)


def save() -> None:
    """Write the cache file if a pattern was missing from it (atomically; errors ignored)."""
    global _missing
    if not _missing or _entries is None:
        return
    _missing = False
    path = cache_file()
    if path is None:
        return
    entries = _entries
    if len(entries) > _MAX_ENTRIES:  # patterns made from options that kept changing: start afresh
        entries = {key: entries[key] for key in _used if key in entries}
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            marshal.dump((_BUILD, entries), fh)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
