"""Time ``openai-funding validate``: the real package, then synthetic commitments tables.

Run ``python benchmarks/bench_validate.py`` (``nox -s bench`` calls :func:`main`). It prints:

- the validation of the real package (schemas + rules) in this process: the first run pays the
  Great Expectations import, the second is warm;
- for synthetic commitments tables of 1k, 100k and 1M rows (with their investments, so that the
  foreign key is checked), generated in a temporary folder: the frictionless schema validation,
  the rules that apply to these tables (the ``commitments`` and ``investments`` suites, the
  per-investment and per-tranche views, text hygiene), and the time pyarrow needs merely to parse
  the same CSV, with the ratios to that parse.
"""

from __future__ import annotations

import argparse
import copy
import csv
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SIZES = (1_000, 100_000, 1_000_000)

#: The suites run on the synthetic tables (the others need the real package's other resources).
SYNTHETIC_SUITES = (
    "commitments",
    "investments",
    "investment_totals",
    "commitment_windows",
    "text_cells",
)
SYNTHETIC_RESOURCES = ("rounds", "investments", "commitments")
#: The profile of a Data Package v2 descriptor, as the real one declares it.
V2 = "https://datapackage.org/profiles/2.0/datapackage.json"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_validate", description=__doc__)
    parser.add_argument(
        "--sizes",
        type=lambda s: tuple(int(x) for x in s.split(",")),
        default=SIZES,
        help="comma-separated row counts of the synthetic commitments (default: 1000,100000,1000000)",
    )
    args, _ = parser.parse_known_args(argv)  # nox passes the same arguments to every bench

    from openai_funding.checks import validate
    from openai_funding.checks.rules.engine import Engine
    from openai_funding.package.descriptor import read_package

    descriptor = ROOT / "datapackage.json"
    print("real package (schemas + rules):")
    for label in ("first run, with the Great Expectations import", "warm"):
        start = time.perf_counter()
        report = validate(read_package(descriptor))
        seconds = time.perf_counter() - start
        print(f"  {label}: {seconds:.2f} s, {len(report.checks)} checks, valid={report.valid}")

    engine = Engine()  # one Great Expectations context for all the synthetic runs
    print("synthetic commitments tables:")
    header = (
        f"  {'rows':>9} {'pyarrow parse':>14} {'schema':>10} {'rules':>10}"
        f" {'schema/parse':>13} {'rules/parse':>12}"
    )
    print(header)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as tmp:
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            synthetic_package(folder, size)
            parse = time_parse(folder / "data" / "commitments.csv")
            schema, schema_problems = time_schema(folder / "datapackage.json")
            rules, failed = time_rules(folder / "datapackage.json", engine)
            rows.append((size, parse, schema, rules))
            print(
                f"  {size:>9,} {parse:>12.3f} s {schema:>8.2f} s {rules:>8.2f} s"
                f" {schema / parse:>12.0f}x {rules / parse:>11.0f}x"
                + (
                    f"  (! {schema_problems} schema problems, {failed} rules failed)"
                    if schema_problems or failed
                    else ""
                )
            )
    size, parse, schema, rules = rows[-1]
    dominant = "the frictionless schema validation" if schema > rules else "the rules"
    print(
        f"at {size:,} rows, {dominant} dominates: schema {schema:.1f} s, rules {rules:.1f} s,"
        f" against {parse:.2f} s to parse the CSV with pyarrow."
    )
    return 0


