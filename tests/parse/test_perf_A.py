"""Equivalence tests for the fast paths of the clause parser (clauses.py)."""
import itertools

from hypothesis import given, strategies as st
from lark import Tree

from planlint.parse import clauses as C
from planlint.parse.grammars import lark_parser
from planlint.parse.lexicon import FIELD, ROLE_AT_END

TYPES = ("LABEL", "UNIT", "ROLE", "SEP")
# Characters clauses are made of: role words, separators, brackets, labels, unit nouns.
ALPHABET = "牵头负责落实配合参与协助协办组织实施承办抓好指导分别分头共同按照各自职能责分工由" \
           "市县区局办委政府中心部门单位等、，,；;：: （）()。.\u3000\t"


def _from_tree(tree):
    """_Shape's result, read off the tree Lark builds without the transformer."""
    out = []
    for node in tree.children:
        if isinstance(node, Tree) and node.data == "label":
            out.append(("label", node.children[0].start_pos))
        elif isinstance(node, Tree) and node.data == "part":
            unit = next((t.start_pos for t in node.children if t.type == "UNIT"), None)
            role = next((t.start_pos for t in node.children if t.type == "ROLE"), None)
            out.append(("part", unit, role))
    return tuple(out)


_CLAUSE_LARK = lark_parser("clause")  # Lark's own parser, the reference


@given(st.lists(st.sampled_from(TYPES), max_size=12))
def test_shape_is_the_tree_the_grammar_builds(types):
    tree = _CLAUSE_LARK.parse(tuple(types))
    assert C._shape.__wrapped__(tuple(types)) == _from_tree(tree)


def _role_phrases():
    """Role phrases without their optional prefixes, with up to two trailing role words."""
    core = ["牵头", "负责", "落实", "配合", "参与", "协助", "协办", "组织实施", "实施", "承办", "抓好", "指导"]
    tails = ["牵头", "负责", "落实", "配合", "参与", "实施"]
    for word, split in itertools.product(core, ["", "分别", "分头"]):
        for n in range(3):
            for more in itertools.product(tails, repeat=n):
                yield word + split + "".join(more)


def test_role_phrases_end_with_a_listed_character():
    for phrase in _role_phrases():
        assert ROLE_AT_END.search("市财政局" + phrase)
        assert phrase[-1] in C._ROLE_LAST, phrase


@given(st.text(alphabet=ALPHABET, max_size=16))
def test_pattern_prechecks_are_necessary(text):
    if ROLE_AT_END.search(text):
        assert text[-1:] in C._ROLE_LAST
    if FIELD.match(text):
        assert ":" in text or "：" in text
    if C._BRACKETED_ROLE.search(text):
        assert ")" in text or "）" in text


@given(st.text(alphabet=ALPHABET, max_size=30), st.booleans())
def test_names_units_is_units_plausible_of_the_parsed_clause(text, strict):
    clause = C.parse_clause([(text, 3, 7)], "cell")
    want = clause is not None and C.units_plausible(clause, strict)
    assert C.names_units(text, strict) == want
