"""Fifth session's fast paths in the rules agree with the plain definitions they stand in for."""
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.model import SourceLine
from planlint.rules import unbalanced_brackets, unbalanced_quotes
from planlint.rules._chars import line_texts
from planlint.rules._pairs import _pairing, _pattern, _unpaired

BRACKETS = "()（）[]【】〔〕《》〈〉“”‘’"
line_text = st.text(alphabet=BRACKETS + "a中 \n", max_size=12)


@settings(max_examples=600)
@given(st.lists(line_text, max_size=6))
def test_unpaired_lines_are_the_lines_whose_brackets_do_not_pair_up(texts):
    lines = tuple(SourceLine(k + 1, text) for k, text in enumerate(texts))
    for kinds in (unbalanced_brackets.KINDS, unbalanced_quotes.KINDS):
        pattern = _pattern("".join(sorted(kinds)))
        pairs_up = _pairing(tuple(sorted(kinds.items())))
        expected = [k for k, text in enumerate(texts)
                    if pattern.search(text) and not pairs_up("".join(pattern.findall(text)))]
        assert _unpaired(lines, pattern, pairs_up) == expected


@given(st.lists(line_text, max_size=4), st.lists(line_text, max_size=4))
def test_line_texts_follow_the_lines_asked_for(first, second):
    a = tuple(SourceLine(k + 1, text) for k, text in enumerate(first))
    b = tuple(SourceLine(k + 1, text) for k, text in enumerate(second))
    for lines, texts in ((a, first), (b, second), (a, first), (list(b), second)):
        assert line_texts(lines) == (tuple(texts), "\n".join(texts))
