"""The text-rich shape: files written like the bundled example, long on words and sources.

The compact shape (:func:`benchmarks.generate.dataset`) is short on text: names, codes and ids.
Real registries, like the bundled example, are not: descriptions run to a paragraph, every
record cites several sources with web addresses, and dates stand on members, partnerships,
events, communities and assessments. This shape takes the compact file of ``n`` partners
and writes it out that way, and adds ``n // 100`` events and ``n // 1000`` communities (at
least one of each). Seeded and deterministic; every file is valid, without a warning.

The file holds about 3.3 times the bytes of the compact one, and 6.5 web addresses per
partner where the compact one has 1.2.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from partnering.codelists import Sector

_PEOPLE = [
    "government", "business", "civil society", "donors", "academia", "the UN system",
    "philanthropy", "local authorities", "farmers' groups", "cooperatives",
]  # fmt: skip
_THINGS = [
    "smallholder incomes", "clean water in schools", "primary healthcare", "vocational skills",
    "off-grid solar power", "access to finance", "certified seed", "dairy value chains",
    "coffee quality", "rural clinics", "feeder roads", "market information", "social housing",
    "waste collection", "fisheries management", "community forests", "child nutrition",
    "youth employment", "women's enterprise", "digital payments", "cold-chain logistics",
]  # fmt: skip
_VERBS = [
    "brings together", "convenes", "brokers agreements between", "aligns the plans of",
    "pools the resources of", "builds trust among", "shares data between", "trains staff of",
]  # fmt: skip
_PLACES = [
    "Nairobi", "Lusaka", "Bogotá", "Medellín", "Singapore", "Dhaka", "Hà Nội", "São Paulo",
    "Kampala", "Accra", "Addis Ababa", "Lima", "Ciudad de México", "Kigali", "Maputo",
]  # fmt: skip
_OUTLETS = [
    "reports", "news-and-views", "publications/research-papers", "case-studies", "about-us",
    "resources/toolkits", "blog", "projects",
]  # fmt: skip
_SECTORS = [sector.value for sector in Sector if sector is not Sector.OTHER]


def _sentence(rng: random.Random) -> str:
    form = rng.randrange(4)
    if form == 0:
        return (
            f"It {rng.choice(_VERBS)} {rng.choice(_PEOPLE)} and {rng.choice(_PEOPLE)} "
            f"to improve {rng.choice(_THINGS)} in and around {rng.choice(_PLACES)}."
        )
    if form == 1:
        return (
            f"Since {rng.randrange(2005, 2021)}, its work on {rng.choice(_THINGS)} has reached "
            f"{rng.randrange(2, 400):,} communities, with support from {rng.choice(_PEOPLE)}."
        )
    if form == 2:
        return (
            f"The partners agreed to share the costs of {rng.choice(_THINGS)}, to report "
            f"progress each quarter, and to review the arrangement after "
            f"{rng.randrange(2, 6)} years."
        )
    return (
        f"An evaluation in {rng.randrange(2012, 2024)} found that {rng.choice(_THINGS)} had "
        f"improved where {rng.choice(_PEOPLE)} took part from the start, and less so elsewhere."
    )


def _paragraph(rng: random.Random, least: int, most: int) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randrange(least, most + 1)))


def _date(rng: random.Random, first: int, last: int) -> str:
    year, month, day = rng.randrange(first, last + 1), rng.randrange(1, 13), rng.randrange(1, 29)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _sources(rng: random.Random, slug: str, least: int, most: int) -> list[dict[str, Any]]:
    sources = []
    for number in range(rng.randrange(least, most + 1)):
        year = rng.randrange(2008, 2025)
        source: dict[str, Any] = {
            "title": f"{rng.choice(_THINGS).capitalize()}: what {rng.choice(_PEOPLE)} learnt "
            f"in {rng.choice(_PLACES)}, {year}"
        }
        if rng.random() < 0.9:
            source["url"] = (
                f"https://www.example.org/{rng.choice(_OUTLETS)}/{year}/{slug}-{number + 1}"
                f"/?lang=en&page={rng.randrange(1, 40)}#section-{rng.randrange(1, 9)}"
            )
        source["publisher"] = f"The {rng.choice(_PLACES)} Partnership Observatory"
        source["year"] = year
        sources.append(source)
    return sources


def _partner(rng: random.Random, partner: dict[str, Any]) -> None:
    partner["website"] = f"https://{partner['id']}.example.org/about/what-we-do/"
    partner["sources"] = _sources(rng, partner["id"], 2, 4)


def _partnership(rng: random.Random, partnership: dict[str, Any]) -> None:
    partnership["description"] = _paragraph(rng, 3, 6)
    for participant in partnership["participants"]:
        participant["contribution"] = _paragraph(rng, 1, 2)
    start = int(partnership["start_date"][:4])
    partnership["end_date"] = _date(rng, start + 1, start + 4)
    partnership["sources"] = _sources(rng, partnership["id"], 2, 4)


def _platform(rng: random.Random, platform: dict[str, Any]) -> None:
    platform["description"] = _paragraph(rng, 4, 8)
    platform["sources"] = _sources(rng, platform["id"], 3, 6)


def _assessment(rng: random.Random, assessment: dict[str, Any]) -> None:
    for rating in assessment["ratings"]:
        rating["evidence"] = _paragraph(rng, 1, 3)
        rating["actions"] = [_sentence(rng) for _ in range(rng.randrange(1, 4))]
    assessment["summary"] = _paragraph(rng, 3, 5)
    assessment["sources"] = _sources(rng, assessment["id"], 1, 3)


def _event(
    rng: random.Random, number: int, document: dict[str, Any], partner_ids: list[str]
) -> dict[str, Any]:
    start = datetime.date.fromisoformat(_date(rng, 2010, 2024))
    end = start + datetime.timedelta(days=rng.randrange(0, 3))
    place = rng.choice(_PLACES)
    return {
        "id": f"event-{number:05d}",
        "name": f"{place} forum on {rng.choice(_THINGS)}, {start.year}",
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "description": _paragraph(rng, 3, 6),
        "location": place,
        "convener_id": rng.choice(partner_ids),
        "sponsor_ids": rng.sample(partner_ids, rng.randrange(1, 4)),
        "participant_count": rng.randrange(10, 600),
        "country_count": rng.randrange(1, 40),
        "sectors_present": rng.sample(_SECTORS, rng.randrange(2, len(_SECTORS) + 1)),
        "challenge_ids": rng.sample([c["id"] for c in document["challenges"]], 3),
        "solution_ids": rng.sample([s["id"] for s in document["solutions"]], 2),
        "building_block_ids": rng.sample([b["id"] for b in document["building_blocks"]], 2),
        "sources": _sources(rng, f"event-{number:05d}", 2, 4),
    }


def _community(
    rng: random.Random, number: int, partner_ids: list[str], platform_ids: list[str]
) -> dict[str, Any]:
    return {
        "id": f"community-{number:04d}",
        "name": f"Community of practice on {rng.choice(_THINGS)} {number}",
        "description": _paragraph(rng, 3, 6),
        "convener_id": rng.choice(partner_ids),
        "platform_ids": rng.sample(platform_ids, min(len(platform_ids), 4)),
        "launched_on": _date(rng, 2012, 2024),
        "sources": _sources(rng, f"community-{number:04d}", 2, 4),
    }


def enrich(document: dict[str, Any], *, seed: int) -> dict[str, Any]:
    """Write a compact document out as a text-rich one, in place; return it."""
    partners = len(document["partners"])
    rng = random.Random(seed * 7_000_003 + partners)
    for partner in document["partners"]:
        _partner(rng, partner)
    for partnership in document["partnerships"]:
        _partnership(rng, partnership)
    for platform in document["platforms"]:
        _platform(rng, platform)
    for assessment in document["assessments"]:
        _assessment(rng, assessment)
    partner_ids = [partner["id"] for partner in document["partners"]]
    platform_ids = [platform["id"] for platform in document["platforms"]]
    document["description"] = _paragraph(rng, 4, 6)
    document["events"] = [
        _event(rng, number, document, partner_ids) for number in range(max(1, partners // 100))
    ]
    document["communities"] = [
        _community(rng, number, partner_ids, platform_ids)
        for number in range(max(1, partners // 1000))
    ]
    return document
