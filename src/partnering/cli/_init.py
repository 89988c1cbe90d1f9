"""``partnering init``: write a small starter file to describe a platform in.

The file holds one platform, two partners of different sectors and one partnership between
them, with names that are plainly stand-ins, and is valid as written.

Example:
    >>> from datetime import datetime, timezone
    >>> dataset = starter(datetime(2026, 1, 31, 9, 30, tzinfo=timezone.utc))
    >>> [partner.effective_sector.value for partner in dataset.partners]
    ['public', 'private']
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path

from partnering.cli._terminal import error
from partnering.models import Dataset

__all__ = ["DEFAULT_FILE", "run_init", "starter"]

#: The file ``partnering init`` writes when none is named.
DEFAULT_FILE = "dataset.json"


def starter(now: datetime) -> Dataset:
    """Build the starter dataset, published at *now* (in UTC, to the second)."""
    from partnering.codelists import (
        HostingModel,
        MembershipRole,
        OrganisationType,
        ParticipantRole,
        PlatformFunction,
        PlatformScope,
    )
    from partnering.models import (
        Membership,
        Participant,
        Partner,
        Partnership,
        Platform,
        Publisher,
    )

    return Dataset(
        title="Example Platform: platform and partnerships",
        publisher=Publisher(name="Example Platform"),
        published_at=now.astimezone(timezone.utc).replace(microsecond=0),
        platforms=(
            Platform(
                id="example-platform",
                name="Example Platform",
                scope=PlatformScope.NATIONAL,
                hosting_model=HostingModel.GOVERNMENT_LED,
                countries=("ZM",),
                host_id="example-ministry",
                functions=(PlatformFunction.CONVENING, PlatformFunction.BROKERING),
                members=(
                    Membership(partner_id="example-ministry", roles=(MembershipRole.HOST,)),
                    Membership(partner_id="example-company", roles=(MembershipRole.MEMBER,)),
                ),
            ),
        ),
        partners=(
            Partner(
                id="example-ministry",
                name="Example Ministry",
                organisation_type=OrganisationType.GOVERNMENT,
                country="ZM",
            ),
            Partner(
                id="example-company",
                name="Example Company",
                organisation_type=OrganisationType.PRIVATE_SECTOR,
                country="ZM",
            ),
        ),
        partnerships=(
            Partnership(
                id="example-partnership",
                title="Example Partnership",
                platform_id="example-platform",
                participants=(
                    Participant(partner_id="example-ministry", roles=(ParticipantRole.FUNDING,)),
                    Participant(
                        partner_id="example-company",
                        roles=(ParticipantRole.IMPLEMENTING,),
                        lead=True,
                    ),
                ),
                countries=("ZM",),
            ),
        ),
    )


def run_init(args: argparse.Namespace) -> int:
    """Run ``partnering init`` with the parsed arguments, and return the exit status."""
    from partnering._files import write_bytes
    from partnering._render import shown
    from partnering.documents import dumps
    from partnering.errors import WriteError

    name = args.file or DEFAULT_FILE
    text = dumps(starter(datetime.now(timezone.utc)))
    try:
        write_bytes(
            Path(name), text.encode("utf-8"), overwrite_readonly=args.force, replace=args.force
        )
    except WriteError as problem:
        hint = " (give --force to replace it)" if str(problem).endswith("it exists") else ""
        error(shown(str(problem)) + hint)
        return 2
    sys.stdout.write(
        f"wrote {shown(name)}: 1 platform, 2 partners and 1 partnership, to replace with "
        f"your own\ncheck it with: partnering validate {shown(name)}\n"
    )
    return 0
