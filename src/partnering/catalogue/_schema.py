"""Codes of the schema layer: the document does not follow the interchange schema."""

from __future__ import annotations

from collections.abc import Mapping

from partnering._format import SCHEMA_VERSIONS
from partnering.catalogue._info import CodeInfo
from partnering.catalogue._tables import entries
from partnering.report import Severity

__all__ = ["SCHEMA_CODES"]


def _versions(versions: tuple[str, ...]) -> str:
    """Name the versions of the format this release reads, in words."""
    if len(versions) == 1:
        return f"version {versions[0]}"
    return f"versions {', '.join(versions[:-1])} and {versions[-1]}"


#: Codes of the schema layer: the document does not follow the interchange schema.
SCHEMA_CODES: Mapping[str, CodeInfo] = entries(
    "schema",
    Severity.ERROR,
    (
        "missing-field",
        "A required field is missing",
        "An object lacks a field the format requires.",
        "Add the field.",
        '{"partners": [{"id": "tpi", "organisation_type": "21"}]}',
    ),
    (
        "unknown-field",
        "A field is not part of the format",
        "An object has a field the format does not define, often a typo.",
        "Correct the name; put custom data under 'extensions' with a namespaced key.",
        '{"partners": [{"id": "tpi", "nmae": "TPI", "organisation_type": "21"}]}',
    ),
    (
        "wrong-type",
        "A value has the wrong type",
        "A number where text belongs, text where a list belongs, and so on.",
        "Write the value with the type the field needs.",
        '{"title": 5}',
    ),
    (
        "null-value",
        "A value is null",
        "The format has no null values: an absent value is left out.",
        "Remove the field, or give it a value.",
        '{"title": null}',
    ),
    (
        "unknown-code",
        "A code is not in its code list",
        "A value of a code list (a sector, a scope, a country...) is not one of its codes.",
        "Use one of the codes of the field's code list; 'partnering codes' prints every "
        "code list, with each code's title and description.",
        '{"partners": [{"id": "p", "name": "P", "organisation_type": "99"}]}',
    ),
    (
        "invalid-format",
        "A value is not written as the format requires",
        "A date, time, web address, id or SDG target that does not follow its form.",
        "Write it in the form the message gives, such as 2014-04-13 for a date.",
        '{"events": [{"id": "e", "name": "E", "start_date": "13/04/2014", ...}]}',
    ),
    (
        "empty-text",
        "A text is empty",
        "A field that holds text is an empty string.",
        "Write the text, or leave the field out if it is optional.",
        '{"title": ""}',
    ),
    (
        "blank-text",
        "A text shows nothing",
        "A name, a title or another text holds only spaces, line breaks or invisible "
        "characters, such as a zero-width space (U+200B) or an ideographic space (U+3000).",
        "Write the text, or leave the field out if it is optional.",
        '{"title": " \\u200b"}',
    ),
    (
        "control-character",
        "A text holds a control character",
        "A text holds a control character (U+0000 to U+001F, U+007F to U+009F), which shows "
        "nothing and which many tools mangle. Tab is allowed everywhere, line feed only in "
        "descriptions and summaries; carriage return nowhere.",
        "Remove the control character, or replace it with a space.",
        '{"title": "a\\u0000b"}',
    ),
    (
        "text-too-long",
        "A text is too long",
        "A field that holds text has more characters than its maximum. No field of format "
        "1.0 has a maximum, so only models built from Python code with a longer maximum "
        "declared on a field report it.",
        "Shorten the text to the length the message gives.",
        "a name of 201 characters where a field declares Length(maximum=200)",
    ),
    (
        "empty-list",
        "A list is empty",
        "An empty list is written by leaving the field out.",
        "Remove the field, or add the items.",
        '{"partners": []}',
    ),
    (
        "empty-object",
        "An object is empty",
        "Empty custom data is written by leaving 'extensions' out.",
        "Remove the field, or add the custom data.",
        '{"extensions": {}}',
    ),
    (
        "too-few-items",
        "A list has too few items",
        "A list has fewer items than it needs: a partnership needs two participants.",
        "Add the missing items.",
        "a partnership with one participant",
    ),
    (
        "duplicate-item",
        "A list repeats an item",
        "A list that must not repeat itself, such as sdgs or countries, has an item twice.",
        "Remove the repeated item.",
        '{"sdgs": [3, 3]}',
    ),
    (
        "out-of-range",
        "A number is out of range",
        "A number below its minimum or above its maximum, such as SDG 18.",
        "Use a number within the range given.",
        '{"sdgs": [18]}',
    ),
    (
        "integer-too-large",
        "A whole number is too large to be exchanged",
        "A whole-number field holds a number beyond 2^53 - 1 (9007199254740991) or below "
        "its negative: readers that hold numbers as doubles, as JavaScript does, cannot hold "
        "it exactly (I-JSON, RFC 7493). A count written 1E+300 is such a number.",
        "Check the number: no count or position of the format is this large.",
        '{"events": [{"participant_count": 9007199254740992, ...}]}',
    ),
    (
        "invalid-extension-key",
        "A custom field is not namespaced",
        "Keys under 'extensions' are written 'prefix:name' so tools do not collide.",
        "Rename the key, such as 'my-platform:window'.",
        '{"extensions": {"window": "health"}}',
    ),
    (
        "unsupported-version",
        "The file follows another version of the format",
        "schema_version names a version this library does not read.",
        f"This release of partnering reads {_versions(SCHEMA_VERSIONS)} of the format. Check "
        "where the file came from: a file of another version needs a release of partnering "
        "that reads it.",
        '{"schema_version": "2.0"}',
    ),
    (
        "invalid-value",
        "A value breaks a rule of its field",
        "Reported when building models finds a problem the schema did not; the schema and "
        "the models are generated to agree, so this points to a bug worth reporting.",
        "Correct the value as the message says, and report the file to the developers.",
        "(reserved: the schema and the models agree on every value)",
    ),
    (
        "schema-violation",
        "The document breaks the schema",
        "A schema rule without a more specific code.",
        "Read the message and compare the value with the schema.",
        "(reserved for rules without a specific code)",
    ),
)
