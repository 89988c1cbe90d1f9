"""What a model field says about other records: the records it names and how its date is ordered.

These are declarations, written on the fields in :mod:`partnering.models` and read by
:mod:`partnering.entities`, which derives the reference graph and the date rules from them.
They import nothing from the library, so the models can use them.

Example:
    >>> Refers("partners", "names host")
    Refers(target='partners', verb='names host', repeats=False)
"""

from __future__ import annotations

import attrs

__all__ = ["Dated", "Refers"]


@attrs.frozen
class Refers:
    """A field of ids that names records of another entity list.

    Attributes:
        target: the entity list whose ids the field holds, such as ``partners``.
        verb: how a record names the target in messages: ``platform 'p' names host 'x'``.
        repeats: for a field of the objects in a list, whether several of them may name one
            record (a partnership's resources may come from one partner) rather than each
            naming its own (a platform's members).
    """

    target: str
    verb: str
    repeats: bool = False


@attrs.frozen(kw_only=True)
class Dated:
    """A date field's place in time.

    Attributes:
        past: for a date of something that has happened, the words that introduce it in a
            message (``was launched on``); it must not lie after today. ``None`` for dates
            that may lie ahead, such as a planned end.
        not_before: the field of the same record this date must not precede, such as
            ``start_date`` for an ``end_date``.
    """

    past: str | None = None
    not_before: str | None = None
