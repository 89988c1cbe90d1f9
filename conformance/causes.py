r"""Name the cause of a disagreement from the value it is about.

When an engine and partnering's schema layer reach different verdicts on a document, the
places they name (partnering's issues when the engine accepts; the engine's errors when it
refuses) lead to values, and each value says why: a final newline that Python's ``$`` lets
through, a year 0000, a leap second, a web address that one URI check refuses and another
accepts, an integer that JavaScript cannot hold. Causes are what the allow-list
(``known-differences.json``) names.

Example:
    >>> value_cause("tpi\n", {"type": "string", "pattern": "^[a-z]+$"})
    'final-newline'
    >>> value_cause("2016-12-31T23:59:60Z", {"type": "string", "format": "date-time"})
    'leap-second'
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from typing import Any

from partnering._patterns import DATE, DATETIME, EXTENSION_KEY, ID, ORG_ID, SDG_TARGET, URL
from partnering._patterns import compile_pattern as ecma_pattern

__all__ = [
    "FORMAT_CAUSES",
    "FORMAT_NOT_ASSERTED",
    "field_kind",
    "location",
    "parse_pointer",
    "value_cause",
]

#: The cause given when an engine that leaves ``format`` unchecked accepts a value that only
#: a format check refuses; the value's own cause is kept as the detail.
FORMAT_NOT_ASSERTED = "format-not-asserted"

#: The causes that concern what a ``format`` keyword means.
FORMAT_CAUSES = frozenset(
    {
        "year-0000",
        "month-out-of-range",
        "day-out-of-range",
        "hour-24",
        "leap-second",
        "time-out-of-range",
        "uri-two-at-signs",
        "uri-port-not-a-number",
        "uri-bad-ip-literal",
        "uri-bad-percent-escape",
        "uri-character-not-allowed",
        "uri-second-hash",
        "uri-other",
    }
)

_PATTERN_NAMES = {
    pattern.regex: pattern.name
    for pattern in (DATE, DATETIME, EXTENSION_KEY, ID, ORG_ID, SDG_TARGET, URL)
}
_LARGEST_EXACT = 2**53 - 1
_DATE_PARTS = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})Z?)?"
)
_NOT_IN_URIS = set('<>"{}|\\^` ')
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def parse_pointer(pointer: str) -> list[str]:
    """Split an RFC 6901 JSON Pointer into its unescaped tokens.

    Example:
        >>> parse_pointer("/extensions/a~1b/0")
        ['extensions', 'a/b', '0']
    """
    if not pointer:
        return []
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]


def _resolve(root: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow local ``$ref`` s, alone or in a one-schema ``allOf``, keeping keywords beside."""
    while "$ref" in schema or len(schema.get("allOf", ())) == 1:
        if "$ref" not in schema:
            (inner,) = schema["allOf"]
            schema = {**inner, **{k: v for k, v in schema.items() if k != "allOf"}}
            continue
        target: Any = root
        for token in parse_pointer(schema["$ref"].removeprefix("#")):
            target = target[token]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def location(
    root: Mapping[str, Any], data: Any, tokens: Sequence[str]
) -> tuple[Mapping[str, Any] | None, Any]:
    """Find the subschema that applies at a place of a document, and the value there.

    The interchange schema uses no ``anyOf``, ``oneOf`` or conditionals, and ``allOf`` only to
    refer to one definition, so each place has at most one subschema. A place the document
    lacks gives the value ``None``.

    Example:
        >>> schema = {"properties": {"a": {"items": {"$ref": "#/$defs/n"}}}, "$defs": {"n": {}}}
        >>> location(schema, {"a": [5]}, ["a", "0"])
        ({}, 5)
    """
    schema: Mapping[str, Any] | None = _resolve(root, root)
    value = data
    for token in tokens:
        if schema is None:
            return None, None
        if isinstance(value, list):
            items = schema.get("items")
            schema = items if isinstance(items, Mapping) else None
            value = value[int(token)] if token.isdigit() and int(token) < len(value) else None
        else:
            properties = schema.get("properties", {})
            extra = schema.get("additionalProperties")
            schema = properties.get(token, extra if isinstance(extra, Mapping) else None)
            value = value.get(token) if isinstance(value, Mapping) else None
        if schema is not None:
            schema = _resolve(root, schema)
    return schema, value


