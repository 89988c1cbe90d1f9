"""Layer 1 of validation: the interchange JSON Schema, with messages written for people.

The validator is jsonschema's Draft 2020-12 validator with two changes that make its
verdicts match the models and other engines exactly: ``pattern`` follows ECMA-262 (``$`` does
not match before a final newline); and format checking is on for every format the schema
uses, failing loudly if a checker is missing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

from partnering._constraints import DATETIME_PATTERN, Pattern, compile_pattern
from partnering._messages import did_you_mean, excerpt, json_type, quote
from partnering.models import SCHEMA_VERSION, Dataset
from partnering.report import Issue, Path, Severity
from partnering.schemas import get_schema, registry

__all__ = ["schema_issues"]

_FORMATS = ("date", "date-time", "uri")


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return compile_pattern(pattern)


def _pattern(
    validator: Any, pattern: str, instance: object, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_StrictValidator = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    validators={"pattern": _pattern},
)


@functools.cache
def _validator() -> Any:
    checker = FormatChecker(formats=_FORMATS)
    missing = [name for name in _FORMATS if name not in checker.checkers]
    if missing:  # pragma: no cover - an installation without the declared dependencies
        raise RuntimeError(f"format checkers missing for {missing}; reinstall partnering")
    return _StrictValidator(get_schema(), registry=registry(), format_checker=checker)


def _pattern_explanations() -> dict[str, str]:
    explanations = {
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD, such as 2014-04-13",
        DATETIME_PATTERN: "a UTC time written like 2026-01-31T09:30:00Z",
    }
    models: list[type[Any]] = [Dataset, *_nested_models()]
    for model in models:
        for field in attrs.fields(model):
            for constraint in _flatten(field.metadata.get("constraints", ())):
                if isinstance(constraint, Pattern):
                    explanations[constraint.regex] = constraint.explanation
    return explanations


def _flatten(constraints: Any) -> Iterator[Any]:
    for constraint in constraints:
        yield constraint
        yield from _flatten(getattr(constraint, "constraints", ()))


def _nested_models() -> list[type[Any]]:
    from partnering import models

    return [
        value
        for value in vars(models).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == models.__name__
    ]


_EXPLANATIONS = _pattern_explanations()
_FORMAT_NAMES = {
    "date": "a real date written YYYY-MM-DD, such as 2014-04-13",
    "date-time": "a real UTC time written like 2026-01-31T09:30:00Z",
    "uri": "a valid absolute web address",
}
_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
}


def _noun(schema: Mapping[str, Any]) -> str:
    title = str(schema.get("title", "object"))
    return title.lower()


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def _field_name(path: Path) -> str:
    for segment in reversed(path):
        if isinstance(segment, str):
            return segment
    return "document"


def _issue(code: str, path: Path, message: str, hint: str, value: object = attrs.NOTHING) -> Issue:
    return Issue(
        code=code,
        severity=Severity.ERROR,
        path=path,
        message=message,
        hint=hint,
        excerpt=None if value is attrs.NOTHING else excerpt(value),
    )


def _translate(error: ValidationError) -> Iterator[Issue]:
    path: Path = tuple(error.absolute_path)
    keyword = error.validator
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    instance: Any = error.instance
    value: Any = error.validator_value
    field = _field_name(path)
    if keyword == "required":
        # jsonschema names the missing field only in its text: report every missing name here,
        # and let schema_issues drop the repeats.
        for name in value:
            if isinstance(instance, dict) and name not in instance:
                noun = _noun(schema)
                yield _issue(
                    "missing-field",
                    (*path, name),
                    f"{quote(name)} is missing; every {noun} needs one",
                    f"add {quote(name)} to this {noun}",
                )
    elif keyword == "additionalProperties":
        known = list(schema.get("properties", {}))
        for name in instance:
            if name not in known:
                suggestion = did_you_mean(name, known)
                yield _issue(
                    "unknown-field",
                    (*path, name),
                    f"unknown field {quote(name)} in {_noun(schema)}{suggestion}",
                    "correct the name, or put custom data under 'extensions' with a "
                    "namespaced key such as 'my-platform:field'",
                )
    elif keyword == "type":
        wanted = _TYPE_NAMES.get(str(value), str(value))
        if instance is None:
            yield _issue(
                "null-value",
                path,
                f"{quote(field)} is null; the format has no null values",
                "leave the field out if it has no value, or give it one",
            )
        else:
            yield _issue(
                "wrong-type",
                path,
                f"{quote(field)} must be {wanted}, not {json_type(instance)}",
                f"write {quote(field)} as {wanted}",
                instance,
            )
    elif keyword == "enum":
        codes = [str(code) for code in value]
        listed = ", ".join(codes[:12]) + (", …" if len(codes) > 12 else "")
        if schema.get("title") == "Country code":
            yield _issue(
                "unknown-code",
                path,
                f"{excerpt(instance)} is not an ISO 3166-1 alpha-2 country code"
                f"{did_you_mean(instance, codes)}",
                "use the two capital letters of the country, such as 'KE' for Kenya",
                instance,
            )
        else:
            noun = _noun(schema)
            yield _issue(
                "unknown-code",
                path,
                f"{excerpt(instance)} is not {_article(noun)} {noun} code; "
                f"expected one of: {listed}{did_you_mean(instance, codes)}",
                f"use one of the codes of the {noun} code list",
                instance,
            )
    elif keyword == "pattern":
        if field == "schema_version":
            yield _issue(
                "unsupported-version",
                path,
                f"this file follows version {excerpt(instance)} of the format; this library "
                f"reads version {SCHEMA_VERSION}",
                f"convert the file to version {SCHEMA_VERSION}",
                instance,
            )
        else:
            wanted = _EXPLANATIONS.get(str(value), f"text matching {value}")
            yield _issue(
                "invalid-format",
                path,
                f"{quote(field)} must be {wanted}",
                f"rewrite the value as {wanted}",
                instance,
            )
    elif keyword == "format":
        wanted = _FORMAT_NAMES.get(str(value), str(value))
        yield _issue(
            "invalid-format",
            path,
            f"{quote(field)} must be {wanted}",
            f"rewrite the value as {wanted}",
            instance,
        )
    elif keyword == "minLength":
        yield _issue(
            "empty-text",
            path,
            f"{quote(field)} is empty",
            "write the text, or leave the field out if it is optional",
        )
    elif keyword == "minItems":
        if not instance:
            yield _issue(
                "empty-list",
                path,
                f"{quote(field)} is an empty list; an empty list is written by leaving it out",
                f"remove {quote(field)}, or add its items",
            )
        else:
            yield _issue(
                "too-few-items",
                path,
                f"{quote(field)} has {len(instance)} item(s); it needs at least {value}",
                "add the missing items",
            )
    elif keyword == "uniqueItems":
        seen: list[Any] = []
        for index, item in enumerate(instance):
            if any(_same_json(item, earlier) for earlier in seen):
                yield _issue(
                    "duplicate-item",
                    (*path, index),
                    f"{quote(field)} lists {excerpt(item)} more than once",
                    "remove the repeated item",
                    item,
                )
            seen.append(item)
    elif keyword in ("minimum", "maximum"):
        bound = "at least" if keyword == "minimum" else "at most"
        yield _issue(
            "out-of-range",
            path,
            f"{quote(field)} is {excerpt(instance)}; it must be {bound} {value}",
            f"use a number {bound} {value}",
            instance,
        )
    elif keyword == "minProperties":
        yield _issue(
            "empty-object",
            path,
            f"{quote(field)} is an empty object; it is written by leaving it out",
            f"remove {quote(field)}, or add its fields",
        )
    else:  # pragma: no cover - a keyword our schema does not use
        yield _issue("schema-violation", path, error.message, "compare the value with the schema")


def _same_json(left: object, right: object) -> bool:
    # JSON equality: true is not 1, as jsonschema's uniqueItems also holds.
    if type(left) is not type(right) and not (
        isinstance(left, (int, float))
        and isinstance(right, (int, float))
        and not isinstance(left, bool)
        and not isinstance(right, bool)
    ):
        return False
    return left == right


def schema_issues(data: Mapping[str, Any]) -> Iterator[Issue]:
    """Yield an issue for every way ``data`` breaks the interchange schema.

    A file that names another version of the format gets one issue and no more: its fields
    cannot be judged against this version's schema.

    Example:
        >>> [issue.code for issue in schema_issues({"schema_version": "1.0", "title": 5})]
        ['wrong-type']
    """
    version = data.get("schema_version")
    if isinstance(version, str) and version != SCHEMA_VERSION:
        yield _issue(
            "unsupported-version",
            ("schema_version",),
            f"this file follows version {excerpt(version)} of the format; this library reads "
            f"version {SCHEMA_VERSION}",
            f"convert the file to version {SCHEMA_VERSION}",
            version,
        )
        return
    # One issue per place and kind: a date like 13/04/2014 breaks both the pattern and the
    # format, and jsonschema reports each missing field of an object as its own error.
    reported: set[tuple[Path, str]] = set()
    for error in _validator().iter_errors(data):
        if "propertyNames" in error.schema_path:
            # jsonschema checks a key as an instance of its own; the pointer names the key.
            yield from _translate_property_name(error)
            continue
        for issue in _translate(error):
            if (issue.path, issue.code) not in reported:
                reported.add((issue.path, issue.code))
                yield issue


def _translate_property_name(error: ValidationError) -> Iterator[Issue]:
    path: Path = tuple(error.absolute_path)
    name = error.instance
    yield _issue(
        "invalid-extension-key",
        (*path, str(name)),
        f"custom field {quote(str(name))} is not namespaced",
        "write custom keys as 'prefix:name', such as 'my-platform:window'",
    )
