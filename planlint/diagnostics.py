"""Findings and fixes, as data.

A rule yields :class:`Problem` objects (where, what, optional fix); the engine stamps each with the
rule's name, code and configured severity to make a :class:`Diagnostic`. Fixes are plain text
edits in original-file coordinates (1-based line, code-point columns, end exclusive).

These are small slotted classes rather than dataclasses: a plan can yield thousands of findings
and edits, and a frozen dataclass costs ~1 us a construction and ~1.3 ms of start-up a class.
They compare and hash by value like the frozen dataclasses they replace; treat them as immutable.
"""
from __future__ import annotations


from planlint.model import Location, Span

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_RANK = {INFO: 0, WARNING: 1, ERROR: 2}


class _Record:
    """Value semantics over ``_fields``: equality, hash and repr as a dataclass gives them."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"


class Edit(_Record):
    """Replace the text in ``span`` (end exclusive) with ``text``."""

    __slots__ = ("_span", "text")
    _fields = ("span", "text")

    def __init__(self, span: Span, text: str):
        self._span = span
        self.text = text

    @property
    def span(self) -> Span:
        return self._span

    @property
    def position(self) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of the span."""
        s = self._span
        return s.line, s.column, s.end_line, s.end_column

    def __eq__(self, other):
        if not isinstance(other, Edit):
            return NotImplemented
        return self.span == other.span and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.span, self.text))

    def __repr__(self) -> str:
        return f"Edit(span={self.span!r}, text={self.text!r})"

    def as_dict(self) -> dict:
        line, column, end_line, end_column = self.position
        return {"line": line, "column": column, "end_line": end_line,
                "end_column": end_column, "text": self.text}


class LineEdit(Edit):
    """An edit within one line whose :class:`Span` is built only when asked for.

    A rule may propose thousands of one-character edits, and a Span (a frozen dataclass) costs
    more to build than the rest of the edit; the JSON writer reads ``position`` (here a plain
    attribute) instead. Equal to the :class:`Edit` of the same span and text.
    """

    __slots__ = ("position",)

    def __init__(self, line: int, column: int, end_column: int, text: str):
        self._span = None
        self.position = (line, column, line, end_column)
        self.text = text

    @property
    def span(self) -> Span:
        if self._span is None:
            self._span = Span(*self.position)
        return self._span


class Fix(_Record):
    __slots__ = _fields = ("description", "edits", "safe")

    def __init__(self, description: str, edits: tuple[Edit, ...], safe: bool = True):
        self.description = description
        self.edits = edits
        self.safe = safe

    def __eq__(self, other):  # a LineFix equals the Fix of the same edits
        if not isinstance(other, Fix):
            return NotImplemented
        return self._values() == other._values()

    __hash__ = _Record.__hash__

    def as_dict(self) -> dict:
        return {"safe": self.safe, "description": self.description,
                "edits": [e.as_dict() for e in self.edits]}


class LineFix(Fix):
    """A fix of one-character edits on one line whose :class:`LineEdit` objects are made only
    when asked for (``edits``).

    ``offsets`` are the 0-based indexes (ints, ascending) in the line's ``text`` of the characters
    to replace, each ``c`` by ``replace[c]``. A rule may propose thousands of such edits (a
    line's half-width marks), and the edits cost more to make than the rest of the finding; the
    JSON writer spells them from these fields. Equal to the :class:`Fix` of the same edits, and
    shown as one.
    """

    __slots__ = ("line", "text", "offsets", "replace", "_edits")

    def __init__(self, description: str, line: int, text: str, offsets: list[int], replace: dict,
                 safe: bool = True):
        self.description = description
        self.safe = safe
        self.line = line
        self.text = text
        self.offsets = offsets
        self.replace = replace
        self._edits = None

    @property
    def edits(self) -> tuple[Edit, ...]:
        if self._edits is None:
            line, text, replace = self.line, self.text, self.replace
            self._edits = tuple([LineEdit(line, i + 1, i + 2, replace[text[i]]) for i in self.offsets])
        return self._edits

    def __repr__(self) -> str:
        return "Fix" + super().__repr__()[len("LineFix"):]

    def __reduce__(self):
        return LineFix, (self.description, self.line, self.text, self.offsets, self.replace, self.safe)


class Problem(_Record):
    """What a rule reports; the engine adds identity and severity.

    ``group`` names the findings a plan-level summary stands for; the terminal groups them under it.
    """

    __slots__ = _fields = ("span", "message", "task", "fix", "message_en", "group")

    def __init__(self, span: Span, message: str, task: str | None = None, fix: Fix | None = None,
                 message_en: str | None = None, group: str | None = None):
        self.span = span
        self.message = message
        self.task = task
        self.fix = fix
        self.message_en = message_en
        self.group = group


class Diagnostic(_Record):
    __slots__ = ("rule", "code", "severity", "message", "span", "task", "fix", "message_en", "group",
                 "location", "_extra")
    _fields = __slots__[:-1]  # ``extra`` takes no part in equality or hashing

    def __init__(self, rule: str, code: str, severity: str, message: str, span: Span,
                 task: str | None = None, fix: Fix | None = None,
                 message_en: str | None = None, group: str | None = None,
                 location: Location | None = None, extra: dict | None = None):
        self.rule = rule
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.task = task
        self.fix = fix
        self.message_en = message_en
        self.group = group
        self.location = location
        self._extra = extra

    @property
    def extra(self) -> dict:
        """Free-form data for tools built on planlint (made on first use: rarely needed)."""
        if self._extra is None:
            self._extra = {}
        return self._extra

    def __repr__(self) -> str:
        return super().__repr__()[:-1] + f", extra={self._extra or {}!r})"

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" and self.message_en else self.message

    def as_dict(self, lang: str = "zh") -> dict:
        s = self.span
        out = {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity,
            "message": self.text(lang),
            "line": s.line,
            "column": s.column,
            "end_line": s.end_line,
            "end_column": s.end_column,
            "task": self.task,
            "fix": self.fix.as_dict() if self.fix else None,
        }
        if self.location is not None:
            out["location"] = self.location.as_dict()
        return out

    def sort_key(self) -> tuple:
        s = self.span
        return (s.line, s.column, self.code, self.message)
