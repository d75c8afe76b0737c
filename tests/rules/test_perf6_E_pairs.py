"""The pairing rules' scan of simple pairs, shared by both rules (rules/_pairs._stops), finds
exactly the lines that do not pair up, as a line-by-line look at every line would."""
from hypothesis import given, settings, strategies as st

from planlint.rules import _pairs
from planlint.rules import unbalanced_brackets, unbalanced_quotes


class _Line:
    __slots__ = ("text", "number")

    def __init__(self, text, number):
        self.text, self.number = text, number


_ONE_KIND = _pairs.table([("round", "(（", ")）")])  # among the shared kinds
_OTHER = _pairs.table([("round", "(（", ")）"), ("curly", "{", "}")])  # not among them
_TEXT = st.text(alphabet="ab（）()【】[]〔〕《》〈〉“”‘’{}\n 一、", max_size=60)


def _naive(lines, kinds):
    pattern = _pairs._pattern("".join(sorted(kinds)))
    pairs_up = _pairs._pairing(tuple(sorted(kinds.items())))
    return [k for k, line in enumerate(lines)
            if (held := "".join(pattern.findall(line.text))) and not pairs_up(held)]


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.booleans())
def test_unpaired_equals_line_by_line(text, break_inside):
    texts = text.split("\n")
    if break_inside:
        texts.append("x\ny（")  # a text holding a line break: the line-by-line path
    lines = tuple(_Line(t, k + 1) for k, t in enumerate(texts))
    for kinds in (unbalanced_brackets.KINDS, unbalanced_quotes.KINDS, _ONE_KIND, _OTHER):
        chars = "".join(sorted(kinds))
        got = _pairs._unpaired(lines, _pairs._pattern(chars),
                               _pairs._pairing(tuple(sorted(kinds.items()))))
        assert got == _naive(lines, kinds)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab():,;（）中\n", max_size=40), st.sets(st.sampled_from("():,;")))
def test_halfwidth_holding_equals_lines_holding(text, wanted):
    from planlint.rules import halfwidth_punctuation
    from planlint.rules._chars import lines_holding
    lines = tuple(_Line(t, k + 1) for k, t in enumerate(text.split("\n")))
    chars = "".join(sorted(wanted))
    assert halfwidth_punctuation._holding(lines, chars) == lines_holding(lines, chars)
