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

import inspect
import sys
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

import attrs

from partnering import _patterns as patterns
from partnering._constraints import (
    Constraint,
    Country,
    Each,
    Keys,
    Length,
    MinItems,
    Omitted,
    Pattern,
    Range,
    TypeCheck,
    UniqueItems,
    Uri,
    UtcSeconds,
)
from partnering._format import MAX_INTEGER, SCHEMA_VERSION
from partnering._plain import PLAIN_VALUES
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
from partnering.errors import InvalidValueError, UnwritableValueError
from partnering.frozen import EMPTY, freeze

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

__all__ = [
    "ENTITY_LISTS",
    "SCHEMA_VERSION",
    "Assessment",
    "BuildingBlock",
    "BuildingBlockRating",
    "Challenge",
    "Community",
    "Dataset",
    "Event",
    "Framework",
    "Membership",
    "Participant",
    "Partner",
    "Partnership",
    "Platform",
    "Publisher",
    "Solution",
    "Source",
]

#: Custom data is a JSON object of namespaced keys, kept exactly as given. Models hold it as a
#: :class:`~partnering.frozen.FrozenObject`, so that it cannot change after construction.
Extensions = Mapping[str, Any]

_ID = Pattern(patterns.ID)
_TEXT = Length(1)
_TYPE = TypeCheck()
_URL = (Pattern(patterns.URL), Uri())
_SDGS = (
    UniqueItems(),
    Each([Range(1, 17)]),
)
_SDG_TARGET = Pattern(patterns.SDG_TARGET)
_EXTENSION_KEY = Keys(patterns.EXTENSION_KEY)


def _validators(*constraints: Constraint) -> list[Callable[[Any, Any, Any], None]]:
    """Check the value's type first, then the field's constraints."""
    return [_TYPE, *constraints]


def _metadata(
    description: str,
    constraints: tuple[Constraint, ...],
    *,
    refers: Refers | None = None,
    dated: Dated | None = None,
    required_in_files: bool = False,
) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        "description": description,
        "constraints": constraints,
        "required_in_files": required_in_files,
    }
    if refers is not None:
        metadata["refers"] = refers
    if dated is not None:
        metadata["dated"] = dated
    return metadata


def _field(
    description: str,
    *constraints: Constraint,
    default: Any = attrs.NOTHING,
    required_in_files: bool = False,
    refers: Refers | None = None,
    dated: Dated | None = None,
) -> Any:
    """Declare a model field with its description, constraints and relations.

    A field without a ``default`` is required, for type checkers too: :func:`_model` names
    this helper a field specifier, and they read a call without ``default=`` as required.
    """
    return attrs.field(
        default=default,
        converter=PLAIN_VALUES,
        validator=_validators(*constraints),
        metadata=_metadata(
            description,
            constraints,
            refers=refers,
            dated=dated,
            required_in_files=required_in_files,
        ),
    )


def _optional(
    description: str,
    *constraints: Constraint,
    refers: Refers | None = None,
    dated: Dated | None = None,
) -> Any:
    return _field(description, *constraints, default=None, refers=refers, dated=dated)


def _ref(description: str, target: str, verb: str) -> Any:
    """Declare an optional field holding the id of a record of the entity list ``target``."""
    return _field(description, _ID, default=None, refers=Refers(target, verb))


def _required_ref(description: str, target: str, verb: str) -> Any:
    """Declare a required field holding the id of a record of the entity list ``target``."""
    return _field(description, _ID, refers=Refers(target, verb))


def _ids(description: str, target: str, verb: str) -> Any:
    """Declare an optional list of ids of records of ``target``; empty means left out."""
    return _list(description, UniqueItems(), Each([_ID]), refers=Refers(target, verb))


def _list(description: str, *constraints: Constraint, refers: Refers | None = None) -> Any:
    """Declare an optional list; an empty list is written by leaving it out."""
    all_constraints = (Omitted(), *constraints)
    return attrs.field(
        factory=tuple,
        converter=PLAIN_VALUES,
        validator=_validators(*all_constraints),
        metadata=_metadata(description, all_constraints, refers=refers),
    )


def _frozen_extensions(value: Any) -> Any:
    """Freeze custom data, so a frozen model cannot change; refuse what JSON cannot hold."""
    if not isinstance(value, Mapping):
        return value  # the type check refuses it, in its own words
    try:
        return freeze(value)  # what is frozen already is kept as it is
    except UnwritableValueError as error:
        raise InvalidValueError("extensions", error.message, code=error.code) from None


def _extensions() -> Any:
    return attrs.field(
        default=EMPTY,
        converter=_frozen_extensions,
        validator=_validators(_EXTENSION_KEY),
        metadata={
            "description": (
                "Custom data under namespaced keys such as 'kenya-sdgpp:window'. "
                "Kept exactly through every load and dump; other tools may ignore it."
            ),
            "constraints": (_EXTENSION_KEY,),
        },
    )


def _sources() -> Any:
    return _list("The public sources this record is based on.")


_Model = TypeVar("_Model", bound=type)


def _field_docs(cls: type) -> str:
    """Write the ``Attributes:`` section of a model's docstring from its fields' metadata."""
    lines = ["", "", "Attributes:"]
    for name, value in vars(cls).items():
        metadata = getattr(value, "metadata", None)
        if isinstance(metadata, Mapping) and "description" in metadata:
            lines.append(f"    {name}: {metadata['description']}")
    return "\n".join(lines) if len(lines) > 3 else ""


@dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(_field, _required_ref)
)
def _model(cls: _Model) -> _Model:
    """Mark a model class: document its fields, and show type checkers which are required.

    It sits under ``@attrs.frozen``, which makes the class: mypy's attrs plugin then knows
    it for :func:`attrs.evolve` and :func:`attrs.fields`, while the transform tells type
    checkers that a :func:`_field` without a default (or a :func:`_required_ref`) is a
    required argument (for the attrs
    plugin, every field declared through a helper would look optional). The docstring gets
    an ``Attributes:`` section with each field's description, for :func:`help` and the docs.
    """
    cls.__doc__ = inspect.cleandoc(cls.__doc__ or "") + _field_docs(cls)
    return cls


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


@attrs.frozen(kw_only=True)
@_model
class Partner:
    """An organisation that takes part in platforms or partnerships."""

    id: str = _field("The partner's id, unique among partners in the file.", _ID)
    name: str = _field("The organisation's name.", _TEXT)
    organisation_type: OrganisationType = _field(
        "The kind of organisation, as an IATI OrganisationType code."
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
    def effective_sector(self) -> Sector:
        """The stated sector, or the one that follows from the organisation type.

        Example:
            >>> Partner(id="p", name="P", organisation_type=OrganisationType("80")).effective_sector
            <Sector.ACADEMIA: 'academia'>
        """
        return self.sector if self.sector is not None else sector_of(self.organisation_type)


@attrs.frozen(kw_only=True)
@_model
class Membership:
    """A partner's place in a platform."""

    partner_id: str = _required_ref("The id of the member partner.", "partners", "names member")
    roles: tuple[MembershipRole, ...] = _field(
        "What the partner does in the platform: at least one role.", MinItems(1), UniqueItems()
    )
    since: date | None = _optional("When the partner joined.", dated=Dated(past="joined on"))


@attrs.frozen(kw_only=True)
@_model
class Platform:
    """A standing structure that systematically creates cross-sector partnerships."""

    id: str = _field("The platform's id, unique among platforms in the file.", _ID)
    name: str = _field("The platform's name.", _TEXT)
    scope: PlatformScope = _field("The platform's geographic reach.")
    hosting_model: HostingModel = _field("Who hosts and leads the platform.")
    acronym: str | None = _optional("A short name, such as 'ZBiDF'.", _TEXT)
    description: str | None = _optional("What the platform is and does.", _TEXT)
    countries: tuple[str, ...] = _list(
        "The countries the platform works in (ISO 3166-1 alpha-2).",
        UniqueItems(),
        Each([Country()]),
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
    launched_on: date | None = _optional(
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
    contribution: str | None = _optional("What the partner brings, in words.", _TEXT)


@attrs.frozen(kw_only=True)
@_model
class Partnership:
    """An ongoing collaboration between organisations of different kinds."""

    id: str = _field("The partnership's id, unique among partnerships in the file.", _ID)
    title: str = _field("The partnership's name or title.", _TEXT)
    participants: tuple[Participant, ...] = _field(
        "The partners in the partnership: at least two.", MinItems(2)
    )
    description: str | None = _optional("What the partnership does.", _TEXT)
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
    start_date: date | None = _optional("When it started.")
    end_date: date | None = _optional(
        "When it ended or is planned to end.", dated=Dated(not_before="start_date")
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
    description: str | None = _optional("The challenge explained.", _TEXT)
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
    description: str | None = _optional("The solution explained.", _TEXT)
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
    description: str | None = _optional("What the framework is for and where it comes from.", _TEXT)
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
    description: str = _field("What the building block means in practice.", _TEXT)
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
class BuildingBlockRating:
    """How a platform does on one building block."""

    building_block_id: str = _required_ref(
        "The id of the building block rated.",
        "building_blocks",
        "rates building block",
    )
    rating: Rating = _field("The rating, after the partnership health check.")
    evidence: str | None = _optional("What the rating rests on.", _TEXT)
    actions: tuple[str, ...] = _list("What to do next.", Each([_TEXT]))


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
    summary: str | None = _optional("The assessment in a few sentences.", _TEXT)
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
    description: str | None = _optional("What the event was for.", _TEXT)
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
    description: str | None = _optional("What the community is for.", _TEXT)
    convener_id: str | None = _ref(
        "The id of the partner that convenes it.", "partners", "names convener"
    )
    platform_ids: tuple[str, ...] = _ids(
        "The ids of its member platforms.", "platforms", "names member platform"
    )
    launched_on: date | None = _optional(
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
        Pattern(
            patterns.NamedPattern(
                "schema-version", "^1[.]0$", "'1.0', the version this library reads and writes"
            )
        ),
        default=SCHEMA_VERSION,
        # Python callers get the current version for free; files must say which they follow.
        required_in_files=True,
    )
    title: str | None = _optional("What the dataset is, in a few words.", _TEXT)
    description: str | None = _optional("What the dataset holds and how it was made.", _TEXT)
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


#: The dataset's entity lists, by field name, with the model of their items.
ENTITY_LISTS: Mapping[str, type[Any]] = {
    "platforms": Platform,
    "partners": Partner,
    "partnerships": Partnership,
    "challenges": Challenge,
    "solutions": Solution,
    "frameworks": Framework,
    "building_blocks": BuildingBlock,
    "assessments": Assessment,
    "events": Event,
    "communities": Community,
}
