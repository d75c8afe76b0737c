"""The rules' fast paths agree with the plain definitions they stand in for.

Each shortcut (an ``in`` test before a regex, an inner-pair regex instead of a bracket stack, a
search instead of a copy) is compared with a straightforward reference on generated text.
"""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.rules import empty_task, halfwidth_punctuation, vague_unit
from planlint.rules._chars import any_of, is_cjk

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


@settings(max_examples=400)
@given(texts, st.sampled_from([",", ":;", ",:;"]))
def test_separator_patterns_split_on_a_cjk_neighbour(text, chars):
    direct, other = halfwidth_punctuation._separators(chars)
    near = {i for i, ch in enumerate(text) if ch in chars
            and (is_cjk(text[i - 1] if i else "") or is_cjk(text[i + 1:i + 2]))}
    rest = {i for i, ch in enumerate(text) if ch in chars} - near
    assert {m.start() for m in direct.finditer(text)} == near
    assert {m.start() for m in other.finditer(text)} == rest


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
