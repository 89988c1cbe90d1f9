"""Several respondents and the change since the previous assessment, worked out by hand.

The dataset, in words. Platform pl1 is assessed against framework fw (blocks b1 to b5, in
that order) three times, and once against fw2:

==========  ==========  =====================================================
assessment  made on     ratings
==========  ==========  =====================================================
oldest      2019-01-01  b1 green (never the previous one: "before" is later)
before      2020-06-01  b1 amber, b2 red, b3 green, b4 green (one voice)
other-fw    2021-01-01  against fw2: never compared with fw's assessments
now         2021-06-01  respondents r1 (private), r2 (public), r3 (public, host):
                        b1 r1 red, r2 green, r3 amber
                        b2 r1 amber, r2 amber, r3 green
                        b3 r1 green, r2 green, r3 not applicable
                        b4 r1 not applicable, r2 not applicable
                        b5 r1 amber, and one rating that names no respondent, green
==========  ==========  =====================================================

So, in "now": b1 is red overall (r1's red), and the private sector (r1) rates it red where
the public sector (r2) rates it green, two steps apart. b2 and b5 are amber, b3 green and
b4 not applicable. Since "before": b1 amber to red is worse, b2 red to amber better, b3 green
to green unchanged, b4 green to not applicable not comparable, and b5 was not rated.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from analysis_cases import Case, shuffled_and_renamed
from partnering import (
    Assessment,
    BuildingBlock,
    BuildingBlockRating,
    Dataset,
    Framework,
    HostingModel,
    MembershipRole,
    Platform,
    PlatformScope,
    Rating,
    Respondent,
    Sector,
)
from partnering.analysis import (
    ActionPlan,
    Direction,
    Divergence,
    PlanItem,
    action_plan,
    action_plans,
    overall_rating,
    previous_assessments,
)
from partnering.analysis.respondents import direction, divergences
from partnering.cli import main

RED, AMBER, GREEN, NA = Rating.RED, Rating.AMBER, Rating.GREEN, Rating.NOT_APPLICABLE


def rate(block: str, value: Rating, by: str | None = None, **fields: Any) -> BuildingBlockRating:
    return BuildingBlockRating(building_block_id=block, rating=value, respondent=by, **fields)


def assessment(
    ident: str,
    made: date,
    *ratings: BuildingBlockRating,
    framework: str = "fw",
    respondents: tuple[Respondent, ...] = (),
) -> Assessment:
    return Assessment(
        id=ident,
        platform_id="pl1",
        framework_id=framework,
        assessed_on=made,
        ratings=ratings,
        respondents=respondents,
    )


RESPONDENTS = (
    Respondent(key="r1", sector=Sector.PRIVATE),
    Respondent(key="r2", sector=Sector.PUBLIC),
    Respondent(key="r3", sector=Sector.PUBLIC, role=MembershipRole.HOST),
)
NOW = assessment(
    "now",
    date(2021, 6, 1),
    rate("b1", RED, "r1", evidence="No money after June."),
    rate("b1", GREEN, "r2", evidence="The ministry pays."),
    rate("b1", AMBER, "r3"),
    rate("b2", AMBER, "r1"),
    rate("b2", AMBER, "r2"),
    rate("b2", GREEN, "r3"),
    rate("b3", GREEN, "r1"),
    rate("b3", GREEN, "r2"),
    rate("b3", NA, "r3"),
    rate("b4", NA, "r1"),
    rate("b4", NA, "r2"),
    rate("b5", AMBER, "r1"),
    rate("b5", GREEN),
    respondents=RESPONDENTS,
)
BEFORE = assessment(
    "before",
    date(2020, 6, 1),
    rate("b1", AMBER),
    rate("b2", RED),
    rate("b3", GREEN),
    rate("b4", GREEN),
)
OLDEST = assessment("oldest", date(2019, 1, 1), rate("b1", GREEN))
OTHER_FRAMEWORK = assessment("other-fw", date(2021, 1, 1), rate("x1", RED), framework="fw2")
DATASET = Dataset(
    platforms=(
        Platform(
            id="pl1",
            name="Platform One",
            scope=PlatformScope.NATIONAL,
            hosting_model=HostingModel.OTHER,
        ),
    ),
    frameworks=(Framework(id="fw", name="Framework"), Framework(id="fw2", name="Other")),
    building_blocks=(
        *(
            BuildingBlock(
                id=f"b{n}", framework_id="fw", name=f"Block {n}", description="Means.", order=n
            )
            for n in range(1, 6)
        ),
        BuildingBlock(id="x1", framework_id="fw2", name="X", description="Means."),
    ),
    assessments=(NOW, OLDEST, OTHER_FRAMEWORK, BEFORE),
)


@pytest.fixture(scope="module")
def plan() -> ActionPlan:
    return action_plan(DATASET, "now")


def item(plan: ActionPlan, block: str) -> PlanItem:
    return next(each for each in plan.items if each.building_block_id == block)


def test_a_block_with_several_respondents_is_one_item_ranked_by_its_most_serious_rating(
    plan: ActionPlan,
) -> None:
    """Five blocks, five items: b1 red, b2 and b5 amber in the framework's order, b3, b4."""
    assert [(i.building_block_id, i.rating.rating) for i in plan.items] == [
        ("b1", RED),
        ("b2", AMBER),
        ("b5", AMBER),
        ("b3", GREEN),
        ("b4", NA),
    ]
    assert [i.building_block_id for i in plan.needing_action] == ["b1", "b2", "b5"]


