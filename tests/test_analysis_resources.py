"""Resources by kind and currency, on a dataset whose sums are worked out by hand.

=====  ==========================================================================
id     resources committed
=====  ==========================================================================
r1     financial 0.1 KES, financial 0.2 KES, financial 100 USD, staff (no amount)
r2     financial 1000.50 KES, in-kind 250 USD, technology 5 (no currency)
r3     none
r4     staff 10 KES
r5     none
=====  ==========================================================================

So financial KES sums 0.1 + 0.2 + 1000.50 = 1000.80 over r1 and r2; staff in KES (r4) is a
row apart from financial KES; r1's staff gives no amount and r2's technology names no
currency, so each has a row with no sum. r3 and r5 are left out: 3 of 5 counted.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from partnering import Commitment, Dataset, Participant, Partnership, ResourceKind
from partnering.analysis import Figure, portfolio, resources_by_kind
from partnering.cli import main

FIN, STAFF = ResourceKind.FINANCIAL, ResourceKind.STAFF


def commit(kind: ResourceKind, amount: str | None = None, currency: str | None = None) -> Any:
    return Commitment(
        kind=kind, amount=None if amount is None else Decimal(amount), currency=currency
    )


def partnership(ident: str, *resources: Commitment) -> Partnership:
    participants = (Participant(partner_id="gov"), Participant(partner_id="biz"))
    return Partnership(id=ident, title=ident, participants=participants, resources=resources)


DATASET = Dataset(
    partnerships=(
        partnership(
            "r1",
            commit(FIN, "0.1", "KES"),
            commit(FIN, "0.2", "KES"),
            commit(FIN, "100", "USD"),
            commit(STAFF),
        ),
        partnership(
            "r2",
            commit(FIN, "1000.50", "KES"),
            commit(ResourceKind.IN_KIND, "250", "USD"),
            commit(ResourceKind.TECHNOLOGY, "5"),
        ),
        partnership("r3"),
        partnership("r4", commit(STAFF, "10", "KES")),
        partnership("r5"),
    )
)


@pytest.fixture(scope="module")
def figure() -> Figure:
    return resources_by_kind(DATASET)


def test_amounts_are_summed_per_kind_and_currency_never_across(figure: Figure) -> None:
    """Each kind and currency is a row, in the kinds' order, with its exact sum."""
    assert [(row.key, row.amount, row.ids) for row in figure.counts] == [
        ("financial/KES", Decimal("1000.80"), ("r1", "r2")),
        ("financial/USD", Decimal("100"), ("r1",)),
        ("in_kind/USD", Decimal("250"), ("r2",)),
        ("staff/KES", Decimal("10"), ("r4",)),
        ("staff/no-amount", None, ("r1",)),
        ("technology/no-currency", None, ("r2",)),
    ]
    # Exact, with no float on the way: 0.1 + 0.2 is not 0.30000000000000004.
    assert str(figure.row("financial/KES").amount) == "1000.80"


def test_rows_are_labelled_with_the_kind_and_the_currency(figure: Figure) -> None:
    """Labels name the currency as ISO 4217 does, or say why there is no sum."""
    assert [row.label for row in figure.counts] == [
        "Financial, Kenyan Shilling (KES)",
        "Financial, US Dollar (USD)",
        "In-kind, US Dollar (USD)",
        "Staff, Kenyan Shilling (KES)",
        "Staff, no amount given",
        "Technology, amounts in no stated currency",
    ]


def test_partnerships_without_resources_are_left_out(figure: Figure) -> None:
    """Five partnerships, two list nothing: three counted, shares of three."""
    assert (figure.total, figure.denominator, figure.multiple) == (5, 3, True)
    assert [(o.reason, o.ids) for o in figure.left_out] == [("no resources listed", ("r3", "r5"))]
    assert figure.share(figure.row("financial/KES")) == 2 / 3
    assert figure.summed == "amount committed"


def test_a_sum_keeps_every_digit() -> None:
    """Thirty digits, more than Python's default decimal context keeps."""
    dataset = Dataset(
        partnerships=(
            partnership("a", commit(FIN, "12345678901234567890.123456789", "EUR")),
            partnership("b", commit(FIN, "0.000000001", "EUR")),
        )
    )
    assert resources_by_kind(dataset).row("financial/EUR").amount == Decimal(
        "12345678901234567890.123456790"
    )


