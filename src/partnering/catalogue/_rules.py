"""Codes of the rules across the file: references, duplicates, dates, the field's expectations."""

from __future__ import annotations

from collections.abc import Mapping

from partnering.catalogue._info import CodeInfo
from partnering.report import Severity

__all__ = ["RULE_CODES"]


def _code(
    code: str, severity: Severity, title: str, description: str, hint: str, example: str
) -> tuple[str, CodeInfo]:
    info = CodeInfo(
        code=code,
        severity=severity,
        layer="rules",
        title=title,
        description=description,
        hint=hint,
        example=example,
    )
    return code, info


_ERROR = Severity.ERROR
_WARNING = Severity.WARNING

#: Codes of the rules across the file: references, duplicates, dates and the field's expectations.
RULE_CODES: Mapping[str, CodeInfo] = dict(
    [
        _code(
            "duplicate-id",
            _ERROR,
            "An id is used twice in one list",
            "Two records of the same list, such as two partners, have the same id; references "
            "to it become ambiguous. The second and later records are reported.",
            "Give each record its own id; if both describe the same thing, merge them.",
            '{"partners": [{"id": "tpi", ...}, {"id": "tpi", ...}]}',
        ),
        _code(
            "dangling-reference",
            _ERROR,
            "A reference names no record",
            "A field that refers to another record by id (host_id, partner_id, challenge_ids, "
            "framework_id...) names an id that no record of the right list has.",
            "Correct the id, or add the record it refers to.",
            '{"platforms": [{"id": "zbidf", "host_id": "tpi-x", ...}], '
            '"partners": [{"id": "tpi", ...}]}',
        ),
        _code(
            "end-before-start",
            _ERROR,
            "An end date is before its start date",
            "A partnership or an event ends before it starts. A date known only to the month "
            "or the year (format 1.1) is before another only when all of it is: 2016-03 is "
            "before 2016-04-01, but neither before nor after 2016-03-15.",
            "Correct the dates; the end date may equal the start date but not precede it.",
            '{"events": [{"id": "e", "start_date": "2014-04-13", "end_date": "2014-04-12", ...}]}',
        ),
        _code(
            "date-in-future",
            _WARNING,
            "A date of something past lies in the future",
            "A date that records what has happened (a platform's or community's launched_on, "
            "a member's since, an assessment's assessed_on) is after today.",
            "Correct the date, or leave it out until it has happened.",
            '{"platforms": [{"id": "p", "launched_on": "2999-01-01", ...}]}',
        ),
        _code(
            "single-sector-partnership",
            _WARNING,
            "A partnership's participants are all of one sector",
            "Every participant that resolves to a partner of a known sector (at least two) "
            "belongs to the same sector, though a partnership brings sectors together. A "
            "partner's sector is its stated sector, or else the one its organisation_type "
            "implies; partners of sector 'other' are not counted.",
            "Check each partner's sector and organisation_type, or add the partners from other "
            "sectors.",
            '{"partnerships": [{"id": "x", "participants": [{"partner_id": "firm-a"}, '
            '{"partner_id": "firm-b"}], ...}], "partners": [{"id": "firm-a", '
            '"organisation_type": "70", ...}, {"id": "firm-b", "organisation_type": "72", ...}]}',
        ),
        _code(
            "missing-organisation-type",
            _WARNING,
            "A partner does not give its organisation type",
            "A partner leaves out organisation_type, which format 1.1 allows when it is not "
            "known. Without it, and without a stated sector, the partner's sector is unknown: "
            "counts by sector and the cross-sector rules leave it out. Format 1.1.",
            "Give the partner's IATI organisation type, such as '21' (International NGO), or "
            "at least its sector.",
            '{"schema_version": "1.1", "partners": [{"id": "p", "name": "P"}]}',
        ),
        _code(
            "sdg-target-without-goal",
            _WARNING,
            "An SDG target's goal is not listed",
            "A partnership lists an SDG target, such as '3.8', but not its goal (3) in sdgs.",
            "Add the goal to sdgs, or correct the target.",
            '{"partnerships": [{"id": "x", "sdgs": [17], "sdg_targets": ["3.8"], ...}]}',
        ),
        _code(
            "missing-country",
            _ERROR,
            "A national or subnational platform names no country",
            "A platform of scope 'national' or 'subnational' has no countries, so where it works "
            "cannot be known. The issue points at its countries field, absent or empty.",
            'List the country it works in under countries, such as ["KE"].',
            '{"platforms": [{"id": "p", "scope": "national", ...}]}',
        ),
        _code(
            "subdivision-outside-countries",
            _ERROR,
            "A subdivision is not in any of the record's countries",
            "A platform or a partnership names a subdivision (ISO 3166-2, such as 'CA-AB') of "
            "a country that is not among its countries, so where it works contradicts itself. "
            "Format 1.1.",
            "Add the subdivision's country (the letters before its hyphen) to countries, or "
            "correct the subdivision.",
            '{"platforms": [{"id": "p", "countries": ["KE"], "subdivisions": ["CA-AB"], ...}]}',
        ),
        _code(
            "provider-not-participant",
            _WARNING,
            "A resource's provider does not take part in the partnership",
            "A partnership's resource names a provider that is not among the partnership's "
            "participants, so who commits it contradicts who takes part. Format 1.1.",
            "Add the provider to the partnership's participants, or correct provider_id.",
            '{"partnerships": [{"participants": [{"partner_id": "a"}, ...], '
            '"resources": [{"provider_id": "c", ...}], ...}]}',
        ),
        _code(
            "duplicate-deliverable",
            _ERROR,
            "Two deliverables of a partnership have the same id",
            "A partnership lists two deliverables with one id, so a progress report that names "
            "it could mean either. The second and later are reported. Format 1.1.",
            "Give each deliverable its own id, such as 'd1', 'd2'.",
            '{"partnerships": [{"deliverables": [{"id": "d1", ...}, {"id": "d1", ...}], ...}]}',
        ),
        _code(
            "unknown-deliverable",
            _ERROR,
            "Progress is given for a deliverable the partnership does not list",
            "An entry of a partnership's deliverable_progress names a deliverable id that none "
            "of the partnership's deliverables has, so what progressed cannot be known. "
            "Format 1.1.",
            "Add the deliverable to the partnership's deliverables, or correct deliverable.",
            '{"partnerships": [{"deliverables": [{"id": "d1", ...}], "deliverable_progress": '
            '[{"deliverable": "d2", ...}], ...}]}',
        ),
        _code(
            "repeated-deliverable-progress",
            _ERROR,
            "One deliverable's progress is given twice for one report",
            "A partnership's deliverable_progress has two entries for the same deliverable and "
            "the same report date, so where it stood on that day is ambiguous. The second and "
            "later are reported. Format 1.1.",
            "Keep one entry per deliverable and report date.",
            '{"partnerships": [{"deliverable_progress": [{"deliverable": "d1", '
            '"reported_on": "2025-06-30", ...}, {"deliverable": "d1", "reported_on": '
            '"2025-06-30", ...}], ...}]}',
        ),
        _code(
            "unknown-progress-report",
            _ERROR,
            "A deliverable's progress names a report date the partnership has no report for",
            "An entry of a partnership's deliverable_progress gives a reported_on that is not "
            "the date of any of the partnership's progress_reports, so it belongs to no "
            "report. Format 1.1.",
            "Add the progress report of that date, or correct reported_on.",
            '{"partnerships": [{"progress_reports": [{"reported_on": "2025-06-30", ...}], '
            '"deliverable_progress": [{"reported_on": "2025-07-01", ...}], ...}]}',
        ),
        _code(
            "progress-report-late",
            _WARNING,
            "A partnership's progress report is overdue",
            "A partnership that records deliverables or progress reports has made no report "
            "for more than 12 months (by default) before the day of the check, counting from "
            "its latest report or, before the first, from its start. Registries such as the UN "
            "registry of SDG partnerships ask for a report every year. Worked out as of the day "
            "of the check, never stored; partnerships that have ended are not counted. "
            "Format 1.1.",
            "Add the partnership's latest progress report, with its date and status.",
            '{"partnerships": [{"progress_reports": [{"reported_on": "2020-06-30", ...}], ...}]}',
        ),
        _code(
            "partnership-inactive",
            _WARNING,
            "A partnership has made no progress report for so long it counts as inactive",
            "As progress-report-late, past the second limit: more than 24 months (by default) "
            "without a report. The UN registry of SDG partnerships marks such an entry "
            "inactive. Format 1.1.",
            "Add the partnership's latest progress report, or record that it has ended "
            "(end_date, or the stage moved_on).",
            '{"partnerships": [{"progress_reports": [{"reported_on": "2018-06-30", ...}], ...}]}',
        ),
        _code(
            "unknown-respondent",
            _ERROR,
            "A rating names a respondent the assessment does not list",
            "A rating's respondent is not the key of any of its assessment's respondents, so "
            "who gave it cannot be known. Format 1.1.",
            "Add the respondent to the assessment's respondents, or correct the key.",
            '{"assessments": [{"respondents": [{"key": "r1", ...}], '
            '"ratings": [{"respondent": "r2", ...}], ...}]}',
        ),
        _code(
            "duplicate-respondent",
            _ERROR,
            "Two respondents of an assessment have the same key",
            "An assessment lists two respondents with one key, so the ratings that name it "
            "could be either's. The second and later are reported. Format 1.1.",
            "Give each respondent its own key, such as 'r1', 'r2'.",
            '{"assessments": [{"respondents": [{"key": "r1", ...}, {"key": "r1", ...}], ...}]}',
        ),
        _code(
            "parent-cycle",
            _ERROR,
            "A platform is its own ancestor",
            "Following parent_id from a platform leads back to it. Each platform on the cycle "
            "is reported once, at its parent_id. Only the first of platforms sharing an id is "
            "followed.",
            "Correct parent_id on one platform of the cycle, so the chain ends at a platform "
            "without a parent.",
            '{"platforms": [{"id": "a", "parent_id": "b", ...}, {"id": "b", "parent_id": "a", '
            "...}]}",
        ),
        _code(
            "rating-of-other-framework",
            _WARNING,
            "An assessment rates a building block of another framework",
            "A rating names a building block whose framework_id differs from the assessment's.",
            "Rate only the building blocks of the assessment's framework, or correct its "
            "framework_id.",
            '{"assessments": [{"id": "a", "framework_id": "f", "ratings": '
            '[{"building_block_id": "b-of-g", ...}], ...}]}',
        ),
        _code(
            "duplicate-rating",
            _WARNING,
            "An assessment rates a building block twice",
            "Two ratings of one assessment name the same building block; the second and later "
            "are reported.",
            "Keep one rating per building block, merging their evidence and actions.",
            '{"assessments": [{"id": "a", "ratings": [{"building_block_id": "funding", ...}, '
            '{"building_block_id": "funding", ...}], ...}]}',
        ),
        _code(
            "unrated-building-block",
            _WARNING,
            "An assessment leaves a building block unrated",
            "A building block of the assessment's framework has no rating; one issue per "
            "building block, at the assessment's ratings.",
            "Add a rating for the building block; use 'not_applicable' if it does not apply.",
            '{"assessments": [{"id": "a", "framework_id": "f", "ratings": '
            '[{"building_block_id": "funding", ...}], ...}], "building_blocks": '
            '[{"id": "funding", "framework_id": "f", ...}, {"id": "focus", '
            '"framework_id": "f", ...}]}',
        ),
        _code(
            "duplicate-party",
            _ERROR,
            "A partner takes part twice in one partnership or platform",
            "Two participants of one partnership, or two members of one platform, name the same "
            "partner_id: counts of partners and sectors become wrong, and it is unclear which "
            "entry's roles hold. The second and later entries are reported.",
            "Keep one entry for the partner and list all its roles there.",
            '{"partnerships": [{"id": "ps", "participants": [{"partner_id": "tpi"}, '
            '{"partner_id": "tpi"}], ...}]}',
        ),
        _code(
            "host-not-member",
            _WARNING,
            "A platform's host is not among its members",
            "A platform names a host_id that none of its members has as partner_id. Whether "
            "the host exists is checked apart (dangling-reference).",
            "Add the host to members with the role 'host'.",
            '{"platforms": [{"id": "p", "host_id": "tpi", "members": [{"partner_id": "sida", '
            '"roles": ["funder"]}], ...}]}',
        ),
        _code(
            "sector-contradicts-type",
            _WARNING,
            "A partner's sector contradicts its organisation type",
            "A partner states a sector other than the one its organisation_type implies, such "
            "as type '70' (Private Sector) with sector 'public'. Type '90' (Other) fits any "
            "sector.",
            "Correct the sector or the organisation_type; leave sector out to use the one the "
            "type implies.",
            '{"partners": [{"id": "p", "organisation_type": "70", "sector": "public", ...}]}',
        ),
        _code(
            "invalid-org-id",
            _WARNING,
            "An organisation identifier does not follow the org-id form",
            "A partner's or the publisher's identifier does not match "
            "^[A-Z]{2}-[A-Z0-9_]+-\\S+$: a list code (two capital letters for the country or "
            "XM/XI, a hyphen, the register's abbreviation in capitals, digits or '_', as in "
            "'GB-COH' or 'BE-BCE_KBO'), a hyphen, then the id in that register, without spaces.",
            "Write the identifier as org-id.guide gives it, such as 'GB-COH-09506232', or leave "
            "it out.",
            '{"partners": [{"id": "p", "identifier": "09506232", ...}]}',
        ),
        _code(
            "integer-with-fraction",
            _WARNING,
            "A whole number is written with a fraction or an exponent",
            "A whole-number field, such as a count or a year, holds a number like 25.0 or "
            "2.5E1. JSON Schema counts it as the integer 25, and so does partnering, but "
            "readers strict about types, such as Go's encoding/json or pydantic in strict "
            "mode, refuse it.",
            "Write the number without a fraction or an exponent; 'partnering fix' does this.",
            '{"events": [{"participant_count": 25.0, ...}]}',
        ),
    ]
)