def test_an_item_carries_every_rating_of_its_block(plan: ActionPlan) -> None:
    """The ranking rating is r1's red, with its evidence; r2's green is kept beside it."""
    b1 = item(plan, "b1")
    assert b1.rating.respondent == "r1"
    assert b1.evidence == "No money after June."
    assert [(r.respondent, r.rating) for r in b1.ratings] == [
        ("r1", RED),
        ("r2", GREEN),
        ("r3", AMBER),
    ]


def test_the_spread_names_the_respondents_behind_each_rating(plan: ActionPlan) -> None:
    """Every rating is a row, even one nobody gave; the unnamed voice is counted apart."""
    spread = item(plan, "b1").spread
    assert spread is not None
    assert [(v.rating, v.respondents, v.unnamed, v.count) for v in spread.voices] == [
        (RED, ("r1",), 0, 1),
        (AMBER, ("r3",), 0, 1),
        (GREEN, ("r2",), 0, 1),
        (NA, (), 0, 0),
    ]
    b5 = item(plan, "b5").spread
    assert b5 is not None
    assert (b5.of(AMBER).respondents, b5.of(GREEN).respondents, b5.of(GREEN).unnamed) == (
        ("r1",),
        (),
        1,
    )


def test_sectors_diverge_when_one_rates_red_and_another_green(plan: ActionPlan) -> None:
    """Only b1 has a red and a green from different sectors; b2's amber and green do not."""
    b1 = item(plan, "b1").spread
    assert b1 is not None
    assert b1.divergences == (
        Divergence(
            red=Sector.PRIVATE,
            green=Sector.PUBLIC,
            red_respondents=("r1",),
            green_respondents=("r2",),
        ),
    )
    diverging = [i.building_block_id for i in plan.items if i.spread and i.spread.diverges]
    assert diverging == ["b1"]


def test_one_sector_split_red_and_green_does_not_diverge_from_itself() -> None:
    """Private rates red and green, public red: only public red against private green."""
    ratings = [rate("b", RED, "p1"), rate("b", GREEN, "p2"), rate("b", RED, "g1")]
    sectors = {"p1": Sector.PRIVATE, "p2": Sector.PRIVATE, "g1": Sector.PUBLIC}
    assert [(d.red, d.green) for d in divergences(ratings, sectors)] == [
        (Sector.PUBLIC, Sector.PRIVATE)
    ]


def test_unnamed_and_unlisted_respondents_have_no_sector_to_diverge() -> None:
    """A red with no respondent, and one by a key not listed, take no part."""
    ratings = [rate("b", RED), rate("b", RED, "ghost"), rate("b", GREEN, "g1")]
    assert divergences(ratings, {"g1": Sector.PUBLIC}) == ()


def test_the_previous_assessment_is_the_latest_earlier_one_against_the_same_framework(
    plan: ActionPlan,
) -> None:
    """Not "oldest" (earlier still), not "other-fw" (another framework)."""
    assert [a.id for a in plan.previous] == ["before"]


def test_the_change_since_the_previous_assessment(plan: ActionPlan) -> None:
    """Worse, better, unchanged, not comparable, and new, block by block."""
    changes = {
        i.building_block_id: (None if i.change is None else (i.change.before, i.change.direction))
        for i in plan.items
    }
    assert changes == {
        "b1": (AMBER, Direction.WORSE),
        "b2": (RED, Direction.BETTER),
        "b3": (GREEN, Direction.UNCHANGED),
        "b4": (GREEN, Direction.NOT_COMPARABLE),
        "b5": (None, Direction.NEW),
    }
    b1 = item(plan, "b1").change
    assert b1 is not None
    assert (b1.now, [r.rating for r in b1.previous_ratings]) == (RED, [AMBER])


