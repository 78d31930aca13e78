"""The data package itself: descriptor, conventions, key figures and their claims."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from support import DESCRIPTOR, ROOT

PACKAGE = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def rows(name: str) -> list[dict[str, str]]:
    with (ROOT / RESOURCES[name]["path"]).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_upstream_frictionless_cli_reports_the_package_valid() -> None:
    exe = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(exe), "validate", "--json", "datapackage.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    assert done.returncode == 0, done.stdout[-2000:]
    assert report["valid"] is True
    assert len(report["tasks"]) == len(RESOURCES)


def test_package_metadata_is_complete() -> None:
    assert PACKAGE["name"] == "openai-funding"
    assert PACKAGE["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert re.fullmatch(r"\d+\.\d+\.\d+", PACKAGE["version"])
    assert [lic["name"] for lic in PACKAGE["licenses"]] == ["CC-BY-4.0"]
    for key in ("title", "description", "created", "sources", "contributors", "keywords"):
        assert PACKAGE[key], key


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_resource_hash_and_size_match_the_file(name: str) -> None:
    res = RESOURCES[name]
    data = (ROOT / res["path"]).read_bytes()
    assert res["bytes"] == len(data)
    assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_resource_follows_the_conventions(name: str) -> None:
    res = RESOURCES[name]
    for key in ("title", "description", "path", "format", "mediatype", "encoding", "schema"):
        assert res.get(key), key
    assert (res["format"], res["mediatype"], res["encoding"]) == ("csv", "text/csv", "utf-8")
    assert res["type"] == "table"
    schema = res["schema"]
    assert isinstance(schema["primaryKey"], list)
    assert schema["primaryKey"]
    assert schema["missingValues"] == [""]
    raw = (ROOT / res["path"]).read_bytes()
    assert b"\r" not in raw, "LF line endings only"
    assert raw.endswith(b"\n")
    raw.decode("utf-8")
    header = raw.split(b"\n", 1)[0].decode()
    assert header.split(",") == [f["name"] for f in schema["fields"]]
    for f in schema["fields"]:
        assert SNAKE.match(f["name"]), f["name"]
        assert f.get("description"), f"{name}.{f['name']} has no description"
        if f["name"].endswith(("_usd", "_eur")):
            assert f["type"] == "integer", "money is whole currency units"


def test_every_relation_is_a_declared_foreign_key() -> None:
    declared = {
        (name, field)
        for name, r in RESOURCES.items()
        for fk in r["schema"].get("foreignKeys", [])
        for field in fk["fields"]
    }
    for name, res in RESOURCES.items():
        for f in res["schema"]["fields"]:
            n = f["name"]
            is_ref = n.endswith("_id") and [n] != res["schema"]["primaryKey"]
            if name in ("claims", "questions", "reports", "translations") and n in (
                "record_id",
                "subject_id",
            ):
                continue  # polymorphic: described in polymorphicForeignKeys (test_datapackage_v2)
            if is_ref:
                assert (name, n) in declared, f"{name}.{n} is not a foreign key"


def test_ids_are_lowercase_kebab() -> None:
    for name, res in RESOURCES.items():
        # a translation's key is the cell it translates: a resource and a field name (snake
        # case), a record's id and a language tag; only the record's id is an id
        keys = ["record_id"] if name == "translations" else res["schema"]["primaryKey"]
        for key in keys:
            for row in rows(name):
                assert KEBAB.match(row[key]), (name, row[key])


def _claimed(resource: str, record: str, field: str) -> list[dict[str, str]]:
    return [
        c
        for c in rows("claims")
        if (c["resource"], c["record_id"], c["field"]) == (resource, record, field)
    ]


# The key figures of the issue, each as the data hold it and as the source writes it.
KEY_FIGURES = [
    ("rounds", "2026-02-round", "amount_usd", "110000000000", "110 milliards de dollars"),
    ("rounds", "2026-02-round", "amount_eur", "93210000000", "93,21 milliards d'euros"),
    ("rounds", "2026-02-round", "pre_money_valuation_usd", "730000000000", "$730 billion"),
    (
        "rounds",
        "2026-02-round",
        "post_money_valuation_usd",
        "840000000000",
        "840 milliards de dollars",
    ),
    ("investments", "2026-02-softbank", "amount_usd", "30000000000", "30 milliards de dollars"),
    ("investments", "2026-02-nvidia", "amount_usd", "30000000000", "30 milliards de dollars"),
    ("investments", "2026-02-amazon", "amount_usd", "50000000000", "50 milliards de dollars"),
    ("commitments", "2026-02-amazon-1", "amount_usd", "15000000000", "15 milliards de dollars"),
    ("commitments", "2026-02-amazon-2", "amount_usd", "35000000000", "35 milliards"),
    ("commitments", "2026-02-softbank-1", "amount_usd", "10000000000", "$10 billion"),
    ("commitments", "2026-02-softbank-2", "amount_usd", "10000000000", "$10 billion"),
    ("commitments", "2026-02-softbank-3", "amount_usd", "10000000000", "$10 billion"),
    ("agreement_terms", "trainium-capacity-2026-02-capacity", "quantity", "2", "2 gigawatts"),
    (
        "agreement_terms",
        "nvidia-loi-2025-09-investment",
        "quantity",
        "100000000000",
        "up to $100 billion",
    ),
    ("agreement_terms", "nvidia-loi-2025-09-capacity", "quantity", "10", "at least 10 gigawatts"),
]


@pytest.mark.parametrize(("resource", "record", "field", "value", "written"), KEY_FIGURES)
def test_key_figure_is_in_the_data_with_a_supporting_claim(
    resource: str, record: str, field: str, value: str, written: str
) -> None:
    (pk,) = RESOURCES[resource]["schema"]["primaryKey"]
    (row,) = [r for r in rows(resource) if r[pk] == record]
    assert row[field] == value
    claims = _claimed(resource, record, field)
    assert any(c["value"] == value and written in c["quote"] for c in claims), claims


def test_the_three_commitments_sum_to_the_round() -> None:
    total = sum(
        int(r["amount_usd"]) for r in rows("investments") if r["round_id"] == "2026-02-round"
    )
    (round_,) = [r for r in rows("rounds") if r["round_id"] == "2026-02-round"]
    assert total == int(round_["amount_usd"]) == 110_000_000_000


def test_primary_claims_quote_the_dispatch_verbatim() -> None:
    dispatch = ROOT.parent / "shared" / "sources" / "reuters-fr-2026-02-27.txt"
    text = dispatch.read_text(encoding="utf-8")
    primary = [c for c in rows("claims") if c["source_id"] == "reuters-fr-2026-02-27"]
    assert len(primary) >= 15
    for claim in primary:
        assert claim["quote"] in text, claim["claim_id"]


def test_no_unverified_fact_is_published() -> None:
    everything = "".join((ROOT / r["path"]).read_text(encoding="utf-8") for r in RESOURCES.values())
    for unverified in (
        "Deborah Sophia",
        "Santa Clara",
        "Seattle",
        "180 billion",
        "December 31, 2028",
        "5 GW",
    ):
        assert unverified not in everything


def test_load_says_as_of_which_date_the_sources_were_checked() -> None:
    import openai_funding

    tables = openai_funding.load(DESCRIPTOR)
    assert tables.as_of is not None
    assert tables.as_of.isoformat() == PACKAGE["asOf"]
    assert set(tables) == set(RESOURCES)  # still a plain mapping of the tables
    published = [r["published_on"] for r in rows("sources") if r["published_on"]]
    assert max(published) <= PACKAGE["asOf"]


def test_paid_so_far_is_derived_from_dated_outcomes() -> None:
    import openai_funding
    from openai_funding.package import paid

    tables = openai_funding.load(DESCRIPTOR)
    states = paid.tranche_states(tables).set_index("commitment_id")
    assert states.loc["2026-02-softbank-1", "state"] == "paid"
    assert states.loc["2026-02-softbank-2", "state"] == "paid"
    assert states.loc["2026-02-softbank-3", "state"] == "paid"
    assert states.loc["2026-02-nvidia-1", ["state", "grade", "paid_precision"]].tolist() == [
        "paid",
        "reported",
        "by",
    ]
    # Amazon's conditional tranche, paid in two parts
    assert states.loc["2026-02-amazon-2", ["state", "paid_usd"]].tolist() == ["paid", 35 * 10**9]
    assert tuple(states.loc["2026-02-amazon-2", "paid_ids"]) == (
        "2026-02-amazon-2-paid-part-1",
        "2026-02-amazon-2-paid-part-2",
    )
    by_investor = paid.paid_by_investment(tables).set_index("investment_id")
    assert by_investor.loc["2026-02-softbank", "paid_usd"] == 30 * 10**9
    assert by_investor.loc["2026-02-softbank", "to_come_usd"] == 0
    assert by_investor.loc["2026-02-amazon", "paid_usd"] == 50 * 10**9
    # Paid so far, per grade: how each payment is known.
    by_grade = paid.paid_by_grade(tables, "2026-02-round").set_index("grade")
    assert by_grade["paid_usd"].to_dict() == {
        "confirmed": 0,
        "relayed": 80 * 10**9,
        "reported": 30 * 10**9,
    }
    standing = paid.round_standing(tables, "2026-02-round").groupby("standing")["amount_usd"]
    assert standing.sum().to_dict() == {"paid": 80 * 10**9, "reported-paid": 30 * 10**9}
    # As of 2026-11-27 the package knew only the first two payments: later records are dated.
    tables.as_of = date(2026, 11, 27)
    before = paid.tranche_states(tables).set_index("commitment_id")
    assert before.loc["2026-02-softbank-3", "state"] == "not-known"
    assert before.loc["2026-02-amazon-1", "state"] == "not-known"
    assert before.loc["2026-02-amazon-2", "state"] == "conditional"
    assert before["paid_usd"].sum() == 20 * 10**9
    before_standing = paid.round_standing(tables, "2026-02-round").groupby("standing")
    assert before_standing["amount_usd"].sum().to_dict() == {
        "paid": 20 * 10**9,
        "not-known": 55 * 10**9,
        "conditional": 35 * 10**9,
    }
    # The same package read as of an earlier date knows of no payment yet.
    tables.as_of = date(2026, 3, 1)
    early = paid.tranche_states(tables).set_index("commitment_id")
    assert early.loc["2026-02-softbank-1", "state"] == "scheduled"
    assert early["paid_usd"].sum() == 0
