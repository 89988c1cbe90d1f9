"""The code lists of the interchange format, as enumerations.

Each member's value is the exact string written in exchange files; its ``title`` and
``description`` are data that the schema generator and the documentation both show.
Where a list comes from a public standard, the class docstring names it.

Example:
    >>> OrganisationType("70").title
    'Private Sector'
    >>> sector_of(OrganisationType.PRIVATE_SECTOR)
    <Sector.PRIVATE: 'private'>
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "Agreement",
    "ChallengeCategory",
    "CodeList",
    "Focus",
    "HostingModel",
    "MembershipRole",
    "OrganisationType",
    "ParticipantRole",
    "PartnershipStage",
    "PartnershipType",
    "PlatformFunction",
    "PlatformScope",
    "PlatformStage",
    "PlatformType",
    "Rating",
    "Sector",
    "sector_of",
]


class _Declared(str):
    """A code as a list declares it, carrying its title and description to the member."""

    caption: str
    explanation: str


def _code(code: str, title: str, description: str) -> str:
    """Declare a member of a code list: its value is ``code``; the words ride along."""
    declared = _Declared(code)
    declared.caption = title
    declared.explanation = description
    return declared


class CodeList(Enum):
    """The base of every code list: a code written in files, a title and a description.

    A member's value is the code, a plain string, so ``Rating("green")`` finds the member
    (and type checkers know it); its title and description are attributes.
    """

    _value_: str
    title: str
    description: str

    def __init__(self, code: str) -> None:
        if not isinstance(code, _Declared):  # pragma: no cover - a mistake in this module
            raise TypeError(f"declare the code {code!r} with its title and description")
        self._value_ = str.__str__(code)
        self.title = code.caption
        self.description = code.explanation

    @property
    def aliases(self) -> tuple[str, ...]:
        """Return the other names people write for the code, besides its code and title.

        Validation suggests the code for any of them. An alias stands for this code and no
        other: a common abbreviation of the title (``INGO``), or a kind of organisation the
        description names (a university is academic). A sector also has the titles and
        aliases of its organisation types, so ``Government`` names the public sector.

        Example:
            >>> OrganisationType.ACADEMIC.aliases
            ('University', 'Research institute', 'Think tank')
            >>> Sector.PUBLIC.aliases
            ('Government', 'Local Government', 'Other Public Sector')
        """
        return _aliases(self)

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """Return the codes of the list in their documented order.

        Example:
            >>> Rating.codes()
            ('green', 'amber', 'red', 'not_applicable')
        """
        return tuple(member.value for member in cls)


class OrganisationType(CodeList):
    """The kind of organisation, from the IATI OrganisationType code list."""

    GOVERNMENT = _code("10", "Government", "A national government or one of its ministries.")
    LOCAL_GOVERNMENT = _code(
        "11",
        "Local Government",
        "A subnational government: a county, state, municipality or council.",
    )
    OTHER_PUBLIC_SECTOR = _code(
        "15",
        "Other Public Sector",
        "A public body that is not a government, such as an agency or a state enterprise.",
    )
    INTERNATIONAL_NGO = _code(
        "21",
        "International NGO",
        "A non-governmental organisation working in several countries.",
    )
    NATIONAL_NGO = _code("22", "National NGO", "A non-governmental organisation of one country.")
    REGIONAL_NGO = _code(
        "23",
        "Regional NGO",
        "A non-governmental organisation working across one region.",
    )
    PARTNER_COUNTRY_NGO = _code(
        "24",
        "Partner Country based NGO",
        "A non-governmental organisation based in the country that receives development aid.",
    )
    PUBLIC_PRIVATE_PARTNERSHIP = _code(
        "30",
        "Public Private Partnership",
        "An organisation set up jointly by public and private bodies.",
    )
    MULTILATERAL = _code(
        "40",
        "Multilateral",
        "An intergovernmental organisation, such as a UN agency or a development bank.",
    )
    FOUNDATION = _code("60", "Foundation", "A philanthropic foundation.")
    PRIVATE_SECTOR = _code("70", "Private Sector", "A business, or an association of businesses.")
    PRIVATE_SECTOR_PROVIDER_COUNTRY = _code(
        "71",
        "Private Sector in Provider Country",
        "A business based in a country that provides development aid.",
    )
    PRIVATE_SECTOR_RECIPIENT_COUNTRY = _code(
        "72",
        "Private Sector in Aid Recipient Country",
        "A business based in a country that receives development aid.",
    )
    PRIVATE_SECTOR_THIRD_COUNTRY = _code(
        "73",
        "Private Sector in Third Country",
        "A business based in neither the provider nor the recipient country.",
    )
    ACADEMIC = _code(
        "80",
        "Academic, Training and Research",
        "A university, research institute, think tank or training body.",
    )
    OTHER = _code("90", "Other", "An organisation that fits none of the other types.")


class Sector(CodeList):
    """The sector an organisation belongs to: the cross-sector view of partnerships.

    Derived from :class:`OrganisationType` unless a partner states it (see :func:`sector_of`).
    Being a donor is a role, not a sector.
    """

    PUBLIC = _code("public", "Public sector", "Governments and other public bodies.")
    PRIVATE = _code("private", "Private sector", "Businesses and business associations.")
    CIVIL_SOCIETY = _code(
        "civil_society",
        "Civil society",
        "Non-governmental and community organisations.",
    )
    ACADEMIA = _code("academia", "Academia", "Universities, research and training institutions.")
    PHILANTHROPY = _code("philanthropy", "Philanthropy", "Foundations and philanthropic funders.")
    MULTILATERAL = _code(
        "multilateral",
        "Multilateral",
        "Intergovernmental organisations: the UN system, development banks.",
    )
    PUBLIC_PRIVATE = _code(
        "public_private",
        "Public-private",
        "Organisations owned or run jointly by public and private bodies.",
    )
    OTHER = _code("other", "Other", "Organisations that fit no other sector.")


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

    FUNDING = _code("funding", "Funding", "Provides money (IATI OrganisationRole 1).")
    ACCOUNTABLE = _code(
        "accountable",
        "Accountable",
        "Answers for the partnership's results (IATI OrganisationRole 2).",
    )
    EXTENDING = _code(
        "extending",
        "Extending",
        "Manages funds on behalf of the funder (IATI OrganisationRole 3).",
    )
    IMPLEMENTING = _code(
        "implementing",
        "Implementing",
        "Carries out the work (IATI OrganisationRole 4).",
    )
    BROKER = _code(
        "broker",
        "Broker",
        "Brings the partners together and supports their collaboration.",
    )


class MembershipRole(CodeList):
    """The role of an organisation in a platform (a proposal of this project)."""

    HOST = _code("host", "Host", "Houses the platform and its secretariat.")
    SECRETARIAT = _code("secretariat", "Secretariat", "Runs the platform day to day.")
    CO_CHAIR = _code("co_chair", "Co-chair", "Shares the chair of the platform's governance.")
    STEERING_COMMITTEE = _code(
        "steering_committee",
        "Steering committee",
        "Sits on the body that steers the platform.",
    )
    FUNDER = _code("funder", "Funder", "Funds the platform.")
    MEMBER = _code("member", "Member", "Takes part in the platform.")
    TECHNICAL_PARTNER = _code(
        "technical_partner",
        "Technical partner",
        "Lends expertise or services to the platform.",
    )


class PlatformScope(CodeList):
    """The geographic reach of a platform (a proposal of this project)."""

    SUBNATIONAL = _code(
        "subnational", "Subnational", "Part of one country: a county, state or city."
    )
    NATIONAL = _code("national", "National", "One country.")
    REGIONAL = _code("regional", "Regional", "Several countries of one region.")
    GLOBAL = _code("global", "Global", "The world.")


class PlatformType(CodeList):
    """What a platform mainly does, from the TPI and UN DESA typology of platforms."""

    DIALOGUE = _code(
        "dialogue",
        "Dialogue",
        "Brings sectors together to talk, align and build trust.",
    )
    KNOWLEDGE_EXCHANGE = _code(
        "knowledge_exchange",
        "Knowledge exchange",
        "Shares experience, evidence and good practice.",
    )
    REPORTING_AND_STANDARD_SETTING = _code(
        "reporting_and_standard_setting",
        "Reporting and standard setting",
        "Sets norms or standards and tracks commitments against them.",
    )
    TRANSFORMATIVE_PARTNERSHIP = _code(
        "transformative_partnership",
        "Transformative partnership",
        "Systematically builds partnerships that change a system.",
    )


class Focus(CodeList):
    """What a platform is organised around (TPI)."""

    ISSUE = _code("issue", "Issue", "A development issue, such as nutrition or water.")
    MARKET_OR_VALUE_CHAIN = _code(
        "market_or_value_chain",
        "Market or value chain",
        "A market or a value chain, such as cassava or fresh produce.",
    )
    GEOGRAPHY = _code("geography", "Geography", "A place: a country, a region, a corridor.")


class HostingModel(CodeList):
    """Who hosts and leads a platform (a proposal of this project, drawn from real cases)."""

    GOVERNMENT_LED = _code("government_led", "Government-led", "A government hosts and leads.")
    GOVERNMENT_UN_CO_LED = _code(
        "government_un_co_led",
        "Government and UN co-led",
        "A government and the UN system lead together.",
    )
    UN_HOSTED = _code("un_hosted", "UN-hosted", "A UN agency hosts the platform.")
    BUSINESS_ASSOCIATION_HOSTED = _code(
        "business_association_hosted",
        "Business-association-hosted",
        "A business association or its foundation hosts the platform.",
    )
    NGO_HOSTED = _code("ngo_hosted", "NGO-hosted", "A non-governmental organisation hosts it.")
    INDEPENDENT_ENTITY = _code(
        "independent_entity",
        "Independent entity",
        "The platform is an organisation of its own.",
    )
    INTERGOVERNMENTAL_INITIATIVE = _code(
        "intergovernmental_initiative",
        "Intergovernmental initiative",
        "Several governments run it together.",
    )
    OTHER = _code("other", "Other", "Any other arrangement.")


class PlatformFunction(CodeList):
    """What a platform does for its members (TPI, plus functions seen in real platforms)."""

    CONVENING = _code("convening", "Convening", "Brings actors from different sectors together.")
    AWARENESS_RAISING = _code(
        "awareness_raising",
        "Awareness raising",
        "Makes the case for partnering.",
    )
    CO_CREATION = _code("co_creation", "Co-creation", "Designs partnerships with the partners.")
    MATCHMAKING = _code("matchmaking", "Matchmaking", "Finds partners for one another.")
    BROKERING = _code("brokering", "Brokering", "Helps partners agree and start working together.")
    PARTNERSHIP_SUPPORT = _code(
        "partnership_support",
        "Partnership support",
        "Supports partnerships once they run.",
    )
    CAPACITY_BUILDING = _code(
        "capacity_building",
        "Capacity building",
        "Builds partnering skills in every sector.",
    )
    KNOWLEDGE_EXCHANGE = _code(
        "knowledge_exchange",
        "Knowledge exchange",
        "Shares lessons and evidence.",
    )
    IMPACT_MEASUREMENT = _code(
        "impact_measurement",
        "Impact measurement",
        "Measures what partnerships achieve.",
    )
    ADVOCACY = _code("advocacy", "Advocacy", "Argues for policies that enable partnering.")
    RECOGNITION = _code("recognition", "Recognition", "Recognises good partnerships publicly.")
    FUNDING = _code("funding", "Funding", "Funds partnerships or their preparation.")
    REPORTING_AND_STANDARD_SETTING = _code(
        "reporting_and_standard_setting",
        "Reporting and standard setting",
        "Sets standards and reports against them.",
    )


class PlatformStage(CodeList):
    """Where a platform is in its life (a proposal of this project)."""

    SCOPING = _code("scoping", "Scoping", "The need and the support for a platform are explored.")
    DESIGN = _code("design", "Design", "Its governance, services and funding are designed.")
    LAUNCHED = _code("launched", "Launched", "It has been launched publicly.")
    OPERATIONAL = _code("operational", "Operational", "It runs its services.")
    SCALING = _code("scaling", "Scaling", "It grows in reach or services.")
    TRANSITIONING = _code(
        "transitioning",
        "Transitioning",
        "It hands over to a new host or a new form.",
    )
    CLOSED = _code("closed", "Closed", "It has stopped operating.")


class PartnershipType(CodeList):
    """How deeply partners collaborate: TPI's spectrum of partnership types."""

    LEVERAGE_EXCHANGE = _code(
        "leverage_exchange",
        "Leverage or exchange",
        "Partners exchange or pool resources for a shared aim.",
    )
    COMBINE_INTEGRATE = _code(
        "combine_integrate",
        "Combine or integrate",
        "Partners combine complementary resources into one approach.",
    )
    TRANSFORM = _code(
        "transform",
        "Transform",
        "Partners work together to change a system.",
    )


