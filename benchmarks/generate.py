"""Synthetic exchange files for the benchmark: realistic, seeded and deterministic.

A file of ``n`` partners holds as many partnerships, ``n // 100`` platforms (each with one
assessment against the real framework), and the real framework, building blocks, challenges
and solutions of the bundled example. Every file is valid: no schema issue and no rule issue,
not even a warning. :func:`corrupt` makes a copy with 1% of the records broken in varied ways,
some caught by the schema and some only by the rules across the file.

Run it alone to write a file: ``python -m benchmarks.generate 10000 out.json``.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import text_rich
from partnering import example_path
from partnering.codelists import (
    Agreement,
    HostingModel,
    MembershipRole,
    OrganisationType,
    ParticipantRole,
    PartnershipStage,
    PartnershipType,
    PlatformFunction,
    PlatformScope,
    PlatformStage,
    PlatformType,
    Rating,
    Sector,
    sector_of,
)

SEED = 20140413

_COUNTRIES = [
    "KE", "ZM", "CO", "SG", "GB", "SE", "MX", "IN", "BR", "NG", "ZA", "GH", "TZ", "UG", "ET",
    "RW", "MZ", "MW", "BD", "VN", "ID", "PH", "PE", "CL", "AR", "EG", "MA", "JO", "NP", "PK",
]  # fmt: skip
_WORDS = [
    "cassava", "water", "health", "skills", "energy", "finance", "seeds", "dairy", "coffee",
    "clinics", "schools", "roads", "markets", "housing", "waste", "solar", "fisheries",
    "forests", "nutrition", "jobs", "youth", "women", "digital", "logistics", "tourism",
]  # fmt: skip
_KINDS = [
    "Foundation", "Trust", "Group", "Council", "Network", "Institute", "Association",
    "Ministry", "Agency", "Cooperative", "Holdings", "University", "Alliance",
]  # fmt: skip
_NAMES = [
    "Amani", "Baraka", "Cóndor", "Dunia", "Equinox", "Fénix", "Grace", "Harambee",
    "Imani", "Jua", "Kilimo", "Luz", "Mvua", "Nyota", "Orizon", "Pamoja", "Quetzal",
    "Raíz", "Sauti", "Tumaini", "Ubuntu", "Vida", "Wema", "Xochi", "Yaku", "Zawadi",
]  # fmt: skip
_PUBLISHERS = [
    "The Partnering Initiative", "UN DESA", "Business Call to Action", "Partnerships 2030", "Sida",
]  # fmt: skip


def _example() -> dict[str, Any]:
    with Path(example_path()).open(encoding="utf-8") as stream:
        loaded: dict[str, Any] = json.load(stream)
    return loaded


def _source(rng: random.Random, slug: str) -> dict[str, Any]:
    source: dict[str, Any] = {"title": f"{slug.replace('-', ' ').title()}: annual report"}
    if rng.random() < 0.7:
        source["url"] = f"https://www.example.org/reports/{slug}/{rng.randrange(2010, 2025)}"
    source["publisher"] = rng.choice(_PUBLISHERS)
    if rng.random() < 0.6:
        source["year"] = rng.randrange(2010, 2025)
    return source


def _date(rng: random.Random, first: int, last: int) -> str:
    year, month, day = rng.randrange(first, last + 1), rng.randrange(1, 13), rng.randrange(1, 29)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _partner(rng: random.Random, number: int) -> dict[str, Any]:
    kind = rng.choice(list(OrganisationType)[:-1])  # never 'Other', so sectors are known
    name = f"{rng.choice(_NAMES)} {rng.choice(_WORDS).title()} {rng.choice(_KINDS)} {number}"
    partner: dict[str, Any] = {
        "id": f"org-{number:06d}",
        "name": name,
        "organisation_type": kind.value,
    }
    if rng.random() < 0.3:
        partner["sector"] = sector_of(kind).value
    if rng.random() < 0.5:
        partner["identifier"] = f"{rng.choice(_COUNTRIES)}-COH-{rng.randrange(10**7, 10**8)}"
    if rng.random() < 0.5:
        partner["acronym"] = "".join(word[0] for word in name.split()[:3]).upper()
    partner["country"] = rng.choice(_COUNTRIES)
    if rng.random() < 0.6:
        partner["website"] = f"https://org-{number:06d}.example.org/"
    if rng.random() < 0.4:
        partner["sources"] = [_source(rng, partner["id"])]
    return partner


def _partnership(
    rng: random.Random, number: int, by_sector: dict[str, list[str]], platform_ids: list[str]
) -> dict[str, Any]:
    sectors = rng.sample(sorted(by_sector), rng.randrange(2, 4))  # always cross-sector
    participants = []
    for k, sector in enumerate(sectors):
        participant: dict[str, Any] = {
            "partner_id": rng.choice(by_sector[sector]),
            "roles": rng.sample([role.value for role in ParticipantRole], rng.randrange(1, 3)),
        }
        if k == 0:
            participant["lead"] = True
        if rng.random() < 0.2:
            participant["contribution"] = f"Brings {rng.choice(_WORDS)} expertise and staff time."
        participants.append(participant)
    topic = rng.choice(_WORDS)
    partnership: dict[str, Any] = {
        "id": f"pship-{number:06d}",
        "title": f"{topic.title()} partnership {number}",
        "participants": participants,
    }
    if rng.random() < 0.3:
        partnership["description"] = (
            f"A partnership on {topic}, brokered to combine what each sector brings."
        )
    if platform_ids:
        partnership["platform_id"] = rng.choice(platform_ids)
    if rng.random() < 0.6:
        partnership["partnership_type"] = rng.choice(list(PartnershipType)).value
    if rng.random() < 0.6:
        partnership["stage"] = rng.choice(list(PartnershipStage)).value
    if rng.random() < 0.6:
        partnership["agreement"] = rng.choice(list(Agreement)).value
    goals = sorted(rng.sample(range(1, 18), rng.randrange(1, 4)))
    partnership["sdgs"] = goals
    if rng.random() < 0.3:
        partnership["sdg_targets"] = sorted({f"{goal}.{rng.randrange(1, 10)}" for goal in goals})
    partnership["countries"] = sorted(rng.sample(_COUNTRIES, rng.randrange(1, 3)))
    start = rng.randrange(2005, 2022)
    partnership["start_date"] = _date(rng, start, start)
    if rng.random() < 0.5:
        partnership["end_date"] = _date(rng, start + 1, start + 4)
    if rng.random() < 0.3:
        partnership["sources"] = [_source(rng, partnership["id"])]
    return partnership


def _platform(
    rng: random.Random,
    number: int,
    partner_ids: list[str],
    challenge_ids: list[str],
) -> dict[str, Any]:
    scope = rng.choice(list(PlatformScope))
    members = rng.sample(partner_ids, min(len(partner_ids), 5))
    platform: dict[str, Any] = {
        "id": f"platform-{number:04d}",
        "name": f"{rng.choice(_NAMES)} Partnership Platform {number}",
        "scope": scope.value,
        "hosting_model": rng.choice(list(HostingModel)).value,
        "description": "A standing platform that convenes and brokers partnerships between "
        "business, government, civil society and donors.",
        "countries": sorted(rng.sample(_COUNTRIES, rng.randrange(1, 4))),
        "platform_type": rng.choice(list(PlatformType)).value,
        "themes": rng.sample(_WORDS, 3),
        "sdgs": sorted(rng.sample(range(1, 18), 3)),
        "host_id": members[0],
        "functions": rng.sample([f.value for f in PlatformFunction], 2),
        "stage": rng.choice(list(PlatformStage)).value,
        "launched_on": _date(rng, 2008, 2020),
        "members": [
            {
                "partner_id": member,
                "roles": [MembershipRole.HOST.value]
                if k == 0
                else rng.sample([r.value for r in MembershipRole if r.value != "host"], 1),
                "since": _date(rng, 2008, 2020),
            }
            for k, member in enumerate(members)
        ],
        "challenge_ids": rng.sample(challenge_ids, 3),
        "website": f"https://platform-{number:04d}.example.org/",
        "sources": [_source(rng, f"platform-{number:04d}")],
    }
    return platform


def _assessment(
    rng: random.Random, platform_id: str, framework_id: str, block_ids: list[str]
) -> dict[str, Any]:
    return {
        "id": f"assessment-{platform_id}",
        "platform_id": platform_id,
        "framework_id": framework_id,
        "assessed_on": _date(rng, 2015, 2023),
        "ratings": [
            {
                "building_block_id": block,
                "rating": rng.choice(list(Rating)).value,
                "evidence": "Interviews with the secretariat and members.",
            }
            for block in block_ids
        ],
        "assessor": "The Partnering Initiative",
    }


#: The shapes of file: compact (names, codes and ids) and text-rich (like the bundled example).
SHAPES = ("compact", "text-rich")


def dataset(partners: int, *, seed: int = SEED, shape: str = "compact") -> dict[str, Any]:
    """Return a valid exchange document with ``partners`` partners, as parsed JSON.

    ``shape`` is one of :data:`SHAPES`: ``text-rich`` writes the same records with long
    descriptions, several sources each and dates everywhere, and adds events and communities
    (see :mod:`benchmarks.text_rich`).
    """
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}; expected one of {', '.join(SHAPES)}")
    document = _compact(partners, seed)
    return text_rich.enrich(document, seed=seed) if shape == "text-rich" else document


def _compact(partners: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed * 1_000_003 + partners)
    example = _example()
    challenge_ids = [challenge["id"] for challenge in example["challenges"]]
    framework_id = example["frameworks"][0]["id"]
    block_ids = [
        block["id"] for block in example["building_blocks"] if block["framework_id"] == framework_id
    ]
    partner_list = [_partner(rng, number) for number in range(partners)]
    by_sector: dict[str, list[str]] = {}
    for partner in partner_list:
        sector = (
            partner.get("sector") or sector_of(OrganisationType(partner["organisation_type"])).value
        )
        if sector != Sector.OTHER.value:
            by_sector.setdefault(sector, []).append(partner["id"])
    partner_ids = [partner["id"] for partner in partner_list]
    platforms = [
        _platform(rng, number, partner_ids, challenge_ids)
        for number in range(max(1, partners // 100))
    ]
    platform_ids = [platform["id"] for platform in platforms]
    return {
        "schema_version": "1.0",
        "title": f"Synthetic registry of {partners:,} partners",
        "description": "Synthetic data for the benchmark, shaped like a real registry.",
        "publisher": {"name": "The partnering project", "identifier": "GB-COH-09506232"},
        "published_at": "2026-01-31T09:30:00Z",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "platforms": platforms,
        "partners": partner_list,
        "partnerships": [
            _partnership(rng, number, by_sector, platform_ids) for number in range(partners)
        ],
        "challenges": example["challenges"],
        # The example's solutions name its real platforms as examples; those are not here.
        "solutions": [
            {key: value for key, value in solution.items() if key != "example_platform_ids"}
            for solution in example["solutions"]
        ],
        "frameworks": example["frameworks"],
        "building_blocks": example["building_blocks"],
        "assessments": [
            _assessment(rng, platform_id, framework_id, block_ids) for platform_id in platform_ids
        ],
    }


# --- Corruption ----------------------------------------------------------------------------------

Mutation = Callable[[random.Random, dict[str, Any], dict[str, Any]], None]


def _set(field: str, value: Any) -> Mutation:
    def mutate(rng: random.Random, record: dict[str, Any], document: dict[str, Any]) -> None:
        record[field] = copy.deepcopy(value)

    return mutate


def _drop(field: str) -> Mutation:
    def mutate(rng: random.Random, record: dict[str, Any], document: dict[str, Any]) -> None:
        record.pop(field, None)

    return mutate


def _rename(old: str, new: str) -> Mutation:
    def mutate(rng: random.Random, record: dict[str, Any], document: dict[str, Any]) -> None:
        if old in record:
            record[new] = record.pop(old)

    return mutate


def _duplicate_id(list_name: str) -> Mutation:
    def mutate(rng: random.Random, record: dict[str, Any], document: dict[str, Any]) -> None:
        record["id"] = document[list_name][0]["id"]

    return mutate


def _end_before_start(rng: random.Random, record: dict[str, Any], document: Any) -> None:
    record["start_date"] = "2019-06-01"
    record["end_date"] = "2018-06-01"


def _dangling_participant(rng: random.Random, record: dict[str, Any], document: Any) -> None:
    record["participants"][0]["partner_id"] = record["participants"][0]["partner_id"] + "x"


def _participant_extra(rng: random.Random, record: dict[str, Any], document: Any) -> None:
    record["participants"][1]["role"] = ["broker"]


def _sdg_twice(rng: random.Random, record: dict[str, Any], document: Any) -> None:
    record["sdgs"] = [*record["sdgs"], record["sdgs"][0]]


def _member_without_roles(rng: random.Random, record: dict[str, Any], document: Any) -> None:
    record["members"][1]["roles"] = []


def _host_elsewhere(rng: random.Random, record: dict[str, Any], document: Any) -> None:
    record["host_id"] = "org-missing"


#: Ways to break a record of each list, schema issues and rule issues mixed.
MUTATIONS: dict[str, list[tuple[str, Mutation]]] = {
    "partners": [
        ("missing name", _drop("name")),
        ("typo in a field name", _rename("website", "webiste")),
        ("unknown organisation type", _set("organisation_type", "99")),
        ("name is a number", _set("name", 42)),
        ("null acronym", _set("acronym", None)),
        ("empty name", _set("name", "")),
        ("id with a space", _set("id", "org with space")),
        ("country in lower case", _set("country", "ke")),
        ("website with a space", _set("website", "https://exa mple.org/")),
        ("repeated id", _duplicate_id("partners")),
        ("sector contradicts type", _set("sector", "private")),
        ("extension key without namespace", _set("extensions", {"window": 3})),
        ("source year as text", _set("sources", [{"title": "Report", "year": "2014"}])),
    ],
    "partnerships": [
        ("impossible date", _set("start_date", "2014-02-30")),
        ("date without zero padding", _set("start_date", "2014-4-13")),
        ("end before start", _end_before_start),
        ("SDG out of range", _set("sdgs", [0, 18])),
        ("SDG listed twice", _sdg_twice),
        ("one participant", _set("participants", [{"partner_id": "org-000000"}])),
        ("dangling partner", _dangling_participant),
        ("unknown field in a participant", _participant_extra),
        ("SDG target without its goal", _set("sdg_targets", ["16.1"])),
        ("bad SDG target", _set("sdg_targets", ["3.x"])),
        ("unknown stage", _set("stage", "finished")),
        ("participants is an object", _set("participants", {"partner_id": "org-000000"})),
        ("repeated id", _duplicate_id("partnerships")),
    ],
    "platforms": [
        ("missing scope", _drop("scope")),
        ("member without roles", _member_without_roles),
        ("host is not a member", _host_elsewhere),
        ("launched in the future", _set("launched_on", "2999-01-01")),
        ("unknown hosting model", _set("hosting_model", "ngo-hosted")),
    ],
}


def corrupt(document: dict[str, Any], *, rate: float = 0.01, seed: int = SEED) -> dict[str, Any]:
    """Return a copy of ``document`` with ``rate`` of its entity records broken.

    The broken records are spread evenly through the partners, partnerships and platforms, and
    each gets one mutation, chosen in turn so that every kind of mistake appears.
    """
    rng = random.Random(seed + 1)
    broken = copy.deepcopy(document)
    for list_name, mutations in MUTATIONS.items():
        records = broken[list_name]
        count = max(1, round(len(records) * rate))
        chosen = sorted(rng.sample(range(1, len(records)), min(count, len(records) - 1)))
        for turn, index in enumerate(chosen):
            _, mutate = mutations[turn % len(mutations)]
            mutate(rng, records[index], broken)
    return broken


def encode(document: dict[str, Any]) -> bytes:
    """Write a document as an exchange file is written: indented UTF-8 JSON."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def main(argv: list[str]) -> int:
    flags = {"--corrupt", "--text-rich"}
    positional = [arg for arg in argv if arg not in flags]
    if len(positional) != 2 or not positional[0].isdigit():
        print(
            "usage: python -m benchmarks.generate PARTNERS OUTPUT [--corrupt] [--text-rich]",
            file=sys.stderr,
        )
        return 2
    shape = "text-rich" if "--text-rich" in argv else "compact"
    document = dataset(int(positional[0]), shape=shape)
    Path(positional[1]).write_bytes(encode(corrupt(document) if "--corrupt" in argv else document))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