def test_an_assessment_with_one_voice_and_no_previous_has_neither_spread_nor_change() -> None:
    """The first assessment of a platform, in format 1.0's shape, looks as it always did."""
    plan = action_plan(DATASET, "oldest")
    assert plan.previous == ()
    assert [(i.spread, i.change) for i in plan.items] == [(None, None)]


def test_assessments_of_the_same_day_are_pooled_as_the_previous_one() -> None:
    """Two earlier assessments on one day: their ratings pool, green and red make red."""
    later = assessment("later", date(2022, 1, 1), rate("b1", RED))
    same_day = (
        assessment("day-a", date(2021, 1, 1), rate("b1", GREEN)),
        assessment("day-b", date(2021, 1, 1), rate("b1", RED)),
    )
    dataset = attrs.evolve(DATASET, assessments=(later, *same_day))
    plan = action_plan(dataset, "later")
    assert [a.id for a in plan.previous] == ["day-a", "day-b"]
    change = plan.items[0].change
    assert change is not None
    assert (change.before, change.direction) == (RED, Direction.UNCHANGED)
    # Neither of the two is the other's previous assessment.
    assert [p.previous for p in action_plans(dataset)[1:]] == [(), ()]


def test_previous_assessments_ignore_later_and_same_day_ones() -> None:
    """Only days before count; the assessment itself is never its own previous one."""
    assert previous_assessments(BEFORE, [NOW, BEFORE, OTHER_FRAMEWORK]) == ()
    assert previous_assessments(NOW, [NOW, OLDEST]) == (OLDEST,)


def test_overall_rating_and_direction_by_hand() -> None:
    """The most serious rating wins; not applicable only when alone."""
    assert overall_rating([GREEN, AMBER]) == AMBER
    assert overall_rating([NA, GREEN]) == GREEN
    assert overall_rating([NA]) == NA
    with pytest.raises(ValueError, match="no rating"):
        overall_rating([])
    assert [direction(a, b) for a, b in [(GREEN, RED), (RED, GREEN), (AMBER, AMBER)]] == [
        Direction.WORSE,
        Direction.BETTER,
        Direction.UNCHANGED,
    ]
    assert direction(NA, RED) == Direction.NOT_COMPARABLE


# -- On the command line ---------------------------------------------------------------------

ASSESSED: dict[str, Any] = {
    "schema_version": "1.1",
    "platforms": [
        {
            "id": "p1",
            "name": "Platform One",
            "scope": "national",
            "hosting_model": "government_led",
            "countries": ["ZM"],
            "members": [{"partner_id": "gov", "roles": ["host"]}],
        }
    ],
    "partners": [{"id": "gov", "name": "A Ministry", "organisation_type": "10"}],
    "frameworks": [{"id": "fw", "name": "The framework"}],
    "building_blocks": [
        {"id": "b1", "framework_id": "fw", "name": "Funding", "description": "F.", "order": 1},
        {"id": "b2", "framework_id": "fw", "name": "Trust", "description": "T.", "order": 2},
    ],
    "assessments": [
        {
            "id": "a2",
            "platform_id": "p1",
            "framework_id": "fw",
            "assessed_on": "2021-01-01",
            "respondents": [
                {"key": "r1", "sector": "private"},
                {"key": "r2", "sector": "public", "role": "host"},
            ],
            "ratings": [
                {
                    "building_block_id": "b1",
                    "rating": "red",
                    "respondent": "r1",
                    "evidence": "Fees unpaid.",
                },
                {"building_block_id": "b1", "rating": "green", "respondent": "r2"},
                {"building_block_id": "b2", "rating": "green", "respondent": "r1"},
                {"building_block_id": "b2", "rating": "green", "respondent": "r2"},
            ],
        },
        {
            "id": "a1",
            "platform_id": "p1",
            "framework_id": "fw",
            "assessed_on": "2020-01-01",
            "ratings": [
                {"building_block_id": "b1", "rating": "amber"},
                {"building_block_id": "b2", "rating": "red"},
            ],
        },
    ],
}


def run_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path, document: Any) -> str:
    path = tmp_path / "assessed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status = main(["plan", str(path), "--assessment", "a2"])
    captured = capsys.readouterr()
    assert (status, captured.err) == (0, "")
    return captured.out


