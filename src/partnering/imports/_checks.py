r"""Before any data is read: the sheets and columns a mapping names, found in the source.

Example:
    >>> import pathlib, tempfile
    >>> from partnering.imports._mapping import parse_mapping
    >>> from partnering.imports._sources import open_table
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "p.csv").write_text("Project,Partners\nWells,A; B\n")
    >>> mapping, _ = parse_mapping('[partnerships.columns]\nProjet = "title"', "m.toml")
    >>> [(f.code, f.where, f.value) for f in check_columns(mapping, open_table(folder / "p.csv"))]
    [('mapping-missing-column', 'm.toml:2', 'Projet')]
"""

from __future__ import annotations

import difflib
import re

from partnering.imports._findings import Finding
from partnering.imports._mapping import ImportMapping, Section
from partnering.imports._sources import Table

__all__ = ["check_columns", "extension_name", "sheet_of"]


def extension_name(column: str) -> str:
    """The name an unmapped column's values take under extensions, after the namespace."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", column).strip("_") or "column"


def sheet_of(section: Section, table: Table) -> str | None:
    sheets = table.sheets()
    if section.sheet is None or section.sheet in sheets:
        return section.sheet or sheets[0]
    # A CSV file holds one table, whatever the mapping calls its sheet.
    return sheets[0] if not table.workbook else None


def check_columns(mapping: ImportMapping, table: Table) -> list[Finding]:
    """Find the sheets and columns the mapping names that the source lacks."""
    findings: list[Finding] = []
    if mapping.meta is not None and mapping.meta not in table.sheets():
        findings.append(
            Finding(
                "mapping-missing-sheet",
                mapping.where("dataset", "sheet"),
                mapping.meta,
                None,
                f"the workbook's sheets are {', '.join(table.sheets())}",
            )
        )
    for section in mapping.sections:
        _check_section(mapping, table, section, findings)
    return findings


def _check_section(
    mapping: ImportMapping, table: Table, section: Section, findings: list[Finding]
) -> None:
    sheet = sheet_of(section, table)
    if sheet is None:
        findings.append(
            Finding(
                "mapping-missing-sheet",
                mapping.where(*section.path, "sheet"),
                section.sheet,
                None,
                f"the workbook's sheets are {', '.join(table.sheets())}",
            )
        )
        return
    header = table.header(sheet, section.header_row)
    names: list[tuple[str, tuple[str, ...]]] = [
        (column.name, ("columns", column.name)) for column in section.columns if column.kind
    ]
    # A column the mapping leaves out may be absent: presets name them for safety.
    if section.key is not None:
        names.insert(0, (section.key, ("key",)))
    for name, where in names:
        if name not in header:
            close = difflib.get_close_matches(name, header, 1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            findings.append(
                Finding(
                    "mapping-missing-column",
                    mapping.where(*section.path, *where),
                    name,
                    None,
                    f"{hint}the columns of {sheet} are {', '.join(repr(h) for h in header)}",
                )
            )
    for inner in section.lists:
        _check_section(mapping, table, inner, findings)
