"""The records a partnership holds from format 1.1 on: resources, deliverables, progress reports.

:mod:`partnering.models` imports them and re-exports them; they live apart to keep that
module short. They follow the same rules: frozen attrs classes, fields declared once with
their constraints and relations.

Example:
    >>> from decimal import Decimal
    >>> grant = Commitment(
    ...     kind=ResourceKind.FINANCIAL, amount=Decimal("0.1"), currency="KES", provider_id="gov-ke"
    ... )
    >>> grant.amount
    Decimal('0.1')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from partnering._constraints import Amount, Currency
from partnering._fields import (
    _ID,
    _LONG_TEXT,
    _TEXT,
    _day_or_partial,
    _field,
    _model,
    _optional,
    _ref,
)
from partnering._relations import Dated
from partnering.codelists import DeliverableStatus, ProgressStatus, ResourceKind
from partnering.partial_dates import PartialDate

__all__ = ["Commitment", "Deliverable", "DeliverableProgress", "ProgressReport"]


@attrs.frozen(kw_only=True)
@_model
class Commitment:
    """A resource a partner commits to a partnership: money, in-kind support, staff..."""

    kind: ResourceKind = _field("What kind of resource it is.")
    provider_id: str | None = _ref(
        "The id of the partner that provides it, one of the partnership's participants.",
        "partners",
        "names provider",
        repeats=True,
    )
    amount: Decimal | None = _optional(
        "How much, as an exact number, in the currency given (zero or more).",
        Amount(),
    )
    currency: str | None = _optional(
        "The currency of the amount (ISO 4217, such as 'KES').", Currency()
    )
    description: str | None = _optional("What is committed, in words.", _LONG_TEXT)
    start_date: date | None = _optional("When the commitment starts.")
    end_date: date | None = _optional(
        "When the commitment ends.", dated=Dated(not_before="start_date")
    )


@attrs.frozen(kw_only=True)
@_model
class Deliverable:
    """Something a partnership has promised to deliver, such as a report, a service or a site."""

    id: str = _field(
        "The deliverable's id, unique among the partnership's deliverables, such as 'd1'.", _ID
    )
    title: str = _field("What is to be delivered, in a few words.", _TEXT)
    due_date: date | PartialDate | None = _day_or_partial(
        "When it is due: a day, or only a month or a year."
    )
    status: DeliverableStatus | None = _optional(
        "Where it stood when it was recorded; progress reports say where it stood since."
    )


@attrs.frozen(kw_only=True)
@_model
class DeliverableProgress:
    """Where one deliverable stood on the date of one of the partnership's progress reports.

    It sits beside the reports rather than inside them, so that every list of objects in the
    format is one level deep and a spreadsheet can hold it as a sheet of its own.
    """

    deliverable: str = _field("The id of one of the partnership's deliverables.", _ID)
    reported_on: date = _field("The date of the progress report it belongs to.")
    status: DeliverableStatus = _field("Where the deliverable stood on that date.")


@attrs.frozen(kw_only=True)
@_model
class ProgressReport:
    """A report a partnership made on its progress, as registries ask of it every year.

    Whether a partnership's reports are up to date is never stored: it depends on the day it is
    asked, so :func:`partnering.reporting_status` works it out as of a date. Where each
    deliverable stood on the report's date is in the partnership's ``deliverable_progress``.
    """

    reported_on: date = _field(
        "When the report was made; one report a day.", dated=Dated(past="reported progress on")
    )
    status: ProgressStatus = _field("How the partnership said it was doing.")
    summary: str | None = _optional("The report in a few sentences.", _LONG_TEXT)
