"""Datasets as spreadsheets: Excel workbooks and folders of CSV files, both ways.

The layout (:data:`LAYOUT`) is derived from the models, and documented as part of the
interchange format: one sheet per entity list, one column per field, lists of plain values in
one cell separated by ``;``, lists of objects on sheets of their own keyed by the id of their
record, one column per key of custom data, and a ``Meta`` sheet with the dataset's own fields.
Reading validates the data as :func:`partnering.validate` does, and every issue names its
cell (``Issue.cell``, such as ``Partners!C7``).

Needs the ``sheets`` extra for workbooks (``pip install 'partnering[sheets]'``: openpyxl and
defusedxml); CSV folders need nothing more.

Example:
    >>> import pathlib, tempfile
    >>> from partnering import Dataset, Partner, OrganisationType
    >>> dataset = Dataset(partners=(
    ...     Partner(id="001", name="Société 1", organisation_type=OrganisationType("21")),
    ... ))
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_workbook(dataset, folder / "platforms.xlsx")
    >>> read_workbook(folder / "platforms.xlsx") == dataset
    True
    >>> write_csv_folder(dataset, folder / "csv")
    >>> read_csv_folder(folder / "csv") == dataset
    True
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from partnering._files import write_bytes
from partnering._format import SCHEMA_VERSION
from partnering.errors import InvalidDocumentError
from partnering.models import Assessment, Dataset
from partnering.report import Report
from partnering.reporting import ReportingLimits
from partnering.sheets._check import LAYOUT, UNREADABLE, checked, is_sheets, unreadable
from partnering.sheets._csv import folder_tables, write_folder
from partnering.sheets._layout import Column, Layout, Sheet
from partnering.sheets._tables import tables
from partnering.sheets._xlsx import Limits, workbook_bytes

__all__ = [
    "LAYOUT",
    "UNREADABLE",
    "Column",
    "Layout",
    "Limits",
    "Sheet",
    "check_sheets",
    "is_sheets",
    "read_assessment",
    "read_csv_folder",
    "read_workbook",
    "readme",
    "template_bytes_of",
    "unreadable",
    "validate_sheets",
    "workbook_bytes_of",
    "write_assessment_template",
    "write_csv_folder",
    "write_template",
    "write_workbook",
]


def readme() -> list[str]:
    """The lines of the ``README`` sheet: how the workbook is laid out and filled in.

    Example:
        >>> readme()[0]
        'How to fill in this workbook'
    """
    return [
        "How to fill in this workbook",
        "",
        "Meta holds the dataset's own fields: one row each, the field in column A, its value in B.",
        "Each other sheet holds one kind of record: one row per record, one column per field.",
        "Column headers are field names; do not rename them. A header's note says what the "
        "field means; bold headers on a yellow ground are required.",
        "Ids, codes and other text are text cells: type 001, not 1, and never a formula.",
        "Dates are date cells or text written as YYYY-MM-DD, such as 2014-04-13.",
        "A cell holding a list separates its items with ';' (write \\; for a semicolon "
        "inside an item and \\\\ for a backslash).",
        "Sheets named Parent_list (such as Platforms_members) hold nested items: their first "
        "column names the record they belong to by its id.",
        "Custom data goes in columns named extensions.prefix:name, one JSON value per cell.",
        "Codes must come from the dropdowns; the Codes sheet lists every code with its title.",
        "Check the workbook with: partnering validate FILE.xlsx",
        "The layout is documented at docs/reference/spreadsheet-layout.",
    ]


def _data(dataset: Dataset) -> dict[str, object]:
    if not isinstance(dataset, Dataset):
        raise TypeError(f"writes a Dataset, not {type(dataset).__name__}")
    from partnering.convert import unstructure

    data: dict[str, object] = unstructure(dataset)
    return data


def workbook_bytes_of(dataset: Dataset) -> bytes:
    """Lay out a dataset as the bytes of an ``.xlsx`` workbook.

    Example:
        >>> workbook_bytes_of(Dataset())[:2]
        b'PK'
    """
    return workbook_bytes(tables(LAYOUT, _data(dataset)), readme())


def write_workbook(dataset: Dataset, path: str | os.PathLike[str], *, replace: bool = True) -> None:
    """Write a dataset as an Excel workbook (``.xlsx``), atomically.

    Args:
        dataset: the dataset.
        path: the workbook to write.
        replace: whether an existing file may be replaced.

    Raises:
        WriteError: the file cannot be written, or exists and ``replace`` is false.
    """
    write_bytes(path, workbook_bytes_of(dataset), replace=replace)


def write_csv_folder(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write a dataset as a folder of CSV files, one per sheet, atomically.

    The folder is written beside its place and renamed into it, so a reader never sees half
    of it. It must not exist, or be empty.

    Raises:
        WriteError: the folder exists and is not empty, or cannot be written.
    """
    write_folder(path, folder_tables(tables(LAYOUT, _data(dataset))))


