"""Mistakes a type checker must catch: each line marked ``# error: CODE`` gets that error.

``tests/test_typing.py`` runs ``mypy --strict`` on this file against the installed package
and compares the errors it reports with the marks.
"""

from __future__ import annotations

import attrs

import partnering
from partnering import (
    Dataset,
    HostingModel,
    Membership,
    MembershipRole,
    OrganisationType,
    Partner,
    Platform,
    Rating,
)

Partner(id="p")  # error: call-arg
Membership(roles=(MembershipRole.HOST,))  # error: call-arg
Rating(5)  # error: arg-type
unknown = OrganisationType.NOT_A_TYPE  # error: attr-defined
Platform(
    id="p",
    name="P",
    scope=OrganisationType.GOVERNMENT,  # error: arg-type
    hosting_model=HostingModel.UN_HOSTED,
)

partner = Partner(id="p", name="P", organisation_type=OrganisationType.FOUNDATION)
partner.name = "Q"  # error: misc
attrs.evolve(partner, name=5)  # error: arg-type
Partner(id="p", name="P", organisation_type=Rating.RED)  # error: arg-type
attrs.evolve(partner, nmae="P")  # error: call-arg

found = partnering.index(Dataset(partners=(partner,)))
name: str = found.get(Partner, "p").name  # error: union-attr
