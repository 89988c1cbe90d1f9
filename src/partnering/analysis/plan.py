"""From an assessment to an action plan: what to work on first, and where to look for ideas.

The knowledge graph of the field links building blocks to the challenges they address, and
solutions to the challenges they address and the blocks they belong to; example platforms
apply each solution. :func:`action_plan` walks that graph from the weak blocks of one
assessment: red first, then amber. With several respondents (format 1.1), a block is ranked
by its most serious rating and the plan shows how the ratings spread; with a previous
assessment of the platform against the same framework, it shows the change since.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs

from partnering._text import did_you_mean, quote
from partnering.analysis._index import Index
from partnering.analysis.respondents import Change, Spread, change, overall_rating, spread
from partnering.analysis.respondents import previous_assessments as _previous
from partnering.codelists import Rating
from partnering.errors import PartneringError
from partnering.models import (
    Assessment,
    BuildingBlock,
    BuildingBlockRating,
    Challenge,
    Dataset,
    Framework,
    Platform,
    Solution,
)

__all__ = [
    "RATING_ORDER",
    "ActionPlan",
    "PlanItem",
    "SolutionLead",
    "UnknownAssessmentError",
    "action_plan",
    "action_plans",
]

#: The order of ratings in a plan: the most serious concern first.
RATING_ORDER: tuple[Rating, ...] = (Rating.RED, Rating.AMBER, Rating.GREEN, Rating.NOT_APPLICABLE)
_RANK = {rating: rank for rank, rating in enumerate(RATING_ORDER)}
_NEEDS_ACTION = frozenset({Rating.RED, Rating.AMBER})


class UnknownAssessmentError(PartneringError, LookupError):
    """No assessment of the dataset has the id asked for.

    Attributes:
        assessment_id: the id asked for.
        known: the ids of the dataset's assessments, in the order of the file.

    Example:
        >>> from partnering import Dataset
        >>> try:
        ...     action_plan(Dataset(), "kenya-2019")
        ... except LookupError as error:
        ...     print(error)
        no assessment has the id 'kenya-2019': the file has no assessments
    """

    def __init__(self, assessment_id: str, known: Sequence[str]) -> None:
        self.assessment_id = assessment_id
        self.known = tuple(known)
        if not self.known:
            where = "the file has no assessments"
        else:
            shown = ", ".join(quote(ident) for ident in self.known[:5])
            more = f" and {len(self.known) - 5} more" if len(self.known) > 5 else ""
            where = f"the file's assessments are {shown}{more}"
        hint = did_you_mean(assessment_id, self.known)
        super().__init__(f"no assessment has the id {quote(assessment_id)}{hint}: {where}")

    def __str__(self) -> str:
        # LookupError would show the message's repr, as KeyError does.
        return str(self.args[0])


@attrs.frozen(kw_only=True)
class SolutionLead:
    """A solution to look at for a weak building block, and the platforms that apply it.

    Attributes:
        solution: the solution.
        part_of_block: whether the solution names the block among its building blocks.
        addresses: the ids of the block's challenges that the solution addresses, in the
            block's order.
        platforms: the platforms of the file that apply the solution (its example
            platforms), in the solution's order. The assessed platform itself may be one.
        unknown_platform_ids: example platforms the solution names that are not in the file.
    """

    solution: Solution
    part_of_block: bool
    addresses: tuple[str, ...] = ()
    platforms: tuple[Platform, ...] = ()
    unknown_platform_ids: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class PlanItem:
    """One rated building block of a plan, with what the field knows about it.

    Only blocks rated red or amber gather challenges and solutions; for the others, those
    are empty.

    Attributes:
        building_block_id: the block rated.
        block: the building block, or ``None`` when the rating names no block of the file.
        rating: the rating that ranks the block, with the evidence and actions it recorded:
            its only rating, or with several respondents the first of its most serious
            ratings (see :func:`~partnering.analysis.overall_rating`).
        ratings: every rating of the block in the assessment, in its order: one per
            respondent when the assessment has several.
        spread: how the ratings spread among the respondents and where their sectors
            diverge, or ``None`` when the assessment lists no respondents.
        change: the change in the block's overall rating since the previous assessment, or
            ``None`` when there is no previous assessment.
        challenges: the challenges of the file the block addresses, in the block's order.
        unknown_challenge_ids: challenges the block names that are not in the file.
        solutions: the solutions that belong to the block or address its challenges, in
            the order of the file.
    """

    building_block_id: str
    block: BuildingBlock | None
    rating: BuildingBlockRating
    ratings: tuple[BuildingBlockRating, ...] = ()
    spread: Spread | None = None
    change: Change | None = None
    challenges: tuple[Challenge, ...] = ()
    unknown_challenge_ids: tuple[str, ...] = ()
    solutions: tuple[SolutionLead, ...] = ()

    @property
    def needs_action(self) -> bool:
        """Whether the block is rated red or amber."""
        return self.rating.rating in _NEEDS_ACTION

    @property
    def evidence(self) -> str | None:
        """What the rating rests on, as the assessment recorded it.

        With several respondents, this is the evidence of the rating that ranks the block;
        each respondent's is in ``ratings``.
        """
        return self.rating.evidence

    @property
    def actions(self) -> tuple[str, ...]:
        """What to do next, as the assessment recorded it (of the rating that ranks the block)."""
        return self.rating.actions


@attrs.frozen(kw_only=True)
class ActionPlan:
    """An assessment's building blocks ranked by rating, with leads for the weak ones.

    Attributes:
        assessment: the assessment.
        platform: the platform assessed, or ``None`` when it is not in the file.
        framework: the framework assessed against, or ``None`` when it is not in the file.
        items: one per block rated, ranked by its (overall) rating red, amber, green, then
            not applicable; ties keep the framework's order (by ``order``, blocks without one
            after those with one, then by their place in the file).
        unrated: the blocks of the framework that the assessment did not rate, in the
            framework's order.
        previous: the previous assessment of the platform against the same framework: the
            one made on the latest day before this one (all of them, pooled, when several
            were made that day), in the order of the file; empty when there is none.
    """

    assessment: Assessment
    platform: Platform | None
    framework: Framework | None
    items: tuple[PlanItem, ...]
    unrated: tuple[BuildingBlock, ...] = ()
    previous: tuple[Assessment, ...] = ()

    @property
    def needing_action(self) -> tuple[PlanItem, ...]:
        """The items rated red or amber, most serious first."""
        return tuple(item for item in self.items if item.needs_action)


class _Planner:
    """What every plan of one dataset looks up, indexed once."""

    def __init__(self, dataset: Dataset) -> None:
        self.index = Index(dataset)
        blocks = dataset.building_blocks
        self.position: dict[str, tuple[bool, float, int]] = {}
        for place, block in enumerate(blocks):
            order = math.inf if block.order is None else block.order
            self.position.setdefault(block.id, (block.order is None, order, place))
        self.solutions_of_block: dict[str, list[int]] = {}
        self.solutions_of_challenge: dict[str, list[int]] = {}
        self.solutions = dataset.solutions
        for place, solution in enumerate(self.solutions):
            for block_id in solution.building_block_ids:
                self.solutions_of_block.setdefault(block_id, []).append(place)
            for challenge_id in solution.challenge_ids:
                self.solutions_of_challenge.setdefault(challenge_id, []).append(place)
        self.assessments_of: dict[tuple[str, str], list[Assessment]] = {}
        for assessment in dataset.assessments:
            pair = (assessment.platform_id, assessment.framework_id)
            self.assessments_of.setdefault(pair, []).append(assessment)

    def plan(self, assessment: Assessment) -> ActionPlan:
        index = self.index
        unplaced = len(self.position)
        blocks: dict[str, list[BuildingBlockRating]] = {}
        for rating in assessment.ratings:
            blocks.setdefault(rating.building_block_id, []).append(rating)
        overall = {ident: overall_rating(r.rating for r in each) for ident, each in blocks.items()}
        ranked = sorted(
            enumerate(blocks),
            key=lambda pair: (
                _RANK[overall[pair[1]]],
                self.position.get(pair[1], (True, math.inf, unplaced + pair[0])),
            ),
        )
        pair = (assessment.platform_id, assessment.framework_id)
        previous = _previous(assessment, self.assessments_of.get(pair, ()))
        rated = set(blocks)
        unrated = [
            block
            for block in index.building_blocks.values()
            if block.framework_id == assessment.framework_id and block.id not in rated
        ]
        unrated.sort(key=lambda block: self.position[block.id])
        return ActionPlan(
            assessment=assessment,
            platform=index.platforms.get(assessment.platform_id),
            framework=index.frameworks.get(assessment.framework_id),
            items=tuple(
                self._item(assessment, blocks[ident], overall[ident], previous)
                for _, ident in ranked
            ),
            unrated=tuple(unrated),
            previous=previous,
        )

    def _item(
        self,
        assessment: Assessment,
        ratings: Sequence[BuildingBlockRating],
        overall: Rating,
        previous: Sequence[Assessment],
    ) -> PlanItem:
        rating = next(each for each in ratings if each.rating == overall)
        item = PlanItem(
            building_block_id=rating.building_block_id,
            block=self.index.building_blocks.get(rating.building_block_id),
            rating=rating,
            ratings=tuple(ratings),
            spread=spread(ratings, assessment) if assessment.respondents else None,
            change=change(rating.building_block_id, overall, previous) if previous else None,
        )
        if overall not in _NEEDS_ACTION:
            return item
        return self._leads(item)

    def _leads(self, item: PlanItem) -> PlanItem:
        rating, block = item.rating, item.block
        challenge_ids = () if block is None else block.challenge_ids
        challenges = self.index.challenges
        places = set(self.solutions_of_block.get(rating.building_block_id, ()))
        for challenge_id in challenge_ids:
            places.update(self.solutions_of_challenge.get(challenge_id, ()))
        return attrs.evolve(
            item,
            challenges=tuple(challenges[ident] for ident in challenge_ids if ident in challenges),
            unknown_challenge_ids=tuple(
                ident for ident in challenge_ids if ident not in challenges
            ),
            solutions=tuple(
                self._lead(self.solutions[place], rating.building_block_id, challenge_ids)
                for place in sorted(places)
            ),
        )

    def _lead(
        self, solution: Solution, block_id: str, challenge_ids: Sequence[str]
    ) -> SolutionLead:
        platforms: Mapping[str, Platform] = self.index.platforms
        return SolutionLead(
            solution=solution,
            part_of_block=block_id in solution.building_block_ids,
            addresses=tuple(ident for ident in challenge_ids if ident in solution.challenge_ids),
            platforms=tuple(
                platforms[ident] for ident in solution.example_platform_ids if ident in platforms
            ),
            unknown_platform_ids=tuple(
                ident for ident in solution.example_platform_ids if ident not in platforms
            ),
        )


def action_plan(dataset: Dataset, assessment_id: str) -> ActionPlan:
    """Turn one assessment into an action plan.

    Args:
        dataset: the dataset holding the assessment, its framework's building blocks, and
            the challenges, solutions and platforms to draw on.
        assessment_id: the id of the assessment.

    Raises:
        UnknownAssessmentError: no assessment of the dataset has that id (a ``LookupError``).

    Example:
        >>> from datetime import date
        >>> from partnering import Assessment, BuildingBlockRating, Rating, load, example_path
        >>> dataset = load(example_path())
        >>> assessment = Assessment(
        ...     id="zbidf-2016", platform_id="zbidf", framework_id="tpi-platforms-2014-provisional",
        ...     assessed_on=date(2016, 6, 1),
        ...     ratings=(BuildingBlockRating(building_block_id="funding", rating=Rating.RED),),
        ... )
        >>> dataset = attrs.evolve(dataset, assessments=(assessment,))
        >>> plan = action_plan(dataset, "zbidf-2016")
        >>> first = plan.items[0]
        >>> first.building_block_id, [lead.solution.id for lead in first.solutions][:2]
        ('funding', ['secure-core-funds-early', 'pooled-funds'])
        >>> len(plan.unrated)
        10
    """
    planner = _Planner(dataset)
    assessment = planner.index.assessments.get(assessment_id)
    if assessment is None:
        raise UnknownAssessmentError(assessment_id, list(planner.index.assessments))
    return planner.plan(assessment)


def action_plans(dataset: Dataset) -> tuple[ActionPlan, ...]:
    """Turn every assessment of a dataset into an action plan, in the order of the file.

    Example:
        >>> from partnering import load, example_path
        >>> action_plans(load(example_path()))
        ()
    """
    planner = _Planner(dataset)
    return tuple(planner.plan(assessment) for assessment in dataset.assessments)
