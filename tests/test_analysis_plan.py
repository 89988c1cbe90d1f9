"""Action plans from assessments, on datasets whose right answers are worked out by hand."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from partnering import (
    Assessment,
    BuildingBlock,
    BuildingBlockRating,
    Challenge,
    ChallengeCategory,
    Dataset,
    Framework,
    HostingModel,
    PartneringError,
    Platform,
    PlatformScope,
    Rating,
    Solution,
    example_path,
    load,
)
from partnering.analysis import (
    ActionPlan,
    UnknownAssessmentError,
    action_plan,
    action_plans,
)

RED, AMBER, GREEN, NA = Rating.RED, Rating.AMBER, Rating.GREEN, Rating.NOT_APPLICABLE


def block(
    ident: str, order: int | None = None, challenges: tuple[str, ...] = (), framework: str = "fw"
) -> BuildingBlock:
    return BuildingBlock(
        id=ident,
        framework_id=framework,
        name=f"Block {ident}",
        description="What it means.",
        order=order,
        challenge_ids=challenges,
    )


def challenge(ident: str) -> Challenge:
    return Challenge(id=ident, title=f"Challenge {ident}", category=ChallengeCategory.OTHER)


def solution(
    ident: str,
    challenges: tuple[str, ...],
    blocks: tuple[str, ...] = (),
    examples: tuple[str, ...] = (),
) -> Solution:
    return Solution(
        id=ident,
        title=f"Solution {ident}",
        challenge_ids=challenges,
        building_block_ids=blocks,
        example_platform_ids=examples,
    )


def platform(ident: str) -> Platform:
    return Platform(
        id=ident,
        name=f"Platform {ident}",
        scope=PlatformScope.NATIONAL,
        hosting_model=HostingModel.OTHER,
    )


def rating(
    ident: str, value: Rating, evidence: str | None = None, actions: tuple[str, ...] = ()
) -> BuildingBlockRating:
    return BuildingBlockRating(
        building_block_id=ident, rating=value, evidence=evidence, actions=actions
    )


def assessment(ident: str, *ratings: BuildingBlockRating, framework: str = "fw") -> Assessment:
    return Assessment(
        id=ident,
        platform_id="pl1",
        framework_id=framework,
        assessed_on=date(2020, 1, 1),
        ratings=ratings,
    )


# The blocks in file order: b1 (order 2), b2 (order 1), b3 (no order), b4 (order 3),
# b5 (another framework), b6 (order 4), b7 (no order). b6 and b7 are never rated.
BLOCKS = (
    block("b1", 2, ("c1",)),
    block("b2", 1, ("c2", "c-missing")),
    block("b3"),
    block("b4", 3, ("c3",)),
    block("b5", 1, ("c1",), framework="fw2"),
    block("b6", 4),
    block("b7"),
)
SOLUTIONS = (
    solution("s1", ("c1",), ("b1",), ("pl1", "pl-missing")),
    solution("s2", ("c2",), (), ("pl2", "pl1")),
    solution("s3", ("c3",), ("b2",)),
    solution("s4", ("c3",)),
    solution("s5", ("c3",), ("b4",), ("pl2",)),
)
RATINGS = (
    rating("b4", GREEN),
    rating("b1", AMBER, "No money after 2021.", ("Find a second funder", "Cost the secretariat")),
    rating("b2", AMBER),
    rating("b3", RED, "Nobody chairs."),
)
DATASET = Dataset(
    platforms=(platform("pl1"), platform("pl2")),
    challenges=(challenge("c1"), challenge("c2"), challenge("c3")),
    solutions=SOLUTIONS,
    frameworks=(Framework(id="fw", name="Framework"), Framework(id="fw2", name="Other")),
    building_blocks=BLOCKS,
    assessments=(assessment("a1", *RATINGS), assessment("a2", rating("b5", RED), framework="fw2")),
)


@pytest.fixture(scope="module")
def plan() -> ActionPlan:
    return action_plan(DATASET, "a1")


def test_blocks_rank_red_then_amber_then_green_and_ties_keep_framework_order(
    plan: ActionPlan,
) -> None:
    """b3 is the only red; of the ambers b2 (order 1) comes before b1 (order 2); b4 is green."""
    assert [item.building_block_id for item in plan.items] == ["b3", "b2", "b1", "b4"]
    assert [item.rating.rating for item in plan.items] == [RED, AMBER, AMBER, GREEN]
    assert [item.building_block_id for item in plan.needing_action] == ["b3", "b2", "b1"]


def test_plan_names_the_assessment_platform_and_framework(plan: ActionPlan) -> None:
    """The records the assessment names are found in the file."""
    assert plan.assessment.id == "a1"
    assert plan.platform is not None
    assert plan.platform.id == "pl1"
    assert plan.framework is not None
    assert plan.framework.id == "fw"


def test_unrated_blocks_of_the_framework_are_listed_in_framework_order(plan: ActionPlan) -> None:
    """b6 (order 4) then b7 (no order); b5 belongs to another framework and is not listed."""
    assert [unrated.id for unrated in plan.unrated] == ["b6", "b7"]


def test_a_weak_block_gathers_its_challenges_solutions_and_platforms(plan: ActionPlan) -> None:
    """b2 addresses c2 and a challenge not in the file; s2 addresses c2, s3 is part of b2."""
    item = plan.items[1]
    assert item.building_block_id == "b2"
    assert [found.id for found in item.challenges] == ["c2"]
    assert item.unknown_challenge_ids == ("c-missing",)
    assert [lead.solution.id for lead in item.solutions] == ["s2", "s3"]
    s2, s3 = item.solutions
    assert (s2.part_of_block, s2.addresses) == (False, ("c2",))
    assert [found.id for found in s2.platforms] == ["pl2", "pl1"]
    assert s2.unknown_platform_ids == ()
    assert (s3.part_of_block, s3.addresses, s3.platforms) == (True, (), ())


def test_example_platforms_not_in_the_file_are_listed_apart(plan: ActionPlan) -> None:
    """s1 names pl1, which the file has, and pl-missing, which it has not."""
    item = plan.items[2]
    assert item.building_block_id == "b1"
    [lead] = item.solutions
    assert lead.solution.id == "s1"
    assert (lead.part_of_block, lead.addresses) == (True, ("c1",))
    assert [found.id for found in lead.platforms] == ["pl1"]
    assert lead.unknown_platform_ids == ("pl-missing",)


def test_evidence_and_actions_are_carried(plan: ActionPlan) -> None:
    """What the rating recorded comes with the item."""
    red, _, amber, _ = plan.items
    assert (red.evidence, red.actions) == ("Nobody chairs.", ())
    assert amber.evidence == "No money after 2021."
    assert amber.actions == ("Find a second funder", "Cost the secretariat")


def test_a_red_block_with_nothing_known_about_it_gathers_nothing(plan: ActionPlan) -> None:
    """b3 addresses no challenge and no solution names it."""
    red = plan.items[0]
    assert (red.challenges, red.unknown_challenge_ids, red.solutions) == ((), (), ())
    assert red.needs_action


def test_green_blocks_gather_no_solutions(plan: ActionPlan) -> None:
    """s5 belongs to b4 and addresses its challenge, but b4 is rated green."""
    green = plan.items[3]
    assert green.building_block_id == "b4"
    assert not green.needs_action
    assert (green.challenges, green.solutions) == ((), ())


def test_ties_of_equal_order_keep_the_order_of_the_file() -> None:
    """Blocks x and y share order 1, x comes first in the file; z has no order, so comes last."""
    blocks = (block("x", 1), block("y", 1), block("z"), block("w", 2))
    ratings = (rating("z", AMBER), rating("y", AMBER), rating("w", AMBER), rating("x", AMBER))
    dataset = Dataset(building_blocks=blocks, assessments=(assessment("a", *ratings),))
    plan = action_plan(dataset, "a")
    assert [item.building_block_id for item in plan.items] == ["x", "y", "w", "z"]


def test_not_applicable_comes_after_green() -> None:
    """The four ratings in the plan's order, whatever the framework order says."""
    blocks = (block("n", 1), block("g", 2), block("a", 3), block("r", 4))
    ratings = (rating("n", NA), rating("g", GREEN), rating("a", AMBER), rating("r", RED))
    plan = action_plan(
        Dataset(building_blocks=blocks, assessments=(assessment("x", *ratings),)), "x"
    )
    assert [item.building_block_id for item in plan.items] == ["r", "a", "g", "n"]


