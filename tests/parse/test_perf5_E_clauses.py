"""The clause lexer's fast paths agree with the plain definitions they replace."""
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.parse import clauses as C
from planlint.parse.lexicon import BLANKS, FIELD, HELP_ROLE, LEAD_ROLE, ROLE_AT_END


def _lex_by_definition(text):
    """_lex as first written: every text split by _PART, the role searched for in the whole part."""
    tokens = []
    for m in C._PART.finditer(text):
        part, pos = m.group(), m.start()
        if part in C._SEPS or not part.strip(BLANKS):
            if part.strip(BLANKS) or pos and (text[pos - 1:pos + len(part) + 1].strip()):
                tokens.append(("SEP", part, pos))
            continue
        if ":" in part or "：" in part:
            label = FIELD.match(part)
            if label and label.end() > 0:
                tokens.append(("LABEL", label.group("label"), pos))
                part, pos = part[label.end():], pos + label.end()
                if not part.strip():
                    continue
        if ")" in part or "）" in part:
            bracketed = C._BRACKETED_ROLE.search(part)
            if bracketed:
                tokens.append(("UNIT", part[:bracketed.start()], pos))
                tokens.append(("ROLE", bracketed.group("role"), pos + bracketed.start("role")))
                continue
        body = part.rstrip(BLANKS + "。.")
        role = ROLE_AT_END.search(body)
        unit = part[:role.start()] if role else part
        if unit.strip(BLANKS):
            tokens.append(("UNIT", unit, pos))
        if role:
            tokens.append(("ROLE", role.group(), pos + role.start()))
    return tokens


_PIECES = ["市财政局", "县政府", "办公室", "各乡镇", "局", "牵头", "负责", "落实", "配合", "参与",
           "按职责分工", "分别", "牵头落实", "组织实施", "协助", "抓好", "指导", "共同", "头", "实",
           "、", "，", ",", "；", ";", "。", ".", " ", "\u3000", "\t", "\u200b", "\ufeff", "\xa0",
           "（", "）", "(", ")", "牵头单位：", "配合单位:", "责任人：", "：", "由", "等部门", "x1"]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_lex_matches_its_definition(pieces):
    text = "".join(pieces)
    assert C._lex(text) == _lex_by_definition(text)


@given(st.lists(st.sampled_from(["牵头", "主责", "主办", "配合", "参与", "协助", "协办", "协同",
                                 "负责", "落实", "分别", "头", "协"]), max_size=4))
def test_role_kind_matches_the_role_patterns(words):
    role = "".join(words)
    expected = "lead" if LEAD_ROLE.search(role) and not HELP_ROLE.search(role) else \
        "help" if HELP_ROLE.search(role) else "resp"
    assert C._role_kind(role) == expected
