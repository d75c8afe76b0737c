"""planlint's LALR driver (parse/lalr.py) over the tables Lark builds agrees with Lark itself,
and the table cache (parse/grammars.py) survives damaged files and a missing cache folder."""
import os
import re
import subprocess
import sys
from datetime import date

import lark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Tree
from lark.exceptions import LarkError

from planlint import cachedir
from planlint.parse import grammars, timing
from planlint.parse.lalr import ParseError, Parser

PLAN_KINDS = ("MARKER", "NUMBER", "ROWITEM", "TEXT", "CLAUSE", "FIELD", "TIMING", "HEADER", "ROW",
              "NOISE")
CLAUSE_TYPES = ("LABEL", "UNIT", "ROLE", "SEP")
# Pieces of timing expressions, and what is not one.
TIMING_PIECES = ["0", "1", "2", "3", "4", "9", "12", "2018", "2020", "年", "月", "日", "号", "份",
                 "季度", "第", "一", "二", "三", "四", "底", "末", "内", "前", "中", "初", "旬",
                 "上", "下", "半", "年底", "年内", "上半年", "下半年", "年初", "中旬", "之前",
                 "以前", "为止", "止", "完成", "截至", "截止", "到", "至", "于", "在", " ", "\t",
                 "\u3000", "x", "，", "\n"]


def _plain(node, lexer):
    """A Lark tree as the driver's default values: (rule, children); a token as the value the
    driver is given here, (type, index) or from the lexer (type, text)."""
    if isinstance(node, Tree):
        return (str(node.data), [_plain(c, lexer) for c in node.children])
    return (node.type, str(node.value) if lexer else node.start_pos)


def _lark_or_error(name, tokens, lexer=False):
    try:
        return _plain(_lark(name, lexer).parse(tokens), lexer)
    except LarkError:
        return "error"


def _ours_or_error(name, tokens, lexer=False):
    try:
        if lexer:
            return _parser(name, True).parse_text(tokens)
        return _parser(name, False).parse(zip(tokens, zip(tokens, range(len(tokens)))))
    except ParseError:
        return "error"


_LARKS, _PARSERS = {}, {}


def _lark(name, lexer):
    if name not in _LARKS:
        _LARKS[name] = grammars.lark_parser(name, lexer)
    return _LARKS[name]


def _parser(name, lexer):
    if name not in _PARSERS:
        _PARSERS[name] = Parser(grammars.table(name, lexer))
    return _PARSERS[name]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PLAN_KINDS + ("BOGUS",)), max_size=30))
def test_plan_parses_as_lark_parses(kinds):
    assert _ours_or_error("plan", kinds) == _lark_or_error("plan", kinds)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CLAUSE_TYPES), max_size=14))
def test_clause_parses_as_lark_parses(types):
    assert _ours_or_error("clause", types) == _lark_or_error("clause", types)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(TIMING_PIECES), max_size=8))
def test_timing_parses_as_lark_parses(pieces):
    text = "".join(pieces)
    assert _ours_or_error("timing", text, True) == _lark_or_error("timing", text, True)


