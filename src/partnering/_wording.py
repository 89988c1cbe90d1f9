"""The words for a value that breaks its field's type, and the issue a breach becomes.

A constraint words what breaks it (:class:`partnering._constraints.Breach`). What breaks a
field's *type* (a missing or unknown field, a wrong JSON type, ``null``, a code not in its
list, a date that is not a date) is worded here, once, for the schema layer of validation and
the converter alike. :func:`issue` turns a breach into an :class:`~partnering.report.Issue`,
with the severity and, unless the breach says more, the hint of the catalogue.

Example:
    >>> found = issue(wrong_type("string", 5), ("partners", 0, "name"), value=5)
    >>> found.pointer, found.message, found.hint
    ('/partners/0/name', "'name' must be text, not a number", \
'Write the value with the type the field needs.')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from partnering._constraints import Breach, suggestion_hint
from partnering._patterns import DATE, DATETIME, PARTIAL_DATE
from partnering._suggest import code_list_of, field_hint, list_name, listing, suggest_code
from partnering._text import did_you_mean, excerpt, json_type, quote
from partnering.catalogue import SCHEMA_CODES
from partnering.entities import ENTITIES
from partnering.report import Issue, Path

__all__ = [
    "SUGGESTED_KEYS",
    "TYPE_NAMES",
    "issue",
    "missing",
    "not_a_code",
    "not_a_date",
    "not_a_partial_date",
    "not_a_time",
    "null_value",
    "record_noun",
    "subject",
    "unknown_field",
    "words",
    "wrong_type",
]

#: The JSON Schema types, in the words of messages.
TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
}

_LISTED = 12  # codes named in a hint; a longer list is named, for 'partnering codes'


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def record_noun(path: Sequence[str | int]) -> str | None:
    """Name the object at ``path`` when it is a record of an entity list, such as ``partner``.

    Example:
        >>> record_noun(("building_blocks", 3)), record_noun(("publisher",))
        ('building block', None)
    """
    if len(path) != 2 or not isinstance(path[1], int):
        return None
    name = path[0]
    return ENTITIES.noun(name) if isinstance(name, str) and name in ENTITIES.models else None


def words(name: str) -> str:
    """Name a class in words, as schema titles do: ``OrganisationType``, ``organisation type``.

    Example:
        >>> words("BuildingBlockRating")
        'building block rating'
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def subject(path: Sequence[str | int]) -> str:
    """Name the value at ``path`` as a message starts: a field, an item of a list, the document.

    Example:
        >>> subject(("partners", 0, "name")), subject(("platforms", 0, "sdgs", 2)), subject(())
        ("'name'", "item 2 of 'sdgs'", 'the document')
    """
    if not path:
        return "the document"
    last = path[-1]
    if isinstance(last, str):
        return quote(last)
    if len(path) >= 2 and isinstance(path[-2], str):
        return f"item {last} of {quote(path[-2])}"
    return f"item {last}"


def issue(
    breach: Breach,
    path: Path,
    *,
    about: Path | None = None,
    value: Any = attrs.NOTHING,
) -> Issue:
    """Turn a breach at ``path`` into an issue of the schema layer.

    The hint is the breach's own, or else the value of a field the format fixes
    (``schema_version``), or else the catalogue's hint for the code.

    Args:
        breach: the code, the problem and, when it says more than the catalogue's, the hint.
        path: where the issue is.
        about: the path of the value the message names, when it is not ``path`` (a repeated
            item is at its index, but the message names the list).
        value: the offending value, shown as the issue's excerpt.
    """
    info = SCHEMA_CODES[breach.code]
    return Issue(
        code=breach.code,
        severity=info.severity,
        path=path,
        message=f"{subject(path if about is None else about)} {breach.problem}",
        hint=breach.hint or field_hint(breach.code, path) or info.hint,
        excerpt=None if value is attrs.NOTHING else excerpt(value),
    )


def missing(noun: str | None) -> Breach:
    """Say that a required field is missing from an object, named by ``noun`` when known."""
    if noun is None:
        return Breach("missing-field", "is missing; the field is required")
    return Breach("missing-field", f"is missing; every {noun} needs one")


#: How many unknown keys of one object are compared with its field names for a suggestion:
#: an object of 100,000 unknown keys is a file of another kind, not a typing slip.
SUGGESTED_KEYS = 100


def unknown_field(
    name: str, noun: str | None, known: Iterable[str], *, suggest: bool = True
) -> Breach:
    """Say that ``name`` is not a field of the object, suggesting the closest known field.

    Without ``suggest``, no field is suggested: see :data:`SUGGESTED_KEYS`.
    """
    where = "this object" if noun is None else f"{_article(noun)} {noun}"
    suggestion = did_you_mean(name, known) if suggest else ""
    hint = suggestion_hint(suggestion) if suggestion else None
    return Breach("unknown-field", f"is not a field of {where}", hint)


def wrong_type(wanted: str, value: object) -> Breach:
    """Say that a value is not of the JSON type ``wanted`` (``string``, ``integer``...)."""
    if value is None:
        return null_value()
    if wanted == "integer" and isinstance(value, (float, Decimal)):
        # A number that is not whole, however close: 1E-400 is not 0.
        return Breach("wrong-type", f"must be a whole number; {excerpt(value)} is not one")
    return Breach("wrong-type", f"must be {TYPE_NAMES.get(wanted, wanted)}, not {json_type(value)}")


def null_value() -> Breach:
    """Say that a value is ``null``, which the format never allows."""
    return Breach("null-value", "is null; the format has no null values")


def not_a_code(value: object, noun: str, codes: Sequence[str]) -> Breach:
    """Say that ``value`` is not one of the ``codes`` of the code list named ``noun``.

    The hint offers the code the value stands for, if any (its title, an alias, the code in
    another spelling: see :mod:`partnering._suggest`), then the codes of a short list, or
    the command that lists a long one.

    Example:
        >>> from partnering.codelists import OrganisationType, Rating
        >>> not_a_code("Green", "rating", Rating.codes()).hint
        "Write 'green', as the code is written. Use one of: green, amber, red, not_applicable."
        >>> not_a_code("NGO", "organisation type", OrganisationType.codes()).hint
        "Run 'partnering codes organisation-type' to see all 16 codes with their titles."
    """
    code_list = code_list_of(codes, noun)
    suggestion = suggest_code(value, codes, code_list)
    hints = [suggestion.hint] if suggestion else []
    if len(codes) > _LISTED and code_list is not None:
        hints.append(listing(list_name(code_list), len(codes)))
    else:
        hints.append(f"Use one of: {', '.join(codes)}.")
    return Breach(
        "unknown-code",
        f"is {excerpt(value)}, which is not {_article(noun)} {noun} code",
        " ".join(hints),
    )


def not_a_date() -> Breach:
    """Say that a text is not a real date written as the ``date`` format requires."""
    return Breach("invalid-format", f"must be {DATE.explanation}")


def not_a_partial_date() -> Breach:
    """Say that a text is not a real date, nor a real month or year, of format 1.1."""
    return Breach("invalid-format", f"must be {PARTIAL_DATE.explanation}")


def not_a_time() -> Breach:
    """Say that a text is not a real UTC time written as the ``date-time`` format requires."""
    return Breach("invalid-format", f"must be {DATETIME.explanation}")
