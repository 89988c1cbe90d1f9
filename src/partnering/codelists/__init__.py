"""The code lists of the interchange format, as enumerations.

Each member's value is the exact string written in exchange files; its ``title`` and
``description`` are data that the schema generator and the documentation both show.
Where a list comes from a public standard, the class docstring names it.

Example:
    >>> OrganisationType("70").title
    'Private Sector'
    >>> sector_of(OrganisationType.PRIVATE_SECTOR)
    <Sector.PRIVATE: 'private'>
"""

from __future__ import annotations

# In the order the lists are documented, which CodeList.__subclasses__() gives back.
# isort: off
from partnering.codelists._base import CodeList
from partnering.codelists.organisations import (
    MembershipRole,
    OrganisationType,
    ParticipantRole,
    Sector,
    sector_of,
)
from partnering.codelists.platforms import (
    Focus,
    HostingModel,
    PlatformFunction,
    PlatformScope,
    PlatformStage,
    PlatformType,
)
from partnering.codelists.partnerships import (
    Agreement,
    DeliverableStatus,
    PartnershipStage,
    PartnershipType,
    ProgressStatus,
    ResourceKind,
)
from partnering.codelists.assessments import ChallengeCategory, Rating
from partnering.codelists import _aliases  # noqa: F401  (fills in each code's aliases)
# isort: on

__all__ = [
    "Agreement",
    "ChallengeCategory",
    "CodeList",
    "DeliverableStatus",
    "Focus",
    "HostingModel",
    "MembershipRole",
    "OrganisationType",
    "ParticipantRole",
    "PartnershipStage",
    "PartnershipType",
    "PlatformFunction",
    "PlatformScope",
    "PlatformStage",
    "PlatformType",
    "ProgressStatus",
    "Rating",
    "ResourceKind",
    "Sector",
    "sector_of",
]
