"""Lint a list of paths with the right configuration for each (used by check, report, export)."""
from __future__ import annotations

import os

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
    from planlint.read import read_one
    return read_one(path, encoding)


def lint_one(path: str, config_path=None, encoding=None, select=None, ignore=None) -> FileResult:
    config = config_for(path, config_path, select, ignore)
    try:
        source = read_one(path, encoding)
    except PlanlintError as exc:
        return FileResult(path, error=exc)
    try:
        result = lint_source(source, config)
    except Exception as exc:  # a bug in planlint must not become a user's traceback
        if os.environ.get("PLANLINT_DEBUG"):
            raise
        return FileResult(path, source=source, error=PlanlintError(
            f"{path}：planlint 内部错误（{type(exc).__name__}: {exc}），请报告此问题；"
            "设置 PLANLINT_DEBUG=1 可查看详情",
            f"{path}: internal error in planlint ({type(exc).__name__}: {exc}); please report "
            "it, PLANLINT_DEBUG=1 shows the details"))
    result.path = path
    return result


def lint_rendered(path: str, fmt: str, options, **kwargs):
    """lint_one, then this file's part of the output (:mod:`planlint.output`): what a worker
    process sends back is plain data that pickles in microseconds, not the model's objects.

    The cyclic collector stays paused until the file's model is gone (see
    :mod:`planlint.gcpause`): freed by reference counting, it is never traversed (a collection
    triggered by the rendering would traverse all of it: 4% of a check)."""
    from planlint.gcpause import paused
    return paused(_lint_rendered, path, fmt, options, kwargs)


def _lint_rendered(path: str, fmt: str, options, kwargs):
    from planlint.output import render_file
    return render_file(fmt, lint_one(path, **kwargs), options)


# With ``-j 0`` (the default) a further process is started only for every this many files: a
# worker's start-up and the hand-back of results cost about as much as checking a few plans.
FILES_PER_WORKER = 8


def workers(jobs: int, count: int) -> int:
    """Processes to check ``count`` files with: ``jobs`` if given, else one per CPU this process
    may use, as long as each gets at least FILES_PER_WORKER files."""
    if jobs:
        return max(1, min(jobs, count))
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, count // FILES_PER_WORKER))


def _map(work, paths, jobs):
    jobs = workers(jobs, len(paths))
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor
        # Standard input stays with this process (a worker's is /dev/null): read "-" here.
        here = {i: work(p) for i, p in enumerate(paths) if p == "-"}
        rest = [p for p in paths if p != "-"]
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_leave_interrupts_to_parent)
        try:
            chunk = max(1, min(8, len(rest) // (jobs * 4)))
            done = iter(pool.map(work, rest, chunksize=chunk))
            out = [here[i] if i in here else next(done) for i in range(len(paths))]
        except BaseException:  # Ctrl-C (or an error): drop the files not started, then stop
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        return out
    return [work(p) for p in paths]


def _leave_interrupts_to_parent() -> None:
    """Ctrl-C reaches every process of the terminal's group: a worker ignores it, and the parent
    cancels the work left and reports the interruption (a worker dying mid-task left the pool
    waiting for it)."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def lint_all(paths, config_path=None, encoding=None, select=None, ignore=None, jobs=0):
    """FileResults with the model's objects (for fixes, baselines, reports, annotations).

    Sending whole models back from worker processes costs more than checking the plans, so
    ``jobs=0`` means one process here; an explicit ``-j N`` is still honoured."""
    from functools import partial
    work = partial(lint_one, config_path=config_path, encoding=encoding, select=select,
                   ignore=ignore)
    return _map(work, paths, jobs or 1)


def render_all(paths, fmt: str, options, config_path=None, encoding=None, select=None,
               ignore=None, jobs=0):
    """Each file linted and rendered (in ``jobs`` processes): :class:`planlint.output.Rendered`
    parts in the order of ``paths``, for :func:`planlint.output.render`."""
    from functools import partial
    work = partial(lint_rendered, fmt=fmt, options=options, config_path=config_path,
                   encoding=encoding, select=select, ignore=ignore)
    return _map(work, paths, jobs)
