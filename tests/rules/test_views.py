"""The views the cross-table rules run on, computed from the real package."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from openai_funding import load
from openai_funding.checks import as_of_views, purchase_views, views
from openai_funding.package.canonical import canonical
from openai_funding.package.descriptor import read_package

DESCRIPTOR = Path(__file__).resolve().parents[2] / "datapackage.json"


@pytest.fixture(scope="module")
def built() -> dict[str, pd.DataFrame]:
    package = read_package(DESCRIPTOR)
    tables, resources = load(package), package.tabular
    frames = {
        **views.build_all(tables, resources),
        **as_of_views.build_all(tables, resources),
        **purchase_views.build_all(tables, resources),
    }
    return {name: build() for name, build in frames.items()}


def row(frame: pd.DataFrame, key: str) -> pd.Series:
    (position,) = frame.index[frame["_key"] == key]
    return frame.loc[position]


def test_round_totals(built: dict[str, pd.DataFrame]) -> None:
    r = row(built["round_totals"], "2026-02-round")
    assert r["pre_plus_amount"] == 840_000_000_000 == r["post_money_valuation_usd"]
    assert r["invested_usd"] == r["committed_usd"] == 110_000_000_000
    assert r["share_total"] == 1
    assert r["usd_per_eur"] == pytest.approx(1.18013, abs=1e-5)
    assert (r["_file"], r["_row"]) == ("data/rounds.csv", 5)


def test_investment_totals(built: dict[str, pd.DataFrame]) -> None:
    r = row(built["investment_totals"], "2026-02-amazon")
    assert r["tranche_sum"] == r["amount_usd"] == 50_000_000_000
    assert r["tranche_rows"] == r["tranche_count"] == 2
    assert r["share_of_round"] == pytest.approx(50 / 110)


def test_month_windows_compare_by_month() -> None:
    tables = load(DESCRIPTOR)
    com = tables["commitments"]
    com.loc[com["commitment_id"] == "2026-02-softbank-1", "timing_precision"] = "month"
    frame = views.commitment_windows(tables, read_package(DESCRIPTOR).tabular)
    r = row(frame, "2026-02-softbank-1")
    assert r["earliest_window"] == pd.Timestamp("2026-02-01")
    assert r["round_announced_on"] == pd.Timestamp("2026-02-27")
    r = row(frame, "2026-02-softbank-2")  # known to the day: compared with the day itself
    assert r["earliest_window"] == pd.Timestamp("2026-02-27")


def test_schedule_outcomes_know_the_as_of_date(built: dict[str, pd.DataFrame]) -> None:
    frame = built["schedule_outcomes"]
    assert (frame["as_of"] == pd.Timestamp("2026-12-05")).all()
    r = row(frame, "2026-02-softbank-3")
    assert r["scheduled_by"] == pd.Timestamp("2026-10-01")
    assert r["outcomes"] == 2  # not known as of 2026-11-27, then paid
    assert bool(r["due_has_outcome"])
    assert bool(frame["due_has_outcome"].all())


def test_as_of_bounds_cover_status_and_publication_dates(built: dict[str, pd.DataFrame]) -> None:
    frame = built["as_of_bounds"]
    assert set(frame["kind"]) == {"status", "publication"}
    fields = set(frame["_field"])
    assert {"status_as_of", "occurred_on", "reported_on", "updated_on", "published_on"} <= fields
    assert (frame["dated_on"] <= frame["as_of"]).all()


def test_paid_totals_per_level(built: dict[str, pd.DataFrame]) -> None:
    frame = built["paid_totals"]
    r = row(frame, "2026-02-softbank")
    assert (r["level"], r["committed_usd"], r["paid_usd"]) == ("investment", 30 * 10**9, 30 * 10**9)
    r = row(frame, "2026-02-round")
    assert (r["committed_usd"], r["paid_usd"]) == (110 * 10**9, 110 * 10**9)
    r = row(frame, "2026-03-close")  # the close counts the payments of the round it updates
    assert (r["committed_usd"], r["paid_usd"]) == (122 * 10**9, 110 * 10**9)
    assert (r["_file"], r["_row"]) == ("data/rounds.csv", 6)
    r = row(frame, "2026-02-amazon-2")  # paid in two parts: $13.7bn, then $21.3bn
    assert (r["level"], r["committed_usd"], r["paid_usd"]) == ("tranche", 35 * 10**9, 35 * 10**9)


def test_outcome_evidence_counts_supporting_claims(built: dict[str, pd.DataFrame]) -> None:
    frame = built["outcome_evidence"]
    assert row(frame, "2026-02-softbank-1-paid")["supported_claims"] == 4
    assert row(frame, "2026-02-softbank-2-paid")["supported_claims"] == 5
    assert row(frame, "2026-02-nvidia-1-2026-11-27")["supported_claims"] == 0
    # the strongest grade the claims support: no PRIMARY claim; SoftBank's own statement
    # relayed; Nvidia's payment only reported (IT之家 relays The Information, not Nvidia)
    grades = frame.set_index("_key")["supported_grade"]
    assert grades["2026-02-softbank-3-paid"] == "relayed"
    assert grades["2026-02-nvidia-1-paid"] == "reported"
    assert grades["2026-02-nvidia-1-2026-11-27"] == "not-known"
    assert (frame["supported_rank"] >= frame["grade_rank"]).all()


def test_claim_support_reads_the_words(built: dict[str, pd.DataFrame]) -> None:
    c = row(built["claim_support"], "c028")  # 93,21 milliards d'euros
    assert c["written_reading"] == "93210000000 EUR"
    assert c["written_unit"] == c["expected_unit"] == "EUR"
    assert bool(c["written_supports_value"])
    c = row(built["claim_support"], "c025")  # "vendredi", published on Friday 2026-02-27
    assert c["written_reading"] == "2026-02-27 (day)"


def test_text_cells_cover_every_text_field(built: dict[str, pd.DataFrame]) -> None:
    cells = built["text_cells"]
    assert {"data/claims.csv", "data/organizations.csv", "data/sources.csv"} <= set(cells["_file"])
    assert "quote" in set(cells["_field"])
    assert "amount_usd" not in set(cells["_field"])


def test_every_claimed_cell_counted(built: dict[str, pd.DataFrame]) -> None:
    cells = built["claimed_cells"]
    assert len(cells) > 50
    assert (cells["claims"] >= 1).all()


def test_usage_counts_foreign_keys(built: dict[str, pd.DataFrame]) -> None:
    usage = built["usage"]
    assert row(usage, "openai")["references"] >= 5
    assert row(usage, "reuters-fr-2026-02-27")["references"] > 10


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (pd.NA, None),
        (pd.NaT, None),
        (True, "true"),
        (False, "false"),
        (30_000_000_000, "30000000000"),
        (10.0, "10"),
        (2.5, "2.5"),
        (pd.Timestamp("2026-02-27"), "2026-02-27"),
        ("NVDA.O", "NVDA.O"),
    ],
)
def test_canonical(value: object, text: str | None) -> None:
    assert canonical(value) == text
