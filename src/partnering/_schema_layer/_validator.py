"""The validator of the schema layer: jsonschema's Draft 2020-12, made to agree with the models.

Two changes make its verdicts match the models and the fast engine exactly: ``pattern``
follows ECMA-262 (``$`` does not match before a final newline); and format checking is on for
every format the schema uses, with the checks in :data:`partnering._formats.FORMAT_CHECKS`,
which the fast engine uses too, failing loudly if a check is missing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

from partnering._formats import FORMAT_CHECKS
from partnering._patterns import compile_pattern
from partnering.schemas import get_schema, registry

__all__ = ["validator"]

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
def validator() -> Any:
    """Return the validator of the dataset schema, made once."""
    # The shared checks rather than jsonschema's defaults, which change with the packages
    # installed (with rfc3987 present, 'uri' is checked by another library).
    checker = FormatChecker(formats=())
    for name, check in FORMAT_CHECKS.items():
        checker.checks(name)(_for_strings(check))
    missing = [name for name in _FORMATS if name not in checker.checkers]
    if missing:  # pragma: no cover - a format added to the schema but not to the checks
        raise RuntimeError(f"format checks missing for {missing}")
    return _StrictValidator(get_schema(), registry=registry(), format_checker=checker)
