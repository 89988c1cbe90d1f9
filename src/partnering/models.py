"""The domain models: platforms, partners, partnerships and what platforms learn.

Every model is a frozen attrs class with keyword-only fields; change one with
:func:`attrs.evolve`. Entities refer to each other by id, in fields named for the relation
and ending in ``_id`` or ``_ids``. The invariants of a single field are declared next to the
field; rules across records (references, uniqueness, date order) live in
:mod:`partnering.rules`. Models know nothing of JSON: see :mod:`partnering.convert`.

Example:
    >>> kenya = Partner(
    ...     id="gov-ke", name="Government of Kenya", organisation_type=OrganisationType.GOVERNMENT
    ... )
    >>> kenya.effective_sector
    <Sector.PUBLIC: 'public'>
    >>> attrs.evolve(kenya, country="KE").country
    'KE'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import attrs

from partnering import _patterns as patterns
from partnering._constraints import (
    Country,
    Each,
    MinItems,
    Pattern,
    Range,
    Subdivision,
    UniqueItems,
    UtcSeconds,
)
from partnering._fields import (
    _ID,
    _LONG_TEXT,
    _SDG_TARGET,
    _SDGS,
    _TEXT,
    _URL,
    _day_or_partial,
    _extensions,
    _field,
    _ids,
    _list,
    _model,
    _optional,
    _ref,
    _required_ref,
    _sources,
)
from partnering._format import MAX_INTEGER, SCHEMA_VERSION, SCHEMA_VERSIONS
from partnering._partnership_records import (
    Commitment,
    Deliverable,
    DeliverableProgress,
    ProgressReport,
)
from partnering._relations import Dated, Refers
from partnering.codelists import (
    Agreement,
    ChallengeCategory,
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
from partnering.partial_dates import PartialDate

__all__ = [
    "SCHEMA_VERSION",
    "Assessment",
    "BuildingBlock",
    "BuildingBlockRating",
    "Challenge",
    "Commitment",
    "Community",
    "Dataset",
    "Deliverable",
    "DeliverableProgress",
    "Event",
    "Framework",
    "Membership",
    "Participant",
    "Partner",
    "Partnership",
    "Platform",
    "ProgressReport",
    "Publisher",
    "Respondent",
    "Solution",
    "Source",
]

#: Custom data is a JSON object of namespaced keys, kept exactly as given. Models hold it as a
#: :class:`~partnering.frozen.FrozenObject`, so that it cannot change after construction.
Extensions = Mapping[str, Any]


@attrs.frozen(kw_only=True)
@_model
class Source:
    """A public source that a record cites."""

    title: str = _field("The title of the source.", _TEXT)
    url: str | None = _optional("Where the source can be read.", *_URL)
    publisher: str | None = _optional("Who published the source.", _TEXT)
    year: int | None = _optional("The year of publication.", Range(1000, 9999))


@attrs.frozen(kw_only=True)
@_model
class Publisher:
    """The organisation that publishes an exchange file."""

    name: str = _field("The publisher's name.", _TEXT)
    identifier: str | None = _optional(
        "An org-id.guide identifier of the publisher, such as 'GB-COH-09506232'.", _TEXT
    )
    website: str | None = _optional("The publisher's website.", *_URL)


def _type_since(kind: OrganisationType | None) -> str:
    """Tell the version a partner's organisation type needs: 1.1 lets it be unknown."""
    return "1.1" if kind is None else "1.0"


@attrs.frozen(kw_only=True)
@_model
class Partner:
    """An organisation that takes part in platforms or partnerships."""

    id: str = _field("The partner's id, unique among partners in the file.", _ID)
    name: str = _field("The organisation's name.", _TEXT)
    organisation_type: OrganisationType | None = _optional(
        "The kind of organisation, as an IATI OrganisationType code.",
        value_since=_type_since,
        required_before="1.1",
    )
    sector: Sector | None = _optional(
        "The organisation's sector; when absent, it follows from the organisation type."
    )
    identifier: str | None = _optional(
        "An org-id.guide identifier: list code, hyphen, id, such as 'GB-COH-09506232'.", _TEXT
    )
    acronym: str | None = _optional("A short name, such as 'TPI'.", _TEXT)
    country: str | None = _optional(
        "The country of the organisation's seat (ISO 3166-1 alpha-2).", Country()
    )
    website: str | None = _optional("The organisation's website.", *_URL)
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()

    @property
    def effective_sector(self) -> Sector | None:
        """The stated sector, or the one that follows from the organisation type.

        ``None`` when neither is given (format 1.1 lets the type be left out): the sector is
        not known, and figures count such partners apart.

        Example:
            >>> Partner(id="p", name="P", organisation_type=OrganisationType("80")).effective_sector
            <Sector.ACADEMIA: 'academia'>
        """
        if self.sector is not None:
            return self.sector
        return None if self.organisation_type is None else sector_of(self.organisation_type)


