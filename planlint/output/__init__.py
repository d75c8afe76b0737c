"""Output formats.

Each module exposes ``render(results, options) -> str`` and is built from two halves so the work
can be split between processes:

* ``file_part(result, options)``: everything one file contributes to the output, as plain data
  (strings, lists, dicts) that pickles in microseconds. A worker process computes it next to the
  lint, so the parent never receives Diagnostic/Span/Fix objects or the source text.
* ``assemble(parts, options) -> str``: joins the parts (and the totals they carry) into the output.

``render(results, options)`` is ``assemble([file_part(r, options) for r in results], options)``,
so the serial and the parallel paths print the same bytes by construction.
"""
from __future__ import annotations

import importlib

FORMATS = {
    "text": "planlint.output.text",
    "json": "planlint.output.json",
    "sarif": "planlint.output.sarif",
    "github": "planlint.output.github",
    "junit": "planlint.output.junit",
}


class OutputOptions:
    """How to render (plain class: a dataclass costs ~1.5 ms of start-up)."""

    __slots__ = ("lang", "color", "statistics", "show_source", "pretty")

    def __init__(self, lang: str = "zh", color: bool = False, statistics: bool = False,
                 show_source: bool = True, pretty: bool = True):
        self.lang = lang
        self.color = color
        self.statistics = statistics
        self.show_source = show_source
        self.pretty = pretty  # indent machine formats (JSON) for reading

    def __getstate__(self):
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state):
        for key, value in zip(self.__slots__, state):
            setattr(self, key, value)

    def __repr__(self) -> str:
        return "OutputOptions(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__) + ")"

    def __eq__(self, other) -> bool:
        return isinstance(other, OutputOptions) and self.__getstate__() == other.__getstate__()


class Rendered:
    """One linted file as a format's ``file_part`` plus what the exit status needs."""

    __slots__ = ("path", "error", "severities", "part")

    def __init__(self, path: str, error, severities: tuple, part):
        self.path = path
        self.error = error  # PlanlintError or None
        self.severities = severities  # the distinct severities of the file's diagnostics
        self.part = part

    def __getstate__(self):
        return (self.path, self.error, self.severities, self.part)

    def __setstate__(self, state):
        self.path, self.error, self.severities, self.part = state


def _module(fmt: str):
    return importlib.import_module(FORMATS[fmt])


def render_file(fmt: str, result, options: OutputOptions) -> Rendered:
    """The part of the output for one :class:`~planlint.api.FileResult` (run in the worker)."""
    severities = tuple(sorted({d.severity for d in result.diagnostics}))
    return Rendered(result.path, result.error, severities, _module(fmt).file_part(result, options))


def render(fmt: str, results, options: OutputOptions | None = None) -> str:
    """Render FileResults, or :class:`Rendered` parts made by :func:`render_file`."""
    options = options or OutputOptions()
    module = _module(fmt)
    if results and isinstance(results[0], Rendered):
        return module.assemble([r.part for r in results], options)
    return module.render(results, options)
