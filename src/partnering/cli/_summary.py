"""``partnering summary``: what a valid exchange file holds, as data first and then as text.

:func:`summarise` reads a dataset into a :class:`Summary` of plain counts; the entity lists
it counts, and the reference by which partnerships name their platform, come from
:data:`partnering.entities.ENTITIES`, so a new list is counted as soon as the models declare
it. :func:`render_summary` only lays the record out.

Example:
    >>> from partnering import example_path, load
    >>> summary = summarise(load(example_path()))
    >>> [name for name, _ in summary.records][:3]
    ['platforms', 'partners', 'partnerships']
    >>> print(render_summary(summary, "platforms.json").splitlines()[1])
    platforms.json, format 1.1
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import attrs

from partnering._render import shown, table
from partnering.cli._dataset import Steps, read_dataset
from partnering.codelists import PlatformScope, Sector
from partnering.entities import ENTITIES, Reference
from partnering.models import Dataset

__all__ = ["Brokered", "Summary", "render_summary", "run_summary", "summarise"]

#: A name and a count, as a row of a table.
Row = tuple[str, int]

#: The reference by which a partnership names the platform that brokers it.
BROKERED_BY: Reference = next(
    reference
    for reference in ENTITIES.references
    if (reference.source, reference.within, reference.field)
    == ("partnerships", None, "platform_id")
)


@attrs.frozen(kw_only=True)
class Brokered:
    """How many records of one list name one record of another, such as a platform.

    Attributes:
        id: the id named.
        name: the name of the record with that id, or ``None`` when no record has it.
        count: how many records name it.
    """

    id: str
    name: str | None
    count: int


@attrs.frozen(kw_only=True)
class Summary:
    """What an exchange file holds, in counts: plain data, ready to be shown or written.

    Attributes:
        title: the dataset's title, if it has one.
        schema_version: the version of the interchange format the file is written in.
        records: each entity list's name and its number of records, in the dataset's order.
        platforms_by_country: each country code and its number of platforms, codes sorted.
        platforms_without_country: how many platforms name no country.
        platforms_by_scope: each scope and its number of platforms, in the code list's order;
            scopes without platforms are left out.
        partners_by_sector: each sector and its number of partners, as for the scopes; last,
            ``unknown`` for the partners that give neither a sector nor an organisation type.
        partnerships_by_platform: the platforms that broker partnerships, in the file's order,
            then the ids that partnerships name but no platform has.
        partnerships_without_platform: how many partnerships name no platform.
    """

    title: str | None
    schema_version: str
    records: tuple[Row, ...]
    platforms_by_country: tuple[Row, ...]
    platforms_without_country: int
    platforms_by_scope: tuple[Row, ...]
    partners_by_sector: tuple[Row, ...]
    partnerships_by_platform: tuple[Brokered, ...]
    partnerships_without_platform: int


def _named(dataset: Dataset, reference: Reference) -> tuple[tuple[Brokered, ...], int]:
    """Count the records that name each target of a single-id reference, and those naming none."""
    names = {record.id: record.name for record in getattr(dataset, reference.target)}
    counts: Counter[str | None] = Counter(
        getattr(record, reference.field) for record in getattr(dataset, reference.source)
    )
    known = [Brokered(id=key, name=names[key], count=counts[key]) for key in names if counts[key]]
    unknown = [
        Brokered(id=key, name=None, count=counts[key])
        for key in counts
        if key is not None and key not in names
    ]
    return (*known, *unknown), counts[None]


def summarise(dataset: Dataset) -> Summary:
    """Count what a dataset holds.

    Example:
        >>> from partnering.models import Dataset
        >>> summary = summarise(Dataset(title="Empty"))
        >>> summary.title, summary.records[0], summary.partnerships_without_platform
        ('Empty', ('platforms', 0), 0)
    """
    platforms = dataset.platforms
    countries: Counter[str] = Counter()
    for platform in platforms:
        countries.update(platform.countries)
    scopes = Counter(platform.scope for platform in platforms)
    sectors = Counter(partner.effective_sector for partner in dataset.partners)
    brokered, without_platform = _named(dataset, BROKERED_BY)
    return Summary(
        title=dataset.title,
        schema_version=dataset.schema_version,
        records=tuple(
            (entity.name, len(getattr(dataset, entity.name))) for entity in ENTITIES.lists
        ),
        platforms_by_country=tuple((code, countries[code]) for code in sorted(countries)),
        platforms_without_country=sum(1 for platform in platforms if not platform.countries),
        platforms_by_scope=tuple(
            (scope.value, scopes[scope]) for scope in PlatformScope if scopes[scope]
        ),
        partners_by_sector=(
            *((sector.value, sectors[sector]) for sector in Sector if sectors[sector]),
            *((("unknown", sectors[None]),) if sectors[None] else ()),
        ),
        partnerships_by_platform=brokered,
        partnerships_without_platform=without_platform,
    )


def _section(heading: str, rows: list[Row]) -> list[str]:
    # An empty section says so, rather than end the summary on a bare heading.
    return ["", f"{heading}:", *(table(rows) if rows else ["  (none)"])]


def render_summary(summary: Summary, label: str) -> str:
    r"""Lay a summary out as text for a person, ending with a newline.

    Args:
        summary: the counts.
        label: the file's name as the user gave it; it is escaped here, as is the title.

    Example:
        >>> from partnering.models import Dataset
        >>> text = render_summary(summarise(Dataset(title="Empty")), "empty.json")
        >>> print("\n".join(text.splitlines()[:5]))
        Empty
        empty.json, format 1.1
        <BLANKLINE>
        records:
          platforms        0
    """
    lines = []
    if summary.title:
        lines.append(shown(summary.title, 200))
    lines.append(f"{shown(label)}, format {summary.schema_version}")
    lines += _section("records", [(name.replace("_", " "), n) for name, n in summary.records])

    rows = [(shown(code), count) for code, count in summary.platforms_by_country]
    if summary.platforms_without_country:
        rows.append(("(no country)", summary.platforms_without_country))
    lines += _section("platforms by country", rows)
    lines += _section("platforms by scope", list(summary.platforms_by_scope))
    lines += _section("partners by sector", list(summary.partners_by_sector))

    noun = ENTITIES.noun(BROKERED_BY.target)
    rows = [
        (shown(item.name, 80), item.count)
        if item.name is not None
        else (f"(unknown {noun} {shown(item.id, 40)!r})", item.count)
        for item in summary.partnerships_by_platform
    ]
    if summary.partnerships_without_platform:
        rows.append((f"(no {noun})", summary.partnerships_without_platform))
    lines += _section(f"{BROKERED_BY.source} by {noun}", rows)
    return "\n".join(lines) + "\n"


def run_summary(args: argparse.Namespace) -> int:
    """Run ``partnering summary`` with the parsed arguments, and return the exit status."""
    # Summing up is quick: no step is worth a status line.
    dataset, status, label = read_dataset(args.file, Steps(sys.stderr, enabled=False))
    if dataset is None:
        return status
    sys.stdout.write(render_summary(summarise(dataset), label))
    return 0