def test_a_rating_of_a_block_not_in_the_file_comes_last_among_its_rating() -> None:
    """The unknown block ``ghost`` has no block record; known reds come before it."""
    dataset = Dataset(
        building_blocks=(block("b1", 5),),
        solutions=(solution("s", ("c",), ("ghost",)),),
        assessments=(assessment("a", rating("ghost", RED), rating("b1", RED)),),
    )
    plan = action_plan(dataset, "a")
    assert [item.building_block_id for item in plan.items] == ["b1", "ghost"]
    ghost = plan.items[1]
    assert ghost.block is None
    # A solution that names the block still counts as part of it.
    assert [(lead.solution.id, lead.part_of_block) for lead in ghost.solutions] == [("s", True)]
    assert plan.platform is None
    assert plan.framework is None


def test_a_solution_that_both_belongs_and_addresses_is_listed_once() -> None:
    """Solution s belongs to b and addresses both of b's challenges: one lead, naming both."""
    dataset = Dataset(
        building_blocks=(block("b", 1, ("c1", "c2")),),
        solutions=(solution("s", ("c2", "c1"), ("b",)),),
        assessments=(assessment("a", rating("b", AMBER)),),
    )
    [lead] = action_plan(dataset, "a").items[0].solutions
    assert (lead.part_of_block, lead.addresses) == (True, ("c1", "c2"))


