"""The public strategy of each model, one table for every test module that needs it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from partnering import models, strategies

#: Every model, and the public strategy that builds it. Datasets are drawn small and free:
#: their records are valid on their own, which is what a table of single records is about.
STRATEGIES: Mapping[type[Any], st.SearchStrategy[Any]] = {
    models.Assessment: strategies.assessments(),
    models.BuildingBlock: strategies.building_blocks(),
    models.BuildingBlockRating: strategies.building_block_ratings(),
    models.Challenge: strategies.challenges(),
    models.Commitment: strategies.commitments(),
    models.Community: strategies.communities(),
    models.Dataset: strategies.datasets(consistent=False, max_size=1),
    models.Deliverable: strategies.deliverables(),
    models.DeliverableProgress: strategies.deliverable_progress(),
    models.Event: strategies.events(),
    models.Framework: strategies.frameworks(),
    models.Membership: strategies.memberships(),
    models.Participant: strategies.participants(),
    models.Partner: strategies.partners(),
    models.Partnership: strategies.partnerships(),
    models.Platform: strategies.platforms(),
    models.ProgressReport: strategies.progress_reports(),
    models.Publisher: strategies.publishers(),
    models.Respondent: strategies.respondents(),
    models.Solution: strategies.solutions(),
    models.Source: strategies.sources(),
}
