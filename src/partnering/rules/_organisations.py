"""What the file says about organisations: their sectors, their types and their identifiers.

A partner's sector is its stated ``sector``, or else the one its ``organisation_type`` implies
(:func:`partnering.codelists.sector_of`); the index works it out once for each partner
(:meth:`~partnering.rules._index.Index.sectors`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from partnering._patterns import ORG_ID
from partnering._text import quote
from partnering.codelists import OrganisationType, Sector, sector_of
from partnering.report import Issue, Path
from partnering.rules._index import Index
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = [
    "invalid_org_ids",
    "missing_organisation_types",
    "sectors_contradicting_types",
    "single_sector_partnerships",
]

_SECTORS: Mapping[str, Sector] = {sector.value: sector for sector in Sector}
_TYPES: Mapping[str, OrganisationType] = {kind.value: kind for kind in OrganisationType}


def single_sector_partnerships(index: Index, today: date) -> Iterator[Issue]:
    """Report partnerships whose known participants all belong to one sector.

    Participants count once per partner, and only when they name a partner whose sector is
    known and not ``other``, which says nothing about where an organisation stands.

    Example:
        >>> partners = [{"id": "a", "organisation_type": "70"}, {"id": "b", "sector": "private"}]
        >>> participants = [{"partner_id": "a"}, {"partner_id": "b"}]
        >>> data = {"partners": partners, "partnerships": [{"participants": participants}]}
        >>> demo(single_sector_partnerships, data)
        ['single-sector-partnership at /partnerships/0/participants']
    """
    # Only a sector that says where an organisation stands counts.
    telling = {
        partner: sector for partner, sector in index.sectors().items() if sector is not Sector.OTHER
    }
    records = index.items("partnerships")
    for i, (partners, _) in index.nested("partnerships", "participants", "partner_id").items():
        kinds = set(map(telling.get, partners))
        kinds.discard(None)
        if len(kinds) != 1:
            continue  # sectors brought together, or none known
        (sector,) = kinds
        counted = {partner for partner in partners if partner in telling}
        if sector is not None and len(counted) >= 2:
            record = records[i]
            yield issue(
                "single-sector-partnership",
                ("partnerships", i, "participants"),
                f"the {len(counted)} participants of {index.name_of('partnerships', record, i)} "
                f"all belong to the {quote(sector.value)} sector; a partnership brings different "
                "sectors together",
                value=record.get("participants"),
            )


def sectors_contradicting_types(index: Index, today: date) -> Iterator[Issue]:
    """Report partners whose stated sector is not the one their organisation type implies.

    Example:
        >>> partner = {"id": "p", "organisation_type": "70", "sector": "public"}
        >>> demo(sectors_contradicting_types, {"partners": [partner]})
        ['sector-contradicts-type at /partners/0/sector']
    """
    for i, record in index.records("partners"):
        stated = record.get("sector")
        kind = record.get("organisation_type")
        if not (isinstance(stated, str) and stated in _SECTORS):
            continue
        if not (isinstance(kind, str) and kind in _TYPES) or _TYPES[kind] is OrganisationType.OTHER:
            continue
        implied = sector_of(_TYPES[kind])
        if implied.value != stated:
            yield issue(
                "sector-contradicts-type",
                ("partners", i, "sector"),
                f"{index.name_of('partners', record, i)} has sector {quote(stated)}, but its "
                f"organisation_type {quote(kind)} ({_TYPES[kind].title}) belongs to the "
                f"{quote(implied.value)} sector",
                value=stated,
            )


def missing_organisation_types(index: Index, today: date) -> Iterator[Issue]:
    """Report partners of a 1.1 file that leave out their organisation type.

    Example:
        >>> partners = [{"id": "a"}, {"id": "b", "sector": "public"}, {"id": "c", \
"organisation_type": "10"}]
        >>> demo(missing_organisation_types, {"schema_version": "1.1", "partners": partners})
        ['missing-organisation-type at /partners/0/organisation_type', \
'missing-organisation-type at /partners/1/organisation_type']
    """
    if not index.holds("1.1"):
        return  # a 1.0 file must give it: its schema says so
    for i, record in index.records("partners"):
        if "organisation_type" in record or not isinstance(record.get("id"), str):
            continue  # given, or a record the schema reports
        stated = record.get("sector")
        if isinstance(stated, str):
            consequence = f"its sector is taken as the stated {quote(stated)}"
        else:
            consequence = "with no sector stated either, its sector is unknown and counts by "
            consequence += "sector leave it out"
        yield issue(
            "missing-organisation-type",
            ("partners", i, "organisation_type"),
            f"{index.name_of('partners', record, i)} gives no organisation_type; {consequence}",
        )


def _org_id_issue(path: Path, owner: str, identifier: str) -> Issue:
    return issue(
        "invalid-org-id",
        path,
        f"{owner} has identifier {quote(identifier)}, which does not follow the org-id form: a "
        "list code such as 'GB-COH', a hyphen, then the id in that list",
        value=identifier,
    )


def invalid_org_ids(index: Index, today: date) -> Iterator[Issue]:
    """Report partner and publisher identifiers that do not follow the org-id form.

    Example:
        >>> data = {"publisher": {"identifier": "GB-COH-09506232"}, "partners": [
        ...     {"id": "p", "identifier": "09506232"}]}
        >>> demo(invalid_org_ids, data)
        ['invalid-org-id at /partners/0/identifier']
    """
    publisher = index.publisher
    if isinstance(publisher, Mapping):
        identifier = publisher.get("identifier")
        if isinstance(identifier, str) and not ORG_ID.matches(identifier):
            yield _org_id_issue(("publisher", "identifier"), "the publisher", identifier)
    for i, record in index.records("partners"):
        identifier = record.get("identifier")
        if isinstance(identifier, str) and not ORG_ID.matches(identifier):
            yield _org_id_issue(
                ("partners", i, "identifier"), index.name_of("partners", record, i), identifier
            )
