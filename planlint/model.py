"""The plan model: what planlint understood of a document.

Frozen dataclasses only. Nothing here imports lark or click: the parser builds these objects and
every rule and output reads them. Positions are 1-based; columns count code points of the original
line; ``end_column`` points one past the last character (SPEC §3).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass(frozen=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int

    @staticmethod
    def of(line: int, column: int, length: int) -> "Span":
        return Span(line, column, line, column + length)

    def cover(self, other: "Span") -> "Span":
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Span(start[0], start[1], end[0], end[1])


@dataclass(frozen=True)
class Location:
    """Where a line came from in a structured source (.docx/.html); None for plain text."""

    paragraph: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    cell: Optional[int] = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class SourceLine:
    """One line of the text view, as read: ``text`` excludes the line terminator."""

    number: int
    text: str
    location: Optional[Location] = None


@dataclass(frozen=True)
class Source:
    path: str
    encoding: str
    lines: tuple[SourceLine, ...]
    bom: bool = False
    newline: str = "\n"
    kind: str = "text"  # text | docx | html

    def line(self, number: int) -> str:
        return self.lines[number - 1].text if 0 < number <= len(self.lines) else ""


# Roles a unit can have in a task.
OWNER, PARTICIPANT, SUPERVISOR = "owner", "participant", "supervisor"


@dataclass(frozen=True)
class Unit:
    name: str  # as written, role words removed
    span: Span
    role: str  # OWNER | PARTICIPANT | SUPERVISOR
    clause: int  # index into Task.clauses


@dataclass(frozen=True)
class Clause:
    """A responsibility clause: a bracketed tail, a table cell or a field line."""

    text: str
    span: Span
    kind: str  # bracket | cell | field | line
    units: tuple[Unit, ...]
    people: tuple[str, ...] = ()


# Kinds of timing expressions.
DATE, DURATION, FREQUENCY, VAGUE = "date", "duration", "frequency", "vague"


@dataclass(frozen=True)
class Timing:
    text: str
    kind: str  # DATE | DURATION | FREQUENCY | VAGUE
    span: Span
    resolved: Optional[date] = None  # for dates: the last day they allow, against the plan year
    in_deadline: bool = False  # found in the deadline value rather than the task text


@dataclass(frozen=True)
class Deadline:
    text: str  # as written, trailing 。 dropped
    span: Span
    timing: tuple[Timing, ...]


@dataclass(frozen=True)
class Marker:
    """A numbering marker as written: ``三、`` ``（二）`` ``4.`` ``（1）`` or a bare table number."""

    text: str
    number: str  # the numeral alone: 三, 二, 4, 1
    value: Optional[int]  # numeric value, None when the numeral was lost
    level: int
    style: str  # cn-dun | cn-paren | arabic-dot | arabic-paren | bare | damaged
    span: Span


@dataclass(frozen=True)
class TextPiece:
    """A run of task text and where it starts, so offsets map back to the source."""

    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Task:
    id: str
    number: str
    level: int
    span: Span  # from the marker to the end of the task's last line of text or clause
    marker: Marker
    headings: tuple[str, ...]
    text: str
    pieces: tuple[TextPiece, ...]
    clauses: tuple[Clause, ...]
    owners: tuple[Unit, ...]
    participants: tuple[Unit, ...]
    supervisors: tuple[Unit, ...]
    people: tuple[str, ...]
    deadline: Optional[Deadline]
    timing: tuple[Timing, ...]  # in the task text (the deadline's own timing is on Deadline)
    section: str  # id of the enclosing section, "" at top level

    @property
    def line(self) -> int:
        return self.span.line

    def all_timing(self) -> tuple[Timing, ...]:
        return (self.deadline.timing if self.deadline else ()) + self.timing

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a character offset into ``text``."""
        for piece in self.pieces:
            if offset <= len(piece.text):
                return piece.line, piece.column + offset
            offset -= len(piece.text)
        last = self.pieces[-1] if self.pieces else TextPiece("", self.span.line, self.span.column)
        return last.line, last.column + len(last.text)


@dataclass(frozen=True)
class Section:
    id: str
    number: str
    level: int
    title: str
    marker: Marker
    span: Span
    parent: str  # id of the parent section, "" at top level


@dataclass(frozen=True)
class Plan:
    source: Source
    title: Optional[str]
    year: Optional[int]
    draft: bool
    issue_date: Optional[date]
    layout: str  # prose | table | cells | pipe | fields | mixed | empty
    has_deadline_column: bool
    sections: tuple[Section, ...]
    tasks: tuple[Task, ...]
    markers: tuple[Marker, ...]  # every numbering marker in document order
    boilerplate: tuple[Span, ...] = field(default=())  # web/page noise lines
    notes: tuple[str, ...] = field(default=())  # reader remarks (encoding guesses …)

    def task(self, task_id: str) -> Optional[Task]:
        for task in self.tasks:
            if task.id == task_id:
                return task
        return None
