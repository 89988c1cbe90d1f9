"""Layer 2 of validation: rules across the file that a JSON Schema cannot express.

The rules read the parsed JSON (dicts and lists), not models, so that they also run on files
whose records break the schema: every problem is reported at once. A rule skips, without a
word, any value of the wrong type (the schema layer reports those) and never raises, whatever
JSON it is given. Each rule is a small function with its own code; all of them share one
:class:`_Index` of the records and ids of each entity list, built once, and each makes one pass,
so a file of 100,000 partners is checked in linear time.

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
    >>> data = {"partners": [{"id": "tpi"}, {"id": "tpi"}]}
    >>> [(issue.code, issue.pointer) for issue in rule_issues(data, today=date(2026, 1, 1))]
    [('duplicate-id', '/partners/1/id')]
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

import attrs

from partnering._format import SCHEMA_VERSION
from partnering._patterns import DATE, ORG_ID, SDG_TARGET
from partnering._text import excerpt, quote
from partnering.catalogue import RULE_CODES
from partnering.codelists import OrganisationType, Sector, sector_of
from partnering.report import Issue, Path

__all__ = ["rule_issues"]


_ARRAY = (list, tuple)
# dict first: an exact type check is much faster than the Mapping ABC's, which stays as fallback.
_OBJECT = (dict, Mapping)
_ABSENT: Any = object()

#: The entity lists, with the noun that names one of their records in messages.
_NOUNS: Mapping[str, str] = {
    "platforms": "platform",
    "partners": "partner",
    "partnerships": "partnership",
    "challenges": "challenge",
    "solutions": "solution",
    "frameworks": "framework",
    "building_blocks": "building block",
    "assessments": "assessment",
    "events": "event",
    "communities": "community",
}

# Ids longer than this are matched for suggestions only when they differ in case: their
# one-deletion variants would cost more to index than a typo in them is likely.
_SUGGESTION_MAX_LENGTH = 64


_SECTORS: Mapping[str, Sector] = {sector.value: sector for sector in Sector}
_TYPES: Mapping[str, OrganisationType] = {kind.value: kind for kind in OrganisationType}

_Record = Mapping[str, Any]


class _Index:
    """The records of each entity list and the ids they use, built once for every rule."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        # Only lists and ints are kept per record: millions of small tuples would wake the
        # garbage collector again and again on a large file.
        self._lists: dict[str, Sequence[Any]] = {}
        #: Per list, each id with the index of its first occurrence.
        self.ids: dict[str, dict[str, int]] = {}
        for name in _NOUNS:
            items = data.get(name)
            items = items if isinstance(items, _ARRAY) else ()
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if isinstance(item, _OBJECT):
                    ident = item.get("id")
                    if isinstance(ident, str) and ident not in first:
                        first[ident] = i
            self._lists[name] = items
            self.ids[name] = first
        #: The dataset's publisher, of whatever type it has.
        self.publisher: object = data.get("publisher")
        self._near: dict[str, dict[str, list[str]]] = {}
        self._sorted: dict[str, list[tuple[str, str]]] = {}
        self._sectors: dict[str, Sector | None] = {}
        self._blocks: dict[str, list[str]] | None = None

    def records(self, name: str) -> Iterator[tuple[int, _Record]]:
        """Yield the records of list ``name`` that are objects, with their indices."""
        for i, item in enumerate(self._lists[name]):
            if isinstance(item, _OBJECT):
                yield i, item

    def record(self, name: str, ident: str) -> _Record | None:
        """Return the first record of list ``name`` with this id, if there is one."""
        i = self.ids[name].get(ident)
        return None if i is None else self._lists[name][i]

    def suggest(self, name: str, word: str) -> str:
        """Suggest the id of list ``name`` closest to ``word``, as `` (did you mean 'x'?)``.

        Candidates are the ids a letter or two away, ignoring case (letters missing, added,
        changed or swapped), found through an index of each id with one letter deleted
        and looked up with the word less up to two letters, and the ids that continue the
        word by up to three letters. The index is built on the first
        suggestion a list needs, so it costs time in proportion to the file only when a
        reference dangles; each look-up then costs time in proportion to the word, never to
        the number of ids. As difflib's close matches do, a candidate must be at least 60%
        similar.
        """
        near = self._near.get(name)
        if near is None:
            near = self._near[name] = _one_deletion_index(self.ids[name])
            self._sorted[name] = sorted((ident.lower(), ident) for ident in self.ids[name])
        lowered = word.lower()
        # Ids that go on where the word stops, such as a missing plural: a sorted look-up.
        ordered = self._sorted[name]
        start = bisect.bisect_left(ordered, (lowered, ""))
        candidates = {
            ident
            for key, ident in ordered[start : start + 5]
            if key.startswith(lowered) and len(key) - len(lowered) <= 3
        }
        once = set(_one_deletions(lowered))
        twice = {shorter for key in once for shorter in _one_deletions(key)}
        for key in {lowered, *once, *twice}:
            candidates.update(near.get(key, ()))
        candidates.discard(word)
        scored = [
            (-difflib.SequenceMatcher(None, lowered, ident.lower()).ratio(), ident)
            for ident in candidates
        ]
        scored = [(score, ident) for score, ident in scored if score <= -0.6]
        return f" (did you mean {quote(min(scored)[1])}?)" if scored else ""

    def sector(self, partner_id: str) -> Sector | None:
        """Return the sector of the partner with this id, if it exists and has a known one."""
        if partner_id not in self._sectors:
            found = self.record("partners", partner_id)
            self._sectors[partner_id] = None if found is None else _sector_of_record(found)
        return self._sectors[partner_id]

    def blocks_by_framework(self) -> Mapping[str, list[str]]:
        """Return the building block ids of each framework id, in the order of the file."""
        if self._blocks is None:
            self._blocks = {}
            blocks = self._lists["building_blocks"]
            for ident, i in self.ids["building_blocks"].items():
                framework = blocks[i].get("framework_id")
                if isinstance(framework, str):
                    self._blocks.setdefault(framework, []).append(ident)
        return self._blocks


