"""The parsers of ``grammar/*.lark``: tables built by Lark once, kept in planlint's cache folder.

Lark is the grammar compiler and the reference: the first run builds a grammar's LALR table with
Lark (its own analysis), ``export`` turns the parser Lark made into the plain data
``planlint/parse/lalr.py`` runs, and that data goes to the cache folder as one ``marshal`` file
per grammar. Later runs read the file and never import Lark, which with the modules it imports was
about half the start-up of a one-file ``planlint check``.

A cache file is used only if it holds exactly the grammar text read now, made by the same Lark
version for the same lexer and in this format; a missing, unreadable, damaged or stale file is
rebuilt with Lark and rewritten (atomically), and without a usable cache folder the table is built
in process. The data is checked by its shape and a checksum before use, so a damaged file can
cost a rebuild, never a wrong parse.
"""
from __future__ import annotations

import functools
import marshal
import os
import sys

import planlint.grammar
from planlint.cachedir import cache_dir
from planlint.parse.lalr import Parser

_FORMAT = "planlint-lalr-1"  # the shape of the table data (lalr.py); change it when that changes


@functools.lru_cache(maxsize=None)
def parser(name: str, callbacks=None, lexer: bool = False) -> Parser:
    """The parser of ``grammar/<name>.lark``. ``callbacks`` make the rules' values (see
    lalr.Parser); ``lexer``: the grammar's own contextual lexer, else the caller gives tokens."""
    return Parser(table(name, lexer), callbacks)


def table(name: str, lexer: bool = False) -> dict:
    """The table data of ``grammar/<name>.lark`` (see lalr.py), from the cache when it can."""
    with open(_grammar_path(name), encoding="utf-8") as fh:
        text = fh.read()
    key = (_FORMAT, name, lexer, _lark_version(), text)
    path = _cache_file(key)
    data = _load(path, key) if path else None
    if data is None:
        data = export(lark_parser(name, lexer))
        if path:
            _store(path, key, data)
    return data


def _grammar_path(name: str) -> str:
    return os.path.join(os.path.dirname(planlint.grammar.__file__), f"{name}.lark")


def _lark_version() -> str | None:
    """The installed Lark's version, read without importing Lark (None: not found)."""
    module = sys.modules.get("lark")
    if module is not None:
        return module.__version__
    try:
        import importlib.util
        spec = importlib.util.find_spec("lark")
        with open(spec.origin, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("__version__"):
                    return line.split("=", 1)[1].strip().strip("\"'")
    except (ImportError, AttributeError, TypeError, ValueError, OSError):
        pass
    return None


def _checksum(data: bytes) -> int:
    """Adler-32 (zlib's; a C call, and zlib costs far less to import than hashlib)."""
    import zlib
    return zlib.adler32(data)


def _cache_file(key: tuple) -> str | None:
    """One file per grammar, lexer and key: checkouts or installs with other grammar texts or
    Lark versions get files of their own instead of rewriting each other's."""
    folder = cache_dir()
    if folder is None:
        return None
    _, name, lexer, _, _ = key
    digest = _checksum(repr(key).encode("utf-8"))
    return os.path.join(folder, f"lalr-{name}-{'lexer' if lexer else 'tokens'}-{digest:08x}.marshal")


def _load(path: str, key: tuple) -> dict | None:
    """The table a cache file holds for ``key``, or None (missing, unreadable, damaged, stale)."""
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
        payload = blob[8:]
        if len(blob) < 8 or int(blob[:8], 16) != _checksum(payload):
            return None
        stored_key, data = marshal.loads(payload)
        if stored_key != key or not _well_formed(data):
            return None
        return data
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _store(path: str, key: tuple, data: dict) -> None:
    """Write the cache file atomically (readers see the old file or the new, never half of one)."""
    payload = marshal.dumps((key, data))
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temp, "wb") as fh:
            fh.write(b"%08x" % _checksum(payload) + payload)
        os.replace(temp, path)
    except OSError:
        try:
            os.remove(temp)
        except OSError:
            pass


