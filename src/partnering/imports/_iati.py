"""Read IATI activity XML (2.01 to 2.03): each activity a partnership, each organisation a partner.

The XML is parsed with defusedxml (no entities, no external resources, no network) and
streamed: each activity is read, turned into records and cleared, so memory stays bounded
by the largest activity, not the file.

Example:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.xml"
    >>> _ = path.write_text('''<iati-activities version="2.03"><iati-activity>
    ... <iati-identifier>XM-EX-1</iati-identifier><title><narrative>Wells</narrative></title>
    ... <participating-org ref="XM-EX-A" role="1" type="10"><narrative>Ministry</narrative>
    ... </participating-org>
    ... <participating-org ref="XM-EX-B" role="4" type="22"><narrative>Trust</narrative>
    ... </participating-org>
    ... </iati-activity></iati-activities>''')
    >>> data, findings = read_iati(path)
    >>> [(p["id"], p["identifier"]) for p in data["partners"]]
    [('xm-ex-a', 'XM-EX-A'), ('xm-ex-b', 'XM-EX-B')]
    >>> data["partnerships"][0]["participants"][0]["roles"]
    ['funding']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from partnering._countries import COUNTRY_CODES
from partnering._format import SCHEMA_VERSION
from partnering._patterns import ORG_ID
from partnering.codelists import OrganisationType
from partnering.imports._dates import is_real_date
from partnering.imports._findings import Finding
from partnering.imports._iati_money import Money
from partnering.imports._names import name_key
from partnering.imports._partners import Ids, unknown_type
from partnering.imports._sources import named, sniff

__all__ = ["read_iati"]

NAMESPACE = "iati"
_ROLES = {"1": "funding", "2": "accountable", "3": "extending", "4": "implementing"}
_DATES = {"1": "planned-start", "2": "actual-start", "3": "planned-end", "4": "actual-end"}
_TYPES = frozenset(member.value for member in OrganisationType)
_COUNTRIES = frozenset(COUNTRY_CODES)
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NOT_APPLICABLE = frozenset({"n/a", "na", "none", "-", "0"})


def _narrative(element: Element | None) -> str | None:
    if element is None:
        return None
    for narrative in element.iter("narrative"):
        if narrative.text and narrative.text.strip():
            return " ".join(narrative.text.split())
    return None


class _Reader:
    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.findings: list[Finding] = []
        self._said: set[Finding] = set()
        self.partners: dict[str, dict[str, Any]] = {}
        self.partner_ids = Ids()
        self.partnership_ids = Ids()

    def note(self, code: str, where: str, value: object, result: object, detail: str) -> None:
        finding = Finding(
            code,
            where,
            None if value is None else str(value),
            None if result is None else str(result),
            detail,
        )
        # One organisation listed twice in an activity, for two roles, is one finding.
        if finding not in self._said:
            self._said.add(finding)
            self.findings.append(finding)

    def partner(self, org: Element, where: str) -> str | None:
        ref = (org.get("ref") or "").strip()
        name = _narrative(org)
        extensions: dict[str, Any] = {}
        identifier = None
        if ref and ref.casefold() in _NOT_APPLICABLE:
            self.note("ref-not-applicable", where, ref, None, "the reference is left out")
            ref = ""
        elif ref and not ORG_ID.matches(ref):
            detail = "kept under extensions as iati:ref"
            if ref.isdigit():
                detail = "a number such as a channel code, not an org-id; " + detail
            self.note("ref-not-organisation", where, ref, None, detail)
            extensions[f"{NAMESPACE}:ref"] = ref
        elif ref:
            identifier = ref
        if not name and not identifier:
            self.note(
                "row-set-aside", where, ref or None, None, "an organisation with no name or org-id"
            )
            return None
        key = identifier or name_key(name or "")
        known = self.partners.get(key)
        if known is not None:
            return str(known["id"])
        kind = org.get("type", "").strip()
        record: dict[str, Any] = {
            "id": self.partner_ids.make(identifier or name or "", where, self.findings),
            "name": name or identifier,
        }
        if kind in _TYPES:
            record["organisation_type"] = kind
        elif kind:
            extensions[f"{NAMESPACE}:type"] = kind
            self.findings.append(
                unknown_type(
                    where,
                    name or identifier,
                    f"{kind!r} is not an IATI OrganisationType code; imported without one, "
                    f"the code kept as {NAMESPACE}:type",
                )
            )
        else:
            self.findings.append(
                unknown_type(where, name or identifier, "no @type; imported without one")
            )
        if identifier:
            record["identifier"] = identifier
        if extensions:
            record["extensions"] = extensions
        self.partners[key] = record
        return str(record["id"])

    def dates(
        self, activity: Element, where: str, record: dict[str, Any], ext: dict[str, Any]
    ) -> None:
        found: dict[str, str] = {}
        for element in activity.iter("activity-date"):
            kind = _DATES.get(element.get("type", ""))
            text = element.get("iso-date", "")
            match = _ISO.match(text)
            if kind is None:
                continue
            if not match or not is_real_date(*(int(g) for g in match.groups())):
                self.note(
                    "date-impossible",
                    f"{where} activity-date type {element.get('type')}",
                    text,
                    None,
                    "no such day; kept as text under iati:activity-dates",
                )
                found[kind] = text
                continue
            found[kind] = match.group(0)
        if found:
            ext[f"{NAMESPACE}:activity-dates"] = found
        for field, kinds in (
            ("start_date", ("actual-start", "planned-start")),
            ("end_date", ("actual-end", "planned-end")),
        ):
            for kind in kinds:
                value = found.get(kind, "")
                match = _ISO.fullmatch(value)
                if match and is_real_date(*(int(g) for g in match.groups())):
                    record[field] = value
                    break

    def activity(self, activity: Element, number: int) -> dict[str, Any] | None:
        identifier = (activity.findtext("iati-identifier") or "").strip()
        where = f"{self.shown} activity {number}" + (f" ({identifier})" if identifier else "")
        title = _narrative(activity.find("title")) or identifier
        record: dict[str, Any] = {"title": title}
        ext: dict[str, Any] = {}
        if identifier:
            ext[f"{NAMESPACE}:identifier"] = identifier
        description = _narrative(activity.find("description"))
        if description:
            record["description"] = description
        participants: dict[str, dict[str, Any]] = {}
        for org in activity.iter("participating-org"):
            partner_id = self.partner(org, f"{where} participating-org")
            if partner_id is None:
                continue
            participant = participants.setdefault(
                partner_id, {"partner_id": partner_id, "roles": []}
            )
            role = _ROLES.get(org.get("role", ""))
            if role and role not in participant["roles"]:
                participant["roles"].append(role)
        countries = []
        for element in activity.iter("recipient-country"):
            code = element.get("code", "").strip().upper()
            if code in _COUNTRIES and code not in countries:
                countries.append(code)
            elif code not in _COUNTRIES:
                self.note(
                    "code-unknown",
                    f"{where} recipient-country",
                    code,
                    None,
                    "not an ISO 3166-1 code",
                )
        if countries:
            record["countries"] = countries
        regions = [dict(element.attrib) for element in activity.iter("recipient-region")]
        if regions:
            ext[f"{NAMESPACE}:recipient-regions"] = regions
            self.note(
                "to-extensions",
                where,
                "recipient-region",
                f"{NAMESPACE}:recipient-regions",
                "IATI region codes are not ISO 3166-2 subdivisions: the format has no "
                "field for them",
            )
        self.dates(activity, where, record, ext)
        sectors = [
            {**dict(sector.attrib), **({"name": _narrative(sector)} if _narrative(sector) else {})}
            for sector in activity.iter("sector")
        ]
        if sectors:
            ext[f"{NAMESPACE}:sectors"] = sectors
        if len(participants) < 2:
            self.note(
                "single-participant",
                where,
                title,
                None,
                f"{len(participants)} real participant(s); a partnership needs two; set aside",
            )
            return None
        record["participants"] = [{k: v for k, v in p.items() if v} for p in participants.values()]
        money = Money(where, {key: p["roles"] for key, p in participants.items()})
        resources, kept = money.budgets(activity)
        if resources:
            record["resources"] = resources
        if kept:
            ext[f"{NAMESPACE}:budgets"] = kept
        disbursements = money.disbursements(activity)
        if disbursements:
            ext[f"{NAMESPACE}:planned-disbursements"] = disbursements
        self.findings.extend(money.findings)
        record["extensions"] = ext
        made = self.partnership_ids.make(identifier or title, where)
        return {"id": made, **record}


def _activities(path: Path) -> Iterator[tuple[str, Element]]:
    from defusedxml.ElementTree import iterparse

    depth = 0
    for event, element in iterparse(str(path), events=("start", "end"), forbid_dtd=True):
        if event == "start":
            depth += 1
            if depth == 1:
                yield "root", element
            continue
        depth -= 1
        if element.tag == "iati-activity" and depth == 1:
            yield "activity", element


def read_iati(source: str | os.PathLike[str]) -> tuple[dict[str, Any] | None, list[Finding]]:
    """Read an IATI activity file into an exchange file's data, and the findings."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException

    path = Path(source)
    shown = path.name
    with path.open("rb") as stream:
        head = stream.read(4096)
    kind = sniff(head)
    if kind != "xml":
        what = named(kind) if kind else "text, not XML (a CSV table?)"
        return None, [
            Finding(
                "source-wrong-format",
                shown,
                None,
                None,
                f"{shown} is {what}, not IATI activity XML",
            )
        ]
    reader = _Reader(shown)
    partnerships = []
    try:
        root: Element | None = None
        number = 0
        for event, element in _activities(path):
            if event == "root":
                root = element
                if element.tag != "iati-activities":
                    return None, [
                        Finding(
                            "source-wrong-format",
                            shown,
                            element.tag,
                            None,
                            f"{shown} is XML, but not IATI activity XML",
                        )
                    ]
                version = element.get("version", "")
                if version not in ("2.01", "2.02", "2.03"):
                    reader.note(
                        "source-version",
                        shown,
                        version or None,
                        None,
                        "IATI versions 2.01 to 2.03 are read; reading it as 2.03",
                    )
                continue
            number += 1
            record = reader.activity(element, number)
            if record is not None:
                partnerships.append(record)
            element.clear()
            if root is not None:
                root.remove(element)
    except (ParseError, DefusedXmlException) as error:
        return None, [Finding("source-unreadable", shown, None, None, f"{shown}: {error}")]
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if reader.partners:
        data["partners"] = list(reader.partners.values())
    if partnerships:
        data["partnerships"] = partnerships
    return data, reader.findings
