"""Portfolio figures on a small hand-built dataset whose every number is worked out by hand.

The dataset, in words (sectors follow the organisation type unless stated):

========  =======================================================================
partner   sector
========  =======================================================================
gov       public (type 10)
biz       private (type 70)
ngo       civil society (type 22)
uni       academia (type 80)
misc      other (type 90)
coop      civil society, stated, although its type (90) would make it ``other``
========  =======================================================================

=====  ========  ====================  ==========  ===================  =======  ========
id     platform  participants          SDGs        targets              countr.  stage
=====  ========  ====================  ==========  ===================  =======  ========
s1     pA        gov, biz              3, 17, 5    3.8, 17.17           KE, ZM   scoping
s2     pA        biz, misc             5                                KE
s3     gone      ngo, ghost                                                      managing
s4               ngo, coop, uni        17, 3       3.10, 3.8, 14.c, 3.a ZM       scoping
s5     pC        ghost, ghost2         3
s6     pC        gov, misc, ghost
=====  ========  ====================  ==========  ===================  =======  ========

Platforms: pA (SDGs 3, 5), pB (none), pC (SDG 5). ``gone``, ``ghost`` and ``ghost2`` are not
in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest
from hypothesis import given

from analysis_cases import rename, shuffled_and_renamed
from partnering import (
    Dataset,
    HostingModel,
    OrganisationType,
    Participant,
    Partner,
    Partnership,
    PartnershipStage,
    Platform,
    PlatformScope,
    Sector,
    example_path,
    load,
    structure,
    unstructure,
)
from partnering.analysis import (
    Count,
    Figure,
    Omission,
    cross_sector,
    partner_sectors,
    partnership_sectors,
    partnerships_by_country,
    partnerships_by_platform,
    partnerships_by_stage,
    portfolio,
    sdg_coverage,
    sdg_pairs,
    sdg_target_coverage,
    sector_mixes,
)
from partnering.entities import ENTITIES


def partner(ident: str, code: str, sector: Sector | None = None) -> Partner:
    return Partner(
        id=ident, name=ident.title(), organisation_type=OrganisationType(code), sector=sector
    )


def partnership(ident: str, partners: tuple[str, ...], **fields: Any) -> Partnership:
    participants = tuple(Participant(partner_id=partner_id) for partner_id in partners)
    return Partnership(id=ident, title=f"Partnership {ident}", participants=participants, **fields)


def platform(ident: str, *sdgs: int) -> Platform:
    return Platform(
        id=ident,
        name=f"Platform {ident}",
        scope=PlatformScope.GLOBAL,
        hosting_model=HostingModel.OTHER,
        sdgs=sdgs,
    )


SCOPING = PartnershipStage.SCOPING_AND_BUILDING
DATASET = Dataset(
    partners=(
        partner("gov", "10"),
        partner("biz", "70"),
        partner("ngo", "22"),
        partner("uni", "80"),
        partner("misc", "90"),
        partner("coop", "90", Sector.CIVIL_SOCIETY),
    ),
    platforms=(platform("pA", 3, 5), platform("pB"), platform("pC", 5)),
    partnerships=(
        partnership(
            "s1",
            ("gov", "biz"),
            platform_id="pA",
            sdgs=(3, 17, 5),
            sdg_targets=("3.8", "17.17"),
            countries=("KE", "ZM"),
            stage=SCOPING,
        ),
        partnership("s2", ("biz", "misc"), platform_id="pA", sdgs=(5,), countries=("KE",)),
        partnership(
            "s3",
            ("ngo", "ghost"),
            platform_id="gone",
            stage=PartnershipStage.MANAGING_AND_MAINTAINING,
        ),
        partnership(
            "s4",
            ("ngo", "coop", "uni"),
            sdgs=(17, 3),
            sdg_targets=("3.10", "3.8", "14.c", "3.a"),
            countries=("ZM",),
            stage=SCOPING,
        ),
        partnership("s5", ("ghost", "ghost2"), platform_id="pC", sdgs=(3,)),
        partnership("s6", ("gov", "misc", "ghost"), platform_id="pC"),
    ),
)


def nonzero(figure: Figure) -> list[tuple[str, tuple[str, ...]]]:
    """The rows that count something, as (key, ids)."""
    return [(row.key, row.ids) for row in figure.counts if row.count]


def omissions(figure: Figure) -> list[tuple[str, tuple[str, ...]]]:
    return [(omission.reason, omission.ids) for omission in figure.left_out]


# -- SDGs ------------------------------------------------------------------------------------


def test_sdg_coverage_by_partnerships() -> None:
    """SDG 3: s1, s4, s5; SDG 5: s1, s2; SDG 17: s1, s4; s3 and s6 list none."""
    figure = sdg_coverage(DATASET)
    assert [row.key for row in figure.counts] == [str(goal) for goal in range(1, 18)]
    assert nonzero(figure) == [("3", ("s1", "s4", "s5")), ("5", ("s1", "s2")), ("17", ("s1", "s4"))]
    assert omissions(figure) == [("no SDGs listed", ("s3", "s6"))]
    assert (figure.total, figure.denominator, figure.unit) == (6, 4, "partnerships")
    assert figure.share(figure.row("3")) == 0.75
    assert figure.row("1").count == 0
    assert figure.row("3").label == "SDG 3"
    assert figure.multiple


def test_sdg_coverage_by_platforms() -> None:
    """Platforms count by the SDGs they list: pA 3 and 5, pC 5; pB lists none."""
    figure = sdg_coverage(DATASET, by="platforms")
    assert nonzero(figure) == [("3", ("pA",)), ("5", ("pA", "pC"))]
    assert omissions(figure) == [("no SDGs listed", ("pB",))]
    assert (figure.name, figure.total, figure.denominator) == ("sdgs-by-platform", 3, 2)
    assert figure.share(figure.row("5")) == 1.0


def test_coverage_by_something_else_is_refused() -> None:
    """Only partnerships and platforms are counted."""
    with pytest.raises(ValueError, match="'partners'"):
        sdg_coverage(DATASET, by="partners")  # type: ignore[arg-type]


def test_sdg_target_coverage_by_partnerships_in_the_un_order() -> None:
    """3.8 (s1, s4) before 3.10 before 3.a; 14.c; 17.17 (s1). Four partnerships list none."""
    figure = sdg_target_coverage(DATASET)
    assert nonzero(figure) == [
        ("3.8", ("s1", "s4")),
        ("3.10", ("s4",)),
        ("3.a", ("s4",)),
        ("14.c", ("s4",)),
        ("17.17", ("s1",)),
    ]
    assert omissions(figure) == [("no SDG targets listed", ("s2", "s3", "s5", "s6"))]
    assert (figure.total, figure.denominator) == (6, 2)
    assert figure.row("14.c").label == "Target 14.c"


def test_sdg_target_coverage_by_platforms_follows_their_partnerships() -> None:
    """PA brokered s1 (3.8, 17.17) and s2; pC brokered s5 and s6, with no target; pB none."""
    figure = sdg_target_coverage(DATASET, by="platforms")
    assert nonzero(figure) == [("3.8", ("pA",)), ("17.17", ("pA",))]
    assert omissions(figure) == [
        ("brokered no partnership in the file", ("pB",)),
        ("its partnerships list no SDG targets", ("pC",)),
    ]
    assert (figure.total, figure.denominator) == (3, 1)


def test_sdg_pairs() -> None:
    """S1 (3, 5, 17) gives three pairs, s4 (3, 17) one: 3+17 twice, the others once."""
    figure = sdg_pairs(DATASET)
    assert nonzero(figure) == [("3+17", ("s1", "s4")), ("3+5", ("s1",)), ("5+17", ("s1",))]
    assert omissions(figure) == [
        ("no SDGs listed", ("s3", "s6")),
        ("only one SDG listed", ("s2", "s5")),
    ]
    assert (figure.total, figure.denominator) == (6, 2)
    assert figure.row("3+17").label == "SDGs 3 and 17"
    assert figure.share(figure.row("3+17")) == 1.0


# -- Sectors ---------------------------------------------------------------------------------


def test_partner_sectors_use_the_stated_sector_first() -> None:
    """Coop's stated sector (civil society) wins over its type's (other)."""
    figure = partner_sectors(DATASET)
    assert [(row.key, row.ids) for row in figure.counts] == [
        ("public", ("gov",)),
        ("private", ("biz",)),
        ("civil_society", ("coop", "ngo")),
        ("academia", ("uni",)),
        ("philanthropy", ()),
        ("multilateral", ()),
        ("public_private", ()),
        ("other", ("misc",)),
    ]
    assert (figure.total, figure.denominator, figure.left_out) == (6, 6, ())
    assert figure.row("civil_society").label == "Civil society"
    assert not figure.multiple


def test_sector_mix_of_each_partnership() -> None:
    """Known participants by sector; those not in the file apart."""
    mixes = {mix.partnership_id: mix for mix in sector_mixes(DATASET)}
    assert list(mixes) == ["s1", "s2", "s3", "s4", "s5", "s6"]
    table = {
        ident: ([(row.key, row.ids) for row in mix.sectors], mix.unknown_partner_ids)
        for ident, mix in mixes.items()
    }
    assert table == {
        "s1": ([("public", ("gov",)), ("private", ("biz",))], ()),
        "s2": ([("private", ("biz",)), ("other", ("misc",))], ()),
        "s3": ([("civil_society", ("ngo",))], ("ghost",)),
        "s4": ([("civil_society", ("coop", "ngo")), ("academia", ("uni",))], ()),
        "s5": ([], ("ghost", "ghost2")),
        "s6": ([("public", ("gov",)), ("other", ("misc",))], ("ghost",)),
    }
    assert [mix.cross_sector for mix in mixes.values()] == [True, False, None, True, None, None]


def test_cross_sector_share() -> None:
    """S1 and s4 are cross-sector; s2 is not ('other' does not count); s3, s5, s6 undecided."""
    figure = cross_sector(DATASET)
    assert [(row.key, row.ids) for row in figure.counts] == [
        ("cross_sector", ("s1", "s4")),
        ("single_sector", ("s2",)),
    ]
    [omission] = figure.left_out
    assert omission.ids == ("s3", "s5", "s6")
    assert "not partners of the file" in omission.reason
    assert (figure.total, figure.denominator) == (6, 3)
    assert figure.share(figure.row("cross_sector")) == pytest.approx(2 / 3)


def test_known_sectors_decide_even_with_unknown_participants() -> None:
    """Two known sectors make a partnership cross-sector whatever the unknown one brings."""
    dataset = Dataset(
        partners=(partner("gov", "10"), partner("biz", "70")),
        partnerships=(partnership("p", ("gov", "biz", "ghost")),),
    )
    assert cross_sector(dataset).row("cross_sector").ids == ("p",)


def test_one_sector_twice_is_not_cross_sector() -> None:
    """Two public bodies make a single-sector partnership, as do public and 'other'."""
    dataset = Dataset(
        partners=(partner("gov", "10"), partner("county", "11"), partner("misc", "90")),
        partnerships=(
            partnership("p", ("gov", "county")),
            partnership("q", ("gov", "misc")),
        ),
    )
    figure = cross_sector(dataset)
    assert figure.row("single_sector").ids == ("p", "q")
    assert figure.row("cross_sector").ids == ()
    assert figure.share(figure.row("cross_sector")) == 0.0


def test_partnerships_by_the_sectors_they_involve() -> None:
    """Each partnership counts under each known sector; s5 has no known participant."""
    figure = partnership_sectors(DATASET)
    assert nonzero(figure) == [
        ("public", ("s1", "s6")),
        ("private", ("s1", "s2")),
        ("civil_society", ("s3", "s4")),
        ("academia", ("s4",)),
        ("other", ("s2", "s6")),
    ]
    assert omissions(figure) == [("no participant is a partner of the file", ("s5",))]
    assert (figure.total, figure.denominator) == (6, 5)


# -- Platforms, countries, stages ------------------------------------------------------------


def test_partnerships_by_platform() -> None:
    """PA and pC brokered two each, pB none; s4 names no platform, s3 one not in the file."""
    figure = partnerships_by_platform(DATASET)
    assert [(row.key, row.ids) for row in figure.counts] == [
        ("pA", ("s1", "s2")),
        ("pC", ("s5", "s6")),
        ("pB", ()),
    ]
    assert omissions(figure) == [
        ("names a platform that is not in the file", ("s3",)),
        ("no platform named", ("s4",)),
    ]
    assert (figure.total, figure.denominator) == (6, 4)
    assert figure.row("pA").label == "Platform pA"
    assert figure.share(figure.row("pA")) == 0.5
    assert figure.left_out_ids == ("s3", "s4")


def test_partnerships_by_country() -> None:
    """KE: s1, s2; ZM: s1, s4 (a tie, so by code); three partnerships list no country."""
    figure = partnerships_by_country(DATASET)
    assert [(row.key, row.label, row.ids) for row in figure.counts] == [
        ("KE", "Kenya", ("s1", "s2")),
        ("ZM", "Zambia", ("s1", "s4")),
    ]
    assert omissions(figure) == [("no countries listed", ("s3", "s5", "s6"))]
    assert (figure.total, figure.denominator) == (6, 3)


def test_partnerships_by_stage() -> None:
    """Every stage is a row in the cycle's order; three partnerships give no stage."""
    figure = partnerships_by_stage(DATASET)
    assert [(row.key, row.ids) for row in figure.counts] == [
        ("scoping_and_building", ("s1", "s4")),
        ("managing_and_maintaining", ("s3",)),
        ("reviewing_and_revising", ()),
        ("sustaining_outcomes", ()),
        ("moved_on", ()),
    ]
    assert omissions(figure) == [("no stage given", ("s2", "s5", "s6"))]
    assert figure.row("managing_and_maintaining").label == "Managing and maintaining"