def test_rows_carry_the_amount_only_in_a_figure_that_sums() -> None:
    """A summing figure's plain rows have the amount; a counting figure's have none."""
    rows = resources_by_kind(DATASET).rows()
    assert rows[0] == {
        "key": "financial/KES",
        "label": "Financial, Kenyan Shilling (KES)",
        "count": 2,
        "amount": Decimal("1000.80"),
        "share": 2 / 3,
        "ids": ["r1", "r2"],
    }
    assert "amount" not in portfolio(DATASET).partnerships_by_stage.rows()[0]


def test_an_empty_dataset_has_no_rows_and_no_denominator() -> None:
    """Nothing to sum and nothing left out."""
    figure = resources_by_kind(Dataset())
    assert (figure.counts, figure.left_out, figure.denominator) == ((), (), 0)


# -- On the command line ---------------------------------------------------------------------

FILE: dict[str, Any] = {
    "schema_version": "1.1",
    "partners": [
        {"id": "gov", "name": "A Ministry", "organisation_type": "10"},
        {"id": "biz", "name": "A Company", "organisation_type": "70"},
    ],
    "partnerships": [
        {
            "id": "pp1",
            "title": "Together",
            "participants": [{"partner_id": "gov"}, {"partner_id": "biz"}],
            "resources": [
                {"kind": "financial", "amount": 1500000.5, "currency": "KES", "provider_id": "gov"},
                {"kind": "financial", "amount": 0.1, "currency": "KES", "provider_id": "biz"},
                {"kind": "staff", "provider_id": "biz"},
            ],
        },
        {
            "id": "pp2",
            "title": "Apart",
            "participants": [{"partner_id": "gov"}, {"partner_id": "biz"}],
        },
    ],
}


def stats(capsys: pytest.CaptureFixture[str], tmp_path: Path, *options: str) -> str:
    path = tmp_path / "resources.json"
    path.write_text(json.dumps(FILE), encoding="utf-8")
    assert main(["stats", str(path), *options]) == 0
    return capsys.readouterr().out


def test_stats_text_prints_each_sum_in_full(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """1,500,000.5 + 0.1 is printed 1,500,000.6, never 1.5e6 nor a rounded float."""
    out = stats(capsys, tmp_path)
    block = out[out.index("Resources committed, by kind and currency") :].splitlines()
    assert block[2] == "  partnerships: 1 counted of 2; left out: 1 (no resources listed: 1)"
    assert block[3:5] == [
        "  financial/KES    Financial, Kenyan Shilling (KES)  1  100%  1,500,000.6",
        "  staff/no-amount  Staff, no amount given            1  100%            -",
    ]


def test_stats_json_writes_amounts_as_exact_strings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A JSON number would be read back as a float; the string keeps the decimal."""
    document = json.loads(stats(capsys, tmp_path, "--format", "json"))
    figure = next(f for f in document["figures"] if f["name"] == "resources-by-kind")
    assert figure["summed"] == "amount committed"
    assert [(row["key"], row["amount"], row["ids"]) for row in figure["counts"]] == [
        ("financial/KES", "1500000.6", ["pp1"]),
        ("staff/no-amount", None, ["pp1"]),
    ]
    assert figure["left_out"] == [{"reason": "no resources listed", "ids": ["pp2"]}]
    others = [f for f in document["figures"] if f["name"] != "resources-by-kind"]
    assert all("summed" not in f and "amount" not in f["counts"][0] for f in others if f["counts"])


def test_stats_csv_has_an_amount_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The amount is written in full; empty where there is no sum."""
    rows = list(csv.DictReader(io.StringIO(stats(capsys, tmp_path, "--format", "csv"))))
    mine = [r for r in rows if r["figure"] == "resources-by-kind"]
    assert [(r["kind"], r["key"], r["count"], r["amount"], r["ids"]) for r in mine] == [
        ("count", "financial/KES", "1", "1500000.6", "pp1"),
        ("count", "staff/no-amount", "1", "", "pp1"),
        ("left-out", "no resources listed", "1", "", "pp2"),
    ]
    assert all(r["amount"] == "" for r in rows if r["figure"] == "partner-sectors")


def test_report_shows_the_sums_in_the_figure_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The resources table has a column of amounts; other tables do not."""
    path = tmp_path / "resources.json"
    path.write_text(json.dumps(FILE), encoding="utf-8")
    assert main(["report", str(path), "-o", "-"]) == 0
    page = capsys.readouterr().out
    article = page[page.index('id="figure-resources-by-kind"') :]
    article = article[: article.index("</article>")]
    assert '<th class="number amount">amount committed</th>' in article
    assert '<td class="number amount">1,500,000.6</td>' in article
    assert '<td class="number amount">-</td>' in article
    assert page.count('class="number amount"') == 3
