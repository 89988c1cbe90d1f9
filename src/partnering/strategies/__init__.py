"""Hypothesis strategies that build valid models, to test tools that read or write them.

There is one strategy per model, and :func:`datasets` builds whole datasets. Every value
obeys the constraints its field declares, so every model these strategies build can be
written with :func:`~partnering.dumps` and passes the interchange schema. By default,
:func:`datasets` also makes the records agree with each other, so the dataset passes every
rule across the file without a single issue and :func:`~partnering.loads` reads it back.

The strategies are derived from the models: each field is drawn from its type and the
constraints it declares, and the references and date rules that consistent datasets keep are
read from ``partnering.entities.ENTITIES``. A field added to a model is drawn at once.

This package needs Hypothesis, which comes with the ``test`` extra
(``pip install partnering[test]``); the rest of the library never imports it.

Example:
    >>> from hypothesis import given
    >>> from partnering import dumps, loads
    >>> @given(datasets())
    ... def test_my_tool_reads_every_dataset(dataset):
    ...     assert loads(dumps(dataset)) == dataset
    >>> test_my_tool_reads_every_dataset()
"""

from __future__ import annotations

from partnering.strategies._datasets import datasets
from partnering.strategies._records import (
    assessments,
    building_block_ratings,
    building_blocks,
    challenges,
    commitments,
    communities,
    deliverable_progress,
    deliverables,
    events,
    extensions,
    frameworks,
    memberships,
    participants,
    partners,
    partnerships,
    platforms,
    progress_reports,
    publishers,
    respondents,
    solutions,
    sources,
)

__all__ = [
    "assessments",
    "building_block_ratings",
    "building_blocks",
    "challenges",
    "commitments",
    "communities",
    "datasets",
    "deliverable_progress",
    "deliverables",
    "events",
    "extensions",
    "frameworks",
    "memberships",
    "participants",
    "partners",
    "partnerships",
    "platforms",
    "progress_reports",
    "publishers",
    "respondents",
    "solutions",
    "sources",
]

# The strategies are used, documented and pickled as members of this package, wherever the
# module that defines them lives.
for _name in __all__:
    globals()[_name].__module__ = __name__
del _name