def test_an_empty_dataset_has_figures_with_no_denominator() -> None:
    """Nothing to count: zero rows where the list is closed, and no share."""
    figure = sdg_coverage(Dataset())
    assert (figure.total, figure.denominator, figure.left_out) == (0, 0, ())
    assert figure.share(figure.row("3")) is None
    assert partnerships_by_country(Dataset()).counts == ()


# -- The whole portfolio ---------------------------------------------------------------------


def test_portfolio_holds_every_figure() -> None:
    """The portfolio's figures are the figures' own functions' results, in a fixed order."""
    figures = portfolio(DATASET)
    assert [figure.name for figure in figures.figures] == [
        "sdgs-by-partnership",
        "sdgs-by-platform",
        "sdg-targets-by-partnership",
        "sdg-targets-by-platform",
        "sdg-pairs",
        "partner-sectors",
        "partnership-sectors",
        "cross-sector",
        "partnerships-by-platform",
        "partnerships-by-country",
        "partnerships-by-stage",
        "resources-by-kind",
    ]
    assert figures.sdgs_by_platform == sdg_coverage(DATASET, by="platforms")
    assert figures.cross_sector == cross_sector(DATASET)
    assert figures.partnership_sectors == partnership_sectors(DATASET)
    assert figures.sector_mixes == sector_mixes(DATASET)


