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

from collections.abc import Iterator
from typing import Any

import attrs

from partnering._format import holds

__all__ = ["needed_version", "unheld"]

Path = tuple[str | int, ...]


def _walk(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """Yield the place of every value that needs a version after 1.0, with that version."""
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))
        return
    if not attrs.has(type(value)):
        return
    for field in attrs.fields(type(value)):
        held = getattr(value, field.name)
        where = (*path, field.name)
        # A value a field gained later (a partial date, an unknown type): None included.
        value_since = field.metadata.get("value_since")
        if value_since is not None and value_since(held) != "1.0":
            yield where, value_since(held)
            continue
        if held is None or held == () or held is field.default:
            continue  # left out: a file of any version holds that
        since = field.metadata.get("since", "1.0")
        if since != "1.0":
            yield where, since
            continue
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