def field_kind(schema: Mapping[str, Any] | None, tokens: Sequence[str]) -> str:
    """Name the kind of field a place holds: the named pattern, the format, or the field name.

    Example:
        >>> field_kind({"type": "string", "pattern": ID.regex}, ["partners", "0", "id"])
        'id'
        >>> field_kind({"type": "string", "pattern": "^1[.]0$"}, ["schema_version"])
        'schema_version'
    """
    if schema is not None:
        if schema.get("pattern") in _PATTERN_NAMES:
            return _PATTERN_NAMES[schema["pattern"]]
        if "format" in schema:
            return str(schema["format"])
    names = [token for token in tokens if not token.isdigit()]
    return names[-1] if names else "document"


def _date_cause(value: str) -> str | None:
    parts = _DATE_PARTS.fullmatch(value)
    if parts is None:
        return None
    year, month, day = (int(part) for part in parts.group(1, 2, 3))
    if year == 0:
        return "year-0000"
    if not 1 <= month <= 12:
        return "month-out-of-range"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return "day-out-of-range"
    if parts.group(4) is None:
        return None
    hour, minute, second = (int(part) for part in parts.group(4, 5, 6))
    if hour == 24:
        return "hour-24"
    if second == 60 and hour < 24 and minute < 60:
        return "leap-second"
    if hour > 24 or minute > 59 or second > 60:
        return "time-out-of-range"
    return None


def _uri_cause(value: str) -> str:
    authority = re.split(r"[/?#]", value.partition("://")[2], maxsplit=1)[0]
    host = authority.rpartition("@")[2]
    if authority.count("@") > 1:
        return "uri-two-at-signs"
    if host.startswith("[") and "]" not in host:
        return "uri-bad-ip-literal"
    port = host.rpartition("]")[2] if host.startswith("[") else host
    if ":" in port and not port.rpartition(":")[2].isdigit() and port.rpartition(":")[2]:
        return "uri-port-not-a-number"
    if _BAD_PERCENT.search(value):
        return "uri-bad-percent-escape"
    if _NOT_IN_URIS & set(value):
        return "uri-character-not-allowed"
    if value.count("#") > 1:
        return "uri-second-hash"
    return "uri-other"


def _string_cause(value: str, schema: Mapping[str, Any]) -> str:
    pattern = schema.get("pattern")
    if value.endswith("\n") and pattern and ecma_pattern(pattern).search(value[:-1]):
        return "final-newline"
    # What a date, a time or an address breaks, even where the pattern refuses it too: an
    # engine that accepts it ignores both the pattern and the format.
    form = schema.get("format")
    specific = None
    if form in ("date", "date-time"):
        specific = _date_cause(value)
    elif form == "uri":
        specific = _uri_cause(value)
    if specific is not None and specific != "uri-other":
        return specific
    if pattern and not ecma_pattern(pattern).search(value):
        return "pattern-not-matched"
    if form in ("date", "date-time"):
        return "date-other"
    return specific or "unclassified"


def value_cause(value: object, schema: Mapping[str, Any] | None) -> str:
    """Say why engines may differ on a value, given the subschema that applies to it.

    Example:
        >>> value_cause("http://a:b", {"type": "string", "format": "uri"})
        'uri-port-not-a-number'
        >>> value_cause(10**400, {"type": "integer"})
        'integer-beyond-double'
    """
    if schema is None:
        return "unclassified"
    if isinstance(value, str):
        return _string_cause(value, schema)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _LARGEST_EXACT:
        try:
            float(value)
        except OverflowError:
            return "integer-beyond-double"
        return "integer-beyond-2^53"
    return "unclassified"
