"""The catalogue of issue codes: what each means, how serious it is, how to fix it.

Codes are stable: once published, a code keeps its meaning and is never reused. The
reference documentation is generated from this catalogue, and a test checks that every code
the library can report is in it.

Example:
    >>> PARSE_CODES["json-duplicate-key"].severity
    <Severity.ERROR: 'error'>
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from partnering.report import Severity

__all__ = ["PARSE_CODES", "READ_ERROR", "SCHEMA_CODES", "CodeInfo"]


@attrs.frozen(kw_only=True)
class CodeInfo:
    """The documentation of one issue code.

    Attributes:
        code: the code, as reported.
        severity: the severity issues of this code have.
        layer: ``parse`` (the strict JSON reader), ``schema`` (the JSON Schema) or ``rules``
            (rules across the file).
        title: what the code means, in a few words.
        description: what triggers it.
        hint: how to fix it, in general.
        example: a small piece of JSON, or a description of input, that triggers it.
    """

    code: str
    severity: Severity
    layer: str
    title: str
    description: str
    hint: str
    example: str


def _catalogue(layer: str, *entries: tuple[str, str, str, str, str]) -> Mapping[str, CodeInfo]:
    return {
        code: CodeInfo(
            code=code,
            severity=Severity.ERROR,
            layer=layer,
            title=title,
            description=description,
            hint=hint,
            example=example,
        )
        for code, title, description, hint, example in entries
    }


READ_ERROR = CodeInfo(
    code="read-error",
    severity=Severity.ERROR,
    layer="parse",
    title="The file cannot be read",
    description="The file is missing, is a directory, or may not be read.",
    hint="Check the path and the file's permissions.",
    example="partnering validate no-such-file.json",
)

#: Codes of the strict JSON reader: the document is not one strict JSON object.
PARSE_CODES: Mapping[str, CodeInfo] = {
    "read-error": READ_ERROR,
    **_catalogue(
        "parse",
        (
            "json-too-large",
            "The document is too large",
            "The document has more bytes than the configured limit (256 MiB by default).",
            "Split the file, or raise the limit if the file is trusted.",
            "a file of 300 MiB",
        ),
        (
            "json-encoding",
            "The document is not UTF-8",
            "The bytes are not valid UTF-8, start with a byte order mark, or are UTF-16/32.",
            "Save the file as UTF-8 without a byte order mark.",
            "a file saved as UTF-16",
        ),
        (
            "json-empty",
            "The document is empty",
            "The file holds nothing, or only white space.",
            "Export the data again; an exchange file is one JSON object.",
            "an empty file",
        ),
        (
            "json-syntax",
            "The document is not valid JSON",
            "A syntax error: a trailing comma, a comment, a missing quote, a truncated file.",
            "Fix the JSON at the line and column given.",
            '{"title": "x",}',
        ),
        (
            "json-trailing-data",
            "There is more after the document",
            "Something follows the closing brace of the JSON object.",
            "Remove what follows the document, or split it into several files.",
            '{"schema_version": "1.0"} {}',
        ),
        (
            "json-duplicate-key",
            "A key appears twice in one object",
            "An object repeats a key; JSON readers disagree on which value wins.",
            "Keep one of the two values.",
            '{"schema_version": "1.0", "schema_version": "1.0"}',
        ),
        (
            "json-non-finite",
            "A number is not finite",
            "NaN, Infinity or a number too large to represent, such as 1e400.",
            "Write a finite number, or leave the field out.",
            '{"extensions": {"x:y": NaN}}',
        ),
        (
            "json-number-too-long",
            "A number has too many digits",
            "An integer with thousands of digits, which readers cannot convert safely.",
            "Write the value as a string under extensions, or leave it out.",
            "an integer of 5,000 digits",
        ),
        (
            "json-too-deep",
            "The document is nested too deeply",
            "Arrays and objects nest deeper than the limit (64 by default).",
            "Flatten the data; exchange files need only a few levels.",
            "100,000 nested brackets",
        ),
        (
            "json-lone-surrogate",
            "A string holds half a character",
            "A \\uD800-style escape that is not part of a surrogate pair.",
            "Fix the escape, or export the text again as UTF-8.",
            '{"title": "\\ud800"}',
        ),
        (
            "json-not-object",
            "The document is not a JSON object",
            "The top level is an array, a string, a number, true, false or null.",
            "Wrap the data in one object with a schema_version.",
            "[]",
        ),
    ),
}

#: Codes of the schema layer: the document does not follow the interchange schema.
SCHEMA_CODES: Mapping[str, CodeInfo] = _catalogue(
    "schema",
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
        "Use one of the codes listed in the message.",
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
        "Convert the file to version 1.0, or use a library that reads its version.",
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