@attrs.frozen(kw_only=True)
@_model
class Membership:
    """A partner's place in a platform."""

    partner_id: str = _required_ref("The id of the member partner.", "partners", "names member")
    roles: tuple[MembershipRole, ...] = _field(
        "What the partner does in the platform: at least one role.", MinItems(1), UniqueItems()
    )
    since: date | PartialDate | None = _day_or_partial(
        "When the partner joined.", dated=Dated(past="joined on")
    )


@attrs.frozen(kw_only=True)
@_model
class Platform:
    """A standing structure that systematically creates cross-sector partnerships."""

    id: str = _field("The platform's id, unique among platforms in the file.", _ID)
    name: str = _field("The platform's name.", _TEXT)
    scope: PlatformScope = _field("The platform's geographic reach.")
    hosting_model: HostingModel = _field("Who hosts and leads the platform.")
    acronym: str | None = _optional("A short name, such as 'ZBiDF'.", _TEXT)
    description: str | None = _optional("What the platform is and does.", _LONG_TEXT)
    countries: tuple[str, ...] = _list(
        "The countries the platform works in (ISO 3166-1 alpha-2).",
        UniqueItems(),
        Each([Country()]),
    )
    subdivisions: tuple[str, ...] = _list(
        "The subdivisions of its countries the platform works in, such as provinces or "
        "states (ISO 3166-2, such as 'CA-AB').",
        UniqueItems(),
        Each([Subdivision()]),
        since="1.1",
    )
    region: str | None = _optional("The region a regional platform covers.", _TEXT)
    platform_type: PlatformType | None = _optional("What the platform mainly does.")
    focus: Focus | None = _optional("What the platform is organised around.")
    themes: tuple[str, ...] = _list(
        "The themes the platform works on, in its own words.", UniqueItems(), Each([_TEXT])
    )
    sdgs: tuple[int, ...] = _list(
        "The Sustainable Development Goals (1 to 17) the platform works towards.", *_SDGS
    )
    host_id: str | None = _ref(
        "The id of the partner that hosts the platform.", "partners", "names host"
    )
    functions: tuple[PlatformFunction, ...] = _list(
        "What the platform does for its members.", UniqueItems()
    )
    stage: PlatformStage | None = _optional("Where the platform is in its life.")
    launched_on: date | PartialDate | None = _day_or_partial(
        "When the platform was launched.", dated=Dated(past="was launched on")
    )
    parent_id: str | None = _ref(
        "The id of the platform this one belongs to, such as a global network.",
        "platforms",
        "names parent platform",
    )
    members: tuple[Membership, ...] = _list("The partners that take part in the platform.")
    challenge_ids: tuple[str, ...] = _ids(
        "The ids of the challenges the platform faces.", "challenges", "names challenge"
    )
    website: str | None = _optional("The platform's website.", *_URL)
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class Participant:
    """A partner's part in a partnership."""

    partner_id: str = _required_ref(
        "The id of the participating partner.", "partners", "names participant"
    )
    roles: tuple[ParticipantRole, ...] = _list(
        "What the partner does in the partnership.", UniqueItems()
    )
    lead: bool | None = _optional("Whether the partner leads the partnership.")
    contribution: str | None = _optional("What the partner brings, in words.", _LONG_TEXT)


