"""A small block-style YAML emitter for plain data, so ``planlint parse`` need not import PyYAML.

``planlint parse`` prints the model (``model_dump.plan_document``) as YAML once per run, and
importing PyYAML alone costs about as much as a fifth of the whole command. The data is simple:
nested dicts and lists of str, int, bool and None. This module prints such data in PyYAML's
default block style (``yaml.dump(..., allow_unicode=True, sort_keys=False)``: two-space indent,
sequences not indented under a mapping key, ``{}``/``[]`` for empty collections), so that
``yaml.safe_load`` reads back exactly the data given. Output is close to PyYAML's but not
byte-identical: long lines are never folded, and strings are quoted more readily.

Strings are written plain only when that is provably safe (no indicator at the start, no ``: ``
or `` #``, nothing a YAML 1.1 or 1.2 resolver could read as a bool, null, number, timestamp,
merge or value key); otherwise single-quoted, or double-quoted with escapes when they hold line
breaks, tabs or characters outside what a YAML reader accepts raw.

Anything else (other types, non-str keys, a list or dict met twice, which PyYAML would print
with anchors) raises ``Unsupported``; the caller then falls back to PyYAML.
"""
from __future__ import annotations


class Unsupported(Exception):
    """The data holds something this emitter does not print (the caller uses PyYAML instead)."""


