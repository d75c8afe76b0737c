"""Session 8 (helper A): lalr._builder's list-rule shapes agree with its general shaping."""
from hypothesis import given, strategies as st

from planlint.parse import lalr


def _general(keep, make, children):
    out: list = []
    for i, splice in keep:
        if not splice:
            out.append(children[i])
        elif out:
            out += children[i]
        else:
            out = children[i]
    return make(out)


@given(st.integers(), st.lists(st.integers()))
def test_list_rule_shapes(head, items):
    for keep, children in ((((0, True),), [list(items)]),
                           (((0, False), (1, True)), [head, list(items)])):
        build = lalr._builder("rule", keep, False, list, "rule")
        expected = _general(keep, list, [c.copy() if isinstance(c, list) else c for c in children])
        assert build(children) == expected
        assert lalr._builder("rule", keep, False, len, "rule")(children) == len(expected)
