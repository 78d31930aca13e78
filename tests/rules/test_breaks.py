"""Each rule, broken on a copy of the package: ``openai-funding validate`` exits 1 and names the
rule and the row.

Copies are shared: each copy carries several breaks, on different records, and is validated once
(Great Expectations runs are slowish). Each break is still its own test, which looks for the
problem line of its rule at its row. Copy ``relaxed`` also loosens the Table Schema in the copy's
descriptor, for the rules that repeat a schema constraint (unique ids, positive amounts, as-of
dates): there the schema would stop the validation before the rules run.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from rules_helpers import PackageCopy, drop_constraint, drop_primary_key

from support import ROOT


@dataclass(frozen=True)
class Break:
    """A break of one rule: which copy carries it, the rule (``suite/rule``), where the problem
    must be reported (``file:line [key]``) and the edit."""

    copy: str
    rule: str
    where: str
    edit: Callable[[PackageCopy], None]

    def __str__(self) -> str:
        return self.rule


def cell(resource: str, key: str, field: str, value: str) -> Callable[[PackageCopy], None]:
    return lambda p: p.set(resource, key, field, value)


def cells(*edits: Callable[[PackageCopy], None]) -> Callable[[PackageCopy], None]:
    def run(p: PackageCopy) -> None:
        for edit in edits:
            edit(p)

    return run


def relaxed(resource: str, schema_edit, edit: Callable[[PackageCopy], None]):
    return cells(lambda p: p.relax(resource, schema_edit), edit)


def _also_above(_: PackageCopy) -> None:
    """No edit of its own: the break just above also breaks this rule."""


ALSO_ABOVE = _also_above


def _describe(field: str, description: str) -> Callable[[dict], None]:
    """A schema edit: ``field`` gets another description (an English text with no French one)."""

    def edit(schema: dict) -> None:
        (f,) = [f for f in schema["fields"] if f["name"] == field]
        f["description"] = description

    return edit


def duplicate(resource: str, key: str, **changes: str) -> Callable[[PackageCopy], None]:
    return lambda p: p.copy_row(resource, key, **changes)


ORG, RND, INV, COM = (
    "data/organizations.csv",
    "data/rounds.csv",
    "data/investments.csv",
    "data/commitments.csv",
)
OUT, REP = "data/outcomes.csv", "data/reports.csv"
PUR, STK = "data/purchase_commitments.csv", "data/stakes.csv"
TRL = "data/translations.csv"


def appended(path: str) -> int:
    """The line that a record appended to the package's file ``path`` takes."""
    with (ROOT / path).open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) + 1


AGR, TRM, QST, SRC, CLM = (
    "data/agreements.csv",
    "data/agreement_terms.csv",
    "data/questions.csv",
    "data/sources.csv",
    "data/claims.csv",
)

