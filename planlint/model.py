"""The plan model: what planlint understood of a document.

Frozen dataclasses only. Nothing here imports lark or click: the parser builds these objects and
every rule and output reads them. Positions are 1-based; columns count code points of the original
line; ``end_column`` points one past the last character (SPEC §3).
"""
from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from datetime import date
from operator import attrgetter


def _frozen(cls):
    """A frozen dataclass with slots, built with less of dataclass's machinery.

    dataclass builds each generated method by compiling source text (~0.1-0.4 ms a class: a sixth
    of planlint's import time was this module). So only the field bookkeeping and the slotted
    class are dataclass's (``fields``, ``replace``, ``asdict``, ``is_dataclass`` work as usual);
    everything else is written once here for all model classes: equality, hash and repr over the
    fields, pickling by the field values, and the frozen ``__setattr__``/``__delattr__``, which
    raise ``FrozenInstanceError`` as dataclass's do. ``__init__`` is :func:`_init_for` (same
    signature).

    Slots, not an instance dict: a MB of plans makes ~57,000 model objects, read many times each
    by the rules and the writers. A slot is set and read by the interpreter's fastest attribute
    path and takes no dict (measured: parse -5%, a whole check -6% of instructions).
    """
    cls = dataclass(eq=False, repr=False, init=False, slots=True)(cls)
    cls.__init__ = _init_for(cls)
    cls._make = _maker_for(cls)
    names = tuple(f.name for f in fields(cls))
    values = attrgetter(*names)  # a tuple, as every model class has two fields or more
    assert len(names) > 1

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    def __hash__(self):
        return hash(values(self))

    def __repr__(self):
        return f"{self.__class__.__qualname__}(" + ", ".join(
            f"{name}={value!r}" for name, value in zip(names, values(self))) + ")"

    def __getstate__(self):  # pickle and copy: the field values, in order
        return values(self)

    def __setstate__(self, state):
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    for method in (__eq__, __hash__, __repr__, __getstate__, __setstate__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    cls.__setattr__ = _no_setattr
    cls.__delattr__ = _no_delattr
    return cls


def _no_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _no_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _parameters(cls) -> tuple[str, dict]:
    """The dataclass ``__init__``'s parameter list as source text (fields in order, defaults
    named ``_default_<field>``) and the namespace holding those defaults."""
    params, defaults = [], {}
    for f in fields(cls):
        assert f.init and f.default_factory is MISSING, f"{cls.__name__}.{f.name}"
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    return ", ".join(params), defaults


def _init_for(cls):
    """The dataclass ``__init__`` (same parameters, order and defaults), setting each slot by
    ``object.__setattr__`` as a frozen dataclass's does, without dataclass's per-class source
    compilation. Assignment after construction still raises. (The parser builds its objects with
    the faster :func:`_maker_for`.)"""
    params, defaults = _parameters(cls)
    body = [f"    _set(self, {f.name!r}, {f.name})\n" for f in fields(cls)]
    defaults["_set"] = object.__setattr__
    source = f"def __init__(self, {params}):\n" + "".join(body)
    namespace: dict = {}
    # A file name of its own, so tracebacks and profiles tell the classes' constructors apart.
    code = compile(source, f"<planlint.model.{cls.__qualname__}.__init__>", "exec")
    exec(code, defaults, namespace)  # noqa: S102 (source text built above from the fields)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _maker_for(cls):
    """A faster ``cls(...)`` for the parser's hot paths (same parameters and defaults; returns an
    instance of ``cls`` with the same fields).

    ``cls.__init__`` cannot set attributes (``__setattr__`` raises) and calls
    ``object.__setattr__`` once per field. The maker is a plain class with the same slots whose
    ``__init__`` sets the fields as attributes (the interpreter's fast path for slots), then
    makes the instance a ``cls`` by ``__class__`` assignment, which CPython allows between classes
    of one layout (same base, same slots, no dict): about half the work per object."""
    params, defaults = _parameters(cls)
    defaults["_cls"] = cls
    body = [f"    self.{f.name} = {f.name}\n" for f in fields(cls)]
    source = f"def __init__(self, {params}):\n" + "".join(body) + "    self.__class__ = _cls\n"
    namespace: dict = {}
    code = compile(source, f"<planlint.model.{cls.__qualname__}._make>", "exec")
    exec(code, defaults, namespace)  # noqa: S102 (source text built above from the fields)
    return type(f"{cls.__name__}Maker", (), {"__init__": namespace["__init__"],
                                             "__module__": cls.__module__,
                                             "__slots__": cls.__slots__})


@_frozen
class Span:
    """Where something is: 1-based line and column, ``end_column`` one past the last character."""

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


@_frozen
class Location:
    """Where a line came from in a structured source (.docx/.html); None for plain text."""

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def as_dict(self) -> dict:
        return {k: v for k in self.__slots__ if (v := getattr(self, k)) is not None}


@_frozen
class SourceLine:
    """One line of the text view, as read: ``text`` excludes the line terminator."""

    number: int
    text: str
    location: Location | None = None


@_frozen
class Source:
    """A document as read: its lines, encoding, BOM, dominant line ending and kind."""

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


@_frozen
class Unit:
    """A unit named by a clause, with its role in the task."""

    name: str  # as written, role words removed
    span: Span
    role: str  # OWNER | PARTICIPANT | SUPERVISOR
    clause: int  # index into Task.clauses


@_frozen
class Clause:
    """A responsibility clause: a bracketed tail, a table cell or a field line."""

    text: str
    span: Span
    kind: str  # bracket | cell | field | line
    units: tuple[Unit, ...]
    people: tuple[str, ...] = ()


# Kinds of timing expressions.
DATE, DURATION, FREQUENCY, VAGUE = "date", "duration", "frequency", "vague"


@_frozen
class Timing:
    """A timing expression (date, duration, frequency or vague wording)."""

    text: str
    kind: str  # DATE | DURATION | FREQUENCY | VAGUE
    span: Span
    resolved: date | None = None  # for dates: the last day they allow, against the plan year
    in_deadline: bool = False  # found in the deadline value rather than the task text


@_frozen
class Deadline:
    """The deadline value of a task (a column, field or trailing phrase)."""

    text: str  # as written, trailing 。 dropped
    span: Span
    timing: tuple[Timing, ...]


@_frozen
class Marker:
    """A numbering marker as written: ``三、`` ``（二）`` ``4.`` ``（1）`` or a bare table number."""

    text: str
    number: str  # the numeral alone: 三, 二, 4, 1
    value: int | None  # numeric value, None when the numeral was lost
    level: int
    style: str  # cn-dun | cn-paren | arabic-dot | arabic-paren | bare | damaged
    span: Span


@_frozen
class TextPiece:
    """A run of task text and where it starts, so offsets map back to the source."""

    text: str
    line: int
    column: int


@_frozen
class Task:
    """One numbered task: its text, units, deadline and timing."""

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
    deadline: Deadline | None
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


@_frozen
class Section:
    """A heading that groups tasks."""

    id: str
    number: str
    level: int
    title: str
    marker: Marker
    span: Span
    parent: str  # id of the parent section, "" at top level


@_frozen
class Plan:
    """Everything planlint understood of one document."""

    source: Source
    title: str | None
    year: int | None
    draft: bool
    issue_date: date | None
    layout: str  # prose | table | cells | pipe | fields | mixed | empty
    has_deadline_column: bool
    sections: tuple[Section, ...]
    tasks: tuple[Task, ...]
    markers: tuple[Marker, ...]  # every numbering marker in document order
    boilerplate: tuple[Span, ...] = field(default=())  # web/page noise lines
    notes: tuple[str, ...] = field(default=())  # reader remarks (encoding guesses …)

    def task(self, task_id: str) -> Task | None:
        for task in self.tasks:
            if task.id == task_id:
                return task
        return None
