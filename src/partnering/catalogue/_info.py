"""The record that documents one issue code."""

from __future__ import annotations

import attrs

from partnering.report import Severity

__all__ = ["CodeInfo"]


@attrs.frozen(kw_only=True)
class CodeInfo:
    """The documentation of one issue code.

    Attributes:
        code: the code, as reported.
        severity: the severity issues of this code have.
        layer: ``parse`` (the strict JSON reader), ``schema`` (the JSON Schema) or ``rules``
            (rules across the file).
        title: what the code means, in a few words.
        description: what triggers it.
        hint: how to fix it, in general.
        example: a small piece of JSON, or a description of input, that triggers it.
    """

    code: str
    severity: Severity
    layer: str
    title: str
    description: str
    hint: str
    example: str