def test_every_figure_accounts_for_every_record() -> None:
    """A record is counted in some row or left out, never both and never neither."""
    for figure in portfolio(DATASET).figures:
        counted = {ident for row in figure.counts for ident in row.ids}
        left_out = set(figure.left_out_ids)
        assert not counted & left_out, figure.name
        assert len(counted) + len(left_out) == figure.total, figure.name


def test_rows_are_plain_data() -> None:
    """Rows hold the key, label, count, share and ids, as a table or a data frame wants."""
    assert partnerships_by_country(DATASET).rows() == [
        {"key": "KE", "label": "Kenya", "count": 2, "share": 2 / 3, "ids": ["s1", "s2"]},
        {"key": "ZM", "label": "Zambia", "count": 2, "share": 2 / 3, "ids": ["s1", "s4"]},
    ]


def test_a_missing_row_is_a_key_error() -> None:
    """Asking for a category the figure does not have says which."""
    with pytest.raises(KeyError, match="XX"):
        partnerships_by_country(DATASET).row("XX")


def test_figures_on_the_bundled_example() -> None:
    """Read off the example by hand: 12 partners, 3 partnerships, 11 platforms."""
    figures = portfolio(load(example_path()))
    assert nonzero(figures.partner_sectors) == [
        ("public", ("cog-ke", "gov-ke", "sg-edb", "sida")),
        ("private", ("zm-cassava-businesses", "zm-fresh-produce-businesses")),
        ("civil_society", ("tpi", "wvi")),
        ("philanthropy", ("fundacion-andi",)),
        ("multilateral", ("un-kenya", "undp")),
        ("other", ("ungc-colombia",)),
    ]
    assert nonzero(figures.sdgs_by_platform) == [
        ("2", ("p4g",)),
        ("3", ("kenya-sdgpp",)),
        ("6", ("p4g",)),
        ("7", ("p4g",)),
        ("11", ("p4g",)),
        ("12", ("p4g",)),
        ("17", ("kenya-sdgpp",)),
    ]
    assert figures.sdgs_by_platform.denominator == 2
    assert len(figures.sdgs_by_platform.left_out_ids) == 9
    assert figures.cross_sector.row("cross_sector").count == 3
    assert omissions(figures.partnerships_by_stage) == [
        (
            "no stage given",
            ("kenya-sdgpp-phc-window", "zbidf-cassava-to-flour", "zbidf-fresh-produce-consortium"),
        )
    ]