@attrs.frozen(kw_only=True)
@_model
class Partnership:
    """An ongoing collaboration between organisations of different kinds."""

    id: str = _field("The partnership's id, unique among partnerships in the file.", _ID)
    title: str = _field("The partnership's name or title.", _TEXT)
    participants: tuple[Participant, ...] = _field(
        "The partners in the partnership: at least two.", MinItems(2)
    )
    description: str | None = _optional("What the partnership does.", _LONG_TEXT)
    platform_id: str | None = _ref(
        "The id of the platform that brokered it.", "platforms", "names platform"
    )
    partnership_type: PartnershipType | None = _optional("How deeply the partners collaborate.")
    stage: PartnershipStage | None = _optional("Where it is in the partnering cycle.")
    agreement: Agreement | None = _optional("The form of the partners' agreement.")
    sdgs: tuple[int, ...] = _list(
        "The Sustainable Development Goals (1 to 17) it works towards.", *_SDGS
    )
    sdg_targets: tuple[str, ...] = _list(
        "The SDG targets it works towards, such as '3.8'.", UniqueItems(), Each([_SDG_TARGET])
    )
    countries: tuple[str, ...] = _list(
        "The countries it works in (ISO 3166-1 alpha-2).", UniqueItems(), Each([Country()])
    )
    subdivisions: tuple[str, ...] = _list(
        "The subdivisions of its countries it works in, such as provinces or states "
        "(ISO 3166-2, such as 'CA-AB').",
        UniqueItems(),
        Each([Subdivision()]),
        since="1.1",
    )
    start_date: date | PartialDate | None = _day_or_partial("When it started.")
    end_date: date | PartialDate | None = _day_or_partial(
        "When it ended or is planned to end.", dated=Dated(not_before="start_date")
    )
    resources: tuple[Commitment, ...] = _list(
        "The resources its partners commit: money, in-kind support, staff, technology.",
        since="1.1",
    )
    deliverables: tuple[Deliverable, ...] = _list(
        "What the partnership has promised to deliver, each with its due date.", since="1.1"
    )
    progress_reports: tuple[ProgressReport, ...] = _list(
        "The reports it has made on its progress, such as the yearly reports registries ask for.",
        since="1.1",
    )
    deliverable_progress: tuple[DeliverableProgress, ...] = _list(
        "Where each deliverable stood on the date of each progress report: one entry per "
        "deliverable and report.",
        since="1.1",
    )
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class Challenge:
    """A challenge that partnership platforms face."""

    id: str = _field("The challenge's id, unique among challenges in the file.", _ID)
    title: str = _field("The challenge in a few words.", _TEXT)
    category: ChallengeCategory = _field("The kind of challenge.")
    description: str | None = _optional("The challenge explained.", _LONG_TEXT)
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class Solution:
    """A way that platforms address one or more challenges."""

    id: str = _field("The solution's id, unique among solutions in the file.", _ID)
    title: str = _field("The solution in a few words.", _TEXT)
    challenge_ids: tuple[str, ...] = _field(
        "The ids of the challenges it addresses: at least one.",
        MinItems(1),
        UniqueItems(),
        Each([_ID]),
        refers=Refers("challenges", "addresses challenge"),
    )
    description: str | None = _optional("The solution explained.", _LONG_TEXT)
    building_block_ids: tuple[str, ...] = _ids(
        "The ids of the building blocks it is part of.", "building_blocks", "names building block"
    )
    example_platform_ids: tuple[str, ...] = _ids(
        "The ids of platforms that apply it.", "platforms", "names example platform"
    )
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class Framework:
    """A named set of building blocks, such as the provisional 2014 framework."""

    id: str = _field("The framework's id, unique among frameworks in the file.", _ID)
    name: str = _field("The framework's name.", _TEXT)
    description: str | None = _optional(
        "What the framework is for and where it comes from.", _LONG_TEXT
    )
    version: str | None = _optional("The framework's version.", _TEXT)
    provisional: bool | None = _optional("Whether the framework is provisional.")
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class BuildingBlock:
    """An element a high-performing platform needs, within a framework."""

    id: str = _field("The building block's id, unique among building blocks in the file.", _ID)
    framework_id: str = _required_ref(
        "The id of the framework it belongs to.", "frameworks", "names framework"
    )
    name: str = _field("The building block's name.", _TEXT)
    description: str = _field("What the building block means in practice.", _LONG_TEXT)
    order: int | None = _optional(
        "Its position within the framework, from 1.", Range(1, MAX_INTEGER)
    )
    challenge_ids: tuple[str, ...] = _ids(
        "The ids of the challenges it addresses.", "challenges", "addresses challenge"
    )
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class Respondent:
    """One of the people who answered an assessment, described without naming them.

    A respondent is known by a key of the assessment's own, the sector of their organisation
    and its role in the platform: the format has no field for a name or an e-mail address.
    """

    key: str = _field(
        "The respondent's key, unique within the assessment, such as 'r1'. Never a name or "
        "an e-mail address.",
        _ID,
    )
    sector: Sector = _field("The sector of the respondent's organisation.")
    role: MembershipRole | None = _optional(
        "The role of the respondent's organisation in the platform."
    )


@attrs.frozen(kw_only=True)
@_model
class BuildingBlockRating:
    """How a platform does on one building block."""

    building_block_id: str = _required_ref(
        "The id of the building block rated.",
        "building_blocks",
        "rates building block",
    )
    rating: Rating = _field("The rating, after the partnership health check.")
    evidence: str | None = _optional("What the rating rests on.", _LONG_TEXT)
    actions: tuple[str, ...] = _list("What to do next.", Each([_TEXT]))
    respondent: str | None = _optional(
        "The key of the respondent who gave the rating, one of the assessment's respondents; "
        "absent when the assessment speaks with one voice.",
        _ID,
        since="1.1",
    )


