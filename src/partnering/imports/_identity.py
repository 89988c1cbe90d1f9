"""Write the identity mapping: one column per field, named as the field, from the models.

Example:
    >>> identity_mapping().splitlines()[:2]
    ['namespace = "identity"', 'trim = false']
"""

from __future__ import annotations

from typing import Any

from partnering.entities import ENTITIES
from partnering.imports._fieldkinds import field_kind, fields_of

__all__ = ["identity_mapping", "table_entity"]

_TABLE_KINDS = frozenset({"text", "integer", "boolean", "date", "code", "list", "extensions"})


def table_entity(model: type[Any]) -> bool:
    """Tell whether a table with a column per field can hold every record of the model."""
    kinds = [field_kind(model, name) for name in fields_of(model)]
    return all(kind.kind in _TABLE_KINDS for kind in kinds if kind.required)


def identity_mapping(namespace: str = "identity") -> str:
    """Return the TOML mapping that reads back a sheet per entity list, a column per field.

    Only the fields a table column can fill are listed (not nested records such as members),
    and only the lists whose required fields all are (not partnerships, whose participants
    are records of their own). List columns are split on ``;``; text is kept as it is.
    """
    lines = [f'namespace = "{namespace}"', "trim = false", ""]
    lines += ["[lists]", 'separators = [";"]', "drop = []", ""]
    order = sorted(ENTITIES.lists, key=lambda entity: entity.name != "partners")
    for entity in order:
        if not table_entity(entity.model):
            continue
        fields = [
            name
            for name in fields_of(entity.model)
            if field_kind(entity.model, name).kind in _TABLE_KINDS and name != "extensions"
        ]
        lines += [f"[{entity.name}]", f'sheet = "{entity.name}"', "", f"[{entity.name}.columns]"]
        lines += [f'{name} = "{name}"' for name in fields]
        lines.append("")
    return "\n".join(lines)
