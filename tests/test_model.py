"""The model stays frozen dataclasses whose constructors behave like dataclass's own."""
from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from planlint import model

CLASSES = [c for c in vars(model).values()
           if isinstance(c, type) and c.__module__ == model.__name__ and dataclasses.is_dataclass(c)]


def _dataclass_signature(cls) -> list[tuple[str, object]]:
    return [(f.name, f.default) for f in dataclasses.fields(cls)]


def test_every_model_class_is_a_frozen_dataclass():
    assert len(CLASSES) >= 12
    for cls in CLASSES:
        obj = object.__new__(cls)
        name = dataclasses.fields(cls)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, 1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, "not_a_field", 1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(obj, name)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls).parameters.values())
    got = [(p.name, dataclasses.MISSING if p.default is inspect.Parameter.empty else p.default)
           for p in params]
    assert got == _dataclass_signature(cls)
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in params)


def test_constructed_objects_compare_hash_replace_pickle_and_stay_frozen():
    a = model.Span(1, 2, 3, 4)
    b = model.Span(line=1, column=2, end_line=3, end_column=4)
    assert a == b and hash(a) == hash(b) and a != model.Span(1, 2, 3, 5)
    assert dataclasses.replace(a, line=9) == model.Span(9, 2, 3, 4)
    assert pickle.loads(pickle.dumps(a)) == a
    assert repr(a) == "Span(line=1, column=2, end_line=3, end_column=4)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.line = 5
    source = model.Source("p.txt", "utf-8", ())
    assert (source.bom, source.newline, source.kind) == (False, "\n", "text")
    with pytest.raises(TypeError):
        model.Span(1, 2, 3)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_objects_have_slots_and_pickle_and_copy_by_their_fields(cls):
    import copy
    args = [f"{f.name}-{i}" for i, f in enumerate(dataclasses.fields(cls))]
    for obj in (cls(*args), cls._make(*args)):
        assert not hasattr(obj, "__dict__")  # slots: no instance dict
        for clone in (pickle.loads(pickle.dumps(obj)), copy.copy(obj), copy.deepcopy(obj)):
            assert type(clone) is cls and clone == obj
            assert [getattr(clone, f.name) for f in dataclasses.fields(cls)] == args


def test_a_deadline_naming_a_month_or_the_whole_year_is_a_date():
    """9月投入使用 / 3月份 / 全年 in a deadline cell: concrete, resolved to the period's end."""
    from datetime import date
    from planlint.api import parse_source
    from planlint.read.text import source_from_text
    text = ("2024年某县民生实事分解表\n序号\n工作任务\n责任单位\n完成时限\n"
            "1\n新建人行天桥。\n县住建局\n9月投入使用\n2\n做好公开。\n县财政局\n全年\n")
    plan = parse_source(source_from_text(text, "t.txt"))
    got = [(t.deadline.timing[0].kind, t.deadline.timing[0].text, t.deadline.timing[0].resolved)
           for t in plan.tasks]
    assert got == [("date", "9月", date(2024, 9, 30)), ("date", "全年", date(2024, 12, 31))]
