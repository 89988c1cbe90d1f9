"""Layer 2 of validation: rules across the file that a JSON Schema cannot express."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from partnering.report import Issue

__all__ = ["rule_issues"]


def rule_issues(data: Mapping[str, Any], *, today: date) -> Iterator[Issue]:
    """Yield the issues found by every rule (placeholder until the rules land)."""
    return iter(())
