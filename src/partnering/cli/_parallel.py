"""Check many files at once, in a pool of processes, and hand the reports back in order.

Validating a file is pure: its report depends on its bytes and the day alone, and a report
pickles. So files can be checked in any process, in any order, and their reports put back in
the order the files were named; the output is the same as checking them one after another.

A worker that fails (an internal error, or a process that dies) never breaks the run: its
file is checked again here, in the main process, as the serial run checks it.

Example:
    >>> from partnering.examples import example_path
    >>> [report.valid for report in check_paths([example_path()] * 2, jobs=2)]
    [True, True]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from partnering import validation
from partnering.report import Report

__all__ = ["check_paths", "default_jobs"]


def default_jobs() -> int:
    """Return the number of cores this process may run on: the default of ``--jobs``.

    Example:
        >>> default_jobs() >= 1
        True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def check_path(path: Path) -> Report:
    """Validate one file by its path; what each worker runs."""
    return validation.validate(path)


def check_paths(
    paths: Sequence[Path], *, jobs: int, check: Callable[[Path], Report] = check_path
) -> Iterator[Report]:
    """Yield the report of each file of ``paths``, in order, checking up to ``jobs`` at once.

    Args:
        paths: the files to check.
        jobs: how many processes may check files at the same time; 1 checks them here.
        check: what checks one file (a function a worker process can import).

    Yields:
        The report of each file, in the order of ``paths``, each as soon as it and the ones
        before it are done.
    """
    workers = min(jobs, len(paths))
    if workers <= 1:
        yield from (check(path) for path in paths)
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        futures = [pool.submit(check, path) for path in paths]
        for path, future in zip(paths, futures, strict=True):
            yield _result(future, path, check)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[Report], path: Path, check: Callable[[Path], Report]) -> Report:
    try:
        return future.result()
    except Exception:
        # The worker failed, or its process died and broke the pool. Check the file here,
        # as the serial run would: its report, or its internal error, is then the same.
        return check(path)
