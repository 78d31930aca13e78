"""The report's charts: Altair, one theme (:mod:`~openai_funding.content.theme`), labelled
units, a description (alt text) on every chart and tooltips in HTML. The diagram of who is tied
to whom is in :mod:`~openai_funding.content.network`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claims_of, tooltip
from openai_funding.content.facts import usd_bn
from openai_funding.content.network import agreement_network, links_frame
from openai_funding.content.theme import OKABE_ITO, WIDTH, flag, styled

__all__ = [
    "agreement_network",
    "investment_shares",
    "links_frame",
    "tranches_frame",
    "valuation_frame",
    "valuation_history",
]


def _tranche_kind(row: pd.Series) -> str:
    conditional = flag(row["conditional"])
    if conditional:
        return "on conditions"
    if conditional is False:
        return "upfront"
    if row["timing_precision"] != "unspecified":
        return "scheduled instalment"
    return "timing not disclosed"


def tranches_frame(data: ReportData, round_id: str | None = None) -> pd.DataFrame:
    """One row per tranche with investor, kind, amount in $bn and shares of the round."""
    names = data.names()
    inv, com = data.round_tranches(round_id)
    total = float(inv["amount_usd"].sum())
    frame = pd.DataFrame(
        {
            "investor": [names[i] for i in com["investor_org_id"]],
            "tranche": com["tranche"].astype(int),
            "kind": com.apply(_tranche_kind, axis=1),
            "amount_bn": com["amount_usd"].astype(float) / 1e9,
            "share_of_round": com["amount_usd"].astype(float) / total,
            "investor_share": com["amount_usd_investment"].astype(float) / total,
            "timing_start": com["timing_start"],
            "timing_end": com["timing_end"],
            "status_as_of": com["status_as_of"],
            "sources": [
                tooltip(data, claims_of(data, "commitments", c, "amount_usd"))
                for c in com["commitment_id"]
            ],
        }
    )
    return frame.sort_values(["investor", "tranche"]).reset_index(drop=True)


def investment_shares(data: ReportData, round_id: str | None = None) -> alt.TopLevelMixin:
    """Stacked bars: each investor's commitment, split by tranche kind, with its share of the round."""
    frame = tranches_frame(data, round_id)
    order = frame.groupby("investor")["amount_bn"].sum().sort_values(ascending=False).index.tolist()
    totals = frame.groupby("investor", as_index=False).agg(
        amount_bn=("amount_bn", "sum"), share=("investor_share", "first")
    )
    totals["label"] = [
        f"{usd_bn(a * 1e9)} ({s:.1%})"
        for a, s in zip(totals["amount_bn"], totals["share"], strict=True)
    ]
    kinds = ["upfront", "on conditions", "scheduled instalment", "timing not disclosed"]
    bars = (
        alt.Chart(frame)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y("investor:N", sort=order, title=None),
            x=alt.X("sum(amount_bn):Q", title="Commitment (US$ billions)", stack="zero"),
            color=alt.Color(
                "kind:N", title="Tranche", scale=alt.Scale(domain=kinds, range=OKABE_ITO[:4])
            ),
            order=alt.Order("tranche:Q"),
            tooltip=[
                alt.Tooltip("investor:N", title="Investor"),
                alt.Tooltip("tranche:Q", title="Tranche"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("amount_bn:Q", title="US$ bn", format=",.0f"),
                alt.Tooltip("share_of_round:Q", title="Share of round", format=".1%"),
                alt.Tooltip("sources:N", title="Sources"),
            ],
        )
    )
    labels = (
        alt.Chart(totals)
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(y=alt.Y("investor:N", sort=order), x="amount_bn:Q", text="label:N")
    )
    total = usd_bn(frame["amount_bn"].sum() * 1e9)
    parts = "; ".join(f"{r.investor} {r.label}" for r in totals.itertuples(index=False))
    return styled(
        (bars + labels).properties(width=WIDTH - 120, height=150),
        f"Bar chart of the {total} round by investor: {parts}. Amazon's bar is split between "
        "its upfront tranche and the tranche on conditions.",
    )


def valuation_frame(data: ReportData) -> pd.DataFrame:
    """One row per financing record with a valuation: date, $bn, type."""
    rounds = data["rounds"]
    frame = rounds[rounds["post_money_valuation_usd"].notna()].copy()
    frame["date"] = frame["closed_on"].fillna(frame["announced_on"])
    frame["valuation_bn"] = frame["post_money_valuation_usd"].astype(float) / 1e9
    frame["amount_bn"] = frame["amount_usd"].astype(float) / 1e9
    frame["sale"] = frame["round_type"].map(
        {"primary": "primary (new money)", "secondary": "secondary (shares sold)"}
    )
    frame["label"] = [usd_bn(v * 1e9) for v in frame["valuation_bn"]]
    frame["sources"] = [
        tooltip(data, claims_of(data, "rounds", r, "post_money_valuation_usd", "amount_usd"))
        for r in frame["round_id"]
    ]
    columns = ["round_id", "name", "date", "valuation_bn", "amount_bn", "sale", "label", "event"]
    return frame[[*columns, "sources"]].sort_values("date").reset_index(drop=True)


def valuation_history(data: ReportData) -> alt.TopLevelMixin:
    """OpenAI's post-money valuation from October 2024 to the 2026 close."""
    frame = valuation_frame(data)
    base = alt.Chart(frame).encode(
        x=alt.X(
            "date:T",
            title="Date",
            axis=alt.Axis(format="%b %Y"),
            scale=alt.Scale(domain=list(data.settings.valuation_axis)),
        ),
        y=alt.Y("valuation_bn:Q", title="Post-money valuation (US$ billions)"),
    )
    line = base.mark_line(color="#999", strokeDash=[2, 2])
    points = base.mark_point(size=90, filled=True).encode(
        color=alt.Color(
            "sale:N", title="Sale", scale=alt.Scale(range=[OKABE_ITO[0], OKABE_ITO[3]])
        ),
        shape=alt.Shape("sale:N", title="Sale"),
        tooltip=[
            alt.Tooltip("name:N", title="Record"),
            alt.Tooltip("date:T", title="Date", format="%d %B %Y"),
            alt.Tooltip("valuation_bn:Q", title="Valuation, US$ bn", format=",.0f"),
            alt.Tooltip("amount_bn:Q", title="Amount, US$ bn", format=",.1f"),
            alt.Tooltip("sources:N", title="Sources"),
        ],
    )
    # Labels sit left of their point; the latest one right of it, so close points do not collide.
    last = frame["date"] == frame["date"].max()
    left = alt.Chart(frame[~last]).mark_text(align="right", dx=-9, dy=-9, fontSize=10)
    right = alt.Chart(frame[last]).mark_text(align="left", dx=9, dy=-4, fontSize=10)
    labels = left.encode(x="date:T", y="valuation_bn:Q", text="label:N") + right.encode(
        x="date:T", y="valuation_bn:Q", text="label:N"
    )
    steps = ", ".join(
        f"{r.label} ({r.date:%b %Y}, {r.sale.split()[0]})" for r in frame.itertuples(index=False)
    )
    return styled(
        (line + points + labels).properties(width=WIDTH - 60, height=260),
        f"Line chart of OpenAI's post-money valuation: {steps}.",
    )
