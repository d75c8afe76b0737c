"""Plans in traditional characters are parsed through their simplified forms (parse/script.py)."""
from planlint.api import parse_source
from planlint.parse import script
from planlint.read.text import source_from_text

TRADITIONAL = "某縣2022年政務公開工作要點\n一、推進決策公開\n1.做好清單管理。（縣政府辦公室牽頭，各鄉鎮配合）\n"


def test_a_simplified_plan_is_not_folded():
    assert script.folded(source_from_text("某县2022年政务公开工作要点\n一、推进\n", "a.txt")) is None


def test_folding_keeps_every_position():
    source = source_from_text(TRADITIONAL, "t.txt")
    folded = script.folded(source)
    assert folded is not None
    assert [len(a.text) for a in folded.lines] == [len(a.text) for a in source.lines]
    assert "牵头" in folded.lines[2].text and "牽頭" in source.lines[2].text


def test_the_model_holds_the_source_and_its_strings_as_written():
    source = source_from_text(TRADITIONAL, "t.txt")
    plan = parse_source(source)
    assert plan.source is source
    assert plan.title == "某縣2022年政務公開工作要點"
    task = plan.tasks[0]
    assert [u.name for u in task.owners] == ["縣政府辦公室"]
    assert [u.name for u in task.participants] == ["各鄉鎮"]
    assert task.headings == ("一、推進決策公開",)
    for unit in task.owners + task.participants:  # spans point at the names as written
        line = source.lines[unit.span.line - 1].text
        assert line[unit.span.column - 1:unit.span.end_column - 1] == unit.name
    # a unit shared by a clause and the owners stays one object
    assert task.owners[0] is task.clauses[0].units[0]