class PartnershipStage(CodeList):
    """Where a partnership is in TPI's partnering cycle (``moved_on`` is this project's)."""

    SCOPING_AND_BUILDING = _code(
        "scoping_and_building",
        "Scoping and building",
        "Partners are found, and the partnership is planned and agreed.",
    )
    MANAGING_AND_MAINTAINING = _code(
        "managing_and_maintaining",
        "Managing and maintaining",
        "The partnership is governed and delivers.",
    )
    REVIEWING_AND_REVISING = _code(
        "reviewing_and_revising",
        "Reviewing and revising",
        "Partners measure results and adjust.",
    )
    SUSTAINING_OUTCOMES = _code(
        "sustaining_outcomes",
        "Sustaining outcomes",
        "Partners secure what was achieved and plan what comes next.",
    )
    MOVED_ON = _code("moved_on", "Moved on", "The partnership has ended or changed form.")


class Agreement(CodeList):
    """The form of a partnership's agreement (a proposal of this project)."""

    INFORMAL = _code("informal", "Informal", "No written agreement.")
    MOU = _code("mou", "Memorandum of understanding", "A non-binding written agreement.")
    CONTRACT = _code("contract", "Contract", "A binding agreement.")
    JOINT_VENTURE = _code("joint_venture", "Joint venture", "A jointly owned entity.")
    OTHER = _code("other", "Other", "Any other form.")


