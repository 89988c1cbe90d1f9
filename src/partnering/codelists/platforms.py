"""The code lists of platforms: their reach, kind, focus, hosting, functions and stage."""

from __future__ import annotations

from partnering.codelists._base import CodeList, declare

__all__ = [
    "Focus",
    "HostingModel",
    "PlatformFunction",
    "PlatformScope",
    "PlatformStage",
    "PlatformType",
]


class PlatformScope(CodeList):
    """The geographic reach of a platform (a proposal of this project)."""

    SUBNATIONAL = declare(
        "subnational", "Subnational", "Part of one country: a county, state or city."
    )
    NATIONAL = declare("national", "National", "One country.")
    REGIONAL = declare("regional", "Regional", "Several countries of one region.")
    GLOBAL = declare("global", "Global", "The world.")


class PlatformType(CodeList):
    """What a platform mainly does, from the TPI and UN DESA typology of platforms."""

    DIALOGUE = declare(
        "dialogue",
        "Dialogue",
        "Brings sectors together to talk, align and build trust.",
    )
    KNOWLEDGE_EXCHANGE = declare(
        "knowledge_exchange",
        "Knowledge exchange",
        "Shares experience, evidence and good practice.",
    )
    REPORTING_AND_STANDARD_SETTING = declare(
        "reporting_and_standard_setting",
        "Reporting and standard setting",
        "Sets norms or standards and tracks commitments against them.",
    )
    TRANSFORMATIVE_PARTNERSHIP = declare(
        "transformative_partnership",
        "Transformative partnership",
        "Systematically builds partnerships that change a system.",
    )


class Focus(CodeList):
    """What a platform is organised around (TPI)."""

    ISSUE = declare("issue", "Issue", "A development issue, such as nutrition or water.")
    MARKET_OR_VALUE_CHAIN = declare(
        "market_or_value_chain",
        "Market or value chain",
        "A market or a value chain, such as cassava or fresh produce.",
    )
    GEOGRAPHY = declare("geography", "Geography", "A place: a country, a region, a corridor.")


class HostingModel(CodeList):
    """Who hosts and leads a platform (a proposal of this project, drawn from real cases)."""

    GOVERNMENT_LED = declare("government_led", "Government-led", "A government hosts and leads.")
    GOVERNMENT_UN_CO_LED = declare(
        "government_un_co_led",
        "Government and UN co-led",
        "A government and the UN system lead together.",
    )
    UN_HOSTED = declare("un_hosted", "UN-hosted", "A UN agency hosts the platform.")
    BUSINESS_ASSOCIATION_HOSTED = declare(
        "business_association_hosted",
        "Business-association-hosted",
        "A business association or its foundation hosts the platform.",
    )
    NGO_HOSTED = declare("ngo_hosted", "NGO-hosted", "A non-governmental organisation hosts it.")
    INDEPENDENT_ENTITY = declare(
        "independent_entity",
        "Independent entity",
        "The platform is an organisation of its own.",
    )
    INTERGOVERNMENTAL_INITIATIVE = declare(
        "intergovernmental_initiative",
        "Intergovernmental initiative",
        "Several governments run it together.",
    )
    OTHER = declare("other", "Other", "Any other arrangement.")


class PlatformFunction(CodeList):
    """What a platform does for its members (TPI, plus functions seen in real platforms)."""

    CONVENING = declare("convening", "Convening", "Brings actors from different sectors together.")
    AWARENESS_RAISING = declare(
        "awareness_raising",
        "Awareness raising",
        "Makes the case for partnering.",
    )
    CO_CREATION = declare("co_creation", "Co-creation", "Designs partnerships with the partners.")
    MATCHMAKING = declare("matchmaking", "Matchmaking", "Finds partners for one another.")
    BROKERING = declare(
        "brokering", "Brokering", "Helps partners agree and start working together."
    )
    PARTNERSHIP_SUPPORT = declare(
        "partnership_support",
        "Partnership support",
        "Supports partnerships once they run.",
    )
    CAPACITY_BUILDING = declare(
        "capacity_building",
        "Capacity building",
        "Builds partnering skills in every sector.",
    )
    KNOWLEDGE_EXCHANGE = declare(
        "knowledge_exchange",
        "Knowledge exchange",
        "Shares lessons and evidence.",
    )
    IMPACT_MEASUREMENT = declare(
        "impact_measurement",
        "Impact measurement",
        "Measures what partnerships achieve.",
    )
    ADVOCACY = declare("advocacy", "Advocacy", "Argues for policies that enable partnering.")
    RECOGNITION = declare("recognition", "Recognition", "Recognises good partnerships publicly.")
    FUNDING = declare("funding", "Funding", "Funds partnerships or their preparation.")
    REPORTING_AND_STANDARD_SETTING = declare(
        "reporting_and_standard_setting",
        "Reporting and standard setting",
        "Sets standards and reports against them.",
    )


class PlatformStage(CodeList):
    """Where a platform is in its life (a proposal of this project)."""

    SCOPING = declare("scoping", "Scoping", "The need and the support for a platform are explored.")
    DESIGN = declare("design", "Design", "Its governance, services and funding are designed.")
    LAUNCHED = declare("launched", "Launched", "It has been launched publicly.")
    OPERATIONAL = declare("operational", "Operational", "It runs its services.")
    SCALING = declare("scaling", "Scaling", "It grows in reach or services.")
    TRANSITIONING = declare(
        "transitioning",
        "Transitioning",
        "It hands over to a new host or a new form.",
    )
    CLOSED = declare("closed", "Closed", "It has stopped operating.")
