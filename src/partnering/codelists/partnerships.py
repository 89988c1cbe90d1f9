"""The code lists of partnerships: their type, stage, agreement, resources and progress."""

from __future__ import annotations

from partnering.codelists._base import CodeList, declare

__all__ = [
    "Agreement",
    "PartnershipStage",
    "PartnershipType",
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