class ChallengeCategory(CodeList):
    """The kind of challenge a platform faces (a proposal of this project)."""

    GOVERNMENT_ENGAGEMENT = _code(
        "government_engagement",
        "Government engagement",
        "Engaging government and aligning with its priorities.",
    )
    BUSINESS_MODEL_AND_FUNDING = _code(
        "business_model_and_funding",
        "Business model and funding",
        "Funding the platform and making it sustainable.",
    )
    LEADERSHIP_AND_CHAMPIONS = _code(
        "leadership_and_champions",
        "Leadership and champions",
        "Finding leaders who lend the platform credibility.",
    )
    STAFF_CAPACITY = _code(
        "staff_capacity",
        "Staff capacity",
        "Having skilled people to run the platform and broker partnerships.",
    )
    TRUST_AND_NEUTRALITY = _code(
        "trust_and_neutrality",
        "Trust and neutrality",
        "Being trusted by every sector; no sector capturing the agenda.",
    )
    STAKEHOLDER_ENGAGEMENT = _code(
        "stakeholder_engagement",
        "Stakeholder engagement",
        "Bringing and keeping the right organisations on board.",
    )
    DUPLICATION_AND_COORDINATION = _code(
        "duplication_and_coordination",
        "Duplication and coordination",
        "Fitting in with existing mechanisms rather than duplicating them.",
    )
    IMPACT_MEASUREMENT = _code(
        "impact_measurement",
        "Impact measurement",
        "Knowing and showing what the platform achieves.",
    )
    INCLUSION = _code("inclusion", "Inclusion", "Leaving no one behind.")
    OTHER = _code("other", "Other", "Any other challenge.")


