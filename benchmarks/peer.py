"""The peer: pydantic v2 models equivalent to partnering's, as a user would write them.

They check what one model library can check on its own: types (strictly: no coercion), required
and unknown fields, code lists, ids and other patterns, lengths, ranges, unique items, dates,
and web addresses. They do not check the rules across the file (references, duplicate ids,
dates in order), which ``partnering.load`` does on top; and web addresses are checked by
pydantic's own URL parser, not RFC 3986 exactly.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Hashable, Sequence
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, AnyUrl, BaseModel, ConfigDict, Field, StringConstraints

from partnering import codelists
from partnering._constraints import COUNTRY_CODES


def _codes(code_list: type[codelists.CodeList]) -> Any:
    return Literal[code_list.codes()]  # type: ignore[valid-type]


T = TypeVar("T", bound=Hashable)


def _unique(items: Sequence[T]) -> Sequence[T]:
    if len(set(items)) != len(items):
        raise ValueError("items must be unique")
    return items


Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")]
Text = Annotated[str, StringConstraints(min_length=1)]
Url = Annotated[AnyUrl, Field(json_schema_extra={"pattern": "^https?://[!-~]+$"})]
Country = Literal[COUNTRY_CODES]  # type: ignore[valid-type]
# Format 1.1's subdivisions (ISO 3166-2): the shape of a code; the list is pycountry's.
Subdivision = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")]
Sdg = Annotated[int, Field(ge=1, le=17)]
SdgTarget = Annotated[str, StringConstraints(pattern=r"^(1[0-7]|[1-9])[.]([1-9][0-9]?|[a-j])$")]
UtcTime = Annotated[
    str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
]
Extensions = Annotated[
    dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*:[A-Za-z0-9_.-]+$")], Any],
    Field(min_length=1),
]


def Unique(item: Any) -> Any:  # noqa: N802 - used as a type
    return Annotated[tuple[item, ...], Field(min_length=1), AfterValidator(_unique)]


def Some(item: Any, minimum: int = 1) -> Any:  # noqa: N802 - used as a type
    return Annotated[tuple[item, ...], Field(min_length=minimum)]


class Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Source(Model):
    title: Text
    url: Url | None = None
    publisher: Text | None = None
    year: Annotated[int, Field(ge=1000, le=9999)] | None = None


class Publisher(Model):
    name: Text
    identifier: Text | None = None
    website: Url | None = None


class Partner(Model):
    id: Id
    name: Text
    organisation_type: _codes(codelists.OrganisationType)
    sector: _codes(codelists.Sector) | None = None
    identifier: Text | None = None
    acronym: Text | None = None
    country: Country | None = None
    website: Url | None = None
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class Membership(Model):
    partner_id: Id
    roles: Unique(_codes(codelists.MembershipRole))
    since: datetime.date | None = None


class Platform(Model):
    id: Id
    name: Text
    scope: _codes(codelists.PlatformScope)
    hosting_model: _codes(codelists.HostingModel)
    acronym: Text | None = None
    description: Text | None = None
    countries: Unique(Country) = ()
    subdivisions: Unique(Subdivision) = ()
    region: Text | None = None
    platform_type: _codes(codelists.PlatformType) | None = None
    focus: _codes(codelists.Focus) | None = None
    themes: Unique(Text) = ()
    sdgs: Unique(Sdg) = ()
    host_id: Id | None = None
    functions: Unique(_codes(codelists.PlatformFunction)) = ()
    stage: _codes(codelists.PlatformStage) | None = None
    launched_on: datetime.date | None = None
    parent_id: Id | None = None
    members: Some(Membership) = ()
    challenge_ids: Unique(Id) = ()
    website: Url | None = None
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class Participant(Model):
    partner_id: Id
    roles: Unique(_codes(codelists.ParticipantRole)) = ()
    lead: bool | None = None
    contribution: Text | None = None


class Commitment(Model):
    kind: _codes(codelists.ResourceKind)
    provider_id: Id | None = None
    amount: Annotated[decimal.Decimal, Field(ge=0)] | None = None
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    description: Text | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None


class Deliverable(Model):
    id: Id
    title: Text
    due_date: datetime.date | None = None
    status: _codes(codelists.DeliverableStatus) | None = None


class ProgressReport(Model):
    reported_on: datetime.date
    status: _codes(codelists.ProgressStatus)
    summary: Text | None = None


class DeliverableProgress(Model):
    deliverable: Id
    reported_on: datetime.date
    status: _codes(codelists.DeliverableStatus)


class Partnership(Model):
    id: Id
    title: Text
    participants: Some(Participant, 2)
    description: Text | None = None
    platform_id: Id | None = None
    partnership_type: _codes(codelists.PartnershipType) | None = None
    stage: _codes(codelists.PartnershipStage) | None = None
    agreement: _codes(codelists.Agreement) | None = None
    sdgs: Unique(Sdg) = ()
    sdg_targets: Unique(SdgTarget) = ()
    countries: Unique(Country) = ()
    subdivisions: Unique(Subdivision) = ()
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    resources: Some(Commitment) = ()
    deliverables: Some(Deliverable) = ()
    progress_reports: Some(ProgressReport) = ()
    deliverable_progress: Some(DeliverableProgress) = ()
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class Challenge(Model):
    id: Id
    title: Text
    category: _codes(codelists.ChallengeCategory)
    description: Text | None = None
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class Solution(Model):
    id: Id
    title: Text
    challenge_ids: Unique(Id)
    description: Text | None = None
    building_block_ids: Unique(Id) = ()
    example_platform_ids: Unique(Id) = ()
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class Framework(Model):
    id: Id
    name: Text
    description: Text | None = None
    version: Text | None = None
    provisional: bool | None = None
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class BuildingBlock(Model):
    id: Id
    framework_id: Id
    name: Text
    description: Text
    order: Annotated[int, Field(ge=1)] | None = None
    challenge_ids: Unique(Id) = ()
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class BuildingBlockRating(Model):
    building_block_id: Id
    rating: _codes(codelists.Rating)
    evidence: Text | None = None
    actions: Some(Text) = ()
    respondent: Id | None = None


class Respondent(Model):
    key: Id
    sector: _codes(codelists.Sector)
    role: _codes(codelists.MembershipRole) | None = None


class Assessment(Model):
    id: Id
    platform_id: Id
    framework_id: Id
    assessed_on: datetime.date
    ratings: Some(BuildingBlockRating)
    assessor: Text | None = None
    respondents: Some(Respondent) = ()
    summary: Text | None = None
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class Event(Model):
    id: Id
    name: Text
    start_date: datetime.date
    end_date: datetime.date
    description: Text | None = None
    location: Text | None = None
    convener_id: Id | None = None
    sponsor_ids: Unique(Id) = ()
    participant_count: Annotated[int, Field(ge=0)] | None = None
    country_count: Annotated[int, Field(ge=0)] | None = None
    sectors_present: Unique(_codes(codelists.Sector)) = ()
    challenge_ids: Unique(Id) = ()
    solution_ids: Unique(Id) = ()
    building_block_ids: Unique(Id) = ()
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class Community(Model):
    id: Id
    name: Text
    description: Text | None = None
    convener_id: Id | None = None
    platform_ids: Unique(Id) = ()
    launched_on: datetime.date | None = None
    sources: Some(Source) = ()
    extensions: Extensions | None = None


class Dataset(Model):
    schema_version: Literal["1.0"]
    title: Text | None = None
    description: Text | None = None
    publisher: Publisher | None = None
    published_at: UtcTime | None = None
    license: Url | None = None
    platforms: Some(Platform) = ()
    partners: Some(Partner) = ()
    partnerships: Some(Partnership) = ()
    challenges: Some(Challenge) = ()
    solutions: Some(Solution) = ()
    frameworks: Some(Framework) = ()
    building_blocks: Some(BuildingBlock) = ()
    assessments: Some(Assessment) = ()
    events: Some(Event) = ()
    communities: Some(Community) = ()
    extensions: Extensions | None = None


def load(data: bytes) -> Dataset:
    """Validate and build the dataset from the bytes of a file, as the peer does."""
    return Dataset.model_validate_json(data)
