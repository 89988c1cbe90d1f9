"""Resources of partnerships (format 1.1): exact amounts, ISO 4217 currencies, providers."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from partnering import (
    Commitment,
    FormatVersionError,
    InvalidValueError,
    ResourceKind,
    dumps,
    loads,
    validate,
)


def document(resources: list[dict[str, Any]], version: str = "1.1") -> dict[str, Any]:
    return {
        "schema_version": version,
        "partners": [
            {"id": "moh", "name": "Ministry of Health", "organisation_type": "10"},
            {"id": "telco", "name": "A telecoms company", "organisation_type": "70"},
            {"id": "donor", "name": "A foundation", "organisation_type": "60"},
        ],
        "partnerships": [
            {
                "id": "phc",
                "title": "Primary healthcare",
                "participants": [{"partner_id": "moh"}, {"partner_id": "telco"}],
                "resources": resources,
            }
        ],
    }


def found(data: dict[str, Any] | str) -> list[tuple[str, str]]:
    text = data if isinstance(data, str) else json.dumps(data)
    return [(issue.code, issue.pointer) for issue in validate(text).issues]


def test_an_amount_is_kept_exactly_through_a_load_and_a_dump() -> None:
    text = json.dumps(document([{"kind": "financial", "provider_id": "moh"}]))
    # 0.1 and a long decimal: neither is a float on the way through.
    text = text.replace('"provider_id": "moh"', '"provider_id": "moh", "amount": 0.1')
    dataset = loads(text)
    (resource,) = dataset.partnerships[0].resources
    assert resource.amount == Decimal("0.1")
    assert type(resource.amount) is Decimal
    assert '"amount": 0.1\n' in dumps(dataset)
    long = text.replace("0.1", "12345678901234.567890123")
    written = dumps(loads(long))
    assert '"amount": 12345678901234.567890123' in written


def test_a_whole_amount_is_an_exact_decimal_too() -> None:
    text = json.dumps(document([{"kind": "staff", "amount": 3, "currency": "EUR"}]))
    (resource,) = loads(text).partnerships[0].resources
    assert resource.amount == Decimal(3)
    assert type(resource.amount) is Decimal


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        (
            {"kind": "financial", "amount": -0.5},
            ("out-of-range", "/partnerships/0/resources/0/amount"),
        ),
        (
            {"kind": "financial", "amount": -1},
            ("out-of-range", "/partnerships/0/resources/0/amount"),
        ),
        (
            {"kind": "financial", "currency": "KSH"},
            ("unknown-code", "/partnerships/0/resources/0/currency"),
        ),
        (
            {"kind": "financial", "currency": "kes"},
            ("unknown-code", "/partnerships/0/resources/0/currency"),
        ),
        ({"kind": "money"}, ("unknown-code", "/partnerships/0/resources/0/kind")),
        (
            {"kind": "financial", "amount": "10"},
            ("wrong-type", "/partnerships/0/resources/0/amount"),
        ),
    ],
    ids=["negative-fraction", "negative-whole", "currency", "currency-lowercase", "kind", "text"],
)
def test_a_bad_resource_gets_one_issue_at_its_pointer(
    resource: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert found(document([resource])) == [expected]


def test_an_amount_of_1e400_gets_an_issue_at_its_pointer() -> None:
    text = json.dumps(document([{"kind": "financial", "amount": 1}])).replace(
        '"amount": 1', '"amount": 1e400'
    )
    assert found(text) == [("json-non-finite", "/partnerships/0/resources/0/amount")]


def test_zero_is_an_amount() -> None:
    assert found(document([{"kind": "in_kind", "amount": 0, "currency": "USD"}])) == []


def test_the_provider_must_take_part_in_the_partnership() -> None:
    resources = [
        {"kind": "financial", "provider_id": "moh"},
        {"kind": "staff", "provider_id": "donor"},
    ]
    assert found(document(resources)) == [
        ("provider-not-participant", "/partnerships/0/resources/1/provider_id")
    ]


def test_a_provider_that_is_no_partner_is_a_dangling_reference_too() -> None:
    assert found(document([{"kind": "staff", "provider_id": "nobody"}])) == [
        ("dangling-reference", "/partnerships/0/resources/0/provider_id"),
        ("provider-not-participant", "/partnerships/0/resources/0/provider_id"),
    ]


def test_one_partner_may_provide_several_resources() -> None:
    resources = [
        {"kind": "financial", "provider_id": "moh"},
        {"kind": "staff", "provider_id": "moh"},
    ]
    assert found(document(resources)) == []


def test_the_period_must_not_end_before_it_starts() -> None:
    resource = {"kind": "staff", "start_date": "2020-01-01", "end_date": "2019-12-31"}
    assert found(document([resource])) == [
        ("end-before-start", "/partnerships/0/resources/0/end_date")
    ]


def test_resources_in_a_1_0_file_are_an_unknown_field_with_a_hint_to_declare_1_1() -> None:
    report = validate(json.dumps(document([{"kind": "financial"}], version="1.0")))
    (issue,) = report.issues
    assert (issue.code, issue.pointer) == ("unknown-field", "/partnerships/0/resources")
    assert "1.1" in issue.hint


def test_dumps_in_1_0_refuses_resources_and_names_them() -> None:
    dataset = loads(json.dumps(document([{"kind": "financial"}])))
    with pytest.raises(FormatVersionError) as refused:
        dumps(dataset, version="1.0")
    assert "/partnerships/*/resources" in str(refused.value)


def test_a_commitment_built_in_python_refuses_a_float_amount() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Commitment(kind=ResourceKind.FINANCIAL, amount=0.1)  # type: ignore[arg-type]  # on purpose
    assert (caught.value.field, caught.value.code) == ("amount", "wrong-type")