def _old_resolve(text, year):
    """``timing.resolve`` as it was before lalr.py: Lark's tree, walked with iter_subtrees."""
    try:
        tree = _lark("timing", True).parse(text.strip())
    except LarkError:
        return None
    y, month, day, part, quarter = year, None, None, None, None
    for node in tree.iter_subtrees():
        for tok in node.children:
            if not hasattr(tok, "type"):
                continue
            value = re.sub(r"\s", "", str(tok))
            if tok.type == "YEAR":
                y = int(value[:4])
            elif tok.type == "MONTH":
                month = int(re.match(r"\d+", value).group())
            elif tok.type == "DAY":
                day = int(re.match(r"\d+", value).group())
            elif tok.type in ("YEARPART", "MONTHPART", "QPART"):
                part = value
            elif tok.type == "QUARTER":
                quarter = "一二三四1234".index(value.lstrip("第")[0]) % 4 + 1
    if y is None:
        return None
    try:
        if month:
            if not 1 <= month <= 12:
                return None
            last = timing._month_days(y, month)
            if day:
                return date(y, month, min(day, last))
            if part in ("上旬",):
                return date(y, month, 10)
            if part in ("中旬", "中"):
                return date(y, month, 20)
            if part == "初":
                return date(y, month, 5)
            return date(y, month, last)
        if quarter:
            end_month = quarter * 3
            return date(y, end_month, timing._month_days(y, end_month))
        if part in ("上半年", "年中"):
            return date(y, 6, 30)
        if part == "年初":
            return date(y, 3, 31)
        return date(y, 12, 31)
    except ValueError:
        return None


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(TIMING_PIECES), max_size=8), st.sampled_from([None, 2019, 2020]))
def test_resolve_reads_what_the_lark_tree_holds(pieces, year):
    text = "".join(pieces)
    assert timing.resolve.__wrapped__(text, year) == _old_resolve(text, year)


@pytest.mark.parametrize("text", ["6月底前", "2018年6月30日前", "年内", "上半年", "第三季度末",
                                  "到2020年底", "2017年年底前", "", "3 月 5 号", "13月底", "年",
                                  "2019年第四季度", "6月中旬前", "截至2020年6月", "2月30日",
                                  " 2020 年 2 月 30 号 之前 "])
def test_resolve_examples(text):
    assert timing.resolve.__wrapped__(text, 2019) == _old_resolve(text, 2019)


# ---- the cache ----------------------------------------------------------------------------------

@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path))
    cachedir.cache_dir.cache_clear()
    yield tmp_path
    cachedir.cache_dir.cache_clear()


def _files(folder, name):
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"lalr-{name}-"))


def test_lark_version_is_read_without_importing_lark(monkeypatch):
    monkeypatch.delitem(sys.modules, "lark")
    assert grammars._lark_version() == lark.__version__


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "flipped", "stale"])
def test_a_damaged_or_stale_cache_file_is_rebuilt(cache, damage):
    want = grammars.table("timing", True)
    path, = _files(cache, "timing")
    good = path.read_bytes()
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(good[:len(good) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff" * 50)
    elif damage == "flipped":
        path.write_bytes(good[:-40] + bytes([good[-40] ^ 1]) + good[-39:])
    else:  # the file of another grammar text under this name
        import marshal
        key = list(marshal.loads(good[8:])[0])
        key[-1] += "\n// changed"
        payload = marshal.dumps((tuple(key), want))
        path.write_bytes(b"%08x" % grammars._checksum(payload) + payload)
    damaged = path.read_bytes()
    rebuilt = grammars.table("timing", True)  # (Lark may number the states otherwise each time)
    assert path.read_bytes() != damaged and grammars.table("timing", True) == rebuilt
    assert Parser(rebuilt).parse_text("2018年6月底前") == Parser(want).parse_text("2018年6月底前")


def test_no_cache_folder_still_parses(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(blocker / "sub"))
    cachedir.cache_dir.cache_clear()
    try:
        assert cachedir.cache_dir() is None
        data = grammars.table("clause")
        assert Parser(data).parse([("UNIT", "u"), ("ROLE", "r")])
    finally:
        cachedir.cache_dir.cache_clear()


def test_a_warm_run_does_not_import_lark(cache):
    code = ("import sys\n"
            "from planlint.api import parse_source\n"
            "from planlint.read import read_bytes\n"
            "text = '一、总体要求\\n（一）加强领导。市财政局牵头，各区政府负责。2019年6月底前完成。\\n'\n"
            "plan = parse_source(read_bytes(text.encode(), 'p.txt'))\n"
            "print('lark' in sys.modules, len(plan.tasks))\n")
    env = {**os.environ, "PLANLINT_CACHE_DIR": str(cache)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split()[0] == "True"  # built with Lark
    assert second.stdout.split() == ["False", first.stdout.split()[1]]
