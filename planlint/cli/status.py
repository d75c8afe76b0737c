"""Exit statuses, printing and error reporting without importing click (~35 ms of start-up).

``echo`` writes what ``click.echo`` writes; the cases where click would change the text (ANSI codes
off a terminal, a stream with an ASCII encoding, an unusual stream) are handed to click itself.
"""
from __future__ import annotations

import sys

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def echo(text: str, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    if "\x1b" in text or _ascii(getattr(stream, "encoding", None) or "ascii") \
            or not hasattr(stream, "isatty"):
        import click
        click.echo(text, err=err)
        return
    stream.write(text + "\n")
    stream.flush()


def _ascii(encoding: str) -> bool:
    import codecs
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def fail(error, lang: str = "zh") -> "NoReturn":  # noqa: F821
    """One line on stderr and exit status 2 (``error``: a PlanlintError or a message)."""
    text = error.text(lang) if hasattr(error, "text") else str(error)
    prefix = "planlint: error: " if lang == "en" else "planlint：错误："
    echo(prefix + text, err=True)
    sys.exit(EXIT_ERROR)