def _one_deletions(word: str) -> Iterator[str]:
    if len(word) <= _SUGGESTION_MAX_LENGTH:
        for position in range(len(word)):
            yield word[:position] + word[position + 1 :]


def _one_deletion_index(ids: Iterable[str]) -> dict[str, list[str]]:
    """Map each id, and each id with one letter deleted, lower-cased, to the ids."""
    index: dict[str, list[str]] = {}
    for ident in ids:
        lowered = ident.lower()
        for key in {lowered, *_one_deletions(lowered)}:
            index.setdefault(key, []).append(ident)
    return index


def _sector_of_record(partner: _Record) -> Sector | None:
    stated = partner.get("sector")
    if isinstance(stated, str) and stated in _SECTORS:
        return _SECTORS[stated]
    kind = partner.get("organisation_type")
    if isinstance(kind, str) and kind in _TYPES:
        return sector_of(_TYPES[kind])
    return None


def _date(value: object) -> date | None:
    """Read a date written YYYY-MM-DD, or return None for anything else."""
    if isinstance(value, str) and DATE.matches(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _name(name: str, record: _Record, index: int) -> str:
    """Name a record in a message: by its id, or by its place when it has none."""
    ident = record.get("id")
    noun = _NOUNS[name]
    return f"{noun} {quote(ident)}" if isinstance(ident, str) else f"the {noun} at index {index}"


def _issue(code: str, path: Path, message: str, hint: str, value: Any = _ABSENT) -> Issue:
    return Issue(
        code=code,
        severity=RULE_CODES[code].severity,
        path=path,
        message=message,
        hint=hint,
        excerpt=None if value is _ABSENT else excerpt(value),
    )


def _strings(values: object) -> Iterator[tuple[int, str]]:
    """Yield the text items of a list with their indices; anything else yields nothing."""
    if isinstance(values, _ARRAY):
        for k, value in enumerate(values):
            if isinstance(value, str):
                yield k, value


def _objects(values: object) -> Iterator[tuple[int, _Record]]:
    """Yield the object items of a list with their indices; anything else yields nothing."""
    if isinstance(values, _ARRAY):
        for k, value in enumerate(values):
            if isinstance(value, _OBJECT):
                yield k, value


_Rule = Callable[[_Index, date], Iterator[Issue]]
_RULES: list[_Rule] = []


def _rule(function: _Rule) -> _Rule:
    _RULES.append(function)
    return function


def _demo(rule: _Rule, data: Mapping[str, Any], today: date = date(2026, 1, 1)) -> list[str]:
    """Run one rule on ``data`` and list what it reports as ``code at pointer`` (for examples)."""
    return [f"{issue.code} at {issue.pointer}" for issue in rule(_Index(data), today)]


@_rule
def _duplicate_ids(index: _Index, today: date) -> Iterator[Issue]:
    """Report every record whose id an earlier record of the same list has.

    Example:
        >>> _demo(_duplicate_ids, {"partners": [{"id": "a"}, {"id": "b"}, {"id": "a"}]})
        ['duplicate-id at /partners/2/id']
    """
    for name, noun in _NOUNS.items():
        first = index.ids[name]
        for i, record in index.records(name):
            ident = record.get("id")
            if not isinstance(ident, str):
                continue
            earlier = first[ident]
            if earlier != i:
                yield _issue(
                    "duplicate-id",
                    (name, i, "id"),
                    f"the id {quote(ident)} is already used by the {noun} at index {earlier}",
                    f"give each {noun} its own id; if both records describe the same {noun}, "
                    "merge them",
                    ident,
                )


@attrs.frozen
class _Reference:
    """A field of one list that names records of another list by id."""

    source: str
    field: str
    target: str
    verb: str
    many: bool = False
    within: str | None = None


_REFERENCES = (
    _Reference("platforms", "host_id", "partners", "names host"),
    _Reference("platforms", "parent_id", "platforms", "names parent platform"),
    _Reference("platforms", "partner_id", "partners", "names member", within="members"),
    _Reference("platforms", "challenge_ids", "challenges", "names challenge", many=True),
    _Reference("partnerships", "platform_id", "platforms", "names platform"),
    _Reference(
        "partnerships", "partner_id", "partners", "names participant", within="participants"
    ),
    _Reference("solutions", "challenge_ids", "challenges", "addresses challenge", many=True),
    _Reference(
        "solutions", "building_block_ids", "building_blocks", "names building block", many=True
    ),
    _Reference(
        "solutions", "example_platform_ids", "platforms", "names example platform", many=True
    ),
    _Reference("building_blocks", "framework_id", "frameworks", "names framework"),
    _Reference("building_blocks", "challenge_ids", "challenges", "addresses challenge", many=True),
    _Reference("assessments", "platform_id", "platforms", "assesses platform"),
    _Reference("assessments", "framework_id", "frameworks", "names framework"),
    _Reference(
        "assessments",
        "building_block_id",
        "building_blocks",
        "rates building block",
        within="ratings",
    ),
    _Reference("events", "convener_id", "partners", "names convener"),
    _Reference("events", "sponsor_ids", "partners", "names sponsor", many=True),
    _Reference("events", "challenge_ids", "challenges", "names challenge", many=True),
    _Reference("events", "solution_ids", "solutions", "names solution", many=True),
    _Reference(
        "events", "building_block_ids", "building_blocks", "names building block", many=True
    ),
    _Reference("communities", "convener_id", "partners", "names convener"),
    _Reference("communities", "platform_ids", "platforms", "names member platform", many=True),
)


def _references(reference: _Reference, i: int, record: _Record) -> Iterator[tuple[Path, str]]:
    """Yield the ids one record names through one reference field, with their paths."""
    source, field = reference.source, reference.field
    if reference.within is not None:
        for j, item in _objects(record.get(reference.within)):
            value = item.get(field)
            if isinstance(value, str):
                yield (source, i, reference.within, j, field), value
    elif reference.many:
        for k, value in _strings(record.get(field)):
            yield (source, i, field, k), value
    else:
        value = record.get(field)
        if isinstance(value, str):
            yield (source, i, field), value


@_rule
def _dangling_references(index: _Index, today: date) -> Iterator[Issue]:
    """Report every reference to an id that no record of the right list has.

    Example:
        >>> _demo(_dangling_references, {"platforms": [{"id": "p", "host_id": "tpi"}]})
        ['dangling-reference at /platforms/0/host_id']
    """
    for reference in _REFERENCES:
        known = index.ids[reference.target]
        noun = _NOUNS[reference.target]
        for i, record in index.records(reference.source):
            for path, ident in _references(reference, i, record):
                if ident in known:
                    continue
                owner = _name(reference.source, record, i)
                yield _issue(
                    "dangling-reference",
                    path,
                    f"{owner} {reference.verb} {quote(ident)}, but no {noun} has that id"
                    f"{index.suggest(reference.target, ident)}",
                    f"correct the id, or add the {noun} to {quote(reference.target)}",
                    ident,
                )


@_rule
def _end_before_start(index: _Index, today: date) -> Iterator[Issue]:
    """Report partnerships and events that end before they start.

    Example:
        >>> event = {"id": "e", "start_date": "2014-04-13", "end_date": "2014-04-12"}
        >>> _demo(_end_before_start, {"events": [event]})
        ['end-before-start at /events/0/end_date']
    """
    for name in ("partnerships", "events"):
        for i, record in index.records(name):
            start = _date(record.get("start_date"))
            end = _date(record.get("end_date"))
            if start is not None and end is not None and end < start:
                yield _issue(
                    "end-before-start",
                    (name, i, "end_date"),
                    f"{_name(name, record, i)} ends on {end.isoformat()}, before it starts on "
                    f"{start.isoformat()}",
                    "correct start_date or end_date; the end may be on the start day, not before",
                    record.get("end_date"),
                )


_PAST_DATES = (
    ("platforms", "launched_on", "was launched on"),
    ("assessments", "assessed_on", "was assessed on"),
    ("communities", "launched_on", "was launched on"),
)


@_rule
def _dates_in_future(index: _Index, today: date) -> Iterator[Issue]:
    """Report dates of things that have happened which lie after ``today``.

    Example:
        >>> _demo(_dates_in_future, {"platforms": [{"id": "p", "launched_on": "2999-01-01"}]})
        ['date-in-future at /platforms/0/launched_on']
    """
    hint = "correct the date, or leave it out until it has happened"
    for name, field, verb in _PAST_DATES:
        for i, record in index.records(name):
            found = _date(record.get(field))
            if found is not None and found > today:
                yield _issue(
                    "date-in-future",
                    (name, i, field),
                    f"{_name(name, record, i)} {verb} {found.isoformat()}, after today "
                    f"({today.isoformat()})",
                    hint,
                    record.get(field),
                )
    for i, record in index.records("platforms"):
        for j, member in _objects(record.get("members")):
            since = _date(member.get("since"))
            if since is not None and since > today:
                partner = member.get("partner_id")
                who = f"member {quote(partner)}" if isinstance(partner, str) else "a member"
                yield _issue(
                    "date-in-future",
                    ("platforms", i, "members", j, "since"),
                    f"{_name('platforms', record, i)} says {who} joined on {since.isoformat()}, "
                    f"after today ({today.isoformat()})",
                    hint,
                    member.get("since"),
                )


@_rule
def _single_sector_partnerships(index: _Index, today: date) -> Iterator[Issue]:
    """Report partnerships whose known participants all belong to one sector.

    Participants count once per partner, and only when they name a partner whose sector is
    known and not ``other``, which says nothing about where an organisation stands.

    Example:
        >>> partners = [{"id": "a", "organisation_type": "70"}, {"id": "b", "sector": "private"}]
        >>> participants = [{"partner_id": "a"}, {"partner_id": "b"}]
        >>> data = {"partners": partners, "partnerships": [{"participants": participants}]}
        >>> _demo(_single_sector_partnerships, data)
        ['single-sector-partnership at /partnerships/0/participants']
    """
    for i, record in index.records("partnerships"):
        participants = record.get("participants")
        sectors: dict[str, Sector] = {}
        for _, participant in _objects(participants):
            partner = participant.get("partner_id")
            if isinstance(partner, str) and partner not in sectors:
                sector = index.sector(partner)
                if sector is not None and sector is not Sector.OTHER:
                    sectors[partner] = sector
        kinds = set(sectors.values())
        if len(sectors) >= 2 and len(kinds) == 1:
            (sector,) = kinds
            yield _issue(
                "single-sector-partnership",
                ("partnerships", i, "participants"),
                f"the {len(sectors)} participants of {_name('partnerships', record, i)} all "
                f"belong to the {quote(sector.value)} sector; a partnership brings different "
                "sectors together",
                "check each partner's sector and organisation_type, or add the partners from "
                "other sectors",
                participants,
            )


@_rule
def _sdg_targets_without_goal(index: _Index, today: date) -> Iterator[Issue]:
    """Report SDG targets of partnerships whose goal is not among their ``sdgs``.

    Example:
        >>> data = {"partnerships": [{"sdgs": [17], "sdg_targets": ["17.17", "3.8"]}]}
        >>> _demo(_sdg_targets_without_goal, data)
        ['sdg-target-without-goal at /partnerships/0/sdg_targets/1']
    """
    for i, record in index.records("partnerships"):
        sdgs = record.get("sdgs", ())
        if not isinstance(sdgs, _ARRAY):
            continue
        goals = {goal for goal in sdgs if type(goal) is int}
        for k, target in _strings(record.get("sdg_targets")):
            match = SDG_TARGET.match(target)
            if match is None:
                continue
            goal = int(match.group(1))
            if goal not in goals:
                yield _issue(
                    "sdg-target-without-goal",
                    ("partnerships", i, "sdg_targets", k),
                    f"{_name('partnerships', record, i)} lists SDG target {quote(target)}, but "
                    f"not its goal, {goal}, in sdgs",
                    f"add {goal} to sdgs, or correct the target",
                    target,
                )


@_rule
def _missing_countries(index: _Index, today: date) -> Iterator[Issue]:
    """Report national and subnational platforms that name no country.

    Example:
        >>> _demo(_missing_countries, {"platforms": [{"id": "p", "scope": "national"}]})
        ['missing-country at /platforms/0/countries']
    """
    for i, record in index.records("platforms"):
        scope = record.get("scope")
        if not (isinstance(scope, str) and scope in ("national", "subnational")):
            continue
        countries = record.get("countries", _ABSENT)
        if countries is _ABSENT or (isinstance(countries, _ARRAY) and not countries):
            yield _issue(
                "missing-country",
                ("platforms", i, "countries"),
                f"{_name('platforms', record, i)} has scope {quote(scope)} but lists no countries",
                'list the country it works in under countries, such as ["KE"]',
                countries,
            )


def _cycle_text(cycle: list[str], start: int) -> str:
    """Show a cycle from its item ``start`` round to it again, shortened when long."""
    size = len(cycle)
    shown = [quote(cycle[(start + step) % size]) for step in range(min(size, 4))]
    if size > 4:
        shown[-1] = f"… ({size} platforms)"
    return " → ".join([*shown, quote(cycle[start])])


@_rule
def _parent_cycles(index: _Index, today: date) -> Iterator[Issue]:
    """Report every platform that is its own ancestor through ``parent_id``.

    Each platform is visited once: a walk up the parents stops at a platform seen before, so
    the check is linear however long the chains are.

    Example:
        >>> platforms = [{"id": "a", "parent_id": "b"}, {"id": "b", "parent_id": "a"}]
        >>> _demo(_parent_cycles, {"platforms": platforms})
        ['parent-cycle at /platforms/0/parent_id', 'parent-cycle at /platforms/1/parent_id']
    """
    platforms = index.ids["platforms"]
    parents: dict[str, str] = {}
    for i, record in index.records("platforms"):
        ident = record.get("id")
        parent = record.get("parent_id")
        if (
            isinstance(ident, str)
            and platforms[ident] == i
            and isinstance(parent, str)
            and parent in platforms
        ):
            parents[ident] = parent
    done: set[str] = set()
    for start in parents:
        path: list[str] = []
        position: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in position:
            position[node] = len(path)
            path.append(node)
            node = parents.get(node)
        if node is not None and node in position:
            cycle = path[position[node] :]
            for k, member in enumerate(cycle):
                yield _issue(
                    "parent-cycle",
                    ("platforms", platforms[member], "parent_id"),
                    f"platform {quote(member)} is its own ancestor through parent_id: "
                    f"{_cycle_text(cycle, k)}",
                    "correct parent_id on one platform of the cycle, so the chain ends at a "
                    "platform without a parent",
                    parents[member],
                )
        done.update(path)


def _rated_blocks(record: _Record) -> Iterator[tuple[int, str]]:
    """Yield the building block ids an assessment rates, with the index of each rating."""
    for j, rating in _objects(record.get("ratings")):
        block = rating.get("building_block_id")
        if isinstance(block, str):
            yield j, block


@_rule
def _ratings_of_other_frameworks(index: _Index, today: date) -> Iterator[Issue]:
    """Report ratings of building blocks that belong to another framework than the assessment's.

    Example:
        >>> data = {
        ...     "assessments": [{"framework_id": "f", "ratings": [{"building_block_id": "b"}]}],
        ...     "building_blocks": [{"id": "b", "framework_id": "g"}],
        ... }
        >>> _demo(_ratings_of_other_frameworks, data)
        ['rating-of-other-framework at /assessments/0/ratings/0/building_block_id']
    """
    for i, record in index.records("assessments"):
        framework = record.get("framework_id")
        if not isinstance(framework, str):
            continue
        for j, block in _rated_blocks(record):
            found = index.record("building_blocks", block)
            other = None if found is None else found.get("framework_id")
            if isinstance(other, str) and other != framework:
                yield _issue(
                    "rating-of-other-framework",
                    ("assessments", i, "ratings", j, "building_block_id"),
                    f"{_name('assessments', record, i)} is against framework {quote(framework)}, "
                    f"but rates building block {quote(block)} of framework {quote(other)}",
                    "rate only the building blocks of the assessment's framework, or correct "
                    "its framework_id",
                    block,
                )


@_rule
def _duplicate_ratings(index: _Index, today: date) -> Iterator[Issue]:
    """Report the second and later ratings of one building block in one assessment.

    Example:
        >>> ratings = [{"building_block_id": "b"}, {"building_block_id": "b"}]
        >>> _demo(_duplicate_ratings, {"assessments": [{"ratings": ratings}]})
        ['duplicate-rating at /assessments/0/ratings/1/building_block_id']
    """
    for i, record in index.records("assessments"):
        first: dict[str, int] = {}
        for j, block in _rated_blocks(record):
            earlier = first.setdefault(block, j)
            if earlier != j:
                yield _issue(
                    "duplicate-rating",
                    ("assessments", i, "ratings", j, "building_block_id"),
                    f"{_name('assessments', record, i)} rates building block {quote(block)} "
                    f"again; its first rating is at index {earlier} of ratings",
                    "keep one rating per building block, merging their evidence and actions",
                    block,
                )


@_rule
def _unrated_building_blocks(index: _Index, today: date) -> Iterator[Issue]:
    """Report each building block of an assessment's framework that the assessment leaves unrated.

    Example:
        >>> data = {
        ...     "assessments": [{"framework_id": "f", "ratings": [{"building_block_id": "a"}]}],
        ...     "building_blocks": [
        ...         {"id": "a", "framework_id": "f"}, {"id": "b", "framework_id": "f"}
        ...     ],
        ... }
        >>> _demo(_unrated_building_blocks, data)
        ['unrated-building-block at /assessments/0/ratings']
    """
    by_framework = index.blocks_by_framework()
    for i, record in index.records("assessments"):
        framework = record.get("framework_id")
        ratings = record.get("ratings")
        if not isinstance(framework, str) or not isinstance(ratings, _ARRAY):
            continue
        blocks = by_framework.get(framework, ())
        if not blocks:
            continue
        rated = {block for _, block in _rated_blocks(record)}
        for block in blocks:
            if block not in rated:
                yield _issue(
                    "unrated-building-block",
                    ("assessments", i, "ratings"),
                    f"{_name('assessments', record, i)} does not rate building block "
                    f"{quote(block)} of framework {quote(framework)}",
                    f"add a rating for {quote(block)}; rate it 'not_applicable' if it does not "
                    "apply",
                    ratings,
                )


@_rule
def _duplicate_parties(index: _Index, today: date) -> Iterator[Issue]:
    """Report a partner named twice among a partnership's participants or a platform's members.

    Example:
        >>> twice = [{"partner_id": "tpi"}, {"partner_id": "tpi"}]
        >>> _demo(_duplicate_parties, {"partnerships": [{"id": "p", "participants": twice}]})
        ['duplicate-party at /partnerships/0/participants/1/partner_id']
    """
    for list_name, field, noun in (
        ("partnerships", "participants", "participant"),
        ("platforms", "members", "member"),
    ):
        for i, record in index.records(list_name):
            entries = record.get(field)
            if not isinstance(entries, _ARRAY):
                continue
            first: dict[str, int] = {}
            for j, entry in _objects(entries):
                partner = entry.get("partner_id")
                if not isinstance(partner, str):
                    continue
                if partner not in first:
                    first[partner] = j
                    continue
                yield _issue(
                    "duplicate-party",
                    (list_name, i, field, j, "partner_id"),
                    f"{_name(list_name, record, i)} names partner {quote(partner)} as {noun} "
                    f"{first[partner]} and again as {noun} {j}",
                    f"keep one {noun} entry for {quote(partner)} and list all its roles there",
                    partner,
                )


@_rule
def _hosts_not_members(index: _Index, today: date) -> Iterator[Issue]:
    """Report platforms whose ``host_id`` is not the ``partner_id`` of one of their members.

    Example:
        >>> platform = {"id": "p", "host_id": "tpi", "members": [{"partner_id": "sida"}]}
        >>> _demo(_hosts_not_members, {"platforms": [platform]})
        ['host-not-member at /platforms/0/host_id']
    """
    for i, record in index.records("platforms"):
        host = record.get("host_id")
        members = record.get("members", ())
        if not isinstance(host, str) or not isinstance(members, _ARRAY):
            continue
        partners = {
            member.get("partner_id")
            for _, member in _objects(members)
            if isinstance(member.get("partner_id"), str)
        }
        if host not in partners:
            yield _issue(
                "host-not-member",
                ("platforms", i, "host_id"),
                f"{_name('platforms', record, i)} names host {quote(host)}, but the host is not "
                "among its members",
                f"add a member with partner_id {quote(host)} and the role 'host'",
                host,
            )


@_rule
def _sectors_contradicting_types(index: _Index, today: date) -> Iterator[Issue]:
    """Report partners whose stated sector is not the one their organisation type implies.

    Example:
        >>> partner = {"id": "p", "organisation_type": "70", "sector": "public"}
        >>> _demo(_sectors_contradicting_types, {"partners": [partner]})
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
            yield _issue(
                "sector-contradicts-type",
                ("partners", i, "sector"),
                f"{_name('partners', record, i)} has sector {quote(stated)}, but its "
                f"organisation_type {quote(kind)} ({_TYPES[kind].title}) belongs to the "
                f"{quote(implied.value)} sector",
                "correct the sector or the organisation_type; leave sector out to use the one "
                "the type implies",
                stated,
            )


@_rule
def _invalid_org_ids(index: _Index, today: date) -> Iterator[Issue]:
    """Report partner and publisher identifiers that do not follow the org-id form.

    Example:
        >>> data = {"publisher": {"identifier": "GB-COH-09506232"}, "partners": [
        ...     {"id": "p", "identifier": "09506232"}]}
        >>> _demo(_invalid_org_ids, data)
        ['invalid-org-id at /partners/0/identifier']
    """
    found: list[tuple[Path, str, object]] = []
    publisher = index.publisher
    if isinstance(publisher, Mapping):
        found.append((("publisher", "identifier"), "the publisher", publisher.get("identifier")))
    for i, record in index.records("partners"):
        found.append(
            (("partners", i, "identifier"), _name("partners", record, i), record.get("identifier"))
        )
    for path, owner, identifier in found:
        if isinstance(identifier, str) and not ORG_ID.matches(identifier):
            yield _issue(
                "invalid-org-id",
                path,
                f"{owner} has identifier {quote(identifier)}, which does not follow the org-id "
                "form: a list code such as 'GB-COH', a hyphen, then the id in that list",
                "write the identifier as org-id.guide gives it, such as 'GB-COH-09506232', or "
                "leave it out",
                identifier,
            )


def rule_issues(data: Mapping[str, Any], *, today: date) -> Iterator[Issue]:
    """Yield the issues that every rule across the file finds in parsed data.

    Args:
        data: a document parsed from JSON; parts of the wrong type are skipped.
        today: the date that rules about the future compare with.

    Returns:
        The issues, rule by rule, in the order of the file within each rule.

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
partner has that id (did you mean 'tpi'?)
        host-not-member | /platforms/0/host_id | platform 'zbidf' names host 'tpi-x', but the \
host is not among its members
    """
    document: object = data  # callers may pass anything parsed from JSON
    if not isinstance(document, Mapping):
        return
    version = document.get("schema_version")
    if isinstance(version, str) and version != SCHEMA_VERSION:
        return
    index = _Index(document)
    for rule in _RULES:
        yield from rule(index, today)
