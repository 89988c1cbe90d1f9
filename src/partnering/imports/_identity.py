"""Write the identity mapping: it reads back what ``partnering convert`` writes.

The mapping follows the spreadsheet layout (:data:`partnering.sheets.LAYOUT`), so that a
field added to the models is in both at once: a sheet per entity list, a column per field
named as the field, lists of records (participants, resources, ratings...) on sheets of
their own keyed by their record's id, lists of values split as the layout joins them, and a
column ``extensions.KEY`` per key of custom data, and the dataset's own fields (its title,
publisher, licence...) from the ``Meta`` sheet. Text is kept exactly as written.

Example:
    >>> identity_mapping().splitlines()[:2]
    ['namespace = "identity"', 'trim = false']
"""

from __future__ import annotations

import json
import re

from partnering.imports._mapping import DEFAULT_DATE_FORMS

__all__ = ["identity_mapping"]

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _string(text: str) -> str:
    # A JSON string is a TOML basic string: the same quotes and escapes.
    return json.dumps(text, ensure_ascii=False)


def _key(text: str) -> str:
    return text if _BARE.fullmatch(text) else _string(text)


def identity_mapping(namespace: str = "identity") -> str:
    """Return the TOML mapping that reads a workbook or CSV folder in the spreadsheet layout.

    Example:
        >>> text = identity_mapping()
        >>> "[partnerships.lists.participants]" in text, 'key = "partnership.id"' in text
        (True, True)
    """
    from partnering.sheets import LAYOUT
    from partnering.sheets._layout import META

    lines = [f"namespace = {_string(namespace)}", "trim = false", ""]
    forms = ", ".join(_string(form) for form in DEFAULT_DATE_FORMS)
    lines += ["[dates]", f"forms = [{forms}]", 'strip = ""', ""]
    lines += ["[lists]", 'separators = [";"]', "drop = []", "escapes = true", ""]
    lines += ["[dataset]", f"sheet = {_string(META)}", ""]
    # Partners first: the names in other sheets' partner columns find them.
    order = sorted(LAYOUT.sheets, key=lambda sheet: sheet.path[0] != "partners")
    for sheet in order:
        if sheet.key is None:
            table = sheet.path[0]
            lines += [f"[{table}]", f"sheet = {_string(sheet.title)}"]
            lines += ['extensions_prefix = "extensions."', "", f"[{table}.columns]"]
        else:
            table = f"{sheet.path[0]}.lists.{sheet.path[1]}"
            lines += [f"[{table}]", f"sheet = {_string(sheet.title)}"]
            lines += [f"key = {_string(sheet.key)}", "", f"[{table}.columns]"]
        lines += [
            f"{_key(column.header)} = {_string(column.header)}"
            for column in sheet.columns
            if not column.extensions
        ]
        lines.append("")
    return "\n".join(lines)
