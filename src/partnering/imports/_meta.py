r"""The dataset's own fields, read from a sheet of ``field``/``value`` rows (``Meta``).

The spreadsheet layout writes them so: one row per field, a field of an object dotted
(``publisher.name``), each key of custom data on a row of its own (``extensions.KEY``),
as JSON text. The values are kept as text, and validating
the imported data checks them as it checks every field.

Example:
    >>> import pathlib, tempfile
    >>> from partnering.imports._sources import open_table
    >>> from partnering.imports._values import Cells
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "Meta.csv").write_text(
    ...     "field,value\ntitle,Wells\npublisher.name,Acme\nextensions.x:a,[1]\n"
    ... )
    >>> read_meta(open_table(folder), "Meta", Cells((), ""))
    {'title': 'Wells', 'publisher': {'name': 'Acme'}, 'extensions': {'x:a': [1]}}
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from partnering.entities import ENTITIES
from partnering.imports._sources import Table
from partnering.imports._values import Cells
from partnering.models import Dataset
from partnering.sheets._cells import read_json_cell

__all__ = ["read_meta"]

#: The dataset's own fields: every field but its entity lists.
_OWN = frozenset(attrs.fields_dict(Dataset)) - {entity.name for entity in ENTITIES.lists}
#: The fields that hold an object, whose fields the rows give dotted (``publisher.name``).
_OBJECTS = frozenset(
    name
    for name, hint in typing.get_type_hints(Dataset).items()
    if any(isinstance(arg, type) and attrs.has(arg) for arg in typing.get_args(hint))
)


def read_meta(table: Table, sheet: str, cells: Cells) -> dict[str, Any]:
    """Read the dataset's own fields; report a row whose field the dataset does not have."""
    data: dict[str, Any] = {}
    for number, row in table.rows(sheet):
        name, value = row.get("field", ""), row.get("value")
        if value is None:
            continue
        head, _, rest = name.partition(".")
        where = table.cell(sheet, number, "value")
        if head == "extensions" and rest:
            data.setdefault(head, {})[rest] = read_json_cell(value)
        elif head not in _OWN or bool(rest) != (head in _OBJECTS):
            cells.note("value-set-aside", where, value, None, f"the dataset has no field {name!r}")
        elif rest:
            data.setdefault(head, {})[rest] = value
        else:
            data[head] = value
    return data