@attrs.frozen(kw_only=True)
@_model
class Assessment:
    """An assessment of one platform against the building blocks of a framework."""

    id: str = _field("The assessment's id, unique among assessments in the file.", _ID)
    platform_id: str = _required_ref(
        "The id of the platform assessed.", "platforms", "assesses platform"
    )
    framework_id: str = _required_ref(
        "The id of the framework assessed against.", "frameworks", "names framework"
    )
    assessed_on: date = _field("When the assessment was made.", dated=Dated(past="was assessed on"))
    ratings: tuple[BuildingBlockRating, ...] = _field("One rating per building block.", MinItems(1))
    assessor: str | None = _optional("Who made the assessment.", _TEXT)
    respondents: tuple[Respondent, ...] = _list(
        "The people who answered, as a partnership health check asks every partner: with "
        "respondents, each building block has one rating per respondent.",
        since="1.1",
    )
    summary: str | None = _optional("The assessment in a few sentences.", _LONG_TEXT)
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class Event:
    """A gathering of practitioners, such as the 2014 Platforms for Partnership workshop."""

    id: str = _field("The event's id, unique among events in the file.", _ID)
    name: str = _field("The event's name.", _TEXT)
    start_date: date = _field("The first day of the event.")
    end_date: date = _field("The last day of the event.", dated=Dated(not_before="start_date"))
    description: str | None = _optional("What the event was for.", _LONG_TEXT)
    location: str | None = _optional("Where the event took place.", _TEXT)
    convener_id: str | None = _ref(
        "The id of the partner that convened it.", "partners", "names convener"
    )
    sponsor_ids: tuple[str, ...] = _ids(
        "The ids of the partners that supported it.", "partners", "names sponsor"
    )
    participant_count: int | None = _optional("How many people took part.", Range(0, MAX_INTEGER))
    country_count: int | None = _optional(
        "How many countries they came from.", Range(0, MAX_INTEGER)
    )
    sectors_present: tuple[Sector, ...] = _list(
        "The sectors the participants came from.", UniqueItems()
    )
    challenge_ids: tuple[str, ...] = _ids(
        "The ids of the challenges the event identified.", "challenges", "names challenge"
    )
    solution_ids: tuple[str, ...] = _ids(
        "The ids of the solutions the event designed.", "solutions", "names solution"
    )
    building_block_ids: tuple[str, ...] = _ids(
        "The ids of the building blocks the event proposed.",
        "building_blocks",
        "names building block",
    )
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class Community:
    """A community of practice of partnership platforms."""

    id: str = _field("The community's id, unique among communities in the file.", _ID)
    name: str = _field("The community's name.", _TEXT)
    description: str | None = _optional("What the community is for.", _LONG_TEXT)
    convener_id: str | None = _ref(
        "The id of the partner that convenes it.", "partners", "names convener"
    )
    platform_ids: tuple[str, ...] = _ids(
        "The ids of its member platforms.", "platforms", "names member platform"
    )
    launched_on: date | PartialDate | None = _day_or_partial(
        "When it was launched.", dated=Dated(past="was launched on")
    )
    sources: tuple[Source, ...] = _sources()
    extensions: Extensions = _extensions()


@attrs.frozen(kw_only=True)
@_model
class Dataset:
    """The root of an exchange file: metadata and one flat, id-keyed list per entity."""

    schema_version: str = _field(
        "The version of the interchange format the file follows.",
        Pattern(patterns.schema_version(*SCHEMA_VERSIONS)),
        default=SCHEMA_VERSION,
        # Python callers get the current version for free; files must say which they follow.
        required_in_files=True,
    )
    title: str | None = _optional("What the dataset is, in a few words.", _TEXT)
    description: str | None = _optional("What the dataset holds and how it was made.", _LONG_TEXT)
    publisher: Publisher | None = _optional("Who publishes the dataset.")
    published_at: datetime | None = _optional(
        "When the dataset was published, in UTC to the second.", UtcSeconds()
    )
    license: str | None = _optional("The address of the licence the data is under.", *_URL)
    platforms: tuple[Platform, ...] = _list("The partnership platforms.")
    partners: tuple[Partner, ...] = _list("The organisations.")
    partnerships: tuple[Partnership, ...] = _list("The partnerships.")
    challenges: tuple[Challenge, ...] = _list("The challenges platforms face.")
    solutions: tuple[Solution, ...] = _list("The solutions to those challenges.")
    frameworks: tuple[Framework, ...] = _list("The frameworks of building blocks.")
    building_blocks: tuple[BuildingBlock, ...] = _list("The building blocks of the frameworks.")
    assessments: tuple[Assessment, ...] = _list("Assessments of platforms against frameworks.")
    events: tuple[Event, ...] = _list("Events, such as workshops.")
    communities: tuple[Community, ...] = _list("Communities of practice of platforms.")
    extensions: Extensions = _extensions()
