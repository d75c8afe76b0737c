"""_analyse (one pass over the parse, one-unit fast path) gives what it gave as first written:
_groups building role groups, then _analyse turning them into units and people."""
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.model import OWNER, PARTICIPANT, SUPERVISOR
from planlint.parse import clauses as C
from planlint.parse.lexicon import LABEL_ROLE

_GROUP_ROLE = {"lead": OWNER, "help": PARTICIPANT, OWNER: OWNER, PARTICIPANT: PARTICIPANT,
               SUPERVISOR: SUPERVISOR}


def _groups(text, label_role):
    tokens = C._lex(text)
    shape = C._shape(tuple([t[0] for t in tokens]))
    if shape is None:
        return None
    groups, pending = [], []
    current_label = label_role
    lead_label = False
    for node in shape:
        if node[0] == "label":
            if pending:
                groups.append((current_label or "bare", pending))
                pending = []
            word = tokens[node[1]][1]
            current_label = LABEL_ROLE.get(word)
            if current_label == OWNER and lead_label and not word.startswith("牵头"):
                current_label = PARTICIPANT
            lead_label = lead_label or word.startswith("牵头")
            continue
        _, unit_at, role_at = node
        if unit_at is not None:
            pending.append(C._trimmed(tokens[unit_at]))
        if role_at is not None and pending:
            kind = C._role_kind(tokens[role_at][1])
            groups.append((kind if current_label in (None, OWNER) else current_label, pending))
            pending = []
    if pending:
        groups.append(("bare" if current_label in (None, OWNER) else current_label, pending))
    return groups


def _analyse_as_first_written(text, label_role):
    groups = _groups(text, label_role)
    if not groups:
        return None
    has_lead = any(group == "lead" for group, _ in groups)
    units, people = [], []
    for group, members in groups:
        if group == "people":
            people.extend(name for name, _, _ in members)
            continue
        role = _GROUP_ROLE.get(group)
        if role is None and group in ("resp", "bare"):
            role = PARTICIPANT if has_lead else OWNER
        if role is None:
            continue
        for name, start, end in members:
            if name:
                units.append((name, start, max(start + 1, end), role))
    if not units and not people:
        return None
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    return tuple(units), tuple(people), text.strip(), first, max(first + 1, last)


_PIECES = ["市财政局", "县政府", "各乡镇", "办公室", "中心", "牵头", "负责", "配合", "参与", "落实",
           "按职责分工分别牵头落实", "牵头单位：", "配合单位:", "责任领导：", "完成时限：", "由",
           "、", "，", "；", ",", " ", "\u3000", "。", ".", "（", "）", "(", ")", "（牵头）", "：",
           "\ufeff", "\u200b", "等", "张三", "局", "实", "头"]
_ROLES = [None, OWNER, PARTICIPANT, SUPERVISOR, "people", "deadline", "lead"]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=8), st.sampled_from(_ROLES))
def test_analyse_as_first_written(parts, label_role):
    text = "".join(parts)
    C._analyse.cache_clear()
    assert C._analyse(text, label_role) == _analyse_as_first_written(text, label_role)


@given(st.text(alphabet="市县局办中心牵头负责配合实、，：:（）() \u3000。由", max_size=12),
       st.sampled_from(_ROLES))
def test_analyse_of_any_text(text, label_role):
    C._analyse.cache_clear()
    assert C._analyse(text, label_role) == _analyse_as_first_written(text, label_role)