BREAKS = [
    # --- identity -------------------------------------------------------------------------
    Break(
        "relaxed",
        "organizations/org-id-unique",
        f"{ORG}:9 [openai]",
        relaxed(
            "organizations", drop_primary_key, duplicate("organizations", "openai", name="OAI")
        ),
    ),
    Break(
        "a",
        "organizations/name-unique-per-kind",
        f"{ORG}:4 [nvidia]",
        cell("organizations", "nvidia", "name", "Amazon"),
    ),
    Break(
        "a",
        "organizations/business-unit-has-parent",
        f"{ORG}:6 [aws]",
        cell("organizations", "aws", "parent_org_id", ""),
    ),
    Break(
        "a",
        "organizations/company-has-no-parent",
        f"{ORG}:2 [openai]",
        cell("organizations", "openai", "parent_org_id", "microsoft"),
    ),
    Break(
        "c",
        "usage/every-organization-referenced",
        f"{ORG}:9 [xai]",
        lambda p: p.add("organizations", org_id="xai", name="xAI", kind="company"),
    ),
    Break(
        "relaxed",
        "rounds/round-id-unique",
        f"{RND}:8 [2024-10-funding]",
        relaxed("rounds", drop_primary_key, duplicate("rounds", "2024-10-funding", name="Copy")),
    ),
    Break(
        "a",
        "rounds/name-unique",
        f"{RND}:3 [2025-03-funding]",
        cell("rounds", "2025-03-funding", "name", "October 2024 funding"),
    ),
    Break(
        "relaxed",
        "investments/investment-id-unique",
        f"{INV}:5 [2026-02-nvidia]",
        relaxed("investments", drop_primary_key, duplicate("investments", "2026-02-nvidia")),
    ),
    Break(
        "a",
        "investments/one-investment-per-investor-and-round",
        f"{INV}:3 [2026-02-nvidia]",
        cell("investments", "2026-02-nvidia", "investor_org_id", "softbank-group"),
    ),
    Break(
        "relaxed",
        "commitments/commitment-id-unique",
        f"{COM}:8 [2026-02-nvidia-1]",
        relaxed(
            "commitments",
            drop_primary_key,
            duplicate("commitments", "2026-02-nvidia-1", tranche="1"),
        ),
    ),
    Break(
        "relaxed",
        "agreements/agreement-id-unique",
        f"{AGR}:12 [trainium-capacity-2026-02]",
        relaxed(
            "agreements",
            drop_primary_key,
            duplicate("agreements", "trainium-capacity-2026-02", title="Copy"),
        ),
    ),
    Break(
        "a",
        "agreements/title-unique",
        f"{AGR}:5 [trainium-capacity-2026-02]",
        cell("agreements", "trainium-capacity-2026-02", "title", "Additional AWS spend"),
    ),
    Break(
        "relaxed",
        "agreement_parties/party-listed-once",
        "data/agreement_parties.csv:22 [nvidia-loi-2025-09]",  # no primary key: first field
        relaxed(
            "agreement_parties",
            drop_primary_key,
            duplicate("agreement_parties", "nvidia-loi-2025-09/nvidia", role="party"),
        ),
    ),
    Break(
        "relaxed",
        "agreement_terms/term-id-unique",
        f"{TRM}:9 [nvidia-loi-2025-09-capacity]",
        relaxed(
            "agreement_terms",
            drop_primary_key,
            duplicate("agreement_terms", "nvidia-loi-2025-09-capacity"),
        ),
    ),
    Break(
        "relaxed",
        "questions/question-id-unique",
        f"{QST}:4 [amazon-35bn-conditions]",
        relaxed("questions", drop_primary_key, duplicate("questions", "amazon-35bn-conditions")),
    ),
    Break(
        "relaxed",
        "sources/source-id-unique",
        f"{SRC}:{appended(SRC)} [verdict-2026-03-02]",
        relaxed(
            "sources",
            drop_primary_key,
            duplicate("sources", "verdict-2026-03-02", url="https://example.org/x"),
        ),
    ),
    Break(
        "a",
        "sources/url-unique",
        f"{SRC}:4 [cna-2026-02-27]",
        cell(
            "sources",
            "cna-2026-02-27",
            "url",
            "https://www.straitstimes.com/business/companies-markets/openai-139-billion-funding-round-draws-investment-from-amazon-nvidia-softbank",
        ),
    ),
    Break(
        "relaxed",
        "claims/claim-id-unique",
        f"{CLM}:{appended(CLM)} [c032]",
        relaxed("claims", drop_primary_key, duplicate("claims", "c032")),
    ),
    Break(
        "a",
        "claims/one-claim-per-value-and-source",
        f"{CLM}:{appended(CLM)} [c900]",
        duplicate("claims", "c026", claim_id="c900"),
    ),
    # --- money ----------------------------------------------------------------------------
    Break(
        "relaxed",
        "rounds/amount-usd-positive",
        f"{RND}:4 [2025-10-secondary]",
        relaxed(
            "rounds",
            drop_constraint("amount_usd", "minimum"),
            cell("rounds", "2025-10-secondary", "amount_usd", "0"),
        ),
    ),
    Break(
        "relaxed",
        "rounds/amount-eur-positive",
        f"{RND}:5 [2026-02-round]",
        relaxed(
            "rounds",
            drop_constraint("amount_eur", "minimum"),
            cell("rounds", "2026-02-round", "amount_eur", "-93210000000"),
        ),
    ),
    Break(
        "relaxed",
        "rounds/pre-money-valuation-usd-positive",
        f"{RND}:5 [2026-02-round]",
        relaxed(
            "rounds",
            drop_constraint("pre_money_valuation_usd", "minimum"),
            cell("rounds", "2026-02-round", "pre_money_valuation_usd", "0"),
        ),
    ),
    Break(
        "relaxed",
        "rounds/post-money-valuation-usd-positive",
        f"{RND}:3 [2025-03-funding]",
        relaxed(
            "rounds",
            drop_constraint("post_money_valuation_usd", "minimum"),
            cell("rounds", "2025-03-funding", "post_money_valuation_usd", "0"),
        ),
    ),
    Break(
        "relaxed",
        "investments/amount-usd-positive",
        f"{INV}:2 [2026-02-softbank]",
        relaxed(
            "investments",
            drop_constraint("amount_usd", "minimum"),
            cell("investments", "2026-02-softbank", "amount_usd", "0"),
        ),
    ),
    Break(
        "relaxed",
        "commitments/amount-usd-positive",
        f"{COM}:2 [2026-02-amazon-1]",
        relaxed(
            "commitments",
            drop_constraint("amount_usd", "minimum"),
            cell("commitments", "2026-02-amazon-1", "amount_usd", "0"),
        ),
    ),
    Break(
        "a",
        "agreement_terms/quantity-positive",
        f"{TRM}:8 [trainium-capacity-2026-02-capacity]",
        cell("agreement_terms", "trainium-capacity-2026-02-capacity", "quantity", "0"),
    ),
    Break(
        "a",
        "agreement_terms/unit-fits-measure",
        f"{TRM}:5 [aws-compute-2025-11-duration]",
        cell("agreement_terms", "aws-compute-2025-11-duration", "unit", "GW"),
    ),
    Break(
        "a",
        "rounds/secondary-pre-equals-post",
        f"{RND}:4 [2025-10-secondary]",
        cell("rounds", "2025-10-secondary", "pre_money_valuation_usd", "400000000000"),
    ),
    # Sums that drift: Amazon's investment grows by $10bn, SoftBank's third tranche by $90bn.
    Break(
        "d",
        "round_totals/investments-within-amount",
        f"{RND}:5 [2026-02-round]",
        cell("investments", "2026-02-amazon", "amount_usd", "60000000000"),
    ),
    Break(
        "d",
        "round_totals/fully-allocated-investments-add-up",
        f"{RND}:5 [2026-02-round]",
        ALSO_ABOVE,
    ),
    Break(
        "d",
        "round_totals/fully-allocated-shares-sum-to-one",
        f"{RND}:5 [2026-02-round]",
        ALSO_ABOVE,
    ),
    Break("d", "investment_totals/tranches-add-up", f"{INV}:4 [2026-02-amazon]", ALSO_ABOVE),
    Break(
        "d",
        "round_totals/tranches-within-amount",
        f"{RND}:5 [2026-02-round]",
        cell("commitments", "2026-02-softbank-3", "amount_usd", "100000000000"),
    ),
    Break(
        "d",
        "investment_totals/share-of-round-in-range",
        f"{INV}:3 [2026-02-nvidia]",
        cell("investments", "2026-02-nvidia", "amount_usd", "200000000000"),
    ),
    # A post-money that no longer follows: $730bn + $110bn is not $850bn.
    Break(
        "d",
        "round_totals/post-money-follows",
        f"{RND}:5 [2026-02-round]",
        cell("rounds", "2026-02-round", "post_money_valuation_usd", "850000000000"),
    ),
    Break(
        "d",
        "round_totals/eur-rate-plausible",
        f"{RND}:5 [2026-02-round]",
        cell("rounds", "2026-02-round", "amount_eur", "50000000000"),
    ),
    Break(
        "b",
        "investment_totals/tranche-count-matches",
        f"{INV}:2 [2026-02-softbank]",
        cells(
            *(cell("commitments", f"2026-02-softbank-{i}", "tranche_count", "4") for i in (1, 2, 3))
        ),
    ),
    Break(
        "a",
        "commitments/tranche-numbers-unique",
        f"{COM}:5 [2026-02-softbank-2]",
        cell("commitments", "2026-02-softbank-2", "tranche", "1"),
    ),
    Break(
        "a",
        "commitments/tranche-within-count",
        f"{COM}:7 [2026-02-nvidia-1]",
        cell("commitments", "2026-02-nvidia-1", "tranche", "2"),
    ),
    # --- time -----------------------------------------------------------------------------
    Break(
        "a",
        "rounds/closed-on-or-after-announced",
        f"{RND}:2 [2024-10-funding]",
        cell("rounds", "2024-10-funding", "closed_on", "2024-09-01"),
    ),
    Break(
        "b",
        "rounds/as-of-on-or-after-announced",
        f"{RND}:3 [2025-03-funding]",
        cell("rounds", "2025-03-funding", "status_as_of", "2025-03-01"),
    ),
    Break(
        "b",
        "rounds/as-of-on-or-after-closed",
        f"{RND}:4 [2025-10-secondary]",
        cell("rounds", "2025-10-secondary", "status_as_of", "2025-10-01"),
    ),
    Break(
        "b",
        "rounds/closed-round-has-close-date",
        f"{RND}:2 [2024-10-funding]",
        cell("rounds", "2024-10-funding", "closed_on", ""),
    ),
    Break(
        "b",
        "rounds/close-record-has-close-date",
        f"{RND}:6 [2026-03-close]",
        cells(
            cell("rounds", "2026-03-close", "closed_on", ""),
            cell("rounds", "2026-03-close", "status", "announced"),
        ),
    ),
    Break(
        "relaxed",
        "rounds/has-as-of-date",
        f"{RND}:3 [2025-03-funding]",
        relaxed(
            "rounds",
            drop_constraint("status_as_of", "required"),
            cell("rounds", "2025-03-funding", "status_as_of", ""),
        ),
    ),
    Break(
        "relaxed",
        "investments/has-as-of-date",
        f"{INV}:3 [2026-02-nvidia]",
        relaxed(
            "investments",
            drop_constraint("status_as_of", "required"),
            cell("investments", "2026-02-nvidia", "status_as_of", ""),
        ),
    ),
    Break(
        "relaxed",
        "commitments/has-as-of-date",
        f"{COM}:3 [2026-02-amazon-2]",
        relaxed(
            "commitments",
            drop_constraint("status_as_of", "required"),
            cell("commitments", "2026-02-amazon-2", "status_as_of", ""),
        ),
    ),
    Break(
        "relaxed",
        "agreements/has-as-of-date",
        f"{AGR}:8 [azure-product-hosting]",
        relaxed(
            "agreements",
            drop_constraint("status_as_of", "required"),
            cell("agreements", "azure-product-hosting", "status_as_of", ""),
        ),
    ),
    Break(
        "relaxed",
        "questions/has-as-of-date",
        f"{QST}:2 [nvidia-30bn-replaces-loi]",
        relaxed(
            "questions",
            drop_constraint("status_as_of", "required"),
            cell("questions", "nvidia-30bn-replaces-loi", "status_as_of", ""),
        ),
    ),
    Break(
        "a",
        "commitments/window-start-before-end",
        f"{COM}:6 [2026-02-softbank-3]",
        cell("commitments", "2026-02-softbank-3", "timing_end", "2026-03-31"),
    ),
    Break(
        "a",
        "commitments/unspecified-timing-has-no-start",
        f"{COM}:7 [2026-02-nvidia-1]",
        cell("commitments", "2026-02-nvidia-1", "timing_start", "2026-03-01"),
    ),
    Break(
        "a",
        "commitments/unspecified-timing-has-no-end",
        f"{COM}:3 [2026-02-amazon-2]",
        cell("commitments", "2026-02-amazon-2", "timing_end", "2026-12-31"),
    ),
    Break(
        "a",
        "commitments/conditional-tranche-states-condition",
        f"{COM}:3 [2026-02-amazon-2]",
        cell("commitments", "2026-02-amazon-2", "condition", ""),
    ),
    Break(
        "b",
        "commitment_windows/window-starts-after-announcement",
        f"{COM}:4 [2026-02-softbank-1]",
        cell("commitments", "2026-02-softbank-1", "timing_start", "2025-12-01"),
    ),
    Break(
        "b",
        "commitment_windows/window-ends-after-announcement",
        f"{COM}:5 [2026-02-softbank-2]",
        cells(
            cell("commitments", "2026-02-softbank-2", "timing_start", "2025-11-01"),
            cell("commitments", "2026-02-softbank-2", "timing_end", "2025-12-31"),
        ),
    ),
    Break(
        "b",
        "commitment_windows/as-of-on-or-after-announcement",
        f"{COM}:7 [2026-02-nvidia-1]",
        cell("commitments", "2026-02-nvidia-1", "status_as_of", "2026-01-01"),
    ),
    Break(
        "b",
        "investment_totals/as-of-on-or-after-announcement",
        f"{INV}:3 [2026-02-nvidia]",
        cell("investments", "2026-02-nvidia", "status_as_of", "2026-02-01"),
    ),
    Break(
        "a",
        "agreements/in-force-until-after-stated",
        f"{AGR}:11 [microsoft-ip-licence-2026-04]",
        cell("agreements", "microsoft-ip-licence-2026-04", "in_force_until", "2025-12-31"),
    ),
    Break(
        "a",
        "agreements/end-date-has-precision",
        f"{AGR}:10 [azure-exclusivity-ended-2026-04]",
        cell("agreements", "azure-exclusivity-ended-2026-04", "in_force_until", "2030-12-31"),
    ),
    Break(
        "b",
        "agreements/amendment-names-amended-record",
        f"{AGR}:10 [azure-exclusivity-ended-2026-04]",
        cell("agreements", "azure-exclusivity-ended-2026-04", "amends_agreement_id", ""),
    ),
    Break(
        "b",
        "agreements/as-of-on-or-after-stated",
        f"{AGR}:2 [nvidia-loi-2025-09]",
        cell("agreements", "nvidia-loi-2025-09", "status_as_of", "2025-09-01"),
    ),
    Break(
        "b",
        "questions/as-of-on-or-after-raised",
        f"{QST}:3 [amazon-35bn-conditions]",
        cell("questions", "amazon-35bn-conditions", "status_as_of", "2026-02-01"),
    ),
    Break(
        "b",
        "record_links/update-dated-after-earlier-record",
        f"{AGR}:4 [agreements/aws-spend-expansion-2026-02]",
        cell("agreements", "aws-spend-expansion-2026-02", "stated_on", "2025-11-01"),
    ),
    Break(
        "b",
        "record_links/link-target-exists",
        f"{QST}:2 [questions/nvidia-30bn-replaces-loi]",
        cell("questions", "nvidia-30bn-replaces-loi", "subject_id", "nvidia-loi-2099"),
    ),
    # --- provenance -----------------------------------------------------------------------
    Break(
        "c",
        "claimed_cells/every-value-has-a-claim",
        f"{ORG}:3 [softbank-group]",
        cell("organizations", "softbank-group", "ric", "9984.T"),
    ),
    Break(
        "e",
        "usage/every-source-used",
        f"{SRC}:6 [verdict-2026-03-02]",
        lambda p: p.drop("claims", "c032"),
    ),
    Break(
        "c",
        "claim_support/claim-targets-existing-record",
        f"{CLM}:14 [c013]",
        cell("claims", "c013", "record_id", "2024-11-funding"),
    ),
    Break(
        "c",
        "claim_support/claim-field-exists",
        f"{CLM}:17 [c016]",
        cell("claims", "c016", "field", "valuation_usd"),
    ),
    Break(
        "c",
        "claim_support/claim-value-equals-cell",
        f"{CLM}:20 [c019]",
        cell("rounds", "2025-03-funding", "post_money_valuation_usd", "310000000000"),
    ),
    Break(
        "relaxed",
        "claim_support/claim-source-exists",
        f"{CLM}:21 [c020]",
        relaxed(
            "claims", lambda s: s.pop("foreignKeys"), cell("claims", "c020", "source_id", "nowhere")
        ),
    ),
    Break(
        "c",
        "claim_support/status-fits-source-type",
        f"{CLM}:6 [c005]",
        cell("claims", "c005", "status", "SECONDARY"),
    ),
    Break(
        "c",
        "claim_support/written-words-given",
        f"{CLM}:32 [c031]",
        cell("claims", "c031", "value_as_written", ""),
    ),
    Break(
        "c",
        "claim_support/written-words-in-quote",
        f"{CLM}:36 [c035]",
        cell("claims", "c035", "value_as_written", "$122bn"),
    ),
    # A quote that no longer supports its value: Amazon's $50bn claimed with the words for $30bn.
    Break(
        "c",
        "claim_support/written-words-state-value",
        f"{CLM}:40 [c039]",
        cell("claims", "c039", "value_as_written", "30 milliards de dollars"),
    ),
    Break(
        "c",
        "claim_support/written-unit-fits-field",
        f"{CLM}:41 [c040]",
        cells(
            cell("claims", "c040", "value_as_written", "€30 billion"),
            cell(
                "claims",
                "c040",
                "quote",
                "SoftBank Group Corp. will invest an additional €30 billion into OpenAI Group PBC",
            ),
        ),
    ),
    Break(
        "c",
        "claim_support/written-qualifier-fits-term",
        f"{CLM}:79 [c078]",
        cell("agreement_terms", "aws-compute-2025-11-spend", "qualifier", "exact"),
    ),
    Break(
        "c",
        "claim_support/event-not-after-publication",
        f"{CLM}:18 [c017]",
        cell("sources", "softbank-2025-04-01", "published_on", "2025-03-01"),
    ),
    # --- the package as of its date (copies f, g, h: each edits records the others read) ------
    # A tranche scheduled before the "as of" date whose outcome record is gone: silently
    # "scheduled" in the past.
    Break(
        "f",
        "schedule_outcomes/passed-schedule-has-outcome",
        f"{COM}:6 [2026-02-softbank-3]",
        cells(
            lambda p: p.drop("outcomes", "2026-02-softbank-3-2026-11-27"),
            lambda p: p.drop("outcomes", "2026-02-softbank-3-paid"),
        ),
    ),
    Break(
        "g",
        "as_of_bounds/status-not-after-as-of",
        f"{OUT}:6 [2026-02-amazon-2-2026-11-27]",
        cell("outcomes", "2026-02-amazon-2-2026-11-27", "status_as_of", "2026-12-09"),
    ),
    Break(
        "g",
        "as_of_bounds/as-of-not-before-sources",
        f"{SRC}:32 [keryc-2026-06]",
        cell("sources", "keryc-2026-06", "published_on", "2026-12-09"),
    ),
    # SoftBank's second tranche of $10bn reported paid as $20bn.
    Break(
        "g",
        "paid_totals/paid-within-committed",
        f"{COM}:5 [2026-02-softbank-2]",
        cell("outcomes", "2026-02-softbank-2-paid", "amount_usd", "20000000000"),
    ),
    # A payment whose claims are gone: nothing quoted says it happened.
    Break(
        "h",
        "outcome_evidence/outcome-has-supporting-claim",
        f"{OUT}:2 [2026-02-softbank-1-paid]",
        cells(*(lambda p, c=c: p.drop("claims", c) for c in ("c097", "c098", "c133", "c134"))),
    ),
    # --- money both ways: purchase commitments and stakes (copy k; relaxed for the rules
    # that repeat a schema constraint) ----------------------------------------------------------
    Break(
        "relaxed",
        "purchase_commitments/purchase-id-unique",
        f"{PUR}:{appended(PUR)} [openai-azure-2025-10]",
        relaxed(
            "purchase_commitments",
            drop_primary_key,
            duplicate("purchase_commitments", "openai-azure-2025-10"),
        ),
    ),
    Break(
        "relaxed",
        "purchase_commitments/amount-positive",
        f"{PUR}:3 [openai-aws-2025-11]",
        relaxed(
            "purchase_commitments",
            drop_constraint("amount_usd", "minimum"),
            cell("purchase_commitments", "openai-aws-2025-11", "amount_usd", "-38000000000"),
        ),
    ),
    Break(
        "relaxed",
        "purchase_commitments/quantity-positive",
        f"{PUR}:5 [openai-trainium-2026-02]",
        relaxed(
            "purchase_commitments",
            drop_constraint("quantity", "exclusiveMinimum"),
            cell("purchase_commitments", "openai-trainium-2026-02", "quantity", "0"),
        ),
    ),
    # The $100bn of AWS said to end before it starts.
    Break(
        "k",
        "purchase_commitments/period-ends-after-start",
        f"{PUR}:4 [openai-aws-2026-02]",
        cells(
            cell("purchase_commitments", "openai-aws-2026-02", "period_start", "2030-01-01"),
            cell("purchase_commitments", "openai-aws-2026-02", "period_end", "2029-01-01"),
        ),
    ),
    # OpenAI's 10 GW said to be bought from Microsoft, which takes no part in the Nvidia letter
    # of intent the commitment points to.
    Break(
        "k",
        "purchase_links/seller-takes-part",
        f"{PUR}:6 [openai-nvidia-2025-09]",
        cell("purchase_commitments", "openai-nvidia-2025-09", "seller_org_id", "microsoft"),
    ),
    Break(
        "k",
        "purchase_links/amount-or-quantity",
        f"{PUR}:2 [openai-azure-2025-10]",
        cell("purchase_commitments", "openai-azure-2025-10", "amount_usd", ""),
    ),
    Break(
        "k",
        "purchase_links/quantity-has-unit",
        f"{PUR}:5 [openai-trainium-2026-02]",
        cell("purchase_commitments", "openai-trainium-2026-02", "unit", ""),
    ),
    Break(
        "k",
        "purchase_links/grade-supported-by-claims",
        f"{PUR}:3 [openai-aws-2025-11]",
        cell("purchase_commitments", "openai-aws-2025-11", "grade", "confirmed"),
    ),
    Break(
        "relaxed",
        "stakes/stake-id-unique",
        f"{STK}:{appended(STK)} [microsoft-openai-2025-10]",
        relaxed("stakes", drop_primary_key, duplicate("stakes", "microsoft-openai-2025-10")),
    ),
    Break(
        "relaxed",
        "stakes/invested-positive",
        f"{STK}:6 [softbank-openai-2026-10]",
        relaxed(
            "stakes",
            drop_constraint("invested_usd", "minimum"),
            cell("stakes", "softbank-openai-2026-10", "invested_usd", "-1"),
        ),
    ),
    Break(
        "relaxed",
        "stakes/value-positive",
        f"{STK}:2 [microsoft-openai-2025-10]",
        relaxed(
            "stakes",
            drop_constraint("valued_usd", "minimum"),
            cell("stakes", "microsoft-openai-2025-10", "valued_usd", "-1"),
        ),
    ),
    Break(
        "relaxed",
        "stakes/share-a-percent",
        f"{STK}:3 [microsoft-openai-2026-03]",
        relaxed(
            "stakes",
            drop_constraint("share_percent", "maximum"),
            cell("stakes", "microsoft-openai-2026-03", "share_percent", "270"),
        ),
    ),
    Break(
        "k",
        "stake_evidence/grade-supported-by-claims",
        f"{STK}:5 [softbank-openai-2025-12]",
        cell("stakes", "softbank-openai-2025-12", "grade", "confirmed"),
    ),
    # An outcome graded above what its claims support (copies i, j: grades only).
    # SoftBank's first tranche "confirmed" with no PRIMARY claim.
    Break(
        "i",
        "outcome_evidence/grade-supported-by-claims",
        f"{OUT}:2 [2026-02-softbank-1-paid]",
        cell("outcomes", "2026-02-softbank-1-paid", "grade", "confirmed"),
    ),
    # SoftBank's second tranche "relayed", but its sources are said to relay Amazon, not a
    # party to SoftBank's tranche.
    Break(
        "j",
        "outcome_evidence/grade-supported-by-claims",
        f"{OUT}:3 [2026-02-softbank-2-paid]",
        cells(
            cell("sources", "japanco-2026-07", "relays_org_id", "amazon"),
            cell("sources", "wedoany-2026-07", "relays_org_id", "amazon"),
            cell("sources", "wpnews-2026-07", "relays_org_id", "amazon"),
        ),
    ),
    Break(
        "i",
        "outcome_evidence/not-known-graded-not-known",
        f"{OUT}:5 [2026-02-amazon-1-2026-11-27]",
        cell("outcomes", "2026-02-amazon-1-2026-11-27", "grade", "reported"),
    ),
    Break(
        "i",
        "outcome_evidence/known-outcome-graded",
        f"{OUT}:3 [2026-02-softbank-2-paid]",
        cell("outcomes", "2026-02-softbank-2-paid", "grade", "not-known"),
    ),
    Break(
        "h",
        "outcomes/paid-has-date",
        f"{OUT}:3 [2026-02-softbank-2-paid]",
        cell("outcomes", "2026-02-softbank-2-paid", "occurred_on", ""),
    ),
    Break(
        "h",
        "outcomes/paid-has-amount",
        f"{OUT}:2 [2026-02-softbank-1-paid]",
        cell("outcomes", "2026-02-softbank-1-paid", "amount_usd", ""),
    ),
    Break(
        "h",
        "outcomes/occurred-not-after-status",
        f"{OUT}:2 [2026-02-softbank-1-paid]",
        cell("outcomes", "2026-02-softbank-1-paid", "status_as_of", "2026-03-15"),
    ),
    Break(
        "h",
        "outcomes/not-known-has-no-date",
        f"{OUT}:5 [2026-02-amazon-1-2026-11-27]",
        cell("outcomes", "2026-02-amazon-1-2026-11-27", "occurred_on", "2026-03-30"),
    ),
    Break(
        "h",
        "outcomes/not-known-has-no-amount",
        f"{OUT}:6 [2026-02-amazon-2-2026-11-27]",
        cell("outcomes", "2026-02-amazon-2-2026-11-27", "amount_usd", "5000000000"),
    ),
    Break(
        "h",
        "outcomes/unspecified-has-no-date",
        f"{OUT}:7 [2026-02-nvidia-1-2026-11-27]",
        cell("outcomes", "2026-02-nvidia-1-2026-11-27", "occurred_on", "2026-05-01"),
    ),
    Break(
        "g",
        "events/occurred-not-after-status",
        "data/events.csv:2 [openai-ipo-filing-announced-2026-06]",
        cell("events", "openai-ipo-filing-announced-2026-06", "status_as_of", "2026-06-01"),
    ),
    Break(
        "relaxed",
        "question_updates/update-id-unique",
        "data/question_updates.csv:3 [amazon-35bn-conditions-8k-summary]",
        relaxed(
            "question_updates",
            drop_primary_key,
            duplicate("question_updates", "amazon-35bn-conditions-8k-summary"),
        ),
    ),
    # --- reports ----------------------------------------------------------------------------
    Break(
        "h",
        "reports/answer-names-report",
        f"{REP}:4 [amazon-35bn-agi-2026-02-27]",
        cell("reports", "amazon-35bn-agi-2026-02-27", "stance", "denial"),
    ),
    Break(
        "h",
        "reports/report-answers-nothing",
        f"{REP}:5 [nvidia-replaces-loi-2026-02-20]",
        cell(
            "reports",
            "nvidia-replaces-loi-2026-02-20",
            "responds_to_report_id",
            "amazon-35bn-agi-2026-02-26",
        ),
    ),
    Break(
        "h",
        "reports/schedule-report-counts-instalments",
        f"{REP}:2 [nvidia-three-instalments-2026-02-26]",
        cell("reports", "nvidia-three-instalments-2026-02-26", "instalments", ""),
    ),
    # --- translations of the displayed labels (copy t; relaxed for the unique key) -------------
    # A publisher the French edition shows, left with no French text.
    Break(
        "t",
        "translated_cells/every-label-translated",
        f"{SRC}:56 [justearthnews-2025-12-31]",
        lambda p: p.drop("translations", "sources/justearthnews-2025-12-31/publisher/fr"),
    ),
    Break(
        "t",
        "translation_targets/translation-targets-existing-record",
        f"{TRL}:46 [events/openai-ipo-2099/title/fr]",
        cell(
            "translations",
            "events/openai-ipo-filing-announced-2026-06/title/fr",
            "record_id",
            "openai-ipo-2099",
        ),
    ),
    Break(
        "t",
        "translation_targets/translation-targets-displayed-label",
        f"{TRL}:2 [rounds/2024-10-funding/status/fr]",
        cell("translations", "rounds/2024-10-funding/name/fr", "field", "status"),
    ),
    Break(
        "relaxed",
        "translations/one-text-per-label-and-language",
        f"{TRL}:{appended(TRL)} [rounds]",  # no primary key: named by the first field,
        relaxed(
            "translations",
            drop_primary_key,
            duplicate("translations", "rounds/2026-02-round/name/fr"),
        ),
    ),
    # A field's description changed in English: its French text (keyed by the old English
    # text in locale/fr/dictionary.po) no longer applies.
    Break(
        "t",
        "described_texts/every-description-translated",
        "datapackage.json [outcomes/grade]",
        lambda p: p.relax("outcomes", _describe("grade", "How the outcome is known, in short.")),
    ),
    # --- text hygiene (a formula in a text cell is not in the repository) ----------------------
    Break(
        "e",
        "text_cells/no-formula-prefix",
        f"{RND}:2 [2024-10-funding]",
        cell("rounds", "2024-10-funding", "name", '=HYPERLINK("http://x.example","October 2024")'),
    ),
    Break(
        "e",
        "text_cells/no-html",
        f"{AGR}:3 [aws-compute-2025-11]",
        cell(
            "agreements",
            "aws-compute-2025-11",
            "description",
            "OpenAI to use <img src=x onerror=alert(1)> AWS.",
        ),
    ),
    Break(
        "e",
        "text_cells/no-control-characters",
        f"{QST}:3 [amazon-35bn-conditions]",
        cell(
            "questions",
            "amazon-35bn-conditions",
            "notes",
            "Officially only\x07 'when certain conditions are met'.",
        ),
    ),
    Break(
        "e",
        "text_cells/no-surrounding-space",
        f"{ORG}:4 [nvidia]",
        cell("organizations", "nvidia", "name", "Nvidia "),
    ),
]


