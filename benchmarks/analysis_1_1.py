"""How long the figures of format 1.1 take: resources by kind and currency, respondents' plans.

Run from the repository's root: ``python -m benchmarks.analysis_1_1`` (1,000, 10,000 and
100,000 partners, 3 runs each). Options: ``--sizes 1000,10000``, ``--repeats N``.

The files are those of :mod:`benchmarks.generate`, given what format 1.1 adds: every
partnership commits two resources (an amount in one of five currencies, and staff time with
no amount), and every platform has a second, earlier assessment, so that each plan shows the
change since; the later one is answered by three respondents of different sectors, each
rating every block. The dataset is built in memory and not checked, so only the figures and
the plans are timed, in CPU time of the process: ``resources_by_kind``, ``portfolio`` (every
figure, this one included) and ``action_plans`` (spreads, divergences and changes).
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
from typing import Any

from benchmarks.analysis import timed
from benchmarks.generate import dataset

FULL = (1_000, 10_000, 100_000)
CURRENCIES = ("KES", "USD", "EUR", "ZMW", "COP")
RATINGS = ("red", "amber", "green", "not_applicable")
SECTORS = ("public", "private", "civil_society")


def with_1_1(document: dict[str, Any], seed: int = 11) -> dict[str, Any]:
    """Add resources, respondents and previous assessments to a generated document."""
    rng = random.Random(seed)
    document = {**document, "schema_version": "1.1"}
    for partnership in document["partnerships"]:
        amount = f"{rng.randrange(1, 10_000_000)}.{rng.randrange(100):02d}"
        partnership["resources"] = [
            {"kind": "financial", "amount": amount, "currency": rng.choice(CURRENCIES)},
            {"kind": "staff"},
        ]
    earlier = []
    for assessment in document["assessments"]:
        keys = [f"r{n}" for n in range(1, 4)]
        blocks = [rating["building_block_id"] for rating in assessment["ratings"]]
        earlier.append(
            {
                **assessment,
                "id": f"{assessment['id']}-before",
                "assessed_on": "2014-06-01",
            }
        )
        assessment["respondents"] = [
            {"key": key, "sector": sector} for key, sector in zip(keys, SECTORS, strict=True)
        ]
        assessment["ratings"] = [
            {"building_block_id": block, "rating": rng.choice(RATINGS), "respondent": key}
            for block in blocks
            for key in keys
        ]
    document["assessments"] = [*document["assessments"], *earlier]
    return document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.analysis_1_1")
    parser.add_argument("--sizes", default=",".join(str(size) for size in FULL))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    from decimal import Decimal

    import partnering
    from partnering.analysis import action_plans, portfolio, resources_by_kind

    print("| CPU milliseconds | partners | resources_by_kind | portfolio | action_plans |")
    print("|---|---:|---:|---:|---:|")
    for size in (int(size) for size in args.sizes.split(",")):
        document = with_1_1(dataset(size))
        for partnership in document["partnerships"]:
            for commitment in partnership["resources"]:
                if "amount" in commitment:
                    commitment["amount"] = Decimal(commitment["amount"])
        loaded = partnering.structure(document)
        steps = {
            "resources_by_kind": resources_by_kind,
            "portfolio": portfolio,
            "action_plans": action_plans,
        }
        cells = []
        for name, function in steps.items():
            _, cpu = timed(functools.partial(function, loaded), args.repeats)
            cells.append(f"{cpu * 1000:,.0f}")
            print(f"  {size:>7} partners  {name:<18} {cpu * 1000:9.0f} ms CPU", file=sys.stderr)
        print(f"| | {size:,} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
