"""Layer 2 of validation: rules across the file that a JSON Schema cannot express.

The rules read the parsed JSON (dicts and lists), not models, so that they also run on files
whose records break the schema: every problem is reported at once. A rule skips, without a
word, any value of the wrong type (the schema layer reports those) and never raises, whatever
JSON it is given. Each rule is a small function with its own code; all of them share one
index of the records and ids of each entity list, built once, and each makes one pass, so a
file of 100,000 partners is checked in linear time. What several rules read, the index works
out once for all of them: the ids each nested list names (the partnerships' participants are
walked once, for the dangling references, the parties named twice, the partnerships of one
sector and the resources' providers), each partner's sector, and each date. A rule first
takes a quick look that settles a file without problems (the ids a field names against the
ids that exist, say), and walks the records again to say where only when the look finds one.

The rules learn the shape of the dataset from :mod:`partnering.entities`, which reads it from
the models: the entity lists and their nouns, every reference field, and every date that must
lie in the past or must not precede another. The codes, severities and default hints come from
:data:`partnering.catalogue.RULE_CODES`. The rules live in modules by concern:

* ``_identity``: ids used twice in one list;
* ``_references``: references that name no record, parents in a cycle, hosts that are not
  members, partners named twice among members or participants;
* ``_dates``: ends before starts, dates of the past that lie in the future;
* ``_organisations``: partnerships of one sector, sectors that contradict the organisation
  type, identifiers out of the org-id form;
* ``_coverage``: SDG targets without their goal, national platforms without countries;
* ``_assessments``: ratings of another framework's building blocks, ratings repeated, building
  blocks left unrated;
* ``_resources``: resources of partnerships provided by a partner that does not take part;
* ``_progress``: deliverables listed twice or unknown to progress reports, and partnerships
  whose progress reports are late or that have gone inactive, as of ``today``;
* ``_numbers``: whole numbers written with a fraction or an exponent, such as ``25.0``.

A file that names another version of the format gets no rule issues: the schema layer reports
its version, and its fields cannot be judged by this version's rules.

Where the issues point:

* at the offending value: the repeated ``id``, the reference, the end date, the date in the
  future, the SDG target, the ``parent_id`` on a cycle, the ``host_id``, the ``sector``,
  the ``identifier``, the rated ``building_block_id``;
* at the list that is incomplete: ``/partnerships/i/participants`` for a partnership of one
  sector, ``/assessments/i/ratings`` for a building block without a rating;
* at ``/platforms/i/countries`` for a national or subnational platform without countries,
  whether the field is absent or empty, as the schema layer points at a missing field.

Example:
    >>> data = {"partners": [{"id": "tpi", "organisation_type": "21"}, {"id": "tpi"}]}
    >>> [(issue.code, issue.pointer) for issue in rule_issues(data, today=date(2026, 1, 1))]
    [('duplicate-id', '/partners/1/id'), ('missing-organisation-type', \
'/partners/1/organisation_type')]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from partnering._format import checked_version
from partnering.entities import ENTITIES, Entities
from partnering.report import Issue
from partnering.reporting import ReportingLimits
from partnering.rules import (
    _assessments,
    _coverage,
    _dates,
    _identity,
    _numbers,
    _organisations,
    _progress,
    _resources,
    _respondents,
)
from partnering.rules import _references as _refs
from partnering.rules._index import Index
from partnering.rules._issues import Rule

__all__ = ["rule_issues"]

#: Every rule, in the order they report.
_RULES: tuple[Rule, ...] = (
    _identity.duplicate_ids,
    _refs.dangling_references,
    _dates.ends_before_starts,
    _dates.dates_in_future,
    _organisations.single_sector_partnerships,
    _coverage.sdg_targets_without_goal,
    _coverage.missing_countries,
    _coverage.subdivisions_outside_countries,
    _refs.parent_cycles,
    _assessments.ratings_of_other_frameworks,
    _assessments.duplicate_ratings,
    _respondents.unknown_respondents,
    _assessments.unrated_building_blocks,
    _refs.duplicate_parties,
    _refs.hosts_not_members,
    _resources.providers_not_participants,
    _progress.unknown_deliverables,
    _organisations.sectors_contradicting_types,
    _organisations.missing_organisation_types,
    _organisations.invalid_org_ids,
    _numbers.whole_numbers_with_fraction,
)


def rule_issues(
    data: Mapping[str, Any],
    *,
    today: date,
    entities: Entities = ENTITIES,
    reporting: ReportingLimits = ReportingLimits(),  # noqa: B008 (frozen, so safe to share)
) -> Iterator[Issue]:
    """Yield the issues that every rule across the file finds in parsed data.

    Args:
        data: a document parsed from JSON; parts of the wrong type are skipped.
        today: the date that rules about the future compare with.
        reporting: the months after which a partnership's progress report is late, and after
            which it counts as inactive (12 and 24 by default).
        entities: the shape of the dataset the rules check: its entity lists, references and
            date rules. By default that of :class:`~partnering.models.Dataset`; a test can pass
            :func:`partnering.entities.describe` of another root model.

    Returns:
        The issues, rule by rule, in the order of the entity lists and of the file within each
        rule.

    Example:
        >>> data = {
        ...     "schema_version": "1.0",
        ...     "platforms": [{"id": "zbidf", "scope": "national", "countries": ["ZM"],
        ...                    "host_id": "tpi-x"}],
        ...     "partners": [{"id": "tpi", "name": "TPI", "organisation_type": "21"}],
        ... }
        >>> for issue in rule_issues(data, today=date(2026, 1, 1)):
        ...     print(issue.code, issue.pointer, issue.message, sep=" | ")
        dangling-reference | /platforms/0/host_id | platform 'zbidf' names host 'tpi-x', but no \
partner has that id
        host-not-member | /platforms/0/host_id | platform 'zbidf' names host 'tpi-x', but the \
host is not among its members
    """
    document: object = data  # callers may pass anything parsed from JSON
    if not isinstance(document, Mapping):
        return
    if checked_version(document) is None:  # the schema layer says why
        return
    index = Index(document, entities)
    for rule in _RULES:
        yield from rule(index, today)
    yield from _progress.late_reports(index, today, reporting)
