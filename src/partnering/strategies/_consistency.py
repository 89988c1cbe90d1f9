"""What a consistent dataset must respect beyond what the model fields declare.

The references and the date rules are declared on the fields, and :mod:`._datasets` reads them
from :data:`partnering.entities.ENTITIES`. The rules across a file ask for a little more, which
no declaration says; each such piece of knowledge is one small function here, named for the
rule it keeps:

* for one record: a stated sector follows the organisation type, SDG targets belong to the
  goals beside them, a national or subnational platform names its countries, identifiers
  have the org-id form;
* among records: a platform's host is one of its members, a partnership brings two sectors
  or more together, an assessment rates every building block of its framework once.

Example:
    >>> from partnering.models import Partner
    >>> FIXES[Partner]
    (<function sector_follows_type at ...>,)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import attrs
from hypothesis import strategies as st

from partnering._subdivisions import subdivisions_of
from partnering.codelists import (
    DeliverableStatus,
    OrganisationType,
    PlatformScope,
    Sector,
    sector_of,
)
from partnering.models import (
    Assessment,
    BuildingBlockRating,
    DeliverableProgress,
    Participant,
    Partner,
    Partnership,
    Platform,
    Publisher,
)
from partnering.reporting import FINISHED
from partnering.strategies import _values as values
from partnering.strategies._derive import FREE, FREE_OVERRIDES, FieldKey, Fix, Values


class NoRoomError(Exception):
    """Raised while drawing a record that the records drawn before it leave no room for.

    Whether there is room depends on those records only, never on what the record itself
    draws: a list stops at the first record that finds none.
    """


class Drawn(Protocol):
    """The records of a consistent dataset drawn so far."""

    def records(self, name: str) -> Sequence[Any]:
        """Return the records of the entity list ``name`` drawn so far."""

    def items(
        self, draw: st.DrawFn, model: type[Any], key: str, idents: Sequence[str]
    ) -> tuple[Any, ...]:
        """Draw one nested ``model`` for each id, which its field ``key`` refers to."""


#: Makes one record agree with the records drawn before it, or raises :class:`NoRoomError`.
Agreement = Callable[[st.DrawFn, Values, Drawn], Values]


def sector_follows_type(draw: st.DrawFn, fields: Values) -> Values:
    """Give an organisation type, and keep a stated sector only as the one it implies.

    A partner without a type gets a warning (``missing-organisation-type``), which consistent
    datasets do not have.
    """
    if fields["organisation_type"] is None:
        fields["organisation_type"] = draw(st.sampled_from(OrganisationType))
    if fields["sector"] is not None:
        fields["sector"] = sector_of(fields["organisation_type"])
    return fields


def targets_of_goals(draw: st.DrawFn, fields: Values) -> Values:
    """Draw SDG targets only of the goals the partnership names."""
    goals = tuple(fields["sdgs"])
    targets = values.tuples(values.sdg_targets(goals), unique=True) if goals else st.just(())
    fields["sdg_targets"] = draw(targets)
    return fields


_LOCAL_SCOPES = (PlatformScope.NATIONAL, PlatformScope.SUBNATIONAL)
_SOME_COUNTRIES = FREE.field(Platform, "countries").filter(bool)


def local_platforms_name_countries(draw: st.DrawFn, fields: Values) -> Values:
    """Give a national or subnational platform one country or more."""
    if fields["scope"] in _LOCAL_SCOPES and not fields["countries"]:
        fields["countries"] = draw(_SOME_COUNTRIES)
    return fields


def subdivisions_of_countries(draw: st.DrawFn, fields: Values) -> Values:
    """Draw subdivisions only of the record's countries (in a version that has them)."""
    if fields.get("subdivisions"):
        codes = [code for country in fields["countries"] for code in subdivisions_of(country)]
        drawn = st.lists(st.sampled_from(codes), unique=True, min_size=1, max_size=3)
        fields["subdivisions"] = tuple(draw(drawn)) if codes else ()
    return fields


#: What each record of a consistent dataset must respect within itself.
FIXES: Mapping[type[Any], tuple[Fix, ...]] = {
    Partner: (sector_follows_type,),
    Partnership: (targets_of_goals, subdivisions_of_countries),
    Platform: (local_platforms_name_countries, subdivisions_of_countries),
}

_ORG_IDS = values.maybe(values.ORG_IDS)

#: The fields a consistent dataset draws otherwise than a record on its own.
OVERRIDES: Mapping[FieldKey, st.SearchStrategy[Any]] = {
    **FREE_OVERRIDES,
    (Partner, "identifier"): _ORG_IDS,
    (Publisher, "identifier"): _ORG_IDS,
}


