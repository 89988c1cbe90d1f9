"""The base of the constraints, and the words for a value that breaks one."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from partnering.errors import InvalidValueError

__all__ = ["Breach", "Constraint", "suggestion_hint"]


@attrs.frozen
class Breach:
    """Why a value breaks a rule of its field, in words that follow the field's name.

    Attributes:
        code: the stable issue code, documented in :mod:`partnering.catalogue`.
        problem: what is wrong, as a phrase after the name of the field: ``must not be
            empty`` reads ``'title' must not be empty`` in a report.
        hint: how to fix this value, when it says more than the catalogue's hint for the
            code; ``None`` to use the catalogue's.

    Example:
        >>> Breach("empty-text", "must not be empty")
        Breach(code='empty-text', problem='must not be empty', hint=None)
    """

    code: str
    problem: str
    hint: str | None = None


@attrs.frozen
class Constraint:
    """The base of all constraints: callable as an attrs validator.

    ``code`` is the stable issue code reported when the constraint is broken; ``keywords``
    are the JSON Schema keywords that :meth:`schema` may state. The schema layer of
    validation asks the constraint of a broken keyword what to say, so both layers report
    the same code and the same words for the same value.
    """

    code: ClassVar[str] = "invalid-value"
    keywords: ClassVar[tuple[str, ...]] = ()

    def breach(self, value: Any) -> Breach | None:
        """Return why ``value`` breaks the constraint, or ``None`` if it holds."""
        raise NotImplementedError

    def check(self, value: Any) -> str | None:
        """Return the problem of :meth:`breach`, or ``None`` if the constraint holds."""
        found = self.breach(value)
        return None if found is None else found.problem

    def schema(self) -> dict[str, Any]:
        """Return the JSON Schema keywords that state the constraint."""
        raise NotImplementedError

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:  # absent optional values are not constrained
            return
        found = self.breach(value)
        if found is not None:
            raise InvalidValueError(attribute.name, found.problem, code=found.code)


def suggestion_hint(suggestion: str) -> str:
    """Turn a suggestion of :func:`~partnering._text.did_you_mean` into a hint.

    Example:
        >>> suggestion_hint(" (did you mean 'KE'?)")
        "Did you mean 'KE'?"
    """
    question = suggestion.strip().removeprefix("(").removesuffix(")")
    return question[:1].upper() + question[1:]
