"""The code lists of partnerships: their type, stage, agreement, resources and progress."""

from __future__ import annotations

from partnering.codelists._base import CodeList, declare

__all__ = [
    "Agreement",
    "DeliverableStatus",
    "PartnershipStage",
    "PartnershipType",
    "ProgressStatus",
    "ResourceKind",
]


class PartnershipType(CodeList):
    """How deeply partners collaborate: TPI's spectrum of partnership types."""

    LEVERAGE_EXCHANGE = declare(
        "leverage_exchange",
        "Leverage or exchange",
        "Partners exchange or pool resources for a shared aim.",
    )
    COMBINE_INTEGRATE = declare(
        "combine_integrate",
        "Combine or integrate",
        "Partners combine complementary resources into one approach.",
    )
    TRANSFORM = declare(
        "transform",
        "Transform",
        "Partners work together to change a system.",
    )


class PartnershipStage(CodeList):
    """Where a partnership is in TPI's partnering cycle (``moved_on`` is this project's)."""

    SCOPING_AND_BUILDING = declare(
        "scoping_and_building",
        "Scoping and building",
        "Partners are found, and the partnership is planned and agreed.",
    )
    MANAGING_AND_MAINTAINING = declare(
        "managing_and_maintaining",
        "Managing and maintaining",
        "The partnership is governed and delivers.",
    )
    REVIEWING_AND_REVISING = declare(
        "reviewing_and_revising",
        "Reviewing and revising",
        "Partners measure results and adjust.",
    )
    SUSTAINING_OUTCOMES = declare(
        "sustaining_outcomes",
        "Sustaining outcomes",
        "Partners secure what was achieved and plan what comes next.",
    )
    MOVED_ON = declare("moved_on", "Moved on", "The partnership has ended or changed form.")


class Agreement(CodeList):
    """The form of a partnership's agreement (a proposal of this project)."""

    INFORMAL = declare("informal", "Informal", "No written agreement.")
    MOU = declare("mou", "Memorandum of understanding", "A non-binding written agreement.")
    CONTRACT = declare("contract", "Contract", "A binding agreement.")
    JOINT_VENTURE = declare("joint_venture", "Joint venture", "A jointly owned entity.")
    OTHER = declare("other", "Other", "Any other form.")


class ResourceKind(CodeList):
    """What a partner commits to a partnership, as the UN registry of SDG partnerships lists."""

    FINANCIAL = declare("financial", "Financial", "Money: grants, loans or leveraged funds.")
    IN_KIND = declare("in_kind", "In-kind", "Goods, premises or services given instead of money.")
    STAFF = declare("staff", "Staff", "People's time: staff seconded or working for it.")
    TECHNOLOGY = declare(
        "technology", "Technology", "Technology, know-how or data the partner provides."
    )
    OTHER = declare("other", "Other", "Any other kind of resource.")


class DeliverableStatus(CodeList):
    """Where one of a partnership's deliverables stands (a proposal of this project).

    The UN registry of SDG partnerships lists deliverables with their dates and asks for
    their progress in each yearly report; it fixes no list of states, so this one is short.
    """

    NOT_STARTED = declare("not_started", "Not started", "Work on it has not begun.")
    IN_PROGRESS = declare("in_progress", "In progress", "Work on it is under way.")
    DELAYED = declare("delayed", "Delayed", "It will be late, or is already past its due date.")
    COMPLETED = declare("completed", "Completed", "It has been delivered.")
    CANCELLED = declare("cancelled", "Cancelled", "The partners decided not to deliver it.")


class ProgressStatus(CodeList):
    """How a partnership says it is doing in a progress report (a proposal of this project).

    Registries such as the UN registry of SDG partnerships and Business Call to Action ask
    their members for a report each year; these are the overall verdicts such a report gives.
    """

    ON_TRACK = declare("on_track", "On track", "It is doing what it set out to do, on time.")
    OFF_TRACK = declare(
        "off_track", "Off track", "It is behind its plan, or its plan has had to change."
    )
    COMPLETED = declare("completed", "Completed", "It has done what it set out to do.")
    DISCONTINUED = declare(
        "discontinued", "Discontinued", "The partners stopped it before it was completed."
    )