def synthetic_package(folder: Path, size: int) -> None:
    """A package of one round, ``size // 2`` investments and ``size`` tranches (two each), with
    the real package's Table Schemas (foreign keys included)."""
    real = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    resources = []
    for res in real["resources"]:
        if res["name"] not in SYNTHETIC_RESOURCES:
            continue
        res = copy.deepcopy(res)
        res.pop("hash", None)
        res.pop("bytes", None)
        keys = res["schema"].get("foreignKeys", [])
        res["schema"]["foreignKeys"] = [
            fk for fk in keys if fk["reference"].get("resource", "") in (*SYNTHETIC_RESOURCES, "")
        ]
        resources.append(res)
    (folder / "data").mkdir(parents=True)
    investments = max(size // 2, 1)
    tranche = 1_000_000
    _write(
        folder / "data" / "rounds.csv",
        [
            "round_id",
            "name",
            "investee_org_id",
            "round_type",
            "event",
            "announced_on",
            "closed_on",
            "amount_usd",
            "amount_eur",
            "pre_money_valuation_usd",
            "post_money_valuation_usd",
            "allocation",
            "status",
            "status_as_of",
            "updates_round_id",
        ],
        [
            [
                "big-round",
                "Synthetic round",
                "openai",
                "primary",
                "announcement",
                "2026-02-27",
                "",
                str(investments * 2 * tranche),
                "",
                "",
                "",
                "full",
                "announced",
                "2026-02-27",
                "",
            ]
        ],
    )
    _write(
        folder / "data" / "investments.csv",
        ["investment_id", "round_id", "investor_org_id", "amount_usd", "status_as_of"],
        (
            [f"inv-{i}", "big-round", f"investor-{i}", str(2 * tranche), "2026-02-27"]
            for i in range(investments)
        ),
    )
    _write(
        folder / "data" / "commitments.csv",
        [
            "commitment_id",
            "investment_id",
            "tranche",
            "tranche_count",
            "amount_usd",
            "timing_start",
            "timing_end",
            "timing_precision",
            "conditional",
            "condition",
            "status",
            "status_as_of",
        ],
        (
            [
                f"inv-{i // 2}-{i % 2 + 1}",
                f"inv-{i // 2}",
                str(i % 2 + 1),
                "2",
                str(tranche),
                "2026-04-01",
                "2026-10-31",
                "month",
                "true" if i % 2 else "false",
                "When certain conditions are met." if i % 2 else "",
                "committed",
                "2026-02-28",
            ]
            for i in range(2 * investments)
        ),
    )
    for res in resources:  # investor_org_id points to organizations: not part of this package
        res["schema"]["foreignKeys"] = [
            fk
            for fk in res["schema"]["foreignKeys"]
            if fk["reference"].get("resource") != "organizations"
        ]
    package = {"$schema": V2, "name": "synthetic", "asOf": real["asOf"], "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")


def time_parse(path: Path) -> float:
    from pyarrow import csv as pa_csv

    start = time.perf_counter()
    pa_csv.read_csv(path)
    return time.perf_counter() - start


def time_schema(descriptor: Path) -> tuple[float, int]:
    from openai_funding.checks.schemas import check_schemas
    from openai_funding.package.descriptor import read_package

    start = time.perf_counter()
    problems = check_schemas(read_package(descriptor))
    return time.perf_counter() - start, len(problems)


def time_rules(descriptor: Path, engine: Any) -> tuple[float, int]:
    """Load the tables, build the views and run the suites of :data:`SYNTHETIC_SUITES` with
    ``engine`` (its Great Expectations import was paid before the clock starts)."""
    from openai_funding.checks import views
    from openai_funding.checks.rules.suites import CHECKOUT_SUITES, load_suites
    from openai_funding.package.descriptor import read_package
    from openai_funding.package.loading import load

    suites = [s for s in load_suites(CHECKOUT_SUITES) if s.frame in SYNTHETIC_SUITES]
    start = time.perf_counter()
    package = read_package(descriptor)
    frames = views.build_all(load(package), package.tabular)
    checks = engine.run(suites, frames)
    seconds = time.perf_counter() - start
    return seconds, sum(not c.success for c in checks)


def _write(path: Path, header: list[str], rows: Any) -> None:
    """Write ``rows`` under the real schema's columns, in its order; a column the synthetic rows
    do not give (added to the schema later, all optional) is left empty."""
    real = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r["schema"] for r in real["resources"] if r.get("path") == f"data/{path.name}")
    columns = [f["name"] for f in schema["fields"]]
    where = [header.index(c) if c in header else None for c in columns]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row[i] if i is not None else "" for i in where] for row in rows)


if __name__ == "__main__":
    raise SystemExit(main())
