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
from partnering.analysis import ActionPlan, Direction, PlanItem, UnknownAssessmentError
from partnering.cli._dataset import UNREADABLE, Steps, read_dataset
from partnering.cli._terminal import error
from partnering.models import Assessment

__all__ = ["render_plan", "render_plans", "run_plan"]

_WIDTH = 80


def _named(name: str | None, ident: str) -> str:
    if name is None:
        return f"{shown(ident, 60)!r} (not in the file)"
    return f"{shown(name, _WIDTH)} ({shown(ident, 60)})"


_CHANGE = {
    Direction.BETTER: "better",
    Direction.WORSE: "worse",
    Direction.UNCHANGED: "unchanged",
    Direction.NOT_COMPARABLE: "not comparable",
}


def _spread(item: PlanItem) -> str:
    """The ratings of a block among its respondents: ``red 2, amber 1``."""
    if item.spread is None:
        return ""
    given = [f"{v.rating.value} {v.count}" for v in item.spread.voices if v.count]
    return ", ".join(given)


def _change(item: PlanItem) -> str:
    """The change since the previous assessment: ``was amber: worse``."""
    if item.change is None:
        return ""
    if item.change.before is None:
        return "not rated before"
    return f"was {item.change.before.value}: {_CHANGE[item.change.direction]}"


def _diverges(item: PlanItem) -> str:
    if item.spread is None or not item.spread.diverges:
        return ""
    pairs = [f"{gap.red.value} red, {gap.green.value} green" for gap in item.spread.divergences]
    return "sectors diverge (" + "; ".join(pairs) + ")"


def _voice(key: str | None, assessment: Assessment, *notes: str) -> str:
    """A respondent for people: ``r1 (private)``, with any notes after the sector."""
    sector = next((r.sector.value for r in assessment.respondents if r.key == key), None)
    said = ", ".join(note for note in (sector, *notes) if note)
    name = "unnamed" if key is None else shown(key, 60)
    return f"{name} ({said})" if said else name


def _respondent_lines(item: PlanItem, assessment: Assessment) -> list[str]:
    if item.spread is None:
        return []
    lines = ["   respondents:"]
    for voices in item.spread.voices:
        if voices.count:
            who = [_voice(key, assessment) for key in voices.respondents]
            who += ["unnamed"] * voices.unnamed
            lines.append(f"     - {voices.rating.value}: {', '.join(who)}")
    for gap in item.spread.divergences:
        lines.append(
            f"   sectors diverge: {gap.red.value} rates it red "
            f"({', '.join(shown(k, 60) for k in gap.red_respondents)}), "
            f"{gap.green.value} green ({', '.join(shown(k, 60) for k in gap.green_respondents)})"
        )
    return lines


def _change_lines(item: PlanItem) -> list[str]:
    change = item.change
    if change is None:
        return []
    if change.before is None:
        return ["   since the previous assessment: not rated before"]
    return [
        f"   since the previous assessment: was {change.before.value}, now {change.now.value}: "
        f"{_CHANGE[change.direction]}"
    ]


def _recorded_lines(item: PlanItem, assessment: Assessment) -> list[str]:
    lines = []
    several = len(item.ratings) > 1
    for rating in item.ratings or (item.rating,):
        voice = _voice(rating.respondent, assessment, rating.rating.value)
        by = f" from {voice}" if several else ""
        if rating.evidence:
            lines.append(f"   evidence{by}: {shown(rating.evidence, 400)}")
        if rating.actions:
            lines.append(f"   actions recorded{by}:")
            lines += [f"     - {shown(action, 400)}" for action in rating.actions]
    return lines


def _item_lines(number: int, item: PlanItem, assessment: Assessment) -> list[str]:
    name = None if item.block is None else item.block.name
    lines = [
        "",
        f"{number}. {item.rating.rating.value.upper()}: {_named(name, item.building_block_id)}",
    ]
    lines += _respondent_lines(item, assessment)
    lines += _change_lines(item)
    lines += _recorded_lines(item, assessment)
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
    if assessment.respondents:
        who = ", ".join(_voice(r.key, assessment) for r in assessment.respondents)
        lines.append(f"  respondents: {who}")
    if plan.previous:
        earlier = " and ".join(repr(shown(a.id, 60)) for a in plan.previous)
        noun = "assessment" if len(plan.previous) == 1 else "assessments"
        made = plan.previous[0].assessed_on.isoformat()
        lines.append(f"  previous:  {noun} {earlier}, made on {made}")
    needing = len(plan.needing_action)
    lines += ["", f"ratings ({needing} of {len(plan.items)} need action):"]
    width = max(len(item.rating.rating.value) for item in plan.items)
    names = [
        _named(None if i.block is None else i.block.name, i.building_block_id) for i in plan.items
    ]
    notes = [[n for n in (_spread(i), _diverges(i), _change(i)) if n] for i in plan.items]
    name_width = max(len(name) for name in names) if any(notes) else 0
    for item, name, note in zip(plan.items, names, notes, strict=True):
        line = f"  {item.rating.rating.value:<{width}}  {name:<{name_width}}"
        lines.append(f"{line}  {'; '.join(note)}" if note else line.rstrip())
    for number, item in enumerate(plan.items, start=1):
        if item.needs_action:
            lines += _item_lines(number, item, assessment)
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
