"""The self-assessment workbook: a framework's building blocks, each to rate, and back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from partnering.errors import InvalidDocumentError
from partnering.models import Assessment, BuildingBlock, Dataset
from partnering.report import Issue, Report, Severity
from partnering.sheets._layout import Layout
from partnering.sheets._places import cell_name
from partnering.sheets._tables import tables
from partnering.sheets._template import template_bytes

__all__ = ["assessment_bytes", "assessment_of"]

ASSESSMENTS = "Assessments"
RATINGS = "Assessments_ratings"
_SHOWN = ("Frameworks", "Building_blocks")
_KEPT = ("frameworks", "building_blocks")


def _shown(record: Any) -> Any:
    """A copy for reference: no custom data, no sources, no references outside the workbook."""
    cleared = {
        field.name: field.default
        for field in attrs.fields(type(record))
        if field.name in ("extensions", "sources")
        or (
            getattr(field.metadata.get("refers"), "target", None) not in (None, *_KEPT)
            and field.default is not attrs.NOTHING
        )
    }
    changes = {
        name: (default.factory() if isinstance(default, attrs.Factory) else default)  # type: ignore[arg-type]
        for name, default in cleared.items()
    }
    return attrs.evolve(record, **changes)


def _order(block: BuildingBlock) -> tuple[int, str]:
    return (block.order if block.order is not None else 1 << 60, block.id)


def assessment_bytes(
    layout: Layout, readme: Iterable[str], source: Dataset, framework_id: str
) -> bytes:
    """Write the self-assessment workbook of one framework of ``source``."""
    from partnering.convert import unstructure

    frameworks = [item for item in source.frameworks if item.id == framework_id]
    if not frameworks:
        known = ", ".join(item.id for item in source.frameworks) or "none"
        raise KeyError(f"no framework has the id {framework_id!r} (known: {known})")
    blocks = sorted(
        (block for block in source.building_blocks if block.framework_id == framework_id),
        key=_order,
    )
    shown = Dataset(
        frameworks=tuple(_shown(item) for item in frameworks),
        building_blocks=tuple(_shown(block) for block in blocks),
    )
    rows = {table.title: table.rows for table in tables(layout, unstructure(shown))}
    assessment_id = f"{framework_id}-self-assessment"
    headers = layout.sheet(ASSESSMENTS).headers
    assessment = {"id": assessment_id, "framework_id": framework_id}
    rows[ASSESSMENTS] = [[assessment.get(header) for header in headers]]
    rating_headers = layout.sheet(RATINGS).headers
    rows[RATINGS] = [
        [
            {"assessment.id": assessment_id, "building_block_id": block.id}.get(header)
            for header in rating_headers
        ]
        for block in blocks
    ]
    lines = [
        "Self-assessment against the framework " + frameworks[0].name,
        "",
        "1. In Assessments, write the id of your platform (platform_id), the date "
        "(assessed_on, such as 2026-03-31) and who made the assessment.",
        "2. In Assessments_ratings, give each building block a rating from the dropdown "
        "(green, amber, red), the evidence it rests on, and the actions to take, separated "
        "by ';'. The Building_blocks sheet says what each block means.",
        "3. Check the workbook: partnering validate FILE.xlsx",
        "",
        *readme,
    ]
    return template_bytes(
        layout,
        lines,
        titles=(*_SHOWN, ASSESSMENTS, RATINGS),
        meta={"schema_version": source.schema_version},
        rows=rows,
    )


def _unchecked_platform(issue: Issue) -> bool:
    """A reference to the platform assessed, which the workbook does not hold."""
    path = issue.path
    return (
        issue.code == "dangling-reference"
        and len(path) == 3
        and path[0] == "assessments"
        and path[2] == "platform_id"
    )


def assessment_of(data: Mapping[str, Any] | None, report: Report) -> Assessment:
    """Build the one assessment of a self-assessment workbook, or raise with the issues."""
    kept = [issue for issue in report.issues if not _unchecked_platform(issue)]
    assessments = [] if data is None else data.get("assessments", [])
    if (
        data is not None
        and len(assessments) != 1
        and not any(issue.severity is Severity.ERROR for issue in kept)
    ):
        kept.append(
            Issue(
                code="missing-field",
                severity=Severity.ERROR,
                path=("assessments",),
                message=f"the workbook holds {len(assessments)} assessments, not one",
                hint="keep one row in the Assessments sheet",
                cell=cell_name(ASSESSMENTS, 0, 2),
            )
        )
    filtered = attrs.evolve(report, issues=tuple(kept))
    if not filtered.valid:
        raise InvalidDocumentError(filtered)
    from partnering.convert import structure

    assessment: Assessment = structure(assessments[0], Assessment)
    return assessment
