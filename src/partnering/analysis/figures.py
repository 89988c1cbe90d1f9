"""The shape of every portfolio figure: rows of counts, a denominator, and what was left out.

A :class:`Figure` counts records of one kind (its ``unit``, such as partnerships) into rows
(:class:`Count`), each listing the ids of the records behind it. Records that could not be
counted are never dropped silently: they are listed in ``left_out``, grouped by the reason
(:class:`Omission`), and the ``denominator`` is the records that were counted.

Example:
    >>> figure = Figure(
    ...     name="example",
    ...     title="Partnerships per stage",
    ...     unit="partnerships",
    ...     definition="Each partnership counts under its stage.",
    ...     total=3,
    ...     counts=(Count(key="scoping", label="Scoping", ids=("a", "b")),),
    ...     left_out=(Omission(reason="no stage given", ids=("c",)),),
    ... )
    >>> figure.denominator, figure.share(figure.counts[0])
    (2, 1.0)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

__all__ = ["Count", "Figure", "Omission"]


@attrs.frozen(kw_only=True)
class Count:
    """One row of a figure: a category and the ids of the records that fall in it.

    Attributes:
        key: the category as written in files: an SDG (``"3"``), a target (``"3.8"``), a
            sector code, a country code, a platform id, or a pair of SDGs (``"3+17"``).
        label: the category in words, for people.
        ids: the ids of the records counted in this row, sorted.
        amount: in a figure that sums amounts (its ``summed`` says what), the exact sum of
            the row; ``None`` in a figure that only counts, and for a row whose amounts
            cannot be summed (none given, or in no stated currency).
    """

    key: str
    label: str
    ids: tuple[str, ...] = ()
    amount: Decimal | None = None

    @property
    def count(self) -> int:
        """How many records fall in this row.

        Example:
            >>> Count(key="KE", label="Kenya", ids=("a", "b")).count
            2
        """
        return len(self.ids)


@attrs.frozen(kw_only=True)
class Omission:
    """Records a figure could not count, and why.

    Attributes:
        reason: why they were left out, such as ``"no SDGs listed"``.
        ids: the ids of the records left out for this reason, sorted.
    """

    reason: str
    ids: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Figure:
    """A portfolio figure: records of one kind counted into rows.

    Attributes:
        name: a stable identifier of the figure, such as ``"sdgs-by-partnership"``.
        title: the figure's title, for people.
        unit: what is counted, as a plural noun: ``"partnerships"``, ``"partners"``.
        definition: how a record is counted, in a sentence or two.
        total: how many records of the unit the dataset holds.
        counts: the rows, in the figure's order (code-list order for closed lists, else the
            largest count first).
        left_out: the records not counted, grouped by reason.
        multiple: whether one record may count in several rows, so that the counts may add up
            to more than the denominator (a partnership works towards several SDGs).
        summed: what the rows' ``amount`` sums, such as ``"amount committed"``, in a figure
            that sums amounts as well as counting records; ``None`` in one that only counts.
    """

    name: str
    title: str
    unit: str
    definition: str
    total: int
    counts: tuple[Count, ...]
    left_out: tuple[Omission, ...] = ()
    multiple: bool = False
    summed: str | None = None

    @property
    def left_out_ids(self) -> tuple[str, ...]:
        """The ids of every record left out, whatever the reason, sorted."""
        return tuple(sorted(ident for omission in self.left_out for ident in omission.ids))

    @property
    def denominator(self) -> int:
        """The number of records counted, the total less those left out."""
        return self.total - sum(len(omission.ids) for omission in self.left_out)

    def share(self, row: Count) -> float | None:
        """Return a row's count as a share of the denominator, or ``None`` when it is 0."""
        return row.count / self.denominator if self.denominator else None

    def row(self, key: str) -> Count:
        """Return the row of a category.

        Raises:
            KeyError: the figure has no row for ``key``.
        """
        for count in self.counts:
            if count.key == key:
                return count
        raise KeyError(key)

    def rows(self) -> list[dict[str, Any]]:
        """Return the rows as plain dicts, ready for a table, CSV or a data frame.

        A figure that sums amounts adds each row's ``amount``, an exact
        :class:`~decimal.Decimal` or ``None``.

        Example:
            >>> Figure(
            ...     name="n", title="T", unit="partners", definition="D", total=1,
            ...     counts=(Count(key="public", label="Public sector", ids=("gov",)),),
            ... ).rows()
            [{'key': 'public', 'label': 'Public sector', 'count': 1, 'share': 1.0, 'ids': ['gov']}]
        """
        rows: list[dict[str, Any]] = []
        for count in self.counts:
            row = {"key": count.key, "label": count.label, "count": count.count}
            if self.summed is not None:
                row["amount"] = count.amount
            rows.append({**row, "share": self.share(count), "ids": list(count.ids)})
        return rows
