"""The validator of the schema layer: jsonschema's Draft 2020-12, made to agree with the models.

One change makes its verdicts match the models and the fast engine exactly: ``pattern``
follows ECMA-262 (``$`` does not match before a final newline). ``format`` stays what JSON
Schema 2020-12 makes it by default, an annotation: the schema's patterns carry the whole
meaning of dates, times and web addresses, so no format check is needed, in this engine or
any other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
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
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_StrictValidator = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    validators={"pattern": _pattern},
)


@functools.cache
def validator(version: str = SCHEMA_VERSION) -> Any:
    """Return the validator of the dataset schema of ``version``, made once."""
    return _StrictValidator(get_schema(version=version), registry=registry())
