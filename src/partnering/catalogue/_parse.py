"""Codes of the strict JSON reader: the document is not one strict JSON object."""

from __future__ import annotations

from collections.abc import Mapping

from partnering.catalogue._info import CodeInfo
from partnering.catalogue._tables import entries
from partnering.report import Severity

__all__ = ["PARSE_CODES", "READ_ERROR"]

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
    **entries(
        "parse",
        Severity.ERROR,
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
            "json-other-format",
            "The file is of another kind",
            "The file is not JSON but, from its first bytes, a workbook, a CSV table, YAML, "
            "XML, a web page or a PDF.",
            "Give the exchange file itself, or export the data as JSON in the interchange format.",
            "a CSV export given to partnering validate",
        ),
        (
            "json-empty",
            "The document is empty",
            "The file holds nothing, or only white space.",
            "Check that the right file was given and that it was saved completely.",
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
            "A document holds exactly one JSON object: remove what follows it, or move it "
            "inside the object.",
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
        (
            "not-json-data",
            "The data holds a value JSON cannot hold",
            "Data given as Python values, not as text, holds what strict JSON has no place "
            "for: NaN or an infinity, a set, bytes, another kind of object, a key that is not "
            "text, or a list or mapping that contains itself.",
            "Give JSON values only: text, finite numbers, true, false, None, lists, and "
            "mappings whose keys are text.",
            'validate({"schema_version": "1.0", "title": {"a", "b"}})',
        ),
    ),
}