# Characters that may not start a plain scalar: YAML indicators and whitespace. '-', '?' and ':'
# may start one when followed by a non-space, but quoting them is simpler and always safe.
_BAD_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# A plain scalar ending in ':' or a space would lose it (or become a key).
_BAD_LAST = frozenset(": ")
# First characters of strings a resolver might read as something other than a string.
_MAYBE_SPECIAL = frozenset("0123456789+.~<=yYnNtTfFoO")
# Bool words of YAML 1.1 and 1.2 (PyYAML reads y/n as strings, other readers may not), null,
# the merge key and the value key; compared with the lower-cased string.
_WORDS = frozenset(["y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "<<", "="])
# Every character of a YAML int, float or timestamp, lower-cased: digits, '_', sign, '.', ':' (for
# sexagesimal 1:20), hex digits, the b/o/x of 0b/0o/0x, e of 1e3, i/n of .inf/.nan, t/z/space of
# 2001-12-14t21:59:43.10z. Only a string made of these, with at most one '.', may be a number or
# a date ("1.2.4" is not, so stays plain).
_NUMBER_CHARS = "0123456789_+-.:abcdefinotxz "


def _resolves(s: str) -> bool:
    """True if a YAML resolver might read the plain scalar ``s`` (non-empty, printable, starting
    with one of ``_MAYBE_SPECIAL``) as other than a string. A superset of PyYAML's implicit
    resolvers, kept simple rather than exact: no regex, nothing to compile at import."""
    t = s.lower()
    if t in _WORDS:
        return True
    if t[0] not in "0123456789+.":
        return False
    if t.startswith("..."):  # document end marker
        return True
    if t.count(".") > 1 or t.strip(_NUMBER_CHARS):
        return False
    # Past a leading sign, '-' and '+' occur only in exponents (1e-3) and in timestamps, which
    # start with a four-digit year and '-'; so "1-2" or "1-2.1" is a string.
    u = t[1:].replace("e-", "e").replace("e+", "e")
    return ("-" not in u and "+" not in u) or (t[:4].isdigit() and t[4:5] == "-")


# Short escapes for the common control characters; every other one is written in hex.
_SHORT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _needs_escape(c: str) -> bool:
    """True for characters a double-quoted scalar must escape: those PyYAML's reader rejects
    (C0/C1 controls, DEL, surrogates, U+FFFE/U+FFFF), line breaks (U+0085, U+2028, U+2029), the
    byte order mark and U+10FFFF (which PyYAML's own emitter escapes)."""
    o = ord(c)
    return (o < 0x20 or 0x7F <= o <= 0x9F or 0xD800 <= o <= 0xDFFF
            or o in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF) or o >= 0x10FFFF)


def _double_quoted(s: str) -> str:
    out = ['"']
    for c in s:
        if c in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[c])
        elif _needs_escape(c):
            o = ord(c)
            out.append(f"\\x{o:02X}" if o < 0x100 else f"\\u{o:04X}" if o < 0x10000
                       else f"\\U{o:08X}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def scalar_str(s: str) -> str:
    """``s`` as a YAML scalar: plain if provably safe, else single- or double-quoted."""
    if s.isprintable():  # no controls, line breaks, tabs, format or unassigned characters
        if (s and s[0] not in _BAD_FIRST and s[-1] not in _BAD_LAST
                and ": " not in s and " #" not in s
                and (s[0] not in _MAYBE_SPECIAL or not _resolves(s))):
            return s
        return "'" + s.replace("'", "''") + "'"
    if any(_needs_escape(c) for c in s):
        return _double_quoted(s)
    # Printable to YAML (e.g. U+3000, U+00A0, private use) but not to Python: quote, never plain.
    return "'" + s.replace("'", "''") + "'"


def _leaf(v, seen: set, memo: dict) -> str:
    """A scalar, or an empty dict or list, as written after ``key: `` or ``- ``."""
    t = type(v)
    if t is str:
        r = memo.get(v)
        if r is None:
            r = memo[v] = scalar_str(v)
        return r
    if t is int:
        return str(v)
    if t is bool:
        return "true" if v else "false"
    if v is None:
        return "null"
    if t is dict or t is list:  # empty: non-empty ones never get here
        if id(v) in seen:
            raise Unsupported("a container met twice")
        seen.add(id(v))
        return "{}" if t is dict else "[]"
    raise Unsupported(f"type {t.__name__}")


# Both writers below print their first line after ``lead`` (what stands before it on its line:
# indentation, "- " markers or an explicit key's ": ") and every later line after ``ind``.

def _mapping(d: dict, lead: str, ind: str, out: list, seen: set, memo: dict) -> None:
    if id(d) in seen:
        raise Unsupported("a container met twice")
    seen.add(id(d))
    prefix = lead
    for k, v in d.items():
        if type(k) is not str:
            raise Unsupported("a non-str key")
        key = memo.get(k)
        if key is None:
            key = memo[k] = scalar_str(k)
        t = type(v)
        if len(key) >= 128:
            # PyYAML writes long keys as explicit '? key' / ': value' pairs (its scanner allows
            # at most 1024 characters between a simple key's start and its ':').
            out.append(prefix + "? " + key + "\n")
            if t is dict and v:
                _mapping(v, ind + ": ", ind + "  ", out, seen, memo)
            elif t is list and v:
                _sequence(v, ind + ": ", ind + "  ", out, seen, memo)
            else:
                out.append(ind + ": " + _leaf(v, seen, memo) + "\n")
        elif t is dict and v:
            out.append(prefix + key + ":\n")
            _mapping(v, ind + "  ", ind + "  ", out, seen, memo)
        elif t is list and v:
            out.append(prefix + key + ":\n")
            _sequence(v, ind, ind, out, seen, memo)  # sequences are not indented under a key
        else:
            r = memo.get(v) if t is str else None  # the common case without a call
            out.append(prefix + key + ": " + (r or _leaf(v, seen, memo)) + "\n")
        prefix = ind


def _sequence(items: list, lead: str, ind: str, out: list, seen: set, memo: dict) -> None:
    if id(items) in seen:
        raise Unsupported("a container met twice")
    seen.add(id(items))
    inner = ind + "  "
    prefix = lead + "- "
    for v in items:
        t = type(v)
        if t is dict and v:
            _mapping(v, prefix, inner, out, seen, memo)
        elif t is list and v:
            _sequence(v, prefix, inner, out, seen, memo)
        elif t is int:
            out.append(prefix + str(v) + "\n")
        else:
            out.append(prefix + _leaf(v, seen, memo) + "\n")
        prefix = ind + "- "


def emit(data) -> str:
    """``data`` (nested dicts/lists of str, int, bool, None) as a block-style YAML document,
    ending with a newline; raises ``Unsupported`` for anything else."""
    out: list[str] = []
    seen: set = set()
    memo: dict = {}  # str -> its rendering; keys and values such as 'date' repeat a lot
    t = type(data)
    if t is dict and data:
        _mapping(data, "", "", out, seen, memo)
    elif t is list and data:
        _sequence(data, "", "", out, seen, memo)
    else:
        out.append(_leaf(data, seen, memo) + "\n")
    return "".join(out)
