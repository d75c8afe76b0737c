"""The rules' fast paths agree with the plain definitions they stand in for.

Each shortcut (an ``in`` test before a regex, an inner-pair regex instead of a bracket stack, a
search instead of a copy) is compared with a straightforward reference on generated text.
"""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.rules import empty_task, halfwidth_punctuation, vague_unit
from planlint.rules._chars import any_of, has_han

ALPHABET = "()（）[]【】:,;：，；。、 \u3000a1中文等有关相关部门“”‘’-"
texts = st.text(alphabet=ALPHABET, max_size=40)


def reference_pairs(text):
    """Bracket pairs (either width) with a half-width side, by a plain stack."""
    found, stack = [], []
    for k, ch in enumerate(text):
        if ch in "(（":
            stack.append(k)
        elif ch in ")）" and stack:
            i = stack.pop()
            if text[i] == "(" or ch == ")":
                found.append((i, k))
    return sorted(found)


@settings(max_examples=400)
@given(texts)
def test_paren_pairs_match_a_bracket_stack(text):
    assert sorted(halfwidth_punctuation._paren_pairs(text)) == reference_pairs(text)


def test_paren_pairs_handle_nesting_and_strays():
    assert halfwidth_punctuation._paren_pairs("(a(b)c") == [(2, 4)]
    assert sorted(halfwidth_punctuation._paren_pairs("((a))）")) == [(0, 4), (1, 3)]


CJK = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff\u2018-\u201d\u2026\u2014]")
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
URLS = re.compile(r"(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
                  r"|www\.[A-Za-z0-9.\-/_%?=&#]+|[\w.+-]+@[\w-]+\.[\w.-]+")


def reference_near_cjk(text, i):
    """The nearest character on either side, past spaces and punctuation, is CJK."""
    transparent = set("():,;（）：，；") | {" ", "\t", "\u3000", "\u00a0"}
    left = text[:i].rstrip("".join(transparent))
    right = text[i + 1:].lstrip("".join(transparent))
    return bool(left and CJK.match(left[-1]) or right and CJK.match(right[0]))


def reference_offending(text, wanted):
    """Half-width punctuation in Chinese text, by the rule's definition with regex classes."""
    urls = [m.span() for m in URLS.finditer(text)]
    in_url = lambda i: any(a <= i < b for a, b in urls)  # noqa: E731
    hits = set()
    for i, j in reference_pairs(text):
        left, right = text[i] == "(", text[j] == ")"
        if in_url(i) or left and right and not (reference_near_cjk(text, i) or reference_near_cjk(text, j)
                                                or HAN.search(text[i + 1:j])):
            continue
        hits |= {k for k, yes in ((i, left and "(" in wanted), (j, right and ")" in wanted)) if yes}
    for i, ch in enumerate(text):
        if ch not in wanted or ch in "()" or in_url(i):
            continue
        before, after = text[i - 1:i] if i else "", text[i + 1:i + 2]
        if CJK.match(before) or CJK.match(after):
            hits.add(i)
        elif not (before.isdigit() and after.isdigit()) and reference_near_cjk(text, i):
            hits.add(i)
    return hits


URL_ALPHABET = ALPHABET + "http://www.a.cn/@x"


@settings(max_examples=1000)
@given(st.one_of(st.text(alphabet="1a 中,:;()（）", max_size=12),
                 st.text(alphabet=URL_ALPHABET + "\u4e00\u3400\u9fff\u2014\u2026\uff01\u3041\u00e9Aa9０",
                         max_size=50)),
       st.sampled_from(["():,;", ",", ":;", "(,", ")"]))
def test_offending_matches_the_definition_with_regex_classes(text, chars):
    assert halfwidth_punctuation.offending(text, set(chars)) == reference_offending(text, set(chars))


@settings(max_examples=400)
@given(st.lists(st.one_of(st.text(alphabet=" ,:;()（）：，；\t\u3000\u00a0", min_size=16, max_size=40),
                          st.text(alphabet="1a中。“", max_size=4)), max_size=6).map("".join),
       st.sampled_from(["():,;", ",", ":;", "(,", ")"]))
def test_offending_on_long_runs_of_punctuation(text, chars):
    """Lines with runs of 16 or more blanks and punctuation marks take the one-pass nearness
    (halfwidth_punctuation._nearness) instead of a walk from each mark: the same hits."""
    assert halfwidth_punctuation.offending(text, set(chars)) == reference_offending(text, set(chars))


@settings(max_examples=400)
@given(st.text(alphabet="a1 中\u3400\u4dbf\u4dc0\u9fff\ua000\u3000（", max_size=12))
def test_has_han_matches_a_han_class(text):
    assert has_han(text) == bool(HAN.search(text))


NOISE = re.compile(r"[\s\u3000\u00a0。，、；：,.;:!！?？…—\-“”\"'‘’()（）]+")


@settings(max_examples=400)
@given(texts, st.integers(min_value=-1, max_value=6))
def test_empty_task_content_count_matches_removing_noise(text, minimum):
    assert empty_task._has_content(text, minimum) == (len(NOISE.sub("", text)) >= minimum)


@settings(max_examples=400)
@given(texts, st.text(alphabet=ALPHABET, max_size=8))
def test_any_of_is_a_membership_test(text, chars):
    assert bool(any_of(chars)(text)) == any(c in text for c in chars)


@settings(max_examples=400)
@given(st.text(alphabet="市县局等有关相关部门单位科室机构、，a", max_size=14))
def test_vague_unit_prefilter_never_hides_a_match(name):
    assert vague_unit._vague_term(name) == bool(vague_unit._VAGUE.search(name))


@settings(max_examples=400)
@given(st.text(alphabet="()（）[]【】〔〕《》〈〉“”‘’a中", max_size=14))
def test_bracket_sequences_that_pair_up_leave_nothing_for_the_stack(text):
    from planlint.model import SourceLine
    from planlint.rules import unbalanced_brackets, unbalanced_quotes
    from planlint.rules._pairs import _match, _pairing, _pattern

    for kinds in (unbalanced_brackets.KINDS, unbalanced_quotes.KINDS):
        pattern = _pattern("".join(sorted(kinds)))
        stack: list = []
        strays = _match(pattern, kinds, SourceLine(1, text), stack)
        pairs_up = _pairing(tuple(sorted(kinds.items())))
        assert pairs_up("".join(pattern.findall(text))) == (not strays and not stack)


@settings(max_examples=400)
@given(st.lists(st.text(alphabet=ALPHABET + "\n", max_size=10), max_size=6),
       st.text(alphabet=ALPHABET + "\n", max_size=6))
def test_lines_holding_are_the_lines_any_of_finds(texts, chars):
    from planlint.model import SourceLine
    from planlint.rules._chars import lines_holding

    lines = [SourceLine(k + 1, text) for k, text in enumerate(texts)]
    assert lines_holding(lines, chars) == [k for k, text in enumerate(texts) if any_of(chars)(text)]
