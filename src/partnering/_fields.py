"""How the models declare their fields: one helper per kind of field, and the model marker.

Each helper makes an attrs field from its description, its single-field constraints and what
it says about other records (:class:`~partnering._relations.Refers`,
:class:`~partnering._relations.Dated`), so that a field is declared once and every layer reads
its metadata. :func:`_model` marks a model class for type checkers and writes the
``Attributes:`` section of its docstring. Used by :mod:`partnering.models` only.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from partnering import _patterns as patterns
from partnering._constraints import (
    Constraint,
    Each,
    Keys,
    Omitted,
    Pattern,
    Range,
    Text,
    TypeCheck,
    UniqueItems,
    Uri,
)
from partnering._plain import PLAIN_VALUES
from partnering._relations import Dated, Refers
from partnering.errors import InvalidValueError, UnwritableValueError
from partnering.frozen import EMPTY, freeze
from partnering.partial_dates import PartialDate

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

_ID = Pattern(patterns.ID)
#: Visible text of one line: names, titles, acronyms and the like.
_TEXT = Text()
#: Visible text that may hold line breaks: prose, such as descriptions and summaries.
_LONG_TEXT = Text(long=True)
_TYPE = TypeCheck()
_URL = (Pattern(patterns.URL), Uri())
_SDGS = (
    UniqueItems(),
    Each([Range(1, 17)]),
)
_SDG_TARGET = Pattern(patterns.SDG_TARGET)
_EXTENSION_KEY = Keys(patterns.EXTENSION_KEY)


def _validators(*constraints: Constraint) -> list[Callable[[Any, Any, Any], None]]:
    """Check the value's type first, then the field's constraints."""
    return [_TYPE, *constraints]


def _metadata(
    description: str,
    constraints: tuple[Constraint, ...],
    *,
    refers: Refers | None = None,
    dated: Dated | None = None,
    required_in_files: bool = False,
    since: str = "1.0",
    value_since: Callable[[Any], str] | None = None,
    required_before: str | None = None,
) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        "description": description,
        "constraints": constraints,
        "required_in_files": required_in_files,
        # The version of the format the field appeared in: older files cannot hold it.
        "since": since,
    }
    if value_since is not None:
        # The version one of its values needs, for a kind of value the field gained later.
        metadata["value_since"] = value_since
    if required_before is not None:
        # Files of versions before this one must hold the field; later ones may leave it out.
        metadata["required_before"] = required_before
    if refers is not None:
        metadata["refers"] = refers
    if dated is not None:
        metadata["dated"] = dated
    return metadata


def _field(
    description: str,
    *constraints: Constraint,
    default: Any = attrs.NOTHING,
    required_in_files: bool = False,
    refers: Refers | None = None,
    dated: Dated | None = None,
    since: str = "1.0",
    value_since: Callable[[Any], str] | None = None,
    required_before: str | None = None,
) -> Any:
    """Declare a model field with its description, constraints and relations.

    A field without a ``default`` is required, for type checkers too: :func:`_model` names
    this helper a field specifier, and they read a call without ``default=`` as required.
    ``since`` is the version of the format the field appeared in; ``value_since`` tells the
    version one value needs, for a kind of value the field gained later; ``required_before``
    is the version from which files may leave out a field that older ones must hold.
    """
    return attrs.field(
        default=default,
        converter=PLAIN_VALUES,
        validator=_validators(*constraints),
        metadata=_metadata(
            description,
            constraints,
            refers=refers,
            dated=dated,
            required_in_files=required_in_files,
            since=since,
            value_since=value_since,
            required_before=required_before,
        ),
    )


def _optional(
    description: str,
    *constraints: Constraint,
    refers: Refers | None = None,
    dated: Dated | None = None,
    since: str = "1.0",
    value_since: Callable[[Any], str] | None = None,
    required_before: str | None = None,
) -> Any:
    return _field(
        description,
        *constraints,
        default=None,
        refers=refers,
        dated=dated,
        since=since,
        value_since=value_since,
        required_before=required_before,
    )


def _partial_since(value: object) -> str:
    """Tell the version a date value needs: a partial date appeared in 1.1."""
    return "1.1" if isinstance(value, PartialDate) else "1.0"


def _day_or_partial(description: str, *, dated: Dated | None = None) -> Any:
    """Declare an optional date that files of 1.1 may give to the month or the year only."""
    return _optional(description, dated=dated, value_since=_partial_since)


def _ref(
    description: str, target: str, verb: str, *, since: str = "1.0", repeats: bool = False
) -> Any:
    """Declare an optional field holding the id of a record of the entity list ``target``.

    ``repeats``: in a list of objects, several of them may name the same record.
    """
    refers = Refers(target, verb, repeats=repeats)
    return _field(description, _ID, default=None, refers=refers, since=since)


def _required_ref(description: str, target: str, verb: str) -> Any:
    """Declare a required field holding the id of a record of the entity list ``target``."""
    return _field(description, _ID, refers=Refers(target, verb))


def _ids(description: str, target: str, verb: str, *, since: str = "1.0") -> Any:
    """Declare an optional list of ids of records of ``target``; empty means left out."""
    return _list(description, UniqueItems(), Each([_ID]), refers=Refers(target, verb), since=since)


def _list(
    description: str,
    *constraints: Constraint,
    refers: Refers | None = None,
    since: str = "1.0",
) -> Any:
    """Declare an optional list; an empty list is written by leaving it out."""
    all_constraints = (Omitted(), *constraints)
    return attrs.field(
        factory=tuple,
        converter=PLAIN_VALUES,
        validator=_validators(*all_constraints),
        metadata=_metadata(description, all_constraints, refers=refers, since=since),
    )


def _frozen_extensions(value: Any) -> Any:
    """Freeze custom data, so a frozen model cannot change; refuse what JSON cannot hold."""
    if not isinstance(value, Mapping):
        return value  # the type check refuses it, in its own words
    try:
        return freeze(value)  # what is frozen already is kept as it is
    except UnwritableValueError as error:
        raise InvalidValueError("extensions", error.message, code=error.code) from None


def _extensions() -> Any:
    return attrs.field(
        default=EMPTY,
        converter=_frozen_extensions,
        validator=_validators(_EXTENSION_KEY),
        metadata={
            "description": (
                "Custom data under namespaced keys such as 'kenya-sdgpp:window'. "
                "Kept exactly through every load and dump; other tools may ignore it."
            ),
            "constraints": (_EXTENSION_KEY,),
            "since": "1.0",
        },
    )


def _sources() -> Any:
    return _list("The public sources this record is based on.")


_Model = TypeVar("_Model", bound=type)


def _field_docs(cls: type) -> str:
    """Write the ``Attributes:`` section of a model's docstring from its fields' metadata."""
    lines = ["", "", "Attributes:"]
    for name, value in vars(cls).items():
        metadata = getattr(value, "metadata", None)
        if isinstance(metadata, Mapping) and "description" in metadata:
            lines.append(f"    {name}: {metadata['description']}")
    return "\n".join(lines) if len(lines) > 3 else ""


@dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(_field, _required_ref)
)
def _model(cls: _Model) -> _Model:
    """Mark a model class: document its fields, and show type checkers which are required.

    It sits under ``@attrs.frozen``, which makes the class: mypy's attrs plugin then knows
    it for :func:`attrs.evolve` and :func:`attrs.fields`, while the transform tells type
    checkers that a :func:`_field` without a default (or a :func:`_required_ref`) is a
    required argument (for the attrs
    plugin, every field declared through a helper would look optional). The docstring gets
    an ``Attributes:`` section with each field's description, for :func:`help` and the docs.
    """
    cls.__doc__ = inspect.cleandoc(cls.__doc__ or "") + _field_docs(cls)
    return cls