class Rating(CodeList):
    """A rating in an assessment, after TPI's partnership health check."""

    GREEN = _code("green", "Green", "No concern.")
    AMBER = _code("amber", "Amber", "Some concern.")
    RED = _code("red", "Red", "Serious concern.")
    NOT_APPLICABLE = _code("not_applicable", "Not applicable", "The building block does not apply.")


# -- Aliases ----------------------------------------------------------------------------

#: The other names of a code, for which validation suggests it. An alias is a name that
#: stands for the one code and no other: a common abbreviation of its title (INGO, PPP,
#: N/A), or a kind of organisation its description names (a university is academic, a UN
#: agency multilateral). A name that fits several codes is no one's alias: an NGO may be of
#: four organisation types (21 to 24), so "NGO" is an alias of the civil society sector only.
#: A sector has, besides its own, the titles and aliases of its organisation types (see
#: :func:`sector_of`): "Government" and "University" name the public sector and academia.
_ALIASES: dict[CodeList, tuple[str, ...]] = {
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
    names = list(_ALIASES.get(member, ()))
    if isinstance(member, Sector):
        for organisation_type, sector in _SECTOR_BY_TYPE.items():
            if sector is member:
                names += (organisation_type.title, *_aliases(organisation_type))
    own = {member.value.casefold(), member.title.casefold()}
    return tuple(dict.fromkeys(name for name in names if name.casefold() not in own))
