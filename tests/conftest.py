"""Shared test configuration: Hypothesis profiles chosen by an environment variable.

``fast`` (the default) keeps the whole suite quick on a laptop or in CI;
``thorough`` (``PARTNERING_HYPOTHESIS_PROFILE=thorough``) runs many more examples.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("fast", max_examples=30, deadline=None)
# CI runs this profile on the whole suite; 200 examples a property keeps that run within
# about ten minutes on two cores.
settings.register_profile(
    "thorough",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("PARTNERING_HYPOTHESIS_PROFILE", "fast"))
