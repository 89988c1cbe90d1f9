"""The other names of codes, for which validation suggests the code.

Importing this module fills in :data:`partnering.codelists._base.ALIASES`, which
:attr:`CodeList.aliases <partnering.codelists.CodeList.aliases>` reads.
"""

from __future__ import annotations

from partnering.codelists._base import ALIASES, CodeList
from partnering.codelists.assessments import Rating
from partnering.codelists.organisations import OrganisationType, Sector, sector_of

__all__: list[str] = []

#: The other names of a code, for which validation suggests it. An alias is a name that
#: stands for the one code and no other: a common abbreviation of its title (INGO, PPP,
#: N/A), or a kind of organisation its description names (a university is academic, a UN
#: agency multilateral). A name that fits several codes is no one's alias: an NGO may be of
#: four organisation types (21 to 24), so "NGO" is an alias of the civil society sector only.
#: A sector has, besides its own, the titles and aliases of its organisation types (see
#: :func:`sector_of`): "Government" and "University" name the public sector and academia.
_NAMES: dict[CodeList, tuple[str, ...]] = {
    OrganisationType.INTERNATIONAL_NGO: ("INGO",),
    OrganisationType.PUBLIC_PRIVATE_PARTNERSHIP: ("PPP",),
    OrganisationType.MULTILATERAL: (
        "Intergovernmental organisation",
        "UN agency",
        "Development bank",
    ),
    OrganisationType.PRIVATE_SECTOR: ("Business", "Company"),
    OrganisationType.ACADEMIC: ("University", "Research institute", "Think tank"),
    Sector.CIVIL_SOCIETY: (
        "NGO",
        "Non-governmental organisation",
        "CSO",
        "Civil society organisation",
    ),
    Rating.NOT_APPLICABLE: ("N/A",),
}


def _aliases(member: CodeList) -> tuple[str, ...]:
    names = list(_NAMES.get(member, ()))
    if isinstance(member, Sector):
        for organisation_type in OrganisationType:
            if sector_of(organisation_type) is member:
                names += (organisation_type.title, *_aliases(organisation_type))
    own = {member.value.casefold(), member.title.casefold()}
    return tuple(dict.fromkeys(name for name in names if name.casefold() not in own))


ALIASES.update(
    {
        member: found
        for code_list in CodeList.__subclasses__()
        for member in code_list
        if (found := _aliases(member))
    }
)
