"""Record, exchange and check data about partnership platforms.

The root only re-exports: the models and code lists, reading and writing exchange files,
validation, the interchange schema and the errors. Names are imported on first use, so a
command that needs only part of the library starts quickly.

Example:
    >>> import partnering
    >>> dataset = partnering.load(partnering.example_path())
    >>> [platform.name for platform in dataset.platforms][:2]
    ['SDG Partnership Platform (Kenya)', 'Zambia Business in Development Facility']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from partnering.codelists import (
        Agreement,
        ChallengeCategory,
        CodeList,
        DeliverableStatus,
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
        ProgressStatus,
        Rating,
        ResourceKind,
        Sector,
        sector_of,
    )
    from partnering.convert import make_converter, structure, unstructure
    from partnering.documents import dump, dumps, load, loads
    from partnering.errors import (
        DocumentTooLargeError,
        FormatVersionError,
        InvalidDocumentError,
        InvalidValueError,
        JSONParseError,
        PartneringError,
        ReadError,
        UnwritableValueError,
        WriteError,
    )
    from partnering.examples import example_path
    from partnering.fixing import FixResult, fix
    from partnering.frozen import FrozenArray, FrozenObject
    from partnering.lookup import Index, index
    from partnering.models import (
        SCHEMA_VERSION,
        Assessment,
        BuildingBlock,
        BuildingBlockRating,
        Challenge,
        Commitment,
        Community,
        Dataset,
        Deliverable,
        DeliverableProgress,
        Event,
        Framework,
        Membership,
        Participant,
        Partner,
        Partnership,
        Platform,
        ProgressReport,
        Publisher,
        Respondent,
        Solution,
        Source,
    )
    from partnering.partial_dates import PartialDate
    from partnering.report import Issue, IssueGroup, Report, Severity
    from partnering.reporting import ReportingLimits, ReportingStatus, reporting_status
    from partnering.schemas import get_schema
    from partnering.validation import Validator, iter_issues, validate

    #: The version of the installed package, such as ``0.1.0``.
    __version__: str

__all__ = [
    "SCHEMA_VERSION",
    "Agreement",
    "Assessment",
    "BuildingBlock",
    "BuildingBlockRating",
    "Challenge",
    "ChallengeCategory",
    "CodeList",
    "Commitment",
    "Community",
    "Dataset",
    "Deliverable",
    "DeliverableProgress",
    "DeliverableStatus",
    "DocumentTooLargeError",
    "Event",
    "FixResult",
    "Focus",
    "FormatVersionError",
    "Framework",
    "FrozenArray",
    "FrozenObject",
    "HostingModel",
    "Index",
    "InvalidDocumentError",
    "InvalidValueError",
    "Issue",
    "IssueGroup",
    "JSONParseError",
    "Membership",
    "MembershipRole",
    "OrganisationType",
    "PartialDate",
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
    "ProgressReport",
    "ProgressStatus",
    "Publisher",
    "Rating",
    "ReadError",
    "Report",
    "ReportingLimits",
    "ReportingStatus",
    "ResourceKind",
    "Respondent",
    "Sector",
    "Severity",
    "Solution",
    "Source",
    "UnwritableValueError",
    "Validator",
    "WriteError",
    "dump",
    "dumps",
    "example_path",
    "fix",
    "get_schema",
    "index",
    "iter_issues",
    "load",
    "loads",
    "make_converter",
    "reporting_status",
    "sector_of",
    "structure",
    "unstructure",
    "validate",
]

# Where each public name lives; the name is imported from there on first use.
_EXPORTS = {
    "SCHEMA_VERSION": "partnering.models",
    "Agreement": "partnering.codelists",
    "Assessment": "partnering.models",
    "BuildingBlock": "partnering.models",
    "BuildingBlockRating": "partnering.models",
    "Challenge": "partnering.models",
    "ChallengeCategory": "partnering.codelists",
    "CodeList": "partnering.codelists",
    "Commitment": "partnering.models",
    "Community": "partnering.models",
    "Dataset": "partnering.models",
    "Deliverable": "partnering.models",
    "DeliverableProgress": "partnering.models",
    "DeliverableStatus": "partnering.codelists",
    "DocumentTooLargeError": "partnering.errors",
    "Event": "partnering.models",
    "FixResult": "partnering.fixing",
    "Focus": "partnering.codelists",
    "FormatVersionError": "partnering.errors",
    "Framework": "partnering.models",
    "FrozenArray": "partnering.frozen",
    "FrozenObject": "partnering.frozen",
    "HostingModel": "partnering.codelists",
    "Index": "partnering.lookup",
    "InvalidDocumentError": "partnering.errors",
    "InvalidValueError": "partnering.errors",
    "Issue": "partnering.report",
    "IssueGroup": "partnering.report",
    "JSONParseError": "partnering.errors",
    "Membership": "partnering.models",
    "MembershipRole": "partnering.codelists",
    "OrganisationType": "partnering.codelists",
    "PartialDate": "partnering.partial_dates",
    "Participant": "partnering.models",
    "ParticipantRole": "partnering.codelists",
    "Partner": "partnering.models",
    "PartneringError": "partnering.errors",
    "Partnership": "partnering.models",
    "PartnershipStage": "partnering.codelists",
    "PartnershipType": "partnering.codelists",
    "Platform": "partnering.models",
    "PlatformFunction": "partnering.codelists",
    "PlatformScope": "partnering.codelists",
    "PlatformStage": "partnering.codelists",
    "PlatformType": "partnering.codelists",
    "ProgressReport": "partnering.models",
    "ProgressStatus": "partnering.codelists",
    "Publisher": "partnering.models",
    "Rating": "partnering.codelists",
    "ReadError": "partnering.errors",
    "Report": "partnering.report",
    "ReportingLimits": "partnering.reporting",
    "ReportingStatus": "partnering.reporting",
    "ResourceKind": "partnering.codelists",
    "Respondent": "partnering.models",
    "Sector": "partnering.codelists",
    "Severity": "partnering.report",
    "Solution": "partnering.models",
    "Source": "partnering.models",
    "UnwritableValueError": "partnering.errors",
    "Validator": "partnering.validation",
    "WriteError": "partnering.errors",
    "dump": "partnering.documents",
    "dumps": "partnering.documents",
    "example_path": "partnering.examples",
    "fix": "partnering.fixing",
    "get_schema": "partnering.schemas",
    "index": "partnering.lookup",
    "iter_issues": "partnering.validation",
    "load": "partnering.documents",
    "loads": "partnering.documents",
    "make_converter": "partnering.convert",
    "reporting_status": "partnering.reporting",
    "sector_of": "partnering.codelists",
    "structure": "partnering.convert",
    "unstructure": "partnering.convert",
    "validate": "partnering.validation",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # Read from the installed package's metadata, once, when first asked for.
        from importlib.metadata import version

        value = globals()[name] = version("partnering")
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'partnering' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    # The public names, and the submodules imported so far; not this module's own helpers.
    loaded = [name for name, value in globals().items() if type(value) is type(importlib)]
    return sorted({*__all__, *(name for name in loaded if name != "importlib")})
