"""The Python API as a developer uses it: this file must pass ``mypy --strict`` and run.

``tests/test_typing.py`` checks it with mypy against the installed package, and runs it.
"""

from __future__ import annotations

import attrs
from typing_extensions import assert_type

import partnering
from partnering import (
    Dataset,
    Membership,
    MembershipRole,
    OrganisationType,
    Participant,
    Partner,
    Partnership,
    Platform,
    PlatformScope,
    Rating,
    Sector,
)

# Code lists are built from the code written in files, and carry their words.
private = OrganisationType("70")
assert_type(private, OrganisationType)
assert_type(private.value, str)
assert_type(private.title, str)
assert Rating("green") is Rating.GREEN
assert Rating("green").description == "No concern."

# Required fields given, optional ones left out.
company = Partner(id="acme", name="Acme", organisation_type=private)
ngo = Partner(id="care", name="CARE", organisation_type=OrganisationType("21"), country="KE")
assert_type(company.sector, Sector | None)
assert_type(company.effective_sector, Sector | None)

platform = Platform(
    id="kenya",
    name="Kenya platform",
    scope=PlatformScope("national"),
    hosting_model=partnering.HostingModel.GOVERNMENT_LED,
    countries=("KE",),
    host_id="care",
    members=(Membership(partner_id="care", roles=(MembershipRole.HOST,)),),
)
assert_type(platform.countries, tuple[str, ...])
partnership = Partnership(
    id="water",
    title="Water for all",
    participants=(Participant(partner_id="acme"), Participant(partner_id="care")),
    platform_id="kenya",
)

# Frozen models change through attrs.evolve, which knows their fields.
moved = attrs.evolve(company, country="GH")
assert_type(moved, Partner)
assert [field.name for field in attrs.fields(Partner)][:2] == ["id", "name"]

dataset = Dataset(partners=(company, ngo), platforms=(platform,), partnerships=(partnership,))
assert partnering.loads(partnering.dumps(dataset)) == dataset

# Records by id, and the records that refer to one.
found = partnering.index(dataset)
assert_type(found.get(Partner, "acme"), Partner | None)
assert_type(found[Partner, "care"], Partner)
assert found.get(Partner, "nobody") is None
assert_type(found.referrers(ngo, Platform), tuple[Platform, ...])
assert found.referrers(ngo, Platform) == (platform,)
assert_type(found.partnerships_of("acme"), tuple[Partnership, ...])
assert found.partnerships_of(company) == (partnership,)

assert_type(partnering.__version__, str)
assert partnering.__version__
