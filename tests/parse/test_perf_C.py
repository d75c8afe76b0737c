"""Fast paths of the model builder give what the general code gives."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planlint import parse as P
from planlint.model import Clause, SourceLine, Span, Unit
from planlint.parse.lines import Rec

_SPAN = Span(1, 1, 1, 2)
_units = st.lists(st.builds(Unit, st.sampled_from(["市财政局", "市审计局", "区政府"]), st.just(_SPAN),
                            st.sampled_from(["owner", "participant", "supervisor"]),
                            st.integers(0, 2)), max_size=4)
_clauses = st.lists(st.builds(Clause, st.just("x"), st.just(_SPAN), st.just("line"), _units.map(tuple),
                              st.lists(st.sampled_from(["张三", "李四"]), max_size=2).map(tuple)),
                    min_size=1, max_size=3)


def _roles_reference(clauses):
    by_role = {"owner": [], "participant": [], "supervisor": []}
    for unit in P._union(clauses):
        by_role[unit.role].append(unit)
    people = clauses[0].people if len(clauses) == 1 else tuple(p for c in clauses for p in c.people)
    return (tuple(by_role["owner"]), tuple(by_role["participant"]), tuple(by_role["supervisor"]),
            people)


@given(_clauses)
def test_roles_fast_path(clauses):
    assert P._roles(tuple(clauses)) == _roles_reference(tuple(clauses))


def _wrap_width_reference(lines, records):
    lengths: dict[int, int] = {}
    for r in records:
        if (r.kind == "TEXT" or r.kind == "MARKER") and len(r.text) >= 15:
            raw = lines[r.line - 1].text
            if "\t" not in raw:
                n = len(raw.rstrip())
                lengths[n] = lengths.get(n, 0) + 1
    if not lengths:
        return 0
    top = max(lengths, key=lambda n: (sum(lengths.get(n - k, 0) for k in range(3)), n))
    near = sum(lengths.get(top - k, 0) for k in range(3))
    total = sum(lengths.values())
    return top - 2 if top >= 25 and near >= 5 and near * 4 >= total else 0


class _Source:
    def __init__(self, lines):
        self.lines = lines


@given(st.lists(st.tuples(st.sampled_from(["TEXT", "MARKER", "CLAUSE"]), st.integers(10, 40)),
                max_size=40))
def test_wrap_width(spec):
    lines = tuple(SourceLine(i + 1, "字" * n) for i, (_, n) in enumerate(spec))
    records = [Rec(kind, i + 1, 1, "字" * n) for i, (kind, n) in enumerate(spec)]
    assert P._wrap_width(_Source(lines), records) == _wrap_width_reference(lines, records)
