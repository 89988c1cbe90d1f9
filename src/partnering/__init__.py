"""Record, exchange and check data about partnership platforms.

The root only re-exports: the models and code lists, reading and writing exchange files,
validation, the interchange schema and the errors.

Example:
    >>> import partnering
    >>> dataset = partnering.load(partnering.example_path())
    >>> [platform.name for platform in dataset.platforms][:2]
    ['SDG Partnership Platform (Kenya)', 'Zambia Business in Development Facility']
"""

from partnering.codelists import (
    Agreement,
    ChallengeCategory,
    CodeList,
    Focus,
    HostingModel,
    MembershipRole,
    OrganisationType,
    ParticipantRole,
    PartnershipStage,
    PartnershipType,
    PlatformFunction,
    PlatformScope,
    PlatformStage,
    PlatformType,
    Rating,
    Sector,
    sector_of,
)
from partnering.convert import make_converter, structure, unstructure
from partnering.documents import dump, dumps, load, loads
from partnering.errors import (
    DocumentTooLargeError,
    InvalidDocumentError,
    InvalidValueError,
    JSONParseError,
    PartneringError,
    ReadError,
)
from partnering.examples import example_path
from partnering.models import (
    SCHEMA_VERSION,
    Assessment,
    BuildingBlock,
    BuildingBlockRating,
    Challenge,
    Community,
    Dataset,
    Event,
    Framework,
    Membership,
    Participant,
    Partner,
    Partnership,
    Platform,
    Publisher,
    Solution,
    Source,
)
from partnering.report import Issue, IssueGroup, Report, Severity
from partnering.schemas import get_schema
from partnering.validation import iter_issues, validate

__all__ = [
    "SCHEMA_VERSION",
    "Agreement",
    "Assessment",
    "BuildingBlock",
    "BuildingBlockRating",
    "Challenge",
    "ChallengeCategory",
    "CodeList",
    "Community",
    "Dataset",
    "DocumentTooLargeError",
    "Event",
    "Focus",
    "Framework",
    "HostingModel",
    "InvalidDocumentError",
    "InvalidValueError",
    "Issue",
    "IssueGroup",
    "JSONParseError",
    "Membership",
    "MembershipRole",
    "OrganisationType",
    "Participant",
    "ParticipantRole",
    "Partner",
    "PartneringError",
    "Partnership",
    "PartnershipStage",
    "PartnershipType",
    "Platform",
    "PlatformFunction",
    "PlatformScope",
    "PlatformStage",
    "PlatformType",
    "Publisher",
    "Rating",
    "ReadError",
    "Report",
    "Sector",
    "Severity",
    "Solution",
    "Source",
    "dump",
    "dumps",
    "example_path",
    "get_schema",
    "iter_issues",
    "load",
    "loads",
    "make_converter",
    "sector_of",
    "structure",
    "unstructure",
    "validate",
]