# -- Invariance ------------------------------------------------------------------------------


def canonical(figure: Figure, ids: Mapping[str, str], keys: Mapping[str, str]) -> Any:
    """A figure as comparable data, with its ids and keys put through the given renamings."""
    rows = {
        keys.get(row.key, row.key): (
            row.label,
            sorted(ids[ident] for ident in row.ids),
            row.amount,
        )
        for row in figure.counts
    }
    left_out = {
        omission.reason: sorted(ids[ident] for ident in omission.ids)
        for omission in figure.left_out
    }
    return (figure.name, figure.total, figure.denominator, rows, left_out)


UNIT_LIST = {"partnerships": "partnerships", "platforms": "platforms", "partners": "partners"}


@given(shuffled_and_renamed())
def test_figures_are_invariant_under_reordering_and_renaming(
    case: tuple[Dataset, Dataset, dict[str, dict[str, str]]],
) -> None:
    """Reorder every list and rename ids consistently: every figure says the same."""
    original, changed, mappings = case
    # The day the strategies draw dates up to, so that some reports are current, some late.
    day = date(2026, 1, 1)
    before, after = portfolio(original, today=day), portfolio(changed, today=day)
    assert before.reporting_status is not None
    for old, new in zip(before.figures, after.figures, strict=True):
        ids = mappings[UNIT_LIST[old.unit]]
        keys = mappings["platforms"] if old.name == "partnerships-by-platform" else {}
        identity = {ident: ident for ident in mappings[UNIT_LIST[old.unit]].values()}
        assert canonical(old, ids, keys) == canonical(new, identity, {})
    partners = mappings["partners"]
    mixes_before = {
        mappings["partnerships"][mix.partnership_id]: (
            {row.key: sorted(partners[i] for i in row.ids) for row in mix.sectors},
            mix.cross_sector,
        )
        for mix in before.sector_mixes
    }
    mixes_after = {
        mix.partnership_id: ({row.key: sorted(row.ids) for row in mix.sectors}, mix.cross_sector)
        for mix in after.sector_mixes
    }
    assert mixes_before == mixes_after


def test_the_renaming_helper_renames_references_too() -> None:
    """The property above is only as good as the renaming: check it on a known case."""
    data = unstructure(DATASET)
    mappings: dict[str, dict[str, str]] = {entity.name: {} for entity in ENTITIES.lists}
    mappings["partners"] = {"gov": "g", "biz": "b"}
    mappings["platforms"] = {"pA": "A"}
    for entity in ENTITIES.lists:
        for record in data.get(entity.name, []):
            mappings[entity.name].setdefault(record["id"], record["id"])
    rename(data, mappings)
    renamed: Dataset = structure(data)
    assert [p.id for p in renamed.partners][:2] == ["g", "b"]
    assert [p.partner_id for p in renamed.partnerships[0].participants] == ["g", "b"]
    assert renamed.partnerships[0].platform_id == "A"
    assert renamed.platforms[0].id == "A"


def test_counts_hold_their_ids() -> None:
    """A row's count is the number of its ids, and an omission lists its ids."""
    assert Count(key="k", label="K", ids=("a", "b", "c")).count == 3
    assert Omission(reason="r", ids=("x",)).ids == ("x",)
