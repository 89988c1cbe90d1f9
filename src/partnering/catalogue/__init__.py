"""Every issue code the library can report, in one place.

The codes come from the layers of validation: the strict JSON reader
(:data:`PARSE_CODES`), the spreadsheet reader (:data:`SHEET_CODES`), the interchange schema
(:data:`SCHEMA_CODES`) and the rules across the file
(:data:`RULE_CODES`). The reference documentation lists them from here, so
a code added to any layer appears there without further work.

Example:
    >>> codes = issue_codes()
    >>> codes["dangling-reference"].layer, codes["dangling-reference"].severity.value
    ('rules', 'error')
    >>> list(codes)[:2]
    ['json-duplicate-key', 'json-empty']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from partnering.catalogue._info import CodeInfo
from partnering.catalogue._parse import PARSE_CODES, READ_ERROR
from partnering.catalogue._rules import RULE_CODES
from partnering.catalogue._schema import SCHEMA_CODES
from partnering.catalogue._sheets import SHEET_CODES

__all__ = [
    "LAYERS",
    "PARSE_CODES",
    "READ_ERROR",
    "RULE_CODES",
    "SCHEMA_CODES",
    "SHEET_CODES",
    "CodeInfo",
    "issue_codes",
]

#: The layers of validation, in the order they run; each code belongs to one.
LAYERS: tuple[str, ...] = ("parse", "sheets", "schema", "rules")


def issue_codes() -> Mapping[str, CodeInfo]:
    """Return every issue code, sorted by layer (in the order they run), then by code.

    Returns:
        A read-only mapping from each code to its documentation.

    Raises:
        ValueError: two layers define the same code, or a code names a layer not in
            :data:`LAYERS`; either is a bug in the library.

    Example:
        >>> info = issue_codes()["unknown-field"]
        >>> info.layer, info.title
        ('schema', 'A field is not part of the format')
    """
    combined: dict[str, CodeInfo] = {}
    for table in (PARSE_CODES, SHEET_CODES, SCHEMA_CODES, RULE_CODES):
        for code, info in table.items():
            if code in combined:
                raise ValueError(f"issue code {code!r} is defined twice")
            if info.layer not in LAYERS:
                raise ValueError(f"issue code {code!r} names an unknown layer {info.layer!r}")
            combined[code] = info
    ordered = sorted(combined.items(), key=lambda item: (LAYERS.index(item[1].layer), item[0]))
    return MappingProxyType(dict(ordered))
