"""What of a dataset each version of the format can hold, read from the fields' metadata.

Each field declares the version it appeared in (``since``, set by the helpers of
:mod:`partnering._fields`); a field may also say which version one of its values needs
(``value_since``: a function of the value, for a kind of value a field gained later).
:func:`unheld` walks a dataset and names every value a version cannot hold, so that writing an
older version refuses exactly the datasets that use what it lacks.

Example:
    >>> from partnering.models import Dataset
    >>> unheld(Dataset(title="Mine"), "1.0")
    []
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from partnering._format import holds

__all__ = ["needed_version", "unheld"]

Path = tuple[str | int, ...]


#: What a walk needs of a field: its name, the version it appeared in, the version each of
#: its values needs (if any may need a later one), whether to look inside, and its default.
_Step = tuple[str, str, Callable[[Any], str] | None, bool, Any]


def _models_in(type_: Any) -> Iterator[type[Any]]:
    """Yield the models a field's type holds: itself, or inside a tuple or an optional."""
    if isinstance(type_, type) and attrs.has(type_):
        yield type_
    for argument in typing.get_args(type_):
        yield from _models_in(argument)


_PLANS: dict[type[Any], tuple[_Step, ...]] = {}


def _plan(cls: type[Any]) -> tuple[_Step, ...]:
    """Return the fields of ``cls`` worth a look, each with what the walk needs of it.

    A field is worth a look when it appeared after 1.0, when some of its values did, or when
    models inside it have such fields. The others are left out, so that a walk skips, say,
    every partner of a dataset when partners gained nothing since 1.0.
    """
    found = _PLANS.get(cls)
    if found is not None:
        return found
    hints = typing.get_type_hints(cls)
    plan = []
    for field in attrs.fields(cls):
        since = field.metadata.get("since", "1.0")
        value_since = field.metadata.get("value_since")
        descend = any(_plan(model) for model in _models_in(hints[field.name]) if model is not cls)
        if since != "1.0" or value_since is not None or descend:
            plan.append((field.name, since, value_since, descend, field.default))
    found = _PLANS[cls] = tuple(plan)
    return found


def _walk(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """Yield the place of every value that needs a version after 1.0, with that version."""
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))
        return
    if not attrs.has(type(value)):
        return
    for name, since, value_since, descend, default in _plan(type(value)):
        held = getattr(value, name)
        where = (*path, name)
        # A value a field gained later (a partial date, an unknown type): None included.
        if value_since is not None and value_since(held) != "1.0":
            yield where, value_since(held)
            continue
        if held is None or held == () or held is default:
            continue  # left out: a file of any version holds that
        if since != "1.0":
            yield where, since
        elif descend:
            yield from _walk(held, where)


def unheld(dataset: Any, version: str) -> list[Path]:
    """Return the place of every value of ``dataset`` that files of ``version`` cannot hold.

    Args:
        dataset: a :class:`~partnering.models.Dataset`, or any model.
        version: a version of the format.

    Returns:
        The paths, in the order of the models' fields.
    """
    return [path for path, since in _walk(dataset, ()) if not holds(since, version)]


def needed_version(dataset: Any) -> str:
    """Return the oldest version of the format that can hold every value of ``dataset``.

    Example:
        >>> from partnering.models import Dataset
        >>> needed_version(Dataset())
        '1.0'
    """
    needed = "1.0"
    for _, since in _walk(dataset, ()):
        if not holds(since, needed):
            needed = since
    return needed
