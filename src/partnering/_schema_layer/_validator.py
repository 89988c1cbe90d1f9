"""The validator of the schema layer: jsonschema's Draft 2020-12, made to agree with the models.

Two changes make its verdicts match the models and the fast engine exactly: ``pattern``
follows ECMA-262 (``$`` does not match before a final newline), and a
:class:`~decimal.Decimal`, as the strict reader reads a number with a fraction, is a number,
and an integer when it is exactly whole (``25.0``, not ``1E-400``), as jsonschema-rs judges
it. ``format`` stays what JSON Schema 2020-12 makes it by default, an annotation: the
schema's patterns carry the whole meaning of dates, times and web addresses, so no format
check is needed, in this engine or any other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

from partnering._format import SCHEMA_VERSION
from partnering._patterns import compile_pattern
from partnering.schemas import get_schema, registry

__all__ = ["validator"]


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return compile_pattern(pattern)


def _pattern(
    validator: Any, pattern: str, instance: object, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        # The issue is worded from the keyword and the value (see _keywords); the error's
        # own text never names the value, which may be megabytes long.
        yield ValidationError(f"text of {len(instance)} characters does not match {pattern!r}")


_ADDITIONAL_PROPERTIES = Draft202012Validator.VALIDATORS["additionalProperties"]


def _additional_properties(
    validator: Any, value: Any, instance: object, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if value is not False or not isinstance(instance, dict):
        yield from _ADDITIONAL_PROPERTIES(validator, value, instance, schema)
        return
    # As jsonschema finds the keys that are not allowed; but its text, which quotes every
    # one of them, is never made: a key may be megabytes long (see _keywords for the words).
    known = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    extras = sum(
        1
        for key in instance
        if key not in known and not any(re.search(pattern, key) for pattern in patterns)
    )
    if extras:
        yield ValidationError(f"{extras} properties are not allowed")


def _is_integer(checker: Any, instance: object) -> bool:
    if isinstance(instance, Decimal):
        return instance.is_finite() and instance == instance.to_integral_value()
    return bool(_DRAFT_TYPES.is_type(instance, "integer"))


_DRAFT_TYPES = Draft202012Validator.TYPE_CHECKER

_StrictValidator = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    validators={"pattern": _pattern, "additionalProperties": _additional_properties},
    type_checker=_DRAFT_TYPES.redefine("integer", _is_integer),
)


@functools.cache
def validator(version: str = SCHEMA_VERSION) -> Any:
    """Return the validator of the dataset schema of ``version``, made once."""
    return _StrictValidator(get_schema(version=version), registry=registry())
