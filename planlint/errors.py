"""Errors that stop planlint from running (exit status 2), with Chinese and English wording."""
from __future__ import annotations


class PlanlintError(Exception):
    """A user-facing failure: bad input, bad config, bad arguments. Never shown as a traceback."""

    def __init__(self, zh: str, en: str | None = None):
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def text(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class ReadError(PlanlintError):
    """A file could not be read or decoded."""


class ConfigError(PlanlintError):
    """The configuration is invalid."""
