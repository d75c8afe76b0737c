"""Output formats. Each module exposes ``render(results, options) -> str``."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

FORMATS = {
    "text": "planlint.output.text",
    "json": "planlint.output.json",
    "sarif": "planlint.output.sarif",
    "github": "planlint.output.github",
    "junit": "planlint.output.junit",
}


@dataclass
class OutputOptions:
    lang: str = "zh"
    color: bool = False
    statistics: bool = False
    show_source: bool = True
    pretty: bool = True  # indent machine formats (JSON) for reading


def render(fmt: str, results, options: OutputOptions | None = None) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(results, options or OutputOptions())
