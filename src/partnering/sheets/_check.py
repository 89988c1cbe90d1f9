"""Read a workbook or CSV folder as a dataset: the reader's issues and validation's, at cells."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from partnering._files import display_path, read_bytes
from partnering._places import place
from partnering.errors import DocumentTooLargeError, ReadError
from partnering.models import Dataset
from partnering.report import Issue, Report, Severity
from partnering.reporting import ReportingLimits
from partnering.sheets._csv import SUFFIX, read_folder
from partnering.sheets._layout import META, Layout, derive
from partnering.sheets._places import Places
from partnering.sheets._tables import read_tables
from partnering.sheets._xlsx import Limits, Workbook, read_workbook_bytes

__all__ = ["LAYOUT", "UNREADABLE", "is_sheets", "read_data", "unreadable"]

#: The layout of :class:`~partnering.models.Dataset`.
LAYOUT: Layout = derive()

#: Codes that mean the file could not be read at all, as ``read-error`` does for JSON.
UNREADABLE = frozenset(
    {
        "read-error",
        "sheet-not-a-workbook",
        "sheet-old-xls",
        "sheet-encrypted",
        "sheet-unsafe-xml",
        "sheet-too-large",
    }
)


def unreadable(report: Report) -> bool:
    """Whether a report is of a file that could not be read at all (:data:`UNREADABLE`).

    Example:
        >>> encrypted = Issue(code="sheet-encrypted", severity=Severity.ERROR, message="m")
        >>> unreadable(Report(issues=())), unreadable(Report(issues=(encrypted,)))
        (False, True)
    """
    return any(issue.code in UNREADABLE for issue in report.issues)


_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def is_sheets(path: str | os.PathLike[str]) -> bool:
    """Whether a path names a workbook (``.xlsx``, ``.xlsm``, ``.xls``) or a folder of CSV files.

    Example:
        >>> is_sheets("platforms.xlsx"), is_sheets("platforms.json")
        (True, False)
    """
    given = Path(path)
    return given.suffix.lower() in _WORKBOOK_SUFFIXES or given.is_dir()


def _read_error(error: ReadError | DocumentTooLargeError) -> Issue:
    return Issue(code=error.code, severity=Severity.ERROR, message=error.message)


def read_data(
    path: str | os.PathLike[str], limits: Limits
) -> tuple[dict[str, Any] | None, list[Issue], Places | None]:
    """Read a workbook or CSV folder into JSON data; ``None`` when it cannot be read at all."""
    given = Path(path)
    suffix = ""
    known = (META, *LAYOUT.titles)
    try:
        if given.is_dir():
            book: Workbook = read_folder(given, limits, known)
            suffix = SUFFIX
        else:
            data = read_bytes(given, max_bytes=limits.max_bytes)
            book = read_workbook_bytes(data, display_path(given), limits, known)
    except (ReadError, DocumentTooLargeError) as error:
        return None, [_read_error(error)], None
    if any(issue.code in UNREADABLE for issue in book.issues):
        return None, book.issues, None
    read, issues, places = read_tables(LAYOUT, book.sheets, suffix)
    return read, [*book.issues, *issues], places


def checked(
    path: str | os.PathLike[str],
    *,
    limits: Limits,
    today: date | None,
    reporting: ReportingLimits | None = None,
) -> tuple[Dataset | None, Report, dict[str, Any] | None]:
    """Read and validate a workbook or CSV folder; every issue names its cell."""
    from partnering import validation

    label = display_path(Path(path))
    data, issues, places = read_data(path, limits)
    if data is None or places is None:
        return None, Report.of(issues, source=label), None
    dataset, report = validation.check(data, today=today, reporting=reporting)
    every = [*issues, *report.issues]
    located = [
        issue if issue.cell is not None else attrs.evolve(issue, cell=places.cell(issue.path))
        for issue in every
    ]
    final = place(Report.of(located, source=label), data=data, text=None)
    return (dataset if final.valid else None), final, data
