"""The code lists of organisations: what an organisation is, and the roles it takes."""

from __future__ import annotations

from partnering.codelists._base import CodeList, declare

__all__ = ["MembershipRole", "OrganisationType", "ParticipantRole", "Sector", "sector_of"]


class OrganisationType(CodeList):
    """The kind of organisation, from the IATI OrganisationType code list."""

    GOVERNMENT = declare("10", "Government", "A national government or one of its ministries.")
    LOCAL_GOVERNMENT = declare(
        "11",
        "Local Government",
        "A subnational government: a county, state, municipality or council.",
    )
    OTHER_PUBLIC_SECTOR = declare(
        "15",
        "Other Public Sector",
        "A public body that is not a government, such as an agency or a state enterprise.",
    )
    INTERNATIONAL_NGO = declare(
        "21",
        "International NGO",
        "A non-governmental organisation working in several countries.",
    )
    NATIONAL_NGO = declare("22", "National NGO", "A non-governmental organisation of one country.")
    REGIONAL_NGO = declare(
        "23",
        "Regional NGO",
        "A non-governmental organisation working across one region.",
    )
    PARTNER_COUNTRY_NGO = declare(
        "24",
        "Partner Country based NGO",
        "A non-governmental organisation based in the country that receives development aid.",
    )
    PUBLIC_PRIVATE_PARTNERSHIP = declare(
        "30",
        "Public Private Partnership",
        "An organisation set up jointly by public and private bodies.",
    )
    MULTILATERAL = declare(
        "40",
        "Multilateral",
        "An intergovernmental organisation, such as a UN agency or a development bank.",
    )
    FOUNDATION = declare("60", "Foundation", "A philanthropic foundation.")
    PRIVATE_SECTOR = declare("70", "Private Sector", "A business, or an association of businesses.")
    PRIVATE_SECTOR_PROVIDER_COUNTRY = declare(
        "71",
        "Private Sector in Provider Country",
        "A business based in a country that provides development aid.",
    )
    PRIVATE_SECTOR_RECIPIENT_COUNTRY = declare(
        "72",
        "Private Sector in Aid Recipient Country",
        "A business based in a country that receives development aid.",
    )
    PRIVATE_SECTOR_THIRD_COUNTRY = declare(
        "73",
        "Private Sector in Third Country",
        "A business based in neither the provider nor the recipient country.",
    )
    ACADEMIC = declare(
        "80",
        "Academic, Training and Research",
        "A university, research institute, think tank or training body.",
    )
    OTHER = declare("90", "Other", "An organisation that fits none of the other types.")


class Sector(CodeList):
    """The sector an organisation belongs to: the cross-sector view of partnerships.

    Derived from :class:`OrganisationType` unless a partner states it (see :func:`sector_of`).
    Being a donor is a role, not a sector.
    """

    PUBLIC = declare("public", "Public sector", "Governments and other public bodies.")
    PRIVATE = declare("private", "Private sector", "Businesses and business associations.")
    CIVIL_SOCIETY = declare(
        "civil_society",
        "Civil society",
        "Non-governmental and community organisations.",
    )
    ACADEMIA = declare("academia", "Academia", "Universities, research and training institutions.")
    PHILANTHROPY = declare("philanthropy", "Philanthropy", "Foundations and philanthropic funders.")
    MULTILATERAL = declare(
        "multilateral",
        "Multilateral",
        "Intergovernmental organisations: the UN system, development banks.",
    )
    PUBLIC_PRIVATE = declare(
        "public_private",
        "Public-private",
        "Organisations owned or run jointly by public and private bodies.",
    )
    OTHER = declare("other", "Other", "Organisations that fit no other sector.")


_SECTOR_BY_TYPE: dict[OrganisationType, Sector] = {
    OrganisationType.GOVERNMENT: Sector.PUBLIC,
    OrganisationType.LOCAL_GOVERNMENT: Sector.PUBLIC,
    OrganisationType.OTHER_PUBLIC_SECTOR: Sector.PUBLIC,
    OrganisationType.INTERNATIONAL_NGO: Sector.CIVIL_SOCIETY,
    OrganisationType.NATIONAL_NGO: Sector.CIVIL_SOCIETY,
    OrganisationType.REGIONAL_NGO: Sector.CIVIL_SOCIETY,
    OrganisationType.PARTNER_COUNTRY_NGO: Sector.CIVIL_SOCIETY,
    OrganisationType.PUBLIC_PRIVATE_PARTNERSHIP: Sector.PUBLIC_PRIVATE,
    OrganisationType.MULTILATERAL: Sector.MULTILATERAL,
    OrganisationType.FOUNDATION: Sector.PHILANTHROPY,
    OrganisationType.PRIVATE_SECTOR: Sector.PRIVATE,
    OrganisationType.PRIVATE_SECTOR_PROVIDER_COUNTRY: Sector.PRIVATE,
    OrganisationType.PRIVATE_SECTOR_RECIPIENT_COUNTRY: Sector.PRIVATE,
    OrganisationType.PRIVATE_SECTOR_THIRD_COUNTRY: Sector.PRIVATE,
    OrganisationType.ACADEMIC: Sector.ACADEMIA,
    OrganisationType.OTHER: Sector.OTHER,
}


def sector_of(organisation_type: OrganisationType) -> Sector:
    """Return the sector that an organisation type belongs to.

    Example:
        >>> sector_of(OrganisationType.FOUNDATION).value
        'philanthropy'
    """
    return _SECTOR_BY_TYPE[organisation_type]


class ParticipantRole(CodeList):
    """The role of an organisation in a partnership.

    The first four are the IATI OrganisationRole codes 1 to 4, written as words;
    ``broker`` is added for the platforms that broker partnerships.
    """

    FUNDING = declare("funding", "Funding", "Provides money (IATI OrganisationRole 1).")
    ACCOUNTABLE = declare(
        "accountable",
        "Accountable",
        "Answers for the partnership's results (IATI OrganisationRole 2).",
    )
    EXTENDING = declare(
        "extending",
        "Extending",
        "Manages funds on behalf of the funder (IATI OrganisationRole 3).",
    )
    IMPLEMENTING = declare(
        "implementing",
        "Implementing",
        "Carries out the work (IATI OrganisationRole 4).",
    )
    BROKER = declare(
        "broker",
        "Broker",
        "Brings the partners together and supports their collaboration.",
    )


class MembershipRole(CodeList):
    """The role of an organisation in a platform (a proposal of this project)."""

    HOST = declare("host", "Host", "Houses the platform and its secretariat.")
    SECRETARIAT = declare("secretariat", "Secretariat", "Runs the platform day to day.")
    CO_CHAIR = declare("co_chair", "Co-chair", "Shares the chair of the platform's governance.")
    STEERING_COMMITTEE = declare(
        "steering_committee",
        "Steering committee",
        "Sits on the body that steers the platform.",
    )
    FUNDER = declare("funder", "Funder", "Funds the platform.")
    MEMBER = declare("member", "Member", "Takes part in the platform.")
    TECHNICAL_PARTNER = declare(
        "technical_partner",
        "Technical partner",
        "Lends expertise or services to the platform.",
    )
