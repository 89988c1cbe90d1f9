"""Constraints of places below the country: an ISO 3166-2 subdivision code."""

from __future__ import annotations

from typing import Any

import attrs

from partnering._constraints._base import Breach, Constraint
from partnering._subdivisions import is_subdivision
from partnering._text import excerpt

__all__ = ["Subdivision"]


@attrs.frozen
class Subdivision(Constraint):
    """An ISO 3166-2 subdivision code, such as ``CA-AB`` for Alberta, checked with pycountry.

    The schema states it as a reference to the definition that lists the codes, whose
    ``enum`` is the keyword a wrong code breaks.

    Example:
        >>> Subdivision().breach("CA-AB") is None
        True
        >>> Subdivision().breach("Alberta").problem
        "is 'Alberta', which is not an ISO 3166-2 subdivision code"
    """

    code = "unknown-code"
    keywords = ("$ref", "enum")

    def breach(self, value: Any) -> Breach | None:
        if is_subdivision(value):
            return None
        problem = f"is {excerpt(value)}, which is not an ISO 3166-2 subdivision code"
        hint = (
            "Write the country's two capital letters, a hyphen and the subdivision's code, such "
            "as 'CA-AB' for Alberta, as ISO 3166-2 lists them."
        )
        return Breach(self.code, problem, hint)

    def schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/subdivision_code"}
