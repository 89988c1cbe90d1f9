"""One strategy per model, for records that are valid on their own.

Each strategy is derived from the model's fields (see :mod:`._derive`): every value obeys the
constraints its field declares, ids and references included, but a record says nothing of the
records it refers to. :func:`~partnering.strategies.datasets` builds records that agree.
"""

from __future__ import annotations

from typing import Any, TypeVar

from hypothesis import strategies as st

from partnering.models import (
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
from partnering.strategies._derive import FREE

T = TypeVar("T")


def _record(model: type[T]) -> st.SearchStrategy[T]:
    found: st.SearchStrategy[T] = FREE.record(model)
    return found


def extensions() -> st.SearchStrategy[dict[str, Any]]:
    """Build custom data: namespaced keys with any JSON values, or none at all.

    Values are what JSON holds: text, whole and finite numbers, booleans, ``None``, and lists
    and objects of them.

    Example:
        >>> from hypothesis import given
        >>> @given(extensions())
        ... def test_custom_data(custom):
        ...     assert all(":" in key for key in custom)
        >>> test_custom_data()
    """
    found: st.SearchStrategy[dict[str, Any]] = FREE.field(Dataset, "extensions")
    return found


def commitments() -> st.SearchStrategy[Commitment]:
    """Build a :class:`~partnering.Commitment`: a resource a partner commits to a partnership.

    Example:
        >>> from hypothesis import given
        >>> @given(commitments())
        ... def test_commitment(commitment):
        ...     assert commitment.amount is None or commitment.amount >= 0
        >>> test_commitment()
    """
    return _record(Commitment)


def deliverables() -> st.SearchStrategy[Deliverable]:
    """Build a :class:`~partnering.Deliverable`: something a partnership promised to deliver.

    Example:
        >>> from hypothesis import given
        >>> @given(deliverables())
        ... def test_deliverable(deliverable):
        ...     assert deliverable.title.strip()
        >>> test_deliverable()
    """
    return _record(Deliverable)


def progress_reports() -> st.SearchStrategy[ProgressReport]:
    """Build a :class:`~partnering.ProgressReport` of a partnership.

    Example:
        >>> from hypothesis import given
        >>> @given(progress_reports())
        ... def test_report(report):
        ...     assert report.status.title
        >>> test_report()
    """
    return _record(ProgressReport)


def deliverable_progress() -> st.SearchStrategy[DeliverableProgress]:
    """Build a :class:`~partnering.DeliverableProgress`: a deliverable's status in a report.

    Example:
        >>> from hypothesis import given
        >>> @given(deliverable_progress())
        ... def test_progress(progress):
        ...     assert progress.status.title
        >>> test_progress()
    """
    return _record(DeliverableProgress)


def assessments() -> st.SearchStrategy[Assessment]:
    """Build an :class:`~partnering.Assessment` of a platform against a framework.

    Example:
        >>> from hypothesis import given
        >>> @given(assessments())
        ... def test_assessment(assessment):
        ...     assert assessment.ratings
        >>> test_assessment()
    """
    return _record(Assessment)


def respondents() -> st.SearchStrategy[Respondent]:
    """Build a :class:`~partnering.Respondent`: one who answered an assessment, unnamed.

    Example:
        >>> from hypothesis import given
        >>> @given(respondents())
        ... def test_respondent(respondent):
        ...     assert respondent.sector.title
        >>> test_respondent()
    """
    return _record(Respondent)


def building_block_ratings() -> st.SearchStrategy[BuildingBlockRating]:
    """Build a :class:`~partnering.BuildingBlockRating`: how a platform does on one block.

    Example:
        >>> from hypothesis import given
        >>> @given(building_block_ratings())
        ... def test_rating(rating):
        ...     assert rating.rating.title
        >>> test_rating()
    """
    return _record(BuildingBlockRating)


def building_blocks() -> st.SearchStrategy[BuildingBlock]:
    """Build a :class:`~partnering.BuildingBlock` of a framework.

    Example:
        >>> from hypothesis import given
        >>> @given(building_blocks())
        ... def test_building_block(block):
        ...     assert block.order is None or block.order >= 1
        >>> test_building_block()
    """
    return _record(BuildingBlock)


def challenges() -> st.SearchStrategy[Challenge]:
    """Build a :class:`~partnering.Challenge` that platforms face.

    Example:
        >>> from hypothesis import given
        >>> @given(challenges())
        ... def test_challenge(challenge):
        ...     assert challenge.title
        >>> test_challenge()
    """
    return _record(Challenge)


def communities() -> st.SearchStrategy[Community]:
    """Build a :class:`~partnering.Community` of practice of platforms.

    Example:
        >>> from hypothesis import given
        >>> @given(communities())
        ... def test_community(community):
        ...     assert community.name
        >>> test_community()
    """
    return _record(Community)


def events() -> st.SearchStrategy[Event]:
    """Build an :class:`~partnering.Event`, such as a workshop.

    Example:
        >>> from hypothesis import given
        >>> @given(events())
        ... def test_event(event):
        ...     assert event.name
        >>> test_event()
    """
    return _record(Event)


def frameworks() -> st.SearchStrategy[Framework]:
    """Build a :class:`~partnering.Framework` of building blocks.

    Example:
        >>> from hypothesis import given
        >>> @given(frameworks())
        ... def test_framework(framework):
        ...     assert framework.name
        >>> test_framework()
    """
    return _record(Framework)


def memberships() -> st.SearchStrategy[Membership]:
    """Build a :class:`~partnering.Membership`: a partner's place and roles in a platform.

    Example:
        >>> from hypothesis import given
        >>> @given(memberships())
        ... def test_membership(membership):
        ...     assert membership.roles
        >>> test_membership()
    """
    return _record(Membership)


def participants() -> st.SearchStrategy[Participant]:
    """Build a :class:`~partnering.Participant`: a partner's part in a partnership.

    Example:
        >>> from hypothesis import given
        >>> @given(participants())
        ... def test_participant(participant):
        ...     assert participant.partner_id
        >>> test_participant()
    """
    return _record(Participant)


def partners() -> st.SearchStrategy[Partner]:
    """Build a :class:`~partnering.Partner`, an organisation of any type, or of none (1.1).

    Example:
        >>> from hypothesis import given
        >>> @given(partners())
        ... def test_partner_has_a_sector_when_it_has_a_type(partner):
        ...     if partner.organisation_type is not None:
        ...         assert partner.effective_sector is not None
        >>> test_partner_has_a_sector_when_it_has_a_type()
    """
    return _record(Partner)


def partnerships() -> st.SearchStrategy[Partnership]:
    """Build a :class:`~partnering.Partnership` of two or more participants.

    Example:
        >>> from hypothesis import given
        >>> @given(partnerships())
        ... def test_partnership(partnership):
        ...     assert len(partnership.participants) >= 2
        >>> test_partnership()
    """
    return _record(Partnership)


def platforms() -> st.SearchStrategy[Platform]:
    """Build a :class:`~partnering.Platform` with members, functions, SDGs and more.

    Example:
        >>> from hypothesis import given
        >>> @given(platforms())
        ... def test_platform(platform):
        ...     assert all(1 <= goal <= 17 for goal in platform.sdgs)
        >>> test_platform()
    """
    return _record(Platform)


def publishers() -> st.SearchStrategy[Publisher]:
    """Build a :class:`~partnering.Publisher` of an exchange file.

    Example:
        >>> from hypothesis import given
        >>> @given(publishers())
        ... def test_publisher(publisher):
        ...     assert publisher.name
        >>> test_publisher()
    """
    return _record(Publisher)


def solutions() -> st.SearchStrategy[Solution]:
    """Build a :class:`~partnering.Solution` that addresses one or more challenges.

    Example:
        >>> from hypothesis import given
        >>> @given(solutions())
        ... def test_solution(solution):
        ...     assert solution.challenge_ids
        >>> test_solution()
    """
    return _record(Solution)


def sources() -> st.SearchStrategy[Source]:
    """Build a :class:`~partnering.Source`: a title, and sometimes an address, publisher, year.

    Example:
        >>> from hypothesis import given
        >>> @given(sources())
        ... def test_source(source):
        ...     assert source.title
        >>> test_source()
    """
    return _record(Source)