def host_is_a_member(draw: st.DrawFn, fields: Values, drawn: Drawn) -> Values:
    """Name as host one of the platform's members, or none."""
    members = tuple(member.partner_id for member in fields["members"])
    fields["host_id"] = draw(values.maybe(st.sampled_from(members))) if members else None
    return fields


def _by_sector(partners: Sequence[Partner]) -> dict[Sector, list[str]]:
    """Group partner ids by the sectors that make a partnership cross-sector.

    The sector ``other`` says nothing about which sectors meet, so it is left out.
    """
    grouped: dict[Sector, list[str]] = {}
    for partner in partners:
        sector = partner.effective_sector
        if sector is not None and sector is not Sector.OTHER:
            grouped.setdefault(sector, []).append(partner.id)
    return grouped


def across_sectors(draw: st.DrawFn, fields: Values, drawn: Drawn) -> Values:
    """Choose two or three participants, from two sectors at least."""
    partners = drawn.records("partners")
    grouped = _by_sector(partners)
    if len(grouped) < 2:
        raise NoRoomError
    first, second = draw(st.permutations(list(grouped)))[:2]
    chosen = [draw(st.sampled_from(grouped[first])), draw(st.sampled_from(grouped[second]))]
    others = [partner.id for partner in partners if partner.id not in chosen]
    third = draw(values.maybe(st.sampled_from(others))) if others else None
    if third is not None:
        chosen.append(third)
    idents = draw(st.permutations(chosen))
    fields["participants"] = drawn.items(draw, Participant, "partner_id", idents)
    return fields


def providers_take_part(draw: st.DrawFn, fields: Values, drawn: Drawn) -> Values:
    """Name as each resource's provider one of the partnership's participants, or none."""
    resources = fields.get("resources", ())
    if resources:
        taking_part = values.maybe(st.sampled_from([p.partner_id for p in fields["participants"]]))
        fields["resources"] = tuple(
            attrs.evolve(resource, provider_id=draw(taking_part)) for resource in resources
        )
    return fields


def deliverables_agree(draw: st.DrawFn, fields: Values, drawn: Drawn) -> Values:
    """Keep deliverable ids distinct, and give progress only of them, on the reports' dates.

    Each deliverable gets at most one entry per report, and reports are dated apart, one a day.
    Whether reports are late depends on the day of the check, and a drawn dataset must pass
    whenever it is checked: so a partnership that reports ends with a report that says it is
    completed or discontinued, after which no report is due, and one with deliverables but no
    report yet has no start to count from.
    """
    deliverables = {each.id: each for each in fields.get("deliverables", ())}
    reports = {each.reported_on: each for each in fields.get("progress_reports", ())}
    if deliverables and not reports:
        # Held to report from its start, with none made yet: without a start, nothing is due.
        fields["start_date"] = None
    if reports:
        last = max(reports)
        final = draw(st.sampled_from(sorted(FINISHED, key=lambda status: status.value)))
        reports[last] = attrs.evolve(reports[last], status=final)
    pairs = [(ident, day) for ident in deliverables for day in sorted(reports)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=4)) if pairs else []
    fields["deliverables"] = tuple(deliverables.values())
    fields["progress_reports"] = tuple(reports[day] for day in sorted(reports))
    fields["deliverable_progress"] = tuple(
        DeliverableProgress(
            deliverable=ident, reported_on=day, status=draw(st.sampled_from(DeliverableStatus))
        )
        for ident, day in chosen
    )
    return fields


def rates_every_block(draw: st.DrawFn, fields: Values, drawn: Drawn) -> Values:
    """Assess against a framework with building blocks, and rate each of them once."""
    blocks: dict[str, list[str]] = {}
    for block in drawn.records("building_blocks"):
        blocks.setdefault(block.framework_id, []).append(block.id)
    if not blocks:
        raise NoRoomError
    framework = draw(st.sampled_from(sorted(blocks)))
    fields["framework_id"] = framework
    idents = draw(st.permutations(blocks[framework]))
    ratings = drawn.items(draw, BuildingBlockRating, "building_block_id", idents)
    # In a version with respondents: distinct keys, and each rating by one of them or none.
    respondents = {each.key: each for each in fields.get("respondents", ())}
    if respondents:
        fields["respondents"] = tuple(respondents.values())
        voices = values.maybe(st.sampled_from(sorted(respondents)))
        ratings = tuple(attrs.evolve(rating, respondent=draw(voices)) for rating in ratings)
    else:
        ratings = tuple(attrs.evolve(rating, respondent=None) for rating in ratings)
    fields["ratings"] = ratings
    return fields


#: What each record of a consistent dataset must respect among the records drawn before it.
AGREEMENTS: Mapping[type[Any], tuple[Agreement, ...]] = {
    Platform: (host_is_a_member,),
    Partnership: (across_sectors, providers_take_part, deliverables_agree),
    Assessment: (rates_every_block,),
}
