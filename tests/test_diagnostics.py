"""Findings and fixes compare, hash, copy and pickle by value."""
import copy
import pickle

from planlint.diagnostics import Diagnostic, Edit, Fix, LineEdit, Problem
from planlint.model import Location, Span


def test_line_edit_is_the_edit_of_the_same_span():
    lazy, plain = LineEdit(3, 5, 6, "，"), Edit(Span(3, 5, 3, 6), "，")
    assert lazy == plain and plain == lazy and hash(lazy) == hash(plain)
    assert lazy.span == Span(3, 5, 3, 6) and lazy.position == plain.position == (3, 5, 3, 6)
    assert lazy.as_dict() == plain.as_dict()
    assert lazy != LineEdit(3, 5, 6, "：") and lazy != Edit(Span(3, 5, 4, 6), "，")
    assert Fix("f", (lazy,)) == Fix("f", (plain,)) and len({Fix("f", (lazy,)), Fix("f", (plain,))}) == 1


def test_value_semantics_copy_and_pickle():
    fix = Fix("删除", (Edit(Span(1, 2, 1, 3), ""), LineEdit(2, 1, 2, "x")), safe=False)
    diag = Diagnostic("r", "X001", "warning", "m", Span(1, 2, 1, 3), task="1", fix=fix,
                      message_en="e", group="g", location=Location(paragraph=2))
    for made in (copy.deepcopy(diag), pickle.loads(pickle.dumps(diag))):
        assert made == diag and hash(made) == hash(diag) and made.fix.edits[1].span == Span(2, 1, 2, 2)
    assert diag != Diagnostic("r", "X001", "warning", "m", Span(1, 2, 1, 3))
    assert Problem(Span(1, 1, 1, 2), "m") == Problem(span=Span(1, 1, 1, 2), message="m")
    assert Problem(Span(1, 1, 1, 2), "m") != Problem(Span(1, 1, 1, 2), "m", task="1")


def test_extra_is_free_form_and_outside_equality():
    a, b = (Diagnostic("r", "X001", "info", "m", Span(1, 1, 1, 2)) for _ in range(2))
    a.extra["note"] = 1
    assert a == b and a.extra == {"note": 1} and b.extra == {}
    assert repr(b).startswith("Diagnostic(rule='r', code='X001'") and repr(b).endswith("extra={})")
