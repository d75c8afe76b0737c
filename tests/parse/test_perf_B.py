"""Fast paths of reading and line classification agree with the plain definitions they replace."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.parse import lexicon as lx
from planlint.parse.lines import _is_header
from planlint.read import _looks_like_html
from planlint.read.text import split_lines

_TEXT = st.text(alphabet="ab 一\r\n\t", max_size=40)


def _split_lines_by_regex(text):
    """The definition: split on CRLF, CR and LF; the dominant ending by count."""
    lines = re.split(r"\r\n|\r|\n", text)
    if text.endswith(("\n", "\r")):
        lines.pop()
    crlf, lf, cr = text.count("\r\n"), text.count("\n"), text.count("\r")
    lf, cr = lf - crlf, cr - crlf
    newline = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))[1] if (crlf or lf or cr) else "\n"
    return lines, newline


@settings(max_examples=500)
@given(_TEXT)
def test_split_lines_matches_the_regex_split(text):
    assert split_lines(text) == _split_lines_by_regex(text)


_WORDS = sorted(lx.HEADER_WORDS)[:6] + ["工作", "序", "任务x", "号", "任务", "责任", "单位", "工", "作"]


@given(st.lists(st.sampled_from(_WORDS), max_size=4), st.sampled_from([" ", "\t", "\u3000 "]))
def test_is_header_is_every_word_a_header_word(words, sep):
    """Every word a header word, or the words of one header word spaced out (工 作 任 务)."""
    text = sep.join(words)
    split = text.split()
    assert _is_header(text) == (bool(split) and all(w in lx.HEADER_WORDS for w in split)
                                or len(split) > 1 and "".join(split) in lx.HEADER_WORDS)


@settings(max_examples=500)
@given(st.text(alphabet=" \n<!>HhTtMmLlDdOoCcYyPpEeΣσİi\u212a一", max_size=30),
       st.sampled_from(["", "<html", "<HTML", "<!DOCTYPE html", "<!doctype HTML"]))
def test_looks_like_html_reads_the_lowered_head(tail, start):
    text = start + tail
    head = text[:1024].lstrip().lower()
    assert _looks_like_html(text) == head.startswith(("<!doctype html", "<html"))