class Validated(dict[str, tuple[int, str]]):
    """Copy name → (exit code, output) of validate: each copy, with all its breaks, made and
    validated once, when a test first asks for it (so pytest-xdist workers validate different
    copies at the same time: the tests of one copy are one group, :func:`by_copy`). Of session
    scope: a worker runs the groups of this module between other modules' tests, and a module
    fixture would be made, and each copy validated, again after each of them."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        super().__init__()
        self.tmp_path_factory = tmp_path_factory

    def __missing__(self, name: str) -> tuple[int, str]:
        package = PackageCopy.make(self.tmp_path_factory.mktemp(f"broken-{name}"))
        for brk in BREAKS:
            if brk.copy == name:
                brk.edit(package)
        package.rehash()
        self[name] = package.validate()
        return self[name]


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str]]:
    return Validated(tmp_path_factory)


def by_copy(name: str) -> pytest.MarkDecorator:
    """The tests that read copy ``name`` run in one pytest-xdist worker (``--dist loadgroup``)."""
    return pytest.mark.xdist_group(f"rule-breaks-{name}")


def problem_lines(output: str, rule: str) -> list[str]:
    """The problem lines of ``rule`` (``suite/rule``) in the output of validate."""
    return [line.strip() for line in output.splitlines() if f"[rule:{rule}]" in line]


@pytest.mark.parametrize("brk", [pytest.param(b, marks=by_copy(b.copy), id=str(b)) for b in BREAKS])
def test_rule_catches_its_break(runs: dict[str, tuple[int, str]], brk: Break) -> None:
    code, output = runs[brk.copy]
    assert code == 1, output
    suite, rule = brk.rule.split("/")
    assert re.search(rf"^rule failed: {suite} / {rule} \(expect_\w+\)$", output, re.MULTILINE), (
        output
    )
    lines = problem_lines(output, brk.rule)
    assert any(line.startswith(brk.where + ":") for line in lines), (brk.where, lines)


def test_every_rule_has_a_break() -> None:
    from openai_funding.checks.rules.suites import CHECKOUT_SUITES, load_suites

    rules = {
        f"{s.name}/{e['meta']['rule']}"
        for s in load_suites(CHECKOUT_SUITES)
        for e in s.data["expectations"]
    }
    assert rules == {b.rule for b in BREAKS}


@by_copy("d")
def test_failed_rule_shows_the_values_found(runs: dict[str, tuple[int, str]]) -> None:
    _, output = runs["d"]
    (line,) = problem_lines(output, "round_totals/post-money-follows")
    assert "pre_money_valuation_usd=730000000000, amount_usd=110000000000" in line
    assert "post_money_valuation_usd=850000000000" in line
    _, output = runs["c"]
    (line,) = [
        line
        for line in problem_lines(output, "claim_support/written-words-state-value")
        if "[c039]" in line
    ]
    assert "30000000000 USD" in line  # what the words read as
    assert "value=50000000000" in line


@by_copy("t")
def test_untranslated_label_names_file_row_and_field(runs: dict[str, tuple[int, str]]) -> None:
    _, output = runs["t"]
    lines = problem_lines(output, "translated_cells/every-label-translated")
    (line,) = [x for x in lines if x.startswith(f"{SRC}:56 [justearthnews-2025-12-31]")]
    assert "field 'publisher'" in line
    assert "lang=fr" in line
    assert "value=Just Earth News" in line


@by_copy("t")
def test_untranslated_description_names_resource_and_field(
    runs: dict[str, tuple[int, str]],
) -> None:
    _, output = runs["t"]
    (line,) = problem_lines(output, "described_texts/every-description-translated")
    assert line.startswith("datapackage.json [outcomes/grade]: field 'description':")
    assert "text=How the outcome is known, in short." in line
    assert "lang=fr" in line


@by_copy("e")
def test_text_rule_names_the_field(runs: dict[str, tuple[int, str]]) -> None:
    _, output = runs["e"]
    (line,) = problem_lines(output, "text_cells/no-formula-prefix")
    assert "field 'name'" in line
    assert "=HYPERLINK" in line


def test_json_names_rule_and_key(tmp_path: Path) -> None:
    import json

    package = PackageCopy.make(tmp_path)
    package.set("rounds", "2026-02-round", "post_money_valuation_usd", "850000000000")
    package.rehash()
    code, output = package.validate("--json")
    assert code == 1
    report = json.loads(output)
    (check,) = [c for c in report["checks"] if c["check"] == "post-money-follows"]
    assert check["suite"] == "round_totals"
    assert check["success"] is False
    (problem,) = check["problems"]
    assert problem["key"] == "2026-02-round"
    assert problem["row"] == 5
    assert problem["file"] == "data/rounds.csv"
    assert problem["check"] == "rule:round_totals/post-money-follows"


@by_copy("i")
def test_a_grade_above_its_claims_is_refused_naming_file_row_and_field(
    runs: dict[str, tuple[int, str]],
) -> None:
    code, output = runs["i"]
    assert code == 1
    lines = problem_lines(output, "outcome_evidence/grade-supported-by-claims")
    (line,) = [x for x in lines if "[2026-02-softbank-1-paid]" in x]
    assert line.startswith("data/outcomes.csv:2 [2026-02-softbank-1-paid]: field 'grade': ")
    # what the row claims, and the strongest grade its claims support
    assert "grade=confirmed" in line
    assert "supported_grade=relayed" in line


@by_copy("k")
def test_a_seller_outside_its_agreement_is_refused_naming_the_row(
    runs: dict[str, tuple[int, str]],
) -> None:
    code, output = runs["k"]
    assert code == 1
    (line,) = problem_lines(output, "purchase_links/seller-takes-part")
    assert line.startswith(f"{PUR}:6 [openai-nvidia-2025-09]: field 'seller_org_id': ")
    assert "seller_org_id=microsoft, agreement_id=nvidia-loi-2025-09" in line