def check_sheets(
    path: str | os.PathLike[str],
    *,
    limits: Limits | None = None,
    today: date | None = None,
    reporting: ReportingLimits | None = None,
) -> tuple[Dataset | None, Report]:
    """Read and validate a workbook or a folder of CSV files.

    Every issue of the report names its cell (``Partners!C7``, or ``Partners.csv!C7`` for a
    CSV file) besides its path and record. Unsafe or unreadable files give one issue and no
    data (:data:`UNREADABLE` lists their codes).

    Args:
        path: an ``.xlsx`` file, or a folder of CSV files.
        limits: how much is read (:class:`Limits`: file size, unpacked size, rows).
        today: the date that rules about the future compare with (default: today).
        reporting: when progress reports are late, and partnerships inactive
            (:class:`~partnering.ReportingLimits`; default 12 and 24 months).

    Returns:
        The dataset (``None`` when the report has errors) and the report.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "empty.xlsx"
        >>> write_workbook(Dataset(title="Empty"), path)
        >>> dataset, report = check_sheets(path)
        >>> dataset.title, report.valid
        ('Empty', True)
    """
    dataset, report, _ = checked(path, limits=limits or Limits(), today=today, reporting=reporting)
    return dataset, report


def validate_sheets(
    path: str | os.PathLike[str],
    *,
    limits: Limits | None = None,
    today: date | None = None,
    reporting: ReportingLimits | None = None,
) -> Report:
    """Validate a workbook or a folder of CSV files; see :func:`check_sheets`.

    Example:
        >>> validate_sheets("no-such-file.xlsx").issues[0].code
        'read-error'
    """
    return check_sheets(path, limits=limits, today=today, reporting=reporting)[1]


def _read(path: str | os.PathLike[str], limits: Limits | None) -> Dataset:
    dataset, report = check_sheets(path, limits=limits)
    if dataset is None:
        raise InvalidDocumentError(report)
    return dataset


def read_workbook(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Dataset:
    """Read a dataset from an Excel workbook (``.xlsx``).

    Raises:
        InvalidDocumentError: the workbook cannot be read or does not hold a valid dataset;
            ``.report`` says why, cell by cell.
    """
    return _read(Path(path), limits)


def read_csv_folder(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Dataset:
    """Read a dataset from a folder of CSV files.

    Raises:
        InvalidDocumentError: the folder does not hold a valid dataset; ``.report`` says why.
    """
    return _read(Path(path), limits)


def template_bytes_of() -> bytes:
    """Write the empty workbook for data entry, as bytes; see :func:`write_template`.

    Example:
        >>> template_bytes_of()[:2]
        b'PK'
    """
    from partnering.sheets._template import template_bytes

    return template_bytes(LAYOUT, readme(), meta={"schema_version": SCHEMA_VERSION})


def write_template(path: str | os.PathLike[str], *, replace: bool = True) -> None:
    """Write an empty workbook ready for data entry, atomically.

    Every record sheet has its headers, each with its field's description as a note;
    required columns are bold on a yellow ground; id, code and text columns are formatted as
    text; code columns have dropdowns fed from the hidden ``Codes`` sheet; the ``README``
    sheet says how to fill it in.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "template.xlsx"
        >>> write_template(path)
        >>> check_sheets(path)[1].valid
        True
    """
    write_bytes(path, template_bytes_of(), replace=replace)


def write_assessment_template(
    path: str | os.PathLike[str],
    framework_id: str,
    source: Dataset | None = None,
    *,
    replace: bool = True,
) -> None:
    """Write a self-assessment workbook: one row per building block of a framework.

    The ``Assessments_ratings`` sheet has a row for each building block of the framework,
    with a rating dropdown and columns for the evidence and the actions; ``Frameworks`` and
    ``Building_blocks`` show what is assessed. :func:`read_assessment` reads it back.

    Args:
        path: the workbook to write.
        framework_id: the id of the framework, in ``source``.
        source: the dataset that holds the framework (default: the bundled example).
        replace: whether an existing file may be replaced.

    Raises:
        KeyError: ``source`` has no framework of that id.
        WriteError: the file cannot be written, or exists and ``replace`` is false.
    """
    from partnering.sheets._assessment import assessment_bytes

    if source is None:
        from partnering.documents import load
        from partnering.examples import example_path

        source = load(example_path())
    write_bytes(path, assessment_bytes(LAYOUT, readme(), source, framework_id), replace=replace)


def read_assessment(
    path: str | os.PathLike[str], *, limits: Limits | None = None, today: date | None = None
) -> Assessment:
    """Read the assessment of a self-assessment workbook (:func:`write_assessment_template`).

    The platform assessed is not in the workbook, so its id is not checked against a list
    of platforms here; it is once the assessment joins a dataset.

    Raises:
        InvalidDocumentError: the workbook does not hold exactly one valid assessment;
            ``.report`` says why, cell by cell.
    """
    from partnering.sheets._assessment import assessment_of

    _, report, data = checked(Path(path), limits=limits or Limits(), today=today)
    return assessment_of(data, report)
