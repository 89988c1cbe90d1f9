"""Hypothesis strategies that build valid models, to test tools that read or write them.

There is one strategy per model, and :func:`datasets` builds whole datasets. Every value
obeys the constraints its field declares, so every model these strategies build can be
written with :func:`~partnering.dumps` and passes the interchange schema. With
``consistent=True``, :func:`datasets` also makes the records agree with each other, so the
dataset passes every rule across the file without a single issue.

This module needs Hypothesis, which comes with the ``test`` extra
(``pip install partnering[test]``); the package itself never imports it.

Example::

    from hypothesis import given
    from partnering import dumps, loads
    from partnering.strategies import datasets

    @given(datasets())
    def test_my_tool_reads_every_dataset(dataset):
        assert loads(dumps(dataset)) == dataset
"""

from __future__ import annotations

import functools
import string
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from partnering._constraints import COUNTRY_CODES
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
from partnering.models import (
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

__all__ = [
    "assessments",
    "building_block_ratings",
    "building_blocks",
    "challenges",
    "communities",
    "datasets",
    "events",
    "extensions",
    "frameworks",
    "memberships",
    "participants",
    "partners",
    "partnerships",
    "platforms",
    "publishers",
    "solutions",
    "sources",
]

T = TypeVar("T")

#: The longest list a strategy builds inside a record; datasets take their own ``max_size``.
_MAX_ITEMS = 3

#: The default "today" of consistent datasets: fixed, so that a run does not depend on the clock.
_TODAY = date(2026, 1, 1)

# --- Values ----------------------------------------------------------------------------------
# Strategies are built once, here or in cached functions: building them anew on every draw
# costs more than drawing from them. Caches keyed by the ids of one dataset are bounded.

_ALNUM = string.ascii_letters + string.digits


def _word(first: str, rest: str, max_rest: int) -> st.SearchStrategy[str]:
    """Build words of one character of ``first`` then up to ``max_rest`` of ``rest``."""
    return st.tuples(st.sampled_from(first), st.text(rest, max_size=max_rest)).map("".join)


def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Build an optional value: sometimes absent (``None``), sometimes from ``strategy``."""
    return st.none() | strategy


def _tuples(
    strategy: st.SearchStrategy[T], *, unique: bool = False, min_size: int = 0
) -> st.SearchStrategy[tuple[T, ...]]:
    """Build a short tuple of values from ``strategy``."""
    return st.lists(strategy, unique=unique, min_size=min_size, max_size=_MAX_ITEMS).map(tuple)


_ids = _word(_ALNUM, _ALNUM + "_.:-", 11)
_optional_ids = _maybe(_ids)
_texts = st.text(min_size=1, max_size=20)
_optional_texts = _maybe(_texts)
_text_lists = _tuples(_texts)
_unique_text_lists = _tuples(_texts, unique=True)
_countries = st.sampled_from(COUNTRY_CODES)
_optional_countries = _maybe(_countries)
_country_lists = _tuples(_countries, unique=True)
_sdgs = _tuples(st.integers(1, 17), unique=True)
_optional_booleans = _maybe(st.booleans())
_optional_years = _maybe(st.integers(1000, 9999))


def _moments(last: datetime) -> st.SearchStrategy[datetime]:
    """Build UTC times to the second, up to ``last``.

    Times before the year 1000 are left out: the converter does not yet write their year with
    four digits, so they cannot be read back.
    """
    return st.datetimes(min_value=datetime(1000, 1, 1), max_value=last).map(
        lambda moment: moment.replace(microsecond=0, tzinfo=timezone.utc)
    )


# URLs from a small alphabet, so every one is both an http(s) address and an RFC 3986 URI.
_urls = st.builds(
    "{}://{}/{}{}".format,
    st.sampled_from(["http", "https"]),
    st.sampled_from(["example.org", "example.com", "www.example.net", "partnering.dev"]),
    st.lists(st.text(_ALNUM + "-._~", min_size=1, max_size=8), max_size=2).map("/".join),
    st.sampled_from(["", "%C3%A9", "?page=2", "#top"]),
)
_optional_urls = _maybe(_urls)

# org-id.guide identifiers: a list code (a country or XM/XI, a hyphen, a register), then an id.
_org_ids = st.builds(
    "{}-{}-{}".format,
    st.sampled_from((*COUNTRY_CODES, "XM", "XI")),
    _word(string.ascii_uppercase, string.ascii_uppercase + string.digits + "_", 5),
    _word(_ALNUM, _ALNUM + "-", 9),
)
_any_identifiers = _maybe(_org_ids | _texts)
_org_identifiers = _maybe(_org_ids)


@functools.lru_cache(maxsize=1024)
def _sdg_targets(goals: tuple[int, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    """Build distinct SDG target ids (``3.8``, ``17.17``, ``14.c``) of the given goals."""
    if not goals:
        return st.just(())
    target = st.builds(
        "{}.{}".format,
        st.sampled_from(goals),
        st.integers(1, 99) | st.sampled_from("abcdefghij"),
    )
    return _tuples(target, unique=True)


_json_scalars: st.SearchStrategy[Any] = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
)
_json_values: st.SearchStrategy[Any] = st.recursive(
    _json_scalars,
    lambda children: (
        st.lists(children, max_size=_MAX_ITEMS)
        | st.dictionaries(st.text(max_size=8), children, max_size=_MAX_ITEMS)
    ),
    max_leaves=5,
)
_extension_keys = st.builds(
    "{}:{}".format,
    _word(string.ascii_lowercase + string.digits, string.ascii_lowercase + string.digits + "-", 7),
    st.text(_ALNUM + "_.-", min_size=1, max_size=10),
)
_extensions = st.dictionaries(_extension_keys, _json_values, max_size=_MAX_ITEMS)


@functools.cache
def _codes(code_list: type[CodeList]) -> st.SearchStrategy[Any]:
    """Build a short tuple of distinct codes of a code list."""
    return _tuples(st.sampled_from(code_list), unique=True)


@functools.cache
def _optional_code(code_list: type[CodeList]) -> st.SearchStrategy[Any]:
    """Build a code of a code list, or nothing."""
    return _maybe(st.sampled_from(code_list))


# --- The context of consistent datasets ------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Context:
    """What the records of a consistent dataset may refer to, and the day they may not pass.

    Strategies given no context build records on their own: any id may be referred to and
    any date is allowed.
    """

    today: date
    partner_sectors: tuple[tuple[str, Sector], ...] = ()
    platform_ids: tuple[str, ...] = ()
    challenge_ids: tuple[str, ...] = ()
    solution_ids: tuple[str, ...] = ()
    building_block_ids: tuple[str, ...] = ()
    blocks_by_framework: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def partner_ids(self) -> tuple[str, ...]:
        """The ids of the dataset's partners."""
        return tuple(ident for ident, _ in self.partner_sectors)


@functools.cache
def _days(today: date | None) -> st.SearchStrategy[date]:
    """Build dates; before ``today`` when one is given."""
    if today is None:
        return st.dates()
    return st.dates(max_value=today - timedelta(days=1))


@functools.cache
def _optional_days(today: date | None) -> st.SearchStrategy[date | None]:
    return _maybe(_days(today))


def _today(context: _Context | None) -> date | None:
    return None if context is None else context.today


@functools.lru_cache(maxsize=1024)
def _ref(pool: tuple[str, ...] | None) -> st.SearchStrategy[str]:
    """Build a required reference: any id, or one of ``pool``."""
    return _ids if pool is None else st.sampled_from(pool)


@functools.lru_cache(maxsize=1024)
def _optional_ref(pool: tuple[str, ...] | None) -> st.SearchStrategy[str | None]:
    """Build an optional reference: any id, one of ``pool``, or none."""
    if pool is None:
        return _optional_ids
    return _maybe(st.sampled_from(pool)) if pool else st.none()


@functools.lru_cache(maxsize=1024)
def _refs(pool: tuple[str, ...] | None, min_size: int = 0) -> st.SearchStrategy[tuple[str, ...]]:
    """Build distinct references: any ids, or some of ``pool``."""
    if pool is None:
        return _tuples(_ids, unique=True, min_size=min_size)
    if not pool:
        return st.just(())
    return st.lists(
        st.sampled_from(pool), unique=True, min_size=min_size, max_size=min(len(pool), _MAX_ITEMS)
    ).map(tuple)


def _pool(context: _Context | None, name: str) -> tuple[str, ...] | None:
    """Return the ids of one list of a consistent dataset, or ``None`` without a context."""
    if context is None:
        return None
    ids: tuple[str, ...] = getattr(context, name)
    return ids


# --- One strategy per model ------------------------------------------------------------------


def extensions() -> st.SearchStrategy[dict[str, Any]]:
    """Build custom data: namespaced keys with any JSON values, or none at all.

    Values are what JSON holds: text, whole and finite numbers, booleans, ``None``, and lists
    and objects of them.

    Example::

        from hypothesis import given
        from partnering.strategies import extensions

        @given(extensions())
        def test_custom_data(custom):
            assert all(":" in key for key in custom)
    """
    return _extensions


_sources = st.builds(
    Source,
    title=_texts,
    url=_optional_urls,
    publisher=_optional_texts,
    year=_optional_years,
)
_source_lists = st.lists(_sources, max_size=2).map(tuple)


def sources() -> st.SearchStrategy[Source]:
    """Build a :class:`~partnering.Source`: a title, and sometimes an address, publisher, year.

    Example::

        from hypothesis import given
        from partnering.strategies import sources

        @given(sources())
        def test_source(source):
            assert source.title
    """
    return _sources


@functools.cache
def _publishers(*, org_ids: bool) -> st.SearchStrategy[Publisher]:
    """Build a publisher; with ``org_ids``, every identifier has the org-id form."""
    return st.builds(
        Publisher,
        name=_texts,
        identifier=_org_identifiers if org_ids else _any_identifiers,
        website=_optional_urls,
    )


def publishers() -> st.SearchStrategy[Publisher]:
    """Build a :class:`~partnering.Publisher` of an exchange file.

    Example::

        from hypothesis import given
        from partnering.strategies import publishers

        @given(publishers())
        def test_publisher(publisher):
            assert publisher.name
    """
    return _publishers(org_ids=False)


_organisation_types = st.sampled_from(OrganisationType)
_optional_sectors = _optional_code(Sector)


@st.composite
def _partner(draw: st.DrawFn, ident: str | None = None, *, consistent: bool = False) -> Partner:
    organisation_type = draw(_organisation_types)
    if consistent:
        # A stated sector agrees with the organisation type; an identifier is an org-id.
        sector = draw(st.sampled_from([None, sector_of(organisation_type)]))
        identifier = draw(_org_identifiers)
    else:
        sector = draw(_optional_sectors)
        identifier = draw(_any_identifiers)
    return Partner(
        id=draw(_ids) if ident is None else ident,
        name=draw(_texts),
        organisation_type=organisation_type,
        sector=sector,
        identifier=identifier,
        acronym=draw(_optional_texts),
        country=draw(_optional_countries),
        website=draw(_optional_urls),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def partners() -> st.SearchStrategy[Partner]:
    """Build a :class:`~partnering.Partner`, an organisation of any type.

    Example::

        from hypothesis import given
        from partnering.strategies import partners

        @given(partners())
        def test_partner_has_a_sector(partner):
            assert partner.effective_sector is not None
    """
    return _partner()


_membership_roles = _tuples(st.sampled_from(MembershipRole), unique=True, min_size=1)


@st.composite
def _membership(
    draw: st.DrawFn, partner_id: str | None = None, today: date | None = None
) -> Membership:
    return Membership(
        partner_id=draw(_ids) if partner_id is None else partner_id,
        roles=draw(_membership_roles),
        since=draw(_optional_days(today)),
    )


def memberships() -> st.SearchStrategy[Membership]:
    """Build a :class:`~partnering.Membership`: a partner's place and roles in a platform.

    Example::

        from hypothesis import given
        from partnering.strategies import memberships

        @given(memberships())
        def test_membership(membership):
            assert membership.roles
    """
    return _membership()


_membership_lists = st.lists(_membership(), max_size=_MAX_ITEMS).map(tuple)
_scopes = st.sampled_from(PlatformScope)
_hosting_models = st.sampled_from(HostingModel)
_LOCAL_SCOPES = (PlatformScope.NATIONAL, PlatformScope.SUBNATIONAL)
_some_countries = _tuples(_countries, unique=True, min_size=1)


@st.composite
def _platform(
    draw: st.DrawFn,
    context: _Context | None = None,
    ident: str | None = None,
    parents: tuple[str, ...] = (),
) -> Platform:
    scope = draw(_scopes)
    if context is None:
        members = draw(_membership_lists)
        host_id = draw(_optional_ids)
        countries = draw(_country_lists)
    else:
        # Each partner is a member once, the host is one of the members, and a national or
        # subnational platform names its country.
        member_ids = draw(_refs(context.partner_ids))
        members = tuple(draw(_membership(member, context.today)) for member in member_ids)
        host_id = draw(_optional_ref(member_ids))
        countries = draw(_some_countries if scope in _LOCAL_SCOPES else _country_lists)
    return Platform(
        id=draw(_ids) if ident is None else ident,
        name=draw(_texts),
        scope=scope,
        hosting_model=draw(_hosting_models),
        acronym=draw(_optional_texts),
        description=draw(_optional_texts),
        countries=countries,
        region=draw(_optional_texts),
        platform_type=draw(_optional_code(PlatformType)),
        focus=draw(_optional_code(Focus)),
        themes=draw(_unique_text_lists),
        sdgs=draw(_sdgs),
        host_id=host_id,
        functions=draw(_codes(PlatformFunction)),
        stage=draw(_optional_code(PlatformStage)),
        launched_on=draw(_optional_days(_today(context))),
        # A consistent platform's parent comes before it in the list, so there are no cycles.
        parent_id=draw(_optional_ref(None if context is None else parents)),
        members=members,
        challenge_ids=draw(_refs(_pool(context, "challenge_ids"))),
        website=draw(_optional_urls),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def platforms() -> st.SearchStrategy[Platform]:
    """Build a :class:`~partnering.Platform` with members, functions, SDGs and more.

    Example::

        from hypothesis import given
        from partnering.strategies import platforms

        @given(platforms())
        def test_platform(platform):
            assert all(1 <= goal <= 17 for goal in platform.sdgs)
    """
    return _platform()


@st.composite
def _participant(draw: st.DrawFn, partner_id: str | None = None) -> Participant:
    return Participant(
        partner_id=draw(_ids) if partner_id is None else partner_id,
        roles=draw(_codes(ParticipantRole)),
        lead=draw(_optional_booleans),
        contribution=draw(_optional_texts),
    )


def participants() -> st.SearchStrategy[Participant]:
    """Build a :class:`~partnering.Participant`: a partner's part in a partnership.

    Example::

        from hypothesis import given
        from partnering.strategies import participants

        @given(participants())
        def test_participant(participant):
            assert participant.partner_id
    """
    return _participant()


_participant_lists = st.lists(_participant(), min_size=2, max_size=_MAX_ITEMS).map(tuple)


def _by_sector(partner_sectors: tuple[tuple[str, Sector], ...]) -> dict[Sector, list[str]]:
    """Group partner ids by the sectors that make a partnership cross-sector.

    The sector ``other`` says nothing about which sectors meet, so it is left out.
    """
    grouped: dict[Sector, list[str]] = {}
    for ident, sector in partner_sectors:
        if sector is not Sector.OTHER:
            grouped.setdefault(sector, []).append(ident)
    return grouped


@st.composite
def _cross_sector_ids(draw: st.DrawFn, context: _Context) -> tuple[str, ...]:
    """Draw two or three distinct partner ids, from at least two sectors."""
    grouped = _by_sector(context.partner_sectors)
    first, second = draw(st.permutations(list(grouped)))[:2]
    chosen = [draw(st.sampled_from(grouped[first])), draw(st.sampled_from(grouped[second]))]
    others = tuple(ident for ident in context.partner_ids if ident not in chosen)
    third = draw(_optional_ref(others))
    if third is not None:
        chosen.append(third)
    return tuple(draw(st.permutations(chosen)))


_optional_date_pairs = st.tuples(_optional_days(None), _optional_days(None))


@st.composite
def _partnership(
    draw: st.DrawFn, context: _Context | None = None, ident: str | None = None
) -> Partnership:
    sdgs = draw(_sdgs)
    if context is None:
        members = draw(_participant_lists)
        targets = draw(_sdg_targets(tuple(range(1, 18))))
        start_date, end_date = draw(_optional_date_pairs)
    else:
        members = tuple(draw(_participant(partner)) for partner in draw(_cross_sector_ids(context)))
        # A target belongs to one of the goals the partnership names.
        targets = draw(_sdg_targets(sdgs))
        start_date, end_date = sorted(draw(st.tuples(_days(context.today), _days(context.today))))
        start_date, end_date = draw(
            st.sampled_from([(start_date, end_date), (start_date, None), (None, end_date)])
            | st.just((None, None))
        )
    return Partnership(
        id=draw(_ids) if ident is None else ident,
        title=draw(_texts),
        participants=members,
        description=draw(_optional_texts),
        platform_id=draw(_optional_ref(_pool(context, "platform_ids"))),
        partnership_type=draw(_optional_code(PartnershipType)),
        stage=draw(_optional_code(PartnershipStage)),
        agreement=draw(_optional_code(Agreement)),
        sdgs=sdgs,
        sdg_targets=targets,
        countries=draw(_country_lists),
        start_date=start_date,
        end_date=end_date,
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def partnerships() -> st.SearchStrategy[Partnership]:
    """Build a :class:`~partnering.Partnership` of two or more participants.

    Example::

        from hypothesis import given
        from partnering.strategies import partnerships

        @given(partnerships())
        def test_partnership(partnership):
            assert len(partnership.participants) >= 2
    """
    return _partnership()


_categories = st.sampled_from(ChallengeCategory)


@st.composite
def _challenge(draw: st.DrawFn, ident: str | None = None) -> Challenge:
    return Challenge(
        id=draw(_ids) if ident is None else ident,
        title=draw(_texts),
        category=draw(_categories),
        description=draw(_optional_texts),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def challenges() -> st.SearchStrategy[Challenge]:
    """Build a :class:`~partnering.Challenge` that platforms face.

    Example::

        from hypothesis import given
        from partnering.strategies import challenges

        @given(challenges())
        def test_challenge(challenge):
            assert challenge.title
    """
    return _challenge()


@st.composite
def _solution(
    draw: st.DrawFn, context: _Context | None = None, ident: str | None = None
) -> Solution:
    return Solution(
        id=draw(_ids) if ident is None else ident,
        title=draw(_texts),
        challenge_ids=draw(_refs(_pool(context, "challenge_ids"), min_size=1)),
        description=draw(_optional_texts),
        building_block_ids=draw(_refs(_pool(context, "building_block_ids"))),
        example_platform_ids=draw(_refs(_pool(context, "platform_ids"))),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def solutions() -> st.SearchStrategy[Solution]:
    """Build a :class:`~partnering.Solution` that addresses one or more challenges.

    Example::

        from hypothesis import given
        from partnering.strategies import solutions

        @given(solutions())
        def test_solution(solution):
            assert solution.challenge_ids
    """
    return _solution()


@st.composite
def _framework(draw: st.DrawFn, ident: str | None = None) -> Framework:
    return Framework(
        id=draw(_ids) if ident is None else ident,
        name=draw(_texts),
        description=draw(_optional_texts),
        version=draw(_optional_texts),
        provisional=draw(_optional_booleans),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def frameworks() -> st.SearchStrategy[Framework]:
    """Build a :class:`~partnering.Framework` of building blocks.

    Example::

        from hypothesis import given
        from partnering.strategies import frameworks

        @given(frameworks())
        def test_framework(framework):
            assert framework.name
    """
    return _framework()


_orders = _maybe(st.integers(min_value=1, max_value=2**31))


@st.composite
def _building_block(
    draw: st.DrawFn,
    context: _Context | None = None,
    ident: str | None = None,
    framework_id: str | None = None,
) -> BuildingBlock:
    return BuildingBlock(
        id=draw(_ids) if ident is None else ident,
        framework_id=draw(_ids) if framework_id is None else framework_id,
        name=draw(_texts),
        description=draw(_texts),
        order=draw(_orders),
        challenge_ids=draw(_refs(_pool(context, "challenge_ids"))),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def building_blocks() -> st.SearchStrategy[BuildingBlock]:
    """Build a :class:`~partnering.BuildingBlock` of a framework.

    Example::

        from hypothesis import given
        from partnering.strategies import building_blocks

        @given(building_blocks())
        def test_building_block(block):
            assert block.order is None or block.order >= 1
    """
    return _building_block()


_ratings = st.sampled_from(Rating)


@st.composite
def _rating(draw: st.DrawFn, building_block_id: str | None = None) -> BuildingBlockRating:
    return BuildingBlockRating(
        building_block_id=draw(_ids) if building_block_id is None else building_block_id,
        rating=draw(_ratings),
        evidence=draw(_optional_texts),
        actions=draw(_text_lists),
    )


def building_block_ratings() -> st.SearchStrategy[BuildingBlockRating]:
    """Build a :class:`~partnering.BuildingBlockRating`: how a platform does on one block.

    Example::

        from hypothesis import given
        from partnering.strategies import building_block_ratings

        @given(building_block_ratings())
        def test_rating(rating):
            assert rating.rating.title
    """
    return _rating()


_rating_lists = st.lists(_rating(), min_size=1, max_size=_MAX_ITEMS).map(tuple)


@st.composite
def _assessment(
    draw: st.DrawFn, context: _Context | None = None, ident: str | None = None
) -> Assessment:
    if context is None:
        framework_id = draw(_ids)
        ratings = draw(_rating_lists)
    else:
        # Rate every block of the framework exactly once, in any order.
        framework_id, blocks = draw(st.sampled_from(context.blocks_by_framework))
        ratings = tuple(draw(_rating(block)) for block in draw(st.permutations(blocks)))
    return Assessment(
        id=draw(_ids) if ident is None else ident,
        platform_id=draw(_ref(_pool(context, "platform_ids"))),
        framework_id=framework_id,
        assessed_on=draw(_days(_today(context))),
        ratings=ratings,
        assessor=draw(_optional_texts),
        summary=draw(_optional_texts),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def assessments() -> st.SearchStrategy[Assessment]:
    """Build an :class:`~partnering.Assessment` of a platform against a framework.

    Example::

        from hypothesis import given
        from partnering.strategies import assessments

        @given(assessments())
        def test_assessment(assessment):
            assert assessment.ratings
    """
    return _assessment()


_MOST_PEOPLE = 10**6
_counts = _maybe(st.integers(min_value=0, max_value=_MOST_PEOPLE))


@st.composite
def _event(draw: st.DrawFn, context: _Context | None = None, ident: str | None = None) -> Event:
    days = _days(_today(context))
    start_date, end_date = draw(days), draw(days)
    participant_count = draw(_counts)
    country_count = draw(_counts)
    if context is not None:
        # An event ends on or after its first day, and its people cannot come from more
        # countries than there are people.
        start_date, end_date = sorted((start_date, end_date))
        if participant_count is not None and country_count is not None:
            participant_count, country_count = (
                max(participant_count, country_count),
                min(participant_count, country_count),
            )
    partners_pool = _pool(context, "partner_ids")
    return Event(
        id=draw(_ids) if ident is None else ident,
        name=draw(_texts),
        start_date=start_date,
        end_date=end_date,
        description=draw(_optional_texts),
        location=draw(_optional_texts),
        convener_id=draw(_optional_ref(partners_pool)),
        sponsor_ids=draw(_refs(partners_pool)),
        participant_count=participant_count,
        country_count=country_count,
        sectors_present=draw(_codes(Sector)),
        challenge_ids=draw(_refs(_pool(context, "challenge_ids"))),
        solution_ids=draw(_refs(_pool(context, "solution_ids"))),
        building_block_ids=draw(_refs(_pool(context, "building_block_ids"))),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def events() -> st.SearchStrategy[Event]:
    """Build an :class:`~partnering.Event`, such as a workshop.

    Example::

        from hypothesis import given
        from partnering.strategies import events

        @given(events())
        def test_event(event):
            assert event.name
    """
    return _event()


@st.composite
def _community(
    draw: st.DrawFn, context: _Context | None = None, ident: str | None = None
) -> Community:
    return Community(
        id=draw(_ids) if ident is None else ident,
        name=draw(_texts),
        description=draw(_optional_texts),
        convener_id=draw(_optional_ref(_pool(context, "partner_ids"))),
        platform_ids=draw(_refs(_pool(context, "platform_ids"))),
        launched_on=draw(_optional_days(_today(context))),
        sources=draw(_source_lists),
        extensions=draw(_extensions),
    )


def communities() -> st.SearchStrategy[Community]:
    """Build a :class:`~partnering.Community` of practice of platforms.

    Example::

        from hypothesis import given
        from partnering.strategies import communities

        @given(communities())
        def test_community(community):
            assert community.name
    """
    return _community()


# --- Whole datasets --------------------------------------------------------------------------


@functools.cache
def _entity_lists(
    strategy: st.SearchStrategy[T], max_size: int
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


@functools.cache
def _unique_ids(max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(_ids, unique=True, max_size=max_size).map(tuple)


@functools.cache
def _metadata(today: date | None) -> st.SearchStrategy[dict[str, Any]]:
    """Build the dataset's own fields: title, publisher, time of publication and so on."""
    last = datetime(9999, 12, 31, 23, 59, 59)
    if today is not None:
        last = datetime.combine(today - timedelta(days=1), time(23, 59, 59))
    return st.fixed_dictionaries(
        {
            "title": _optional_texts,
            "description": _optional_texts,
            "publisher": _maybe(_publishers(org_ids=today is not None)),
            "published_at": _maybe(_moments(last)),
            "license": _optional_urls,
            "extensions": _extensions,
        }
    )


@functools.cache
def _free_datasets(max_size: int) -> st.SearchStrategy[Dataset]:
    return st.builds(
        lambda metadata, **lists: Dataset(**metadata, **lists),
        _metadata(None),
        platforms=_entity_lists(_platform(), max_size),
        partners=_entity_lists(_partner(), max_size),
        partnerships=_entity_lists(_partnership(), max_size),
        challenges=_entity_lists(_challenge(), max_size),
        solutions=_entity_lists(_solution(), max_size),
        frameworks=_entity_lists(_framework(), max_size),
        building_blocks=_entity_lists(_building_block(), max_size),
        assessments=_entity_lists(_assessment(), max_size),
        events=_entity_lists(_event(), max_size),
        communities=_entity_lists(_community(), max_size),
    )


@st.composite
def _consistent_dataset(draw: st.DrawFn, max_size: int, today: date) -> Dataset:
    # Ids first, so that records can refer to records that come after them.
    ids = _unique_ids(max_size)
    partners_ = tuple(draw(_partner(ident, consistent=True)) for ident in draw(ids))
    platform_ids, challenge_ids, framework_ids = draw(ids), draw(ids), draw(ids)
    # Solutions need a challenge to address, building blocks a framework to belong to.
    solution_ids = draw(ids) if challenge_ids else ()
    block_ids = draw(ids) if framework_ids else ()
    block_frameworks = [draw(st.sampled_from(framework_ids)) for _ in block_ids]
    blocks_by_framework: dict[str, tuple[str, ...]] = {}
    for block, framework in zip(block_ids, block_frameworks, strict=True):
        blocks_by_framework[framework] = (*blocks_by_framework.get(framework, ()), block)
    context = _Context(
        today=today,
        partner_sectors=tuple((partner.id, partner.effective_sector) for partner in partners_),
        platform_ids=platform_ids,
        challenge_ids=challenge_ids,
        solution_ids=solution_ids,
        building_block_ids=block_ids,
        blocks_by_framework=tuple(blocks_by_framework.items()),
    )
    cross_sector = len(_by_sector(context.partner_sectors)) >= 2
    assessable = bool(platform_ids and blocks_by_framework)
    return Dataset(
        **draw(_metadata(today)),
        platforms=tuple(
            draw(_platform(context, ident, platform_ids[:index]))
            for index, ident in enumerate(platform_ids)
        ),
        partners=partners_,
        partnerships=tuple(
            draw(_partnership(context, ident)) for ident in (draw(ids) if cross_sector else ())
        ),
        challenges=tuple(draw(_challenge(ident)) for ident in challenge_ids),
        solutions=tuple(draw(_solution(context, ident)) for ident in solution_ids),
        frameworks=tuple(draw(_framework(ident)) for ident in framework_ids),
        building_blocks=tuple(
            draw(_building_block(context, block, framework))
            for block, framework in zip(block_ids, block_frameworks, strict=True)
        ),
        assessments=tuple(
            draw(_assessment(context, ident)) for ident in (draw(ids) if assessable else ())
        ),
        events=tuple(draw(_event(context, ident)) for ident in draw(ids)),
        communities=tuple(draw(_community(context, ident)) for ident in draw(ids)),
    )


def datasets(
    *, consistent: bool = False, max_size: int = 3, today: date = _TODAY
) -> st.SearchStrategy[Dataset]:
    """Build whole :class:`~partnering.Dataset` values, with up to ``max_size`` of each entity.

    Args:
        consistent: make the records agree with each other, so that the dataset passes every
            rule across the file without an issue: ids are unique in each list, every
            reference names an existing record, hosts are members of their platforms,
            national and subnational platforms name their countries, parents form no cycles,
            end dates are not before start dates, partnerships bring two or more sectors
            together, SDG targets belong to the goals listed beside them, stated sectors agree
            with organisation types, identifiers follow the org-id form, and assessments rate
            every building block of their framework once. Without it, each record is valid on
            its own, but references may name ids that do not exist.
        max_size: the most records of each entity.
        today: in a consistent dataset, every date lies before this day; validate with
            ``partnering.validate(..., today=today)``.

    Example::

        from datetime import date
        from hypothesis import given
        from partnering import unstructure, validate
        from partnering.strategies import datasets

        @given(datasets(consistent=True))
        def test_consistent_datasets_are_clean(dataset):
            report = validate(unstructure(dataset), today=date(2026, 1, 1))
            assert report.issues == ()
    """
    if consistent:
        return _consistent_dataset(max_size, today)
    return _free_datasets(max_size)
