"""``partnering plan``: an assessment's action plan, as text for people.

Example:
    >>> from partnering import load, example_path
    >>> print(render_plans((), "platforms.json"), end="")
    platforms.json has no assessments: there is no plan to make.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from partnering._render import shown
from partnering.analysis import ActionPlan, PlanItem, UnknownAssessmentError
from partnering.cli._dataset import UNREADABLE, Steps, read_dataset
from partnering.cli._terminal import error

__all__ = ["render_plan", "render_plans", "run_plan"]

_WIDTH = 80


def _named(name: str | None, ident: str) -> str:
    if name is None:
        return f"{shown(ident, 60)!r} (not in the file)"
    return f"{shown(name, _WIDTH)} ({shown(ident, 60)})"


def _item_lines(number: int, item: PlanItem) -> list[str]:
    name = None if item.block is None else item.block.name
    lines = [
        "",
        f"{number}. {item.rating.rating.value.upper()}: {_named(name, item.building_block_id)}",
    ]
    if item.evidence:
        lines.append(f"   evidence: {shown(item.evidence, 400)}")
    if item.actions:
        lines.append("   actions recorded:")
        lines += [f"     - {shown(action, 400)}" for action in item.actions]
    if item.challenges or item.unknown_challenge_ids:
        lines.append("   challenges the block addresses:")
        lines += [f"     - {_named(ch.title, ch.id)}" for ch in item.challenges]
        lines += [f"     - {_named(None, ident)}" for ident in item.unknown_challenge_ids]
    if item.solutions:
        lines.append("   solutions to look at:")
    for lead in item.solutions:
        why = ["part of the block"] if lead.part_of_block else []
        if lead.addresses:
            why.append("addresses " + ", ".join(shown(ident, 60) for ident in lead.addresses))
        lines.append(f"     - {_named(lead.solution.title, lead.solution.id)}: {'; '.join(why)}")
        applied = [_named(platform.name, platform.id) for platform in lead.platforms]
        applied += [_named(None, ident) for ident in lead.unknown_platform_ids]
        if applied:
            lines.append(f"       applied by: {', '.join(applied)}")
    if item.needs_action and not item.solutions:
        lines.append("   no solution of the file belongs to the block or addresses its challenges")
    return lines


def render_plan(plan: ActionPlan) -> str:
    """Lay out one action plan as text: the rating grid, then each block, red first."""
    assessment = plan.assessment
    platform = None if plan.platform is None else plan.platform.name
    framework = None if plan.framework is None else plan.framework.name
    lines = [
        f"Action plan of assessment {shown(assessment.id, 60)!r}, "
        f"made on {assessment.assessed_on.isoformat()}",
        f"  platform:  {_named(platform, assessment.platform_id)}",
        f"  framework: {_named(framework, assessment.framework_id)}",
    ]
    if assessment.assessor:
        lines.append(f"  assessor:  {shown(assessment.assessor, _WIDTH)}")
    needing = len(plan.needing_action)
    lines += ["", f"ratings ({needing} of {len(plan.items)} need action):"]
    width = max(len(item.rating.rating.value) for item in plan.items)
    for item in plan.items:
        name = None if item.block is None else item.block.name
        lines.append(
            f"  {item.rating.rating.value:<{width}}  {_named(name, item.building_block_id)}"
        )
    for number, item in enumerate(plan.items, start=1):
        if item.needs_action:
            lines += _item_lines(number, item)
    if plan.unrated:
        lines += ["", "not rated:"]
        lines += [f"  {_named(block.name, block.id)}" for block in plan.unrated]
    return "\n".join(lines) + "\n"


def render_plans(plans: Sequence[ActionPlan], label: str) -> str:
    """Lay out several plans, one after the other, or say that there are none."""
    if not plans:
        return f"{shown(label)} has no assessments: there is no plan to make.\n"
    return "\n".join(render_plan(plan) for plan in plans)


def run_plan(args: argparse.Namespace) -> int:
    """Run ``partnering plan`` with the parsed arguments, and return the exit status."""
    steps = Steps(sys.stderr)
    dataset, status, label = read_dataset(args.file, steps)
    if dataset is None:
        return status
    from partnering.analysis import action_plan, action_plans

    steps.show("making the plan")
    try:
        plans = (
            (action_plan(dataset, args.assessment),)
            if args.assessment is not None
            else action_plans(dataset)
        )
    except UnknownAssessmentError as problem:
        steps.clear()
        error(shown(str(problem), 400))
        return UNREADABLE
    steps.clear()
    sys.stdout.write(render_plans(plans, label))
    return 0
