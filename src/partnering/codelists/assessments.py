"""The code lists of assessments: the categories of challenges, and the ratings."""

from __future__ import annotations

from partnering.codelists._base import CodeList, declare

__all__ = ["ChallengeCategory", "Rating"]


class ChallengeCategory(CodeList):
    """The kind of challenge a platform faces (a proposal of this project)."""

    GOVERNMENT_ENGAGEMENT = declare(
        "government_engagement",
        "Government engagement",
        "Engaging government and aligning with its priorities.",
    )
    BUSINESS_MODEL_AND_FUNDING = declare(
        "business_model_and_funding",
        "Business model and funding",
        "Funding the platform and making it sustainable.",
    )
    LEADERSHIP_AND_CHAMPIONS = declare(
        "leadership_and_champions",
        "Leadership and champions",
        "Finding leaders who lend the platform credibility.",
    )
    STAFF_CAPACITY = declare(
        "staff_capacity",
        "Staff capacity",
        "Having skilled people to run the platform and broker partnerships.",
    )
    TRUST_AND_NEUTRALITY = declare(
        "trust_and_neutrality",
        "Trust and neutrality",
        "Being trusted by every sector; no sector capturing the agenda.",
    )
    STAKEHOLDER_ENGAGEMENT = declare(
        "stakeholder_engagement",
        "Stakeholder engagement",
        "Bringing and keeping the right organisations on board.",
    )
    DUPLICATION_AND_COORDINATION = declare(
        "duplication_and_coordination",
        "Duplication and coordination",
        "Fitting in with existing mechanisms rather than duplicating them.",
    )
    IMPACT_MEASUREMENT = declare(
        "impact_measurement",
        "Impact measurement",
        "Knowing and showing what the platform achieves.",
    )
    INCLUSION = declare("inclusion", "Inclusion", "Leaving no one behind.")
    OTHER = declare("other", "Other", "Any other challenge.")


class Rating(CodeList):
    """A rating in an assessment, after TPI's partnership health check."""

    GREEN = declare("green", "Green", "No concern.")
    AMBER = declare("amber", "Amber", "Some concern.")
    RED = declare("red", "Red", "Serious concern.")
    NOT_APPLICABLE = declare(
        "not_applicable", "Not applicable", "The building block does not apply."
    )
