"""Layer 1 of validation: the interchange JSON Schema, with messages written for people.

The validator is jsonschema's Draft 2020-12 validator with two changes that make its
verdicts match the models and other engines exactly: ``pattern`` follows ECMA-262 (``$`` does
not match before a final newline); and format checking is on for every format the schema
uses, with the checks in :data:`partnering._formats.FORMAT_CHECKS`, which the fast engine uses
too, failing loudly if a check is missing.

:func:`schema_issues` checks a whole document: it is the reference path. The fast path
(:mod:`partnering._fast`) finds which records are invalid with another engine, then asks
:func:`issues_in_parts` to check only those, and the top level, with this validator.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

from partnering._constraints import Pattern
from partnering._format import SCHEMA_VERSION
from partnering._formats import FORMAT_CHECKS
from partnering._patterns import DATE, DATETIME, compile_pattern
from partnering._text import did_you_mean, excerpt, json_type, quote
from partnering.models import ENTITY_LISTS, Dataset
from partnering.report import Issue, Path, Severity, generic_pointer
from partnering.schemas import get_schema, registry

__all__ = ["issues_in_parts", "schema_issues"]

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


def _for_strings(check: Callable[[str], bool]) -> Callable[[object], bool]:
    def conforms(instance: object) -> bool:
        return not isinstance(instance, str) or check(instance)

    return conforms


@functools.cache
def _validator() -> Any:
    # The shared checks rather than jsonschema's defaults, which change with the packages
    # installed (with rfc3987 present, 'uri' is checked by another library).
    checker = FormatChecker(formats=())
    for name, check in FORMAT_CHECKS.items():
        checker.checks(name)(_for_strings(check))
    missing = [name for name in _FORMATS if name not in checker.checkers]
    if missing:  # pragma: no cover - a format added to the schema but not to the checks
        raise RuntimeError(f"format checks missing for {missing}")
    return _StrictValidator(get_schema(), registry=registry(), format_checker=checker)


def _pattern_explanations() -> dict[str, str]:
    explanations = {
        DATE.regex: DATE.explanation,
        DATETIME.regex: DATETIME.explanation,
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
        # A file of another version never gets here: schema_issues answers it first.
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
        if not instance and generic_pointer(path) in _required_lists():
            yield _issue(
                "empty-list",
                path,
                f"{quote(field)} is an empty list; it needs at least {value} item(s)",
                f"add the items of {quote(field)}",
            )
        elif not instance:
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


@functools.cache
def _required_lists() -> frozenset[str]:
    """The generic pointers (``/platforms/*/members/*/roles``) of lists a file must give."""
    schema = get_schema()
    found: set[str] = set()

    def walk(node: Mapping[str, Any], pointer: str) -> None:
        if "$ref" in node:
            node = schema["$defs"][str(node["$ref"]).rsplit("/", 1)[-1]]
        if node.get("type") == "array":
            walk(node.get("items", {}), pointer + "/*")
        for name, child in node.get("properties", {}).items():
            child_pointer = f"{pointer}/{name}"
            if name in node.get("required", ()) and child.get("type") == "array":
                found.add(child_pointer)
            walk(child, child_pointer)

    walk(schema, "")
    return frozenset(found)


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
    yield from _issues(_validator().iter_errors(data))


def _issues(errors: Iterable[ValidationError]) -> Iterator[Issue]:
    # One issue per place and kind: a date like 13/04/2014 breaks both the pattern and the
    # format, and jsonschema reports each missing field of an object as its own error.
    reported: set[tuple[Path, str]] = set()
    for error in errors:
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


@functools.cache
def _top_level_schema() -> dict[str, Any]:
    """Return the schema of the top level alone: the entity lists' items are left out."""
    schema = dict(_validator().schema)
    # Without "$schema", jsonschema keeps our validator class (ECMA patterns) for it.
    del schema["$schema"]
    schema["properties"] = {
        name: (
            {key: value for key, value in keywords.items() if key != "items"}
            if name in ENTITY_LISTS
            else keywords
        )
        for name, keywords in schema["properties"].items()
    }
    return schema


def _record_errors(
    validator: Any, data: Mapping[str, Any], name: str, index: int
) -> Iterator[ValidationError]:
    items = validator.schema["properties"][name]["items"]
    for error in validator.descend(data[name][index], items, path=index):
        error.path.appendleft(name)
        yield error


def issues_in_parts(data: Mapping[str, Any], records: Iterable[tuple[str, int]]) -> Iterator[Issue]:
    """Yield the issues of the top level of ``data`` and of the records named, only.

    When every record not named is valid, these are exactly the issues
    :func:`schema_issues` yields for the whole document: each part is checked with the same
    validator, the same schema and the same resolution of references, and its paths start
    from the root of the document. Parts never share a path, so dropping repeated issues part
    by part drops what the whole document's check drops.

    Args:
        data: a document of the current version, whose records not named are all valid.
        records: the invalid records, as an entity list's name and an index into that list.

    Example:
        >>> data = {"schema_version": "1.0", "title": 5, "partners": [{"id": "a"}, {"id": "b"}]}
        >>> [issue.pointer for issue in issues_in_parts(data, [("partners", 1)])]
        ['/title', '/partners/1/name', '/partners/1/organisation_type']
    """
    validator = _validator()
    yield from _issues(validator.descend(data, _top_level_schema()))
    for name, index in records:
        yield from _issues(_record_errors(validator, data, name, index))
