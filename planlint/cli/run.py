"""Lint a list of paths with the right configuration for each (used by check, report, export)."""
from __future__ import annotations

import sys

from planlint.api import FileResult, lint_source
from planlint.config import Config
from planlint.errors import PlanlintError


def _split(value):
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def config_for(path: str, config_path=None, select=None, ignore=None) -> Config:
    try:
        from planlint.configfile import load_for
    except ImportError:  # config files not wired yet
        config = Config()
    else:
        config = load_for(path, config_path)
    if select:
        config.select = _split(select)
    if ignore:
        config.ignore = list(config.ignore) + _split(ignore)
    return config


def read_one(path: str, encoding=None):
    from planlint.read import read_bytes, read_path
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", encoding)
    return read_path(path, encoding)


def lint_one(path: str, config_path=None, encoding=None, select=None, ignore=None) -> FileResult:
    config = config_for(path, config_path, select, ignore)
    try:
        source = read_one(path, encoding)
    except PlanlintError as exc:
        return FileResult(path, error=exc)
    result = lint_source(source, config)
    result.path = path
    return result


def lint_slim(path: str, **kwargs) -> FileResult:
    """lint_one for a worker process: the plan goes back as JSON data, which pickles far
    faster than the model's objects (enough for every output but baselines and reports)."""
    result = lint_one(path, **kwargs)
    if result.plan is not None:
        from planlint.output.json import plan_dict
        result.plan_data, result.plan = plan_dict(result.plan), None
    return result


def lint_all(paths, config_path=None, encoding=None, select=None, ignore=None, jobs=1,
             slim=False):
    if jobs > 1 and len(paths) > 1:
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial
        work = partial(lint_slim if slim else lint_one, config_path=config_path,
                       encoding=encoding, select=select, ignore=ignore)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(work, paths, chunksize=8))
    return [lint_one(p, config_path, encoding, select, ignore) for p in paths]
