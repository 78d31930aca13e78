"""The report's tables, each a :class:`~openai_funding.content.markdown.Table` built from the data:
the round's here, the package's own (checks, dictionary, sources, downloads) in
:mod:`~openai_funding.content.package_tables`."""

from __future__ import annotations

from typing import Any

import pandas as pd

from openai_funding.content.agreement_tables import agreements_table
from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed, derived
from openai_funding.content.facts import eur_bn, schedule_text, usd_bn
from openai_funding.content.markdown import Table, text
from openai_funding.content.package_tables import (
    checks_table,
    claims_table,
    downloads_table,
    full_dictionary_table,
    resources_table,
)
from openai_funding.content.words import ANSWERS, ROUND_TYPES, answer, date_text, say

__all__ = [
    "agreements_table",
    "checks_table",
    "claims_table",
    "commitments_table",
    "downloads_table",
    "full_dictionary_table",
    "glance_table",
    "resources_table",
    "rounds_table",
]


def commitments_table(data: ReportData, round_id: str | None = None) -> Table:
    """Each investor's commitment, its tranches, their timing and conditions."""
    lang = data.lang
    names = data.names()
    inv, com = data.round_tranches(round_id)
    total = int(inv["amount_usd"].sum())
    com = com.sort_values(
        ["amount_usd_investment", "investor_org_id", "tranche"], ascending=[False, True, True]
    )
    rows, records = [], []
    for r in com.itertuples(index=False):
        timing = schedule_text(r.timing_start, r.timing_end, r.timing_precision, lang)
        investment = claimed(
            data,
            usd_bn(r.amount_usd_investment, lang),
            "investments",
            r.investment_id,
            "amount_usd",
        )
        share = derived(
            lang.percent(int(r.amount_usd_investment) / total, 1),
            lang._(
                "investor's commitment / sum of the round's commitments = {investment} / {total}",
                investment=investment,
                total=usd_bn(total, lang),
            ),
            investment,
        )
        conditional = answer(r.conditional)
        records.append(
            {
                "investor": names[r.investor_org_id],
                "tranche": int(r.tranche),
                "of": int(r.tranche_count),
                "amount_usd": int(r.amount_usd),
                "investment_usd": int(r.amount_usd_investment),
                "timing": timing,
                "conditional": conditional,
            }
        )
        rows.append(
            [
                text(names[r.investor_org_id]),
                text(
                    lang._(
                        "{tranche} of {count}",
                        tranche=int(r.tranche),
                        count=int(r.tranche_count),
                    )
                ),
                text(
                    claimed(
                        data,
                        usd_bn(r.amount_usd, lang),
                        "commitments",
                        r.commitment_id,
                        "amount_usd",
                    )
                ),
                text(share if r.tranche == 1 else ""),
                text(
                    claimed(
                        data, timing, "commitments", r.commitment_id, "timing_start", "timing_end"
                    )
                ),
                text(
                    claimed(
                        data,
                        say(lang, ANSWERS, conditional),
                        "commitments",
                        r.commitment_id,
                        "conditional",
                    )
                ),
                text("" if pd.isna(r.condition) else r.condition),
            ]
        )
    return Table(
        [
            lang._("Investor"),
            lang._("Tranche"),
            lang._("Amount"),
            lang._("Investor's share of round"),
            lang._("Timing"),
            lang._("Conditional"),
            lang._("Condition"),
        ],
        rows,
        records,
        widths=[3, 2, 2, 2, 4, 2, 7],
    )


def rounds_table(data: ReportData) -> Table:
    """OpenAI's financing records, oldest first."""
    lang = data.lang
    rows, records = [], []
    for r in data["rounds"].sort_values(["announced_on", "status_as_of"]).itertuples(index=False):
        records.append(
            {
                "round_id": r.round_id,
                "round_type": r.round_type,
                "amount_usd": int(r.amount_usd),
                "post_money_usd": None
                if pd.isna(r.post_money_valuation_usd)
                else int(r.post_money_valuation_usd),
            }
        )
        round_type = say(lang, ROUND_TYPES, r.round_type)
        rows.append(
            [
                text(r.name),
                text(claimed(data, round_type, "rounds", r.round_id, "round_type")),
                text(
                    claimed(
                        data, date_text(r.announced_on, lang), "rounds", r.round_id, "announced_on"
                    )
                ),
                text(
                    claimed(data, date_text(r.closed_on, lang), "rounds", r.round_id, "closed_on")
                ),
                text(_money(data, r, "amount_usd")),
                text(_money(data, r, "pre_money_valuation_usd")),
                text(_money(data, r, "post_money_valuation_usd")),
            ]
        )
    return Table(
        [
            lang._("Record"),
            lang._("Type"),
            lang._("Announced"),
            lang._("Closed"),
            lang._("Amount"),
            lang._("Pre-money"),
            lang._("Post-money"),
        ],
        rows,
        records,
        widths=[6, 2, 3, 3, 2, 2, 2],
    )


def _money(data: ReportData, r: Any, column: str, fmt: Any = usd_bn) -> str:
    """A money cell of a rounds record, with its claims; empty when missing. ``fmt(amount,
    lang)`` writes the amount (:func:`~.facts.usd_bn`, :func:`~.facts.eur_bn`)."""
    value = getattr(r, column)
    if pd.isna(value):
        return ""
    return claimed(data, fmt(value, data.lang), "rounds", r.round_id, column)


def glance_table(data: ReportData, round_id: str | None = None) -> Table:
    """The round as announced and, where a later record updates it, as closed."""
    lang = data.lang
    round_id = round_id or data.settings.round_id
    rounds = data["rounds"]
    chosen = rounds[(rounds["round_id"] == round_id) | (rounds["updates_round_id"] == round_id)]
    rows, records = [], []
    for r in chosen.sort_values("status_as_of").itertuples(index=False):
        amount = _money(data, r, "amount_usd")
        post = _money(data, r, "post_money_valuation_usd")
        share = (
            ""
            if pd.isna(r.post_money_valuation_usd)
            else derived(
                lang.percent(int(r.amount_usd) / int(r.post_money_valuation_usd)),
                lang._(
                    "amount / post-money valuation = {amount} / {post_money}",
                    amount=amount,
                    post_money=post,
                ),
                amount,
                post,
            )
        )
        records.append({"round_id": r.round_id, "amount_usd": int(r.amount_usd), "share": share})
        rows.append(
            [
                text(r.name),
                text(date_text(r.status_as_of, lang)),
                text(amount),
                text(_money(data, r, "amount_eur", eur_bn)),
                text(_money(data, r, "pre_money_valuation_usd")),
                text(post),
                text(share),
            ]
        )
    return Table(
        [
            lang._("Record"),
            lang._("As of"),
            lang._("Amount"),
            lang._("In euros (Reuters)"),
            lang._("Pre-money"),
            lang._("Post-money"),
            lang._("New money / post-money"),
        ],
        rows,
        records,
        widths=[6, 3, 2, 3, 2, 2, 3],
    )
