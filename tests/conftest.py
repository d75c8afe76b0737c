"""Settings for the whole test session.

planlint keeps start-up caches (built Lark parsers, compiled patterns) in the user's cache folder;
the tests, whose rule options and patterns vary a lot, use a folder of their own instead.
"""
from __future__ import annotations

import gc
import os
import shutil
import tempfile

import pytest

_CACHE = tempfile.mkdtemp(prefix="planlint-test-cache-")
os.environ["PLANLINT_CACHE_DIR"] = _CACHE  # before any planlint module asks for its cache folder


def pytest_sessionstart(session):
    from planlint.parse.grammars import table
    for name, lexer in (("plan", False), ("clause", False), ("timing", True)):
        table(name, lexer)  # built with Lark now, not inside the first (timed) hypothesis example


def pytest_unconfigure(config):
    from planlint import rxcache
    rxcache.save()  # now, not at exit (which would make the folder again)
    shutil.rmtree(_CACHE, ignore_errors=True)


@pytest.fixture
def restore_gc():
    """Put the cyclic garbage collector back as the test found it (tests that switch it)."""
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()
