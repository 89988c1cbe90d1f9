r"""Bring data in from where it lives: spreadsheets and CSV through a mapping, and IATI XML.

A mapping is a TOML file that says which sheet holds which records, which column fills which
field, how lists are split, which date forms are accepted, and which words stand for which
codes (see the reference page on mapping files). Every value the import changes, splits,
crosswalks, guesses or sets aside is in the import report, traced to its cell.

Example:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "projects.csv").write_text(
    ...     "Project,Partners,Start\nClean Wells,Acme Ltd; River Trust; etc.,Apr-2016\n"
    ... )
    >>> _ = (folder / "map.toml").write_text('''
    ... namespace = "demo"
    ... [dates]
    ... forms = ["YYYY-MM-DD", "Mon-YYYY"]
    ... [partnerships.columns]
    ... Project = "title"
    ... Partners = "participants"
    ... Start = "start_date"
    ... ''')
    >>> result = import_table(folder / "map.toml", folder / "projects.csv")
    >>> result.valid, [p.name for p in result.dataset.partners]
    (True, ['Acme Ltd', 'River Trust'])
    >>> result.dataset.partnerships[0].start_date
    PartialDate(year=2016, month=4)
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from partnering._files import display_path, read_bytes
from partnering.imports._findings import FINDING_CODES, KINDS, Finding, FindingCode
from partnering.imports._identity import identity_mapping
from partnering.imports._mapping import ImportMapping, parse_mapping
from partnering.imports._result import ImportResult
from partnering.imports._sources import SourceError, Table, open_table
from partnering.imports._table import check_columns, import_rows

__all__ = [
    "FINDING_CODES",
    "KINDS",
    "Finding",
    "FindingCode",
    "ImportMapping",
    "ImportResult",
    "Table",
    "identity_mapping",
    "import_iati",
    "import_table",
    "open_table",
    "preset_path",
    "presets",
    "read_mapping",
]

# The public names are documented, and pickled, as this package's; their modules are private.
for _name in ("Finding", "FindingCode", "ImportMapping", "ImportResult"):
    globals()[_name].__module__ = __name__
del _name


def presets() -> tuple[str, ...]:
    """The names of the mapping files shipped with the package.

    Example:
        >>> presets()
        ('un-registry',)
    """
    folder = resources.files("partnering.imports") / "presets"
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in folder.iterdir()
            if entry.name.endswith(".toml")
        )
    )


def preset_path(name: str) -> Path:
    """The path of a shipped mapping file, to use or to copy and adapt.

    Raises:
        ValueError: no preset has that name.

    Example:
        >>> preset_path("un-registry").name
        'un-registry.toml'
    """
    if name not in presets():
        raise ValueError(f"no preset is named {name!r}; the presets are {', '.join(presets())}")
    return Path(str(resources.files("partnering.imports") / "presets" / f"{name}.toml"))


def read_mapping(path: str | os.PathLike[str]) -> tuple[ImportMapping | None, list[Finding]]:
    """Read and check a mapping file; return it (``None`` if it has errors) and its findings.

    Raises:
        ReadError: the file cannot be read.

    Example:
        >>> mapping, findings = read_mapping(preset_path("un-registry"))
        >>> mapping.namespace, findings
        ('un-registry', [])
    """
    shown = display_path(path)
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Finding("mapping-syntax", shown, None, None, "the mapping is not UTF-8")]
    return parse_mapping(text, Path(shown).name)


def _finish(
    source: str, mapping: str, data: dict[str, Any] | None, findings: list[Finding]
) -> ImportResult:
    from partnering.validation import check

    if data is None:
        return ImportResult(source, mapping, None, None, tuple(findings))
    dataset, report = check(data)
    return ImportResult(source, mapping, dataset, report, tuple(findings))


def import_table(
    mapping: str | os.PathLike[str] | ImportMapping, source: str | os.PathLike[str]
) -> ImportResult:
    """Import a CSV file or an XLSX workbook through a mapping.

    The mapping is checked first, then the source's sheets and headers: a problem with either
    is reported before any data is read, and nothing is imported. A row that cannot become a
    record is reported at its cell, and the other rows still import.

    Args:
        mapping: the mapping file, or a mapping already read with :func:`read_mapping`.
        source: the CSV file or workbook.

    Returns:
        An :class:`ImportResult`, with the dataset when the imported data is valid, and the
        import report.

    Raises:
        ReadError: the mapping or the source cannot be opened.
    """
    checked: ImportMapping | None
    findings: list[Finding] = []
    if isinstance(mapping, ImportMapping):
        checked = mapping
    else:
        checked, findings = read_mapping(mapping)
    shown = Path(display_path(source)).name
    if checked is None:
        named = "" if isinstance(mapping, ImportMapping) else Path(display_path(mapping)).name
        return _finish(shown, named, None, findings)
    try:
        table = open_table(source, encoding=checked.encoding)
    except SourceError as error:
        return _finish(
            shown, checked.name, None, [Finding(error.code, shown, None, None, str(error))]
        )
    try:
        missing = check_columns(checked, table)
        if missing:
            return _finish(shown, checked.name, None, missing)
        data, found = import_rows(checked, table)
    finally:
        table.close()
    return _finish(shown, checked.name, data, found)


def import_iati(source: str | os.PathLike[str]) -> ImportResult:
    """Import an IATI activity file (versions 2.01 to 2.03): each activity a partnership.

    Raises:
        ReadError: the file cannot be opened.
    """
    from partnering.imports._iati import read_iati

    shown = Path(display_path(source)).name
    data, findings = read_iati(source)
    return _finish(shown, "iati", data, findings)