def test_every_assessment_has_a_plan_in_file_order() -> None:
    """a1 and a2, in the file's order; a2 rates b5 of the other framework."""
    plans = action_plans(DATASET)
    assert [found.assessment.id for found in plans] == ["a1", "a2"]
    assert [item.building_block_id for item in plans[1].items] == ["b5"]
    # b5 addresses c1, which s1 addresses too.
    assert [lead.solution.id for lead in plans[1].items[0].solutions] == ["s1"]
    assert plans[1].unrated == ()


def test_an_unknown_assessment_raises_a_lookup_error_that_suggests_a_near_id() -> None:
    """A typo gets a suggestion and the list of the file's assessments."""
    with pytest.raises(UnknownAssessmentError) as raised:
        action_plan(DATASET, "a11")
    error = raised.value
    assert isinstance(error, LookupError)
    assert isinstance(error, PartneringError)
    assert error.assessment_id == "a11"
    assert error.known == ("a1", "a2")
    assert str(error) == (
        "no assessment has the id 'a11' (did you mean 'a1'?): the file's assessments are 'a1', 'a2'"
    )


def test_an_unknown_assessment_in_a_file_without_any() -> None:
    """The message says there is none to choose from."""
    with pytest.raises(
        LookupError, match=r"^no assessment has the id 'x': the file has no assessments$"
    ):
        action_plan(Dataset(), "x")


def test_the_list_of_known_assessments_is_cut_after_five() -> None:
    """Seven assessments: five are named, the rest counted."""
    many = tuple(assessment(f"assessment-{n}", rating("b1", RED)) for n in range(7))
    with pytest.raises(UnknownAssessmentError, match=r"'assessment-4' and 2 more$"):
        action_plan(Dataset(assessments=many), "zzz")


# -- The bundled example ---------------------------------------------------------------------

FRAMEWORK = "tpi-platforms-2014-provisional"


def test_plan_on_the_bundled_example() -> None:
    """The example holds no assessment, so one of Kenya's platform is added to it.

    The expectations are read off ``examples/platforms-2014.json`` by hand: the blocks'
    orders and challenges, the solutions that address those challenges or belong to the
    blocks, and the platforms the solutions name as examples.
    """
    dataset = load(example_path())
    assert dataset.assessments == ()
    kenya = Assessment(
        id="kenya-2019",
        platform_id="kenya-sdgpp",
        framework_id=FRAMEWORK,
        assessed_on=date(2019, 6, 30),
        ratings=(
            rating("champions", GREEN),
            rating("learning-and-impact", AMBER),
            rating("funding", AMBER, "Donor money only", ("Explore fees",)),
            rating("focus", NA),
            rating("government-engagement", RED),
        ),
    )
    plan = action_plan(attrs.evolve(dataset, assessments=(kenya,)), "kenya-2019")
    assert plan.platform is not None
    assert plan.platform.name == "SDG Partnership Platform (Kenya)"
    assert [item.building_block_id for item in plan.items] == [
        "government-engagement",  # red
        "funding",  # amber, order 1
        "learning-and-impact",  # amber, order 10
        "champions",  # green
        "focus",  # not applicable
    ]
    government, funding, learning, _, _ = plan.items
    assert [found.id for found in government.challenges] == ["engaging-government"]
    assert [
        (lead.solution.id, [p.id for p in lead.platforms]) for lead in government.solutions
    ] == [
        ("align-with-national-plans", []),
        ("government-co-chairs", ["kenya-sdgpp"]),
        ("political-recognition", []),
    ]
    assert [found.id for found in funding.challenges] == ["sustainable-business-model"]
    assert [(lead.solution.id, [p.id for p in lead.platforms]) for lead in funding.solutions] == [
        ("secure-core-funds-early", []),
        ("pooled-funds", []),
        ("donor-alliances", ["bcta"]),
        ("fee-based-services", []),
    ]
    assert funding.actions == ("Explore fees",)
    assert [found.id for found in learning.challenges] == ["measuring-impact"]
    assert [lead.solution.id for lead in learning.solutions] == ["shared-me-tools"]
    assert [unrated.id for unrated in plan.unrated] == [
        "core-team",
        "governance",
        "trusted-convening",
        "brokering-services",
        "capacity-building",
        "coordination",
    ]


def test_a_block_sharing_a_challenge_draws_the_other_blocks_solutions() -> None:
    """In the example, governance addresses engaging-government, as government-engagement does.

    So the three solutions to that challenge are leads for governance, and only
    government-co-chairs is part of the block.
    """
    dataset = load(example_path())
    assessment = Assessment(
        id="a",
        platform_id="zbidf",
        framework_id=FRAMEWORK,
        assessed_on=date(2016, 1, 1),
        ratings=(rating("governance", RED),),
    )
    [item] = action_plan(attrs.evolve(dataset, assessments=(assessment,)), "a").items
    assert [(lead.solution.id, lead.part_of_block) for lead in item.solutions] == [
        ("align-with-national-plans", False),
        ("government-co-chairs", True),
        ("political-recognition", False),
    ]
