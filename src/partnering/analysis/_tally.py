"""Gather the ids behind each row of a figure, then freeze them into a :class:`Figure`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from partnering.analysis.figures import Count, Figure, Omission

__all__ = ["Tally", "largest_first"]


def largest_first(count: Count) -> tuple[int, str]:
    """Order rows by count, largest first, then by key."""
    return (-count.count, count.key)


class Tally:
    """Gather ids into rows and omissions, then freeze them into a :class:`Figure`.

    Keys given up front are rows even when nothing falls in them (the 17 SDGs, every sector):
    a zero is a finding. Other keys appear as records name them.
    """

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._preset = tuple(keys)
        self._rows: dict[str, set[str]] = {key: set() for key in self._preset}
        self._left_out: dict[str, set[str]] = {}

    def add(self, key: str, ident: str) -> None:
        """Count the record ``ident`` in the row ``key``."""
        self._rows.setdefault(key, set()).add(ident)

    def leave_out(self, reason: str, ident: str) -> None:
        """List the record ``ident`` as left out, for ``reason``."""
        self._left_out.setdefault(reason, set()).add(ident)

    def figure(
        self,
        *,
        name: str,
        title: str,
        unit: str,
        definition: str,
        total: int,
        label: Callable[[str], str],
        order: Callable[[Count], Any] | None = None,
        multiple: bool = False,
    ) -> Figure:
        """Freeze the tally into a figure.

        Rows are sorted by ``order`` when it is given; otherwise preset rows keep their order
        and other rows come largest count first.
        """
        counts = [
            Count(key=key, label=label(key), ids=tuple(sorted(ids)))
            for key, ids in self._rows.items()
        ]
        if order is not None:
            counts.sort(key=order)
        elif not self._preset:
            counts.sort(key=largest_first)
        return Figure(
            name=name,
            title=title,
            unit=unit,
            definition=definition,
            total=total,
            counts=tuple(counts),
            left_out=tuple(
                Omission(reason=reason, ids=tuple(sorted(ids)))
                for reason, ids in sorted(self._left_out.items())
            ),
            multiple=multiple,
        )
