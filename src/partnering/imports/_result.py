"""The outcome of an import: the data, its validation, and the import report as text and JSON.

Example:
    >>> from partnering.imports._findings import Finding
    >>> result = ImportResult("a.csv", "m.toml", None, None, (Finding("mapping-syntax", "m.toml"),))
    >>> result.valid, result.to_json()["counts"]
    (False, {'mapping': 1})
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from partnering._text import safe_text
from partnering.imports._findings import FINDING_CODES, KINDS, Finding
from partnering.models import Dataset
from partnering.report import Report

__all__ = ["ImportResult"]


@attrs.frozen
class ImportResult:
    """What an import made, and what it did to make it.

    Attributes:
        source: the source as the report names it.
        mapping: the mapping (or ``iati``) as the report names it.
        dataset: the imported dataset, or ``None`` when the import made no valid file.
        report: the validation report of the imported data, or ``None`` when no data was made.
        findings: every value transformed, split, crosswalked, guessed or set aside.
    """

    source: str
    mapping: str
    dataset: Dataset | None
    report: Report | None
    findings: tuple[Finding, ...]

    @property
    def valid(self) -> bool:
        """Whether the import made a valid exchange file."""
        return self.dataset is not None

    def to_json(self) -> dict[str, Any]:
        """The import report as JSON data."""
        counts = Counter(finding.kind for finding in self.findings)
        records = {}
        if self.dataset is not None:
            records = {
                name: len(getattr(self.dataset, name))
                for name in ("partners", "partnerships")
                if getattr(self.dataset, name)
            }
        return {
            "source": self.source,
            "mapping": self.mapping,
            "valid": self.valid,
            "records": records,
            "counts": {kind: counts[kind] for kind in KINDS if counts[kind]},
            "findings": [
                {
                    "code": f.code,
                    "kind": f.kind,
                    "severity": f.severity,
                    "where": f.where,
                    "value": f.value,
                    "result": f.result,
                    "detail": f.detail,
                }
                for f in self.findings
            ],
            "validation": (
                None
                if self.report is None
                else [
                    {"code": i.code, "pointer": i.pointer, "message": i.message}
                    for i in self.report.issues
                ]
            ),
        }

    def to_text(self) -> str:
        """The import report for a person: a verdict, then the findings by kind."""
        lines = [self._verdict()]
        for kind in KINDS:
            found = [f for f in self.findings if f.kind == kind]
            if not found:
                continue
            lines.append("")
            lines.append(f"{kind} ({len(found)})")
            for finding in found:
                lines.append(f"  {_line(finding)}")
        if self.report is not None and self.report.issues:
            lines.append("")
            lines.append(f"validation ({len(self.report.issues)})")
            for issue in self.report.issues:
                lines.append(f"  {issue.pointer or '/'}: {issue.code}: {safe_text(issue.message)}")
        return "\n".join(lines) + "\n"

    def _verdict(self) -> str:
        head = f"{self.source} with {self.mapping}"
        if self.dataset is None and self.report is None:
            return f"{head}: nothing imported"
        if self.dataset is None:
            return f"{head}: the data made is not a valid file (see validation below)"
        made = ", ".join(
            f"{len(getattr(self.dataset, name))} {name}" for name in ("partnerships", "partners")
        )
        return f"{head}: {made}; the file is valid"


def _line(finding: Finding) -> str:
    title = FINDING_CODES[finding.code].title
    parts = [f"{finding.where}: {title[:1].lower()}{title[1:]} [{finding.code}]"]
    if finding.value is not None:
        shown = safe_text(finding.value, 80)
        parts.append(f": '{shown}'")
        if finding.result is not None:
            parts.append(f" -> '{safe_text(finding.result, 80)}'")
    if finding.detail:
        parts.append(f"; {safe_text(finding.detail, 160)}")
    return "".join(parts)
