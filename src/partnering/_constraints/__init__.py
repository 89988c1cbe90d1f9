"""Constraints on single fields, declared once for the models, the schema and the messages.

Each constraint is an attrs validator (called when a model is built), a description of the
JSON Schema keywords that state it (read by the schema generator), and the words for a value
that breaks it (a :class:`Breach`, which the schema layer of validation and the converter
report too). Declaring a rule once is what makes the models, the interchange schema and the
reports agree by construction.

Example:
    >>> Range(1, 17).breach(18)
    Breach(code='out-of-range', problem='is 18; it must be at most 17', hint=None)
    >>> Range(1, 17).schema()
    {'minimum': 1, 'maximum': 17}
"""

from partnering._constraints._base import Breach, Constraint, suggestion_hint
from partnering._constraints._containers import (
    Each,
    Keys,
    MinItems,
    Omitted,
    UniqueItems,
    constraints_of,
)
from partnering._constraints._money import Amount, Currency
from partnering._constraints._places import Subdivision
from partnering._constraints._scalars import (
    COUNTRY_CODES,
    Country,
    Length,
    Pattern,
    Range,
    Text,
    Uri,
    UtcSeconds,
)
from partnering._constraints._typecheck import TypeCheck

__all__ = [
    "COUNTRY_CODES",
    "Amount",
    "Breach",
    "Constraint",
    "Country",
    "Currency",
    "Each",
    "Keys",
    "Length",
    "MinItems",
    "Omitted",
    "Pattern",
    "Range",
    "Subdivision",
    "Text",
    "TypeCheck",
    "UniqueItems",
    "Uri",
    "UtcSeconds",
    "constraints_of",
    "suggestion_hint",
]
