"""The shapes that fields of the interchange schema share, and how the schema writes them.

The schema generator (:mod:`partnering.schemagen`) writes each shape of :data:`SHAPES` once,
under ``$defs``, and refers to it from every field whose type and constraints give the same
keywords. The shapes' titles name the types that code generators of other languages write,
so each is a name those languages do not already have.

Example:
    >>> [shape.name for shape in SHAPES][:4]
    ['id', 'text', 'long_text', 'date']
    >>> refer("When it started.", {"$ref": "#/$defs/date"})
    {'description': 'When it started.', 'allOf': [{'$ref': '#/$defs/date'}]}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import attrs

from partnering import _patterns as patterns
from partnering._constraints import (
    Constraint,
    Country,
    Each,
    Keys,
    Omitted,
    Pattern,
    Range,
    Subdivision,
    Text,
    UniqueItems,
    Uri,
    UtcSeconds,
)
from partnering._format import MAX_INTEGER
from partnering._patterns import LINE_FEED, compile_pattern
from partnering.codelists import CodeList
from partnering.models import Source
from partnering.partial_dates import PartialDate

__all__ = [
    "CURRENCY_TITLE",
    "SHAPES",
    "SUBDIVISION_TITLE",
    "Shape",
    "code_table",
    "currency_definition",
    "refer",
    "refuse_line_feeds",
    "signature",
    "subdivision_definition",
]


@attrs.frozen
class Shape:
    """A shape that fields share, written once under ``$defs``: a type and its constraints.

    A field whose type and constraints give the same keywords refers to the definition.
    ``since`` is the version of the format the shape appeared in.
    """

    name: str
    title: str
    description: str
    type_: Any
    constraints: tuple[Constraint, ...] = ()
    since: str = "1.0"


#: The shapes fields share, parts before the shapes made of them. Their titles name the types
#: that code generators write, so none is a name JavaScript already has (Date, URL, Text).
SHAPES = (
    Shape(
        "id",
        "ID",
        "The id of a record: 1 to 200 letters, digits, '-', '_', '.' or ':', starting with a "
        "letter or a digit. Ids are unique within their list; fields that refer to a record "
        "hold its id.",
        str,
        (Pattern(patterns.ID),),
    ),
    Shape(
        "text",
        "Visible text",
        "Text of one line that shows something: at least one character that is neither a "
        "space nor invisible, and no control character but tab.",
        str,
        (Text(),),
    ),
    Shape(
        "long_text",
        "Visible prose",
        "Text that shows something and may run over several lines: at least one character "
        "that is neither a space nor invisible, and no control character but tab and line "
        "feed.",
        str,
        (Text(long=True),),
    ),
    Shape(
        "date",
        "Calendar date",
        "A day of the Gregorian calendar from 0001-01-01 to 9999-12-31, written YYYY-MM-DD.",
        date,
    ),
    Shape(
        "partial_date",
        "Date, month or year",
        "A day of the Gregorian calendar written YYYY-MM-DD, or a date known only to the "
        "month (YYYY-MM, such as 2016-03) or the year (YYYY, such as 2016). Format 1.1.",
        date | PartialDate,
        since="1.1",
    ),
    Shape(
        "date_time",
        "UTC time",
        "A moment in UTC to the second, written YYYY-MM-DDThh:mm:ssZ, from 00:00:00 to "
        "23:59:59 (no leap second).",
        datetime,
        (UtcSeconds(),),
    ),
    Shape(
        "web_address",
        "Web address",
        "An http or https address that names its host: a host name whose last label begins "
        "with a letter (no IP address), no user information, a port from 1 to 65535, and only "
        "the characters RFC 3986 allows, others percent-encoded.",
        str,
        (Pattern(patterns.URL), Uri()),
    ),
    Shape(
        "count",
        "Count",
        "A number of things: a whole number from 0.",
        int,
        (Range(0, MAX_INTEGER),),
    ),
    Shape(
        "extensions",
        "Extensions",
        "Custom data under namespaced keys such as 'kenya-sdgpp:window', kept exactly "
        "through every load and dump; other tools may ignore it.",
        Mapping[str, Any],
        (Keys(patterns.EXTENSION_KEY),),
    ),
    Shape(
        "sources",
        "Sources",
        "The public sources a record is based on: at least one when given.",
        tuple[Source, ...],
        (Omitted(),),
    ),
    Shape(
        "ids",
        "IDs",
        "Ids of records, each once: at least one when given.",
        tuple[str, ...],
        (Omitted(), UniqueItems(), Each([Pattern(patterns.ID)])),
    ),
    Shape(
        "sdgs",
        "SDGs",
        "Sustainable Development Goals, by number from 1 to 17, each once.",
        tuple[int, ...],
        (Omitted(), UniqueItems(), Each([Range(1, 17)])),
    ),
    Shape(
        "countries",
        "Countries",
        "Countries and territories, by ISO 3166-1 alpha-2 code, each once.",
        tuple[str, ...],
        (Omitted(), UniqueItems(), Each([Country()])),
    ),
    Shape(
        "subdivisions",
        "Subdivisions",
        "Subdivisions of countries (provinces, states, counties...), by ISO 3166-2 code, each "
        "once: at least one when given.",
        tuple[str, ...],
        (Omitted(), UniqueItems(), Each([Subdivision()])),
        since="1.1",
    ),
)

#: The title of the definition that lists the subdivision codes.
SUBDIVISION_TITLE = "Subdivision code"


def subdivision_definition() -> dict[str, Any]:
    """Return the definition that lists every ISO 3166-2 code, as pycountry has them."""
    from partnering._subdivisions import subdivision_codes

    return {
        "title": SUBDIVISION_TITLE,
        "description": (
            "An ISO 3166-2 subdivision code: the country's ISO 3166-1 alpha-2 code, a hyphen "
            "and the subdivision's own code, such as 'CA-AB' for Alberta, Canada."
        ),
        "type": "string",
        "enum": list(subdivision_codes()),
    }


#: The title of the definition that lists the currency codes.
CURRENCY_TITLE = "Currency code"


def currency_definition() -> dict[str, Any]:
    """Return the definition that lists every ISO 4217 code, as pycountry has them."""
    from partnering._currencies import currency_codes

    return {
        "title": CURRENCY_TITLE,
        "description": (
            "An ISO 4217 alphabetic currency code, such as 'KES' for the Kenyan shilling."
        ),
        "type": "string",
        "enum": list(currency_codes()),
    }


def signature(schema: Mapping[str, Any]) -> str:
    """Write keywords as text that is the same for the same keywords, in any order."""
    return json.dumps(schema, sort_keys=True)


def refuse_line_feeds(schema: dict[str, Any]) -> None:
    """Write ``not`` a line feed beside each pattern, for engines whose ``$`` admits one."""
    for node in (schema, schema.get("propertyNames")):
        # A pattern that admits line feeds (long text's) needs no guard against a final one.
        if isinstance(node, dict) and "pattern" in node and not _admits_line_feeds(node):
            # With its type, so that "not" holds of the values the pattern ignores.
            node["not"] = {"type": "string", "pattern": LINE_FEED}


def _admits_line_feeds(node: Mapping[str, Any]) -> bool:
    return bool(compile_pattern(node["pattern"]).search("x\nx\n"))


def code_table(code_list: type[CodeList]) -> str:
    """Write each code of a list with its title and meaning, as a Markdown table."""

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    rows = [f"| `{m.value}` | {cell(m.title)} | {cell(m.description)} |" for m in code_list]
    return "\n".join(["| Code | Title | Description |", "| --- | --- | --- |", *rows])


def refer(description: str, schema: Mapping[str, Any]) -> dict[str, Any]:
    """Describe a field; a reference is wrapped in ``allOf`` so the definition keeps its name."""
    if set(schema) == {"$ref"}:
        return {"description": description, "allOf": [dict(schema)]}
    return {"description": description, **schema}
