"""Write the identity mapping: one column per field, named as the field, from the models.

Example:
    >>> identity_mapping().splitlines()[:2]
    ['namespace = "identity"', '']
"""

from __future__ import annotations

from partnering.entities import ENTITIES
from partnering.imports._fieldkinds import field_kind, fields_of

__all__ = ["identity_mapping"]

_TABLE_KINDS = frozenset({"text", "integer", "boolean", "date", "code", "list", "extensions"})


def identity_mapping(namespace: str = "identity") -> str:
    """Return the TOML mapping that reads back a sheet per entity list, a column per field.

    Only the fields a table column can fill are listed (not nested records such as members);
    list columns are split on ``;``.
    """
    lines = [f'namespace = "{namespace}"', ""]
    lines += ["[lists]", 'separators = [";"]', "drop = []", ""]
    order = sorted(ENTITIES.lists, key=lambda entity: entity.name != "partners")
    for entity in order:
        fields = [
            name
            for name in fields_of(entity.model)
            if field_kind(entity.model, name).kind in _TABLE_KINDS and name != "extensions"
        ]
        lines += [f"[{entity.name}]", f'sheet = "{entity.name}"', "", f"[{entity.name}.columns]"]
        lines += [f'{name} = "{name}"' for name in fields]
        lines.append("")
    return "\n".join(lines)