def _well_formed(data) -> bool:
    """The data has the shape lalr.Parser reads (a checksum already vouches for the bytes)."""
    return (type(data) is dict and type(data.get("states")) is list and type(data.get("rules")) is list
            and all(type(row) is dict for row in data["states"])
            and type(data.get("start")) is int and type(data.get("end")) is int
            and (data.get("lexer", 0) is None or type(data.get("lexer")) is tuple))


# ---- Building with Lark (first run, or a cache that cannot be used) -----------------------------

def lark_parser(name: str, lexer: bool = False):
    """Lark's own LALR parser of ``grammar/<name>.lark`` (tree building, no transformer): what
    ``export`` reads, and the reference the tests hold planlint's parser to. Without ``lexer`` it
    takes a sequence of token types (``parse(("UNIT", "ROLE"))``)."""
    from lark import Lark, Token
    from lark.lexer import Lexer

    class TokenTypes(Lexer):
        """Each item of the input is a token type; the token's value and position is its index."""

        def __init__(self, lexer_conf):
            pass

        def lex(self, types):
            return (Token(t, t, i) for i, t in enumerate(types))

    return Lark.open_from_package("planlint.grammar", f"{name}.lark", parser="lalr",
                                  lexer="contextual" if lexer else TokenTypes,
                                  maybe_placeholders=False)


def export(lark) -> dict:
    """The table data of a Lark LALR parser (see lalr.py), read off the objects Lark built."""
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild
    from lark.parsers.lalr_analysis import Shift

    frontend = lark.parser
    parse_table = frontend.parser._parse_table
    rules: list = []
    numbers: dict = {}
    shapes = {rule: chain for rule, chain in lark._parse_tree_builder.rule_builders}

    def rule_number(rule) -> int:
        if rule not in numbers:
            keep, expand1 = None, False
            for wrapper in shapes[rule]:
                if wrapper is ExpandSingleChild:
                    expand1 = True
                elif getattr(wrapper, "func", None) is ChildFilterLALR_NoPlaceholders:
                    keep = tuple((i, bool(splice)) for i, splice in wrapper.args[0])
                else:
                    raise NotImplementedError(f"tree option {wrapper!r} of rule {rule}")
            name = rule.alias or rule.options.template_source or rule.origin.name
            numbers[rule] = len(rules)  # (Lark's names may be str subclasses: marshal wants str)
            rules.append((str(rule.origin.name), len(rule.expansion), keep, expand1, str(name)))
        return numbers[rule]

    count = len(parse_table.states)
    assert sorted(parse_table.states) == list(range(count))
    states = [{str(symbol): arg if action is Shift else ~rule_number(arg)
               for symbol, (action, arg) in parse_table.states[i].items()} for i in range(count)]
    start, = parse_table.start_states.values()
    end, = parse_table.end_states.values()
    return {"states": states, "rules": rules, "start": start, "end": end,
            "lexer": _export_lexer(frontend.lexer, count) if frontend.lexer_conf.lexer_type == "contextual"
            else None}


def _export_lexer(contextual, count: int) -> tuple:
    """Each state's terminal alternations, as the compiled patterns Lark's lexers match with."""
    patterns: list = []
    by_state: list = []
    seen: dict = {}
    for state in range(count):
        lexer = contextual.lexers[state]
        scanner = lexer.scanner  # builds Lark's union patterns (and the callbacks below)
        if lexer.callback:
            raise NotImplementedError(f"lexer callbacks {sorted(lexer.callback)}")
        alternations = tuple((str(m.pattern), int(lexer.g_regex_flags)) for m in scanner._mres)
        if alternations not in seen:
            seen[alternations] = len(patterns)
            patterns.append(alternations)
        by_state.append(seen[alternations])
    return tuple(patterns), tuple(by_state), tuple(sorted(contextual.root_lexer.ignore_types))
