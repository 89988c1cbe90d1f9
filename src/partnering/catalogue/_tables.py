"""Helpers that build the catalogue's tables."""

from __future__ import annotations

from collections.abc import Mapping

from partnering.catalogue._info import CodeInfo
from partnering.report import Severity

__all__ = ["entries"]


def entries(
    layer: str, severity: Severity, *rows: tuple[str, str, str, str, str]
) -> Mapping[str, CodeInfo]:
    """Build one layer's table from rows of code, title, description, hint and example."""
    return {
        code: CodeInfo(
            code=code,
            severity=severity,
            layer=layer,
            title=title,
            description=description,
            hint=hint,
            example=example,
        )
        for code, title, description, hint, example in rows
    }