def test_plan_shows_the_spread_divergence_and_change(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The grid says how the respondents rated and what changed; the red block says who."""
    out = run_plan(capsys, tmp_path, ASSESSED)
    head = out[: out.index("ratings")]
    assert "  respondents: r1 (private), r2 (public)\n" in head
    assert "  previous:  assessment 'a1', made on 2020-01-01\n" in head
    grid = out[out.index("ratings") : out.index("1. RED")].splitlines()
    assert grid[1:3] == [
        "  red    Funding (b1)  red 1, green 1; sectors diverge (private red, public green); "
        "was amber: worse",
        "  green  Trust (b2)    green 2; was red: better",
    ]
    red = out[out.index("1. RED") :]
    assert "   respondents:\n     - red: r1 (private)\n     - green: r2 (public)\n" in red
    assert "   sectors diverge: private rates it red (r1), public green (r2)\n" in red
    assert "   since the previous assessment: was amber, now red: worse\n" in red
    assert "   evidence from r1 (private, red): Fees unpaid.\n" in red


def test_plan_without_respondents_or_previous_keeps_its_grid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """One voice and no earlier assessment: the grid shows only ratings and blocks."""
    document = copy.deepcopy(ASSESSED)
    del document["assessments"][1]
    first = document["assessments"][0]
    del first["respondents"]
    first["ratings"] = [
        {"building_block_id": "b1", "rating": "red"},
        {"building_block_id": "b2", "rating": "green"},
    ]
    out = run_plan(capsys, tmp_path, document)
    assert "previous" not in out
    assert "respondents" not in out
    grid = out[out.index("ratings") : out.index("1. RED")].splitlines()
    assert grid[1:3] == ["  red    Funding (b1)", "  green  Trust (b2)"]


def test_report_shows_the_spread_divergence_and_change(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The report's grid cell and the red block's section say what the text plan says."""
    path = tmp_path / "assessed.json"
    path.write_text(json.dumps(ASSESSED), encoding="utf-8")
    assert main(["report", str(path), "-o", "-"]) == 0
    page = capsys.readouterr().out
    plan = page[page.index('id="plan-a2"') : page.index('id="plan-a1"')]
    assert '<span class="spread">1 red, 1 green; sectors diverge</span>' in plan
    assert '<span class="change">was amber, now red: worse</span>' in plan
    assert '<span class="change">was red, now green: better</span>' in plan
    assert "<code>r1</code> (private sector), <code>r2</code> (public sector, host)." in plan
    assert plan.count('<table class="spread">') == 1  # the red block only
    assert (
        "<strong>Sectors diverge:</strong> private sector (<code>r1</code>) rates it red "
        "where public sector (<code>r2</code>) rates it green." in plan
    )
    assert "<strong>Evidence from r1 (red):</strong> Fees unpaid." in plan
    older = page[page.index('id="plan-a1"') :]
    assert 'class="spread"' not in older[: older.index('id="figures"')]


# -- Invariance ------------------------------------------------------------------------------


def canonical_plan(plan: ActionPlan, ids: Mapping[str, Mapping[str, str]]) -> Any:
    """What a plan says, with ids put through the renamings, in no order of the file."""
    blocks, assessments = ids["building_blocks"], ids["assessments"]

    def spread_of(plan_item: PlanItem) -> Any:
        if plan_item.spread is None:
            return None
        return (
            [(v.rating, v.respondents, v.unnamed) for v in plan_item.spread.voices],
            plan_item.spread.divergences,
        )

    def change_of(plan_item: PlanItem) -> Any:
        if plan_item.change is None:
            return None
        change = plan_item.change
        return (change.before, change.now, change.direction, len(change.previous_ratings))

    return (
        assessments[plan.assessment.id],
        sorted(assessments[a.id] for a in plan.previous),
        {
            blocks.get(i.building_block_id, i.building_block_id): (
                i.rating.rating,
                spread_of(i),
                change_of(i),
                sorted(blocks.get(r.building_block_id, r.building_block_id) for r in i.ratings),
            )
            for i in plan.items
        },
    )


@given(shuffled_and_renamed())
def test_plans_are_invariant_under_reordering_and_renaming(case: Case) -> None:
    """Reorder every list and rename ids: each plan, spread and change says the same."""
    original, changed, mappings = case
    identity = {name: {v: v for v in mapping.values()} for name, mapping in mappings.items()}
    before = sorted(canonical_plan(p, mappings) for p in action_plans(original))
    after = sorted(canonical_plan(p, identity) for p in action_plans(changed))
    assert before == after
