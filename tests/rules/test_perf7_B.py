"""halfwidth-punctuation's fast paths give what the code they skip gives.

``find`` answers most lines from regexes alone (every wanted character is a hit when no URL, no
nested or unmatched bracket, no half-width pair without Han and no separator without a CJK
neighbour can be on the line); ``_problem`` builds its edits and names in one loop. Both are
compared with the code they replaced, kept here as the reference.
"""
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.diagnostics import Fix, LineEdit, Problem
from planlint.model import Span
from planlint.rules import halfwidth_punctuation as hp
from planlint.rules._chars import has_han, inside, is_cjk, url_spans


def reference_finder(wanted):
    """The finder as it was before the regex fast path (a set of indexes)."""
    want_open, want_close = "(" in wanted, ")" in wanted
    separators = "".join(sorted(wanted - {"(", ")"}))
    find_separators = hp._pattern(separators).finditer if separators else None

    def find(text):
        urls = url_spans(text) if ("/" in text or "@" in text or "www" in text) else []
        hits = set()
        if (want_open or want_close) and ("(" in text or ")" in text):
            for i, j in hp._paren_pairs(text):
                if urls and inside(urls, i):
                    continue
                left, right = text[i] == "(", text[j] == ")"
                if (left and right) and not (hp._near_cjk(text, i) or hp._near_cjk(text, j)
                                             or has_han(text[i + 1:j])):
                    continue
                if left and want_open:
                    hits.add(i)
                if right and want_close:
                    hits.add(j)
        if find_separators is None:
            return hits
        for m in find_separators(text):
            i = m.start()
            if urls and inside(urls, i):
                continue
            before, after = text[i - 1] if i else "", text[i + 1:i + 2]
            if is_cjk(before) or is_cjk(after):
                hits.add(i)
            elif not (before.isdigit() and after.isdigit()) and hp._near_cjk(text, i):
                hits.add(i)
        return hits

    return find


def reference_problem(number, text, hits, task):
    edits = tuple([LineEdit(number, i + 1, i + 2, hp.FULL[text[i]]) for i in hits])
    shown = " ".join(dict.fromkeys(map(text.__getitem__, hits)))
    count = len(hits)
    return Problem(Span(number, hits[0] + 1, number, hits[-1] + 2),
                   f"中文中使用了半角标点 {shown}（{count} 处），应为全角", task,
                   Fix(f"改为全角标点（{count} 处）", edits, True),
                   f"half-width punctuation {shown} in Chinese text ({count}x); use full width")


# Brackets and separators of both widths, Han and non-Han CJK (U+4DC0 is CJK but not Han;
# U+3000 is CJK and transparent), quotes, digits, Latin, spaces and URL pieces.
ALPHABET = "():,;（）：，；中文\u3400\u4dc0\u9fff\u3000\u2018\u201c\u2014\u2026\uff01 a1.9/@w"
CHARS = st.sampled_from(["():,;", ",", ":;", "(,", ")", "()", "(", ":"])


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(alphabet="():,;（）中a1 ", max_size=16),
                 st.text(alphabet=ALPHABET, max_size=40)), CHARS)
def test_find_matches_the_former_finder(text, chars):
    found = hp._finder(set(chars))(text)
    assert found == sorted(reference_finder(set(chars))(text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="(),:;中a", min_size=1, max_size=30), CHARS)
def test_problem_matches_the_former_problem(text, chars):
    hits = sorted(i for i, c in enumerate(text) if c in chars)
    if hits:
        assert repr(hp._problem(7, text, hits, "t1")) == repr(reference_problem(7, text, hits, "t1"))


def test_find_examples():
    find = hp._finder(set("():,;"))
    assert find("(二)加强平台建设。(牵头部门:区科委,区府办)") == [0, 2, 10, 15, 19, 23]
    assert find("see (www.a.cn) 10:30, 1,000") == []
    assert find("中(a(b)c)") == [1, 7]  # the inner (b) is English text


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="()（）a中", max_size=20))
def test_simple_means_every_bracket_in_an_inner_pair(text):
    count = sum(text.count(c) for c in "()（）")
    simple = hp._SIMPLE.fullmatch(text) is not None
    assert simple == (2 * len(hp._INNER_PAIR.findall(text)) == count)
