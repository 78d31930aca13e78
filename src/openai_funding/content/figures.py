"""The report's charts: Altair, one theme (:mod:`~openai_funding.content.theme`), labelled
units, a description (alt text) on every chart and tooltips in HTML, and words on the marks
instead of legends (:mod:`~openai_funding.content.bar_labels`). The diagram of who is tied to
whom is in :mod:`~openai_funding.content.network`; it keeps the report's one legend."""

from __future__ import annotations

import altair as alt
import pandas as pd

from openai_funding.content.bar_labels import band, bar_offset, part_rows, part_text
from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claims_of, tooltip
from openai_funding.content.language import N_
from openai_funding.content.network import agreement_network, links_frame
from openai_funding.content.paid_chart import BAR, paid_chart, round_chart
from openai_funding.content.theme import (
    MEANING_COLOURS,
    OKABE_ITO,
    SMALLEST_TYPE,
    chart_usd_bn,
    flag,
    short_month,
    styled,
)

__all__ = [
    "agreement_network",
    "investment_shares",
    "links_frame",
    "paid_chart",
    "round_chart",
    "tranches_frame",
    "valuation_frame",
    "valuation_history",
]


#: The kinds of tranche, in the colour scale's order (English; ``lang._`` gives the edition's words).
KINDS = [N_("upfront"), N_("on conditions"), N_("scheduled instalment"), N_("timing not disclosed")]
#: Each kind's colour: the colour of its meaning in every chart (a tranche on conditions is
#: coloured as money due on conditions, a scheduled instalment as money scheduled).
KIND_COLOURS = [MEANING_COLOURS[m] for m in ("upfront", "conditional", "scheduled", "undisclosed")]
#: How a financing record sold its shares.
SALES = {"primary": N_("primary (new money)"), "secondary": N_("secondary (shares sold)")}


def _tranche_kind(row: pd.Series) -> str:
    conditional = flag(row["conditional"])
    if conditional:
        return KINDS[1]
    if conditional is False:
        return KINDS[0]
    if row["timing_precision"] != "unspecified":
        return KINDS[2]
    return KINDS[3]


def tranches_frame(data: ReportData, round_id: str | None = None) -> pd.DataFrame:
    """One row per tranche with investor, kind, amount in $bn and shares of the round."""
    names = data.names()
    inv, com = data.round_tranches(round_id)
    total = float(inv["amount_usd"].sum())
    frame = pd.DataFrame(
        {
            "investor": [names[i] for i in com["investor_org_id"]],
            "tranche": com["tranche"].astype(int),
            "kind": [data.lang._(k) for k in com.apply(_tranche_kind, axis=1)],
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
    """Stacked bars: each investor's commitment, split by tranche kind, with its share of the
    round; each kind is written under its part of the bar (no legend)."""
    frame = tranches_frame(data, round_id)
    lang = data.lang
    _ = lang._
    order = frame.groupby("investor")["amount_bn"].sum().sort_values(ascending=False).index.tolist()
    totals = frame.groupby("investor", as_index=False).agg(
        amount_bn=("amount_bn", "sum"), share=("investor_share", "first")
    )
    totals["label"] = [
        f"{chart_usd_bn(a * 1e9, lang)} ({lang.percent(s)})"
        for a, s in zip(totals["amount_bn"], totals["share"], strict=True)
    ]
    kinds = [_(k) for k in KINDS]
    domain_end = float(totals["amount_bn"].max()) * 1.8
    named = part_rows(
        frame.rename(columns={"kind": "label"}),
        "investor",
        lambda kind, count, _a: (
            kind if count == 1 else _("{kind} × {count}", kind=kind, count=count)
        ),
        domain_end,
    )
    lines = int(named["line"].max()) + 1
    up = bar_offset(BAR, lines)
    y = alt.Y(
        "investor:N",
        sort=order,
        title=None,
        scale=alt.Scale(paddingInner=0, paddingOuter=0),
        axis=alt.Axis(labelOffset=up, ticks=False),
    )
    # room on the right for each total's label, at a phone's width too
    x = alt.X(
        "sum(amount_bn):Q",
        title=_("Commitment (US$ billions)"),
        stack="zero",
        scale=alt.Scale(domain=[0, domain_end], nice=False),
    )
    bars = (
        alt.Chart(frame)
        .mark_bar(stroke="white", strokeWidth=1, height=BAR, yOffset=up)
        .encode(
            y=y,
            x=x,
            # each part's kind is written under it: no legend
            color=alt.Color(
                "kind:N", scale=alt.Scale(domain=kinds, range=KIND_COLOURS), legend=None
            ),
            order=alt.Order("tranche:Q"),
            tooltip=[
                alt.Tooltip("investor:N", title=_("Investor")),
                alt.Tooltip("tranche:Q", title=_("Tranche")),
                alt.Tooltip("kind:N", title=_("Kind")),
                alt.Tooltip("amount_bn:Q", title=_("US$ bn"), format=",.0f"),
                alt.Tooltip("share_of_round:Q", title=_("Share of round"), format=".1%"),
                alt.Tooltip("sources:N", title=_("Sources")),
            ],
        )
    )
    labels = (
        alt.Chart(totals)
        .mark_text(align="left", dx=4, fontSize=11, yOffset=up)
        .encode(y=y, x="amount_bn:Q", text="label:N")
    )
    parts = _("; ").join(
        f"{r.investor} {lang.usd_bn(r.amount_bn * 1e9)} ({lang.percent(r.share)})"
        for r in totals.itertuples(index=False)
    )
    description = _(
        "Bar chart of the {total} round by investor: {parts}. Amazon's bar is split between its "
        "upfront tranche and the tranche on conditions.",
        total=lang.usd_bn(frame["amount_bn"].sum() * 1e9),
        parts=parts,
    )
    height = band(BAR, lines) * len(order)
    layers = bars + labels + part_text(named, x, y, BAR)
    return styled(layers.properties(height=height), description, lang)


def valuation_frame(data: ReportData) -> pd.DataFrame:
    """One row per financing record with a valuation: date, $bn, type."""
    lang = data.lang
    rounds = data["rounds"]
    frame = rounds[rounds["post_money_valuation_usd"].notna()].copy()
    frame["date"] = frame["closed_on"].fillna(frame["announced_on"])
    frame["valuation_bn"] = frame["post_money_valuation_usd"].astype(float) / 1e9
    frame["amount_bn"] = frame["amount_usd"].astype(float) / 1e9
    frame["sale"] = frame["round_type"].map({k: lang._(v) for k, v in SALES.items()})
    frame["label"] = [chart_usd_bn(v * 1e9, lang) for v in frame["valuation_bn"]]
    frame["sources"] = [
        tooltip(data, claims_of(data, "rounds", r, "post_money_valuation_usd", "amount_usd"))
        for r in frame["round_id"]
    ]
    columns = ["round_id", "name", "date", "valuation_bn", "amount_bn", "sale", "label", "event"]
    return frame[[*columns, "sources"]].sort_values("date").reset_index(drop=True)


def valuation_history(data: ReportData) -> alt.TopLevelMixin:
    """OpenAI's post-money valuation from October 2024 to the 2026 close."""
    frame = valuation_frame(data)
    lang = data.lang
    _ = lang._
    base = alt.Chart(frame).encode(
        x=alt.X(
            "date:T",
            title=_("Date"),
            axis=alt.Axis(format="%b %Y"),
            scale=alt.Scale(domain=list(data.settings.valuation_axis)),
        ),
        y=alt.Y("valuation_bn:Q", title=_("Post-money valuation (US$ billions)")),
    )
    line = base.mark_line(color="#999", strokeDash=[2, 2])
    # no legend: the one secondary sale says so beside its value, in words
    sales = [_(SALES[k]) for k in SALES]
    points = base.mark_point(size=90, filled=True).encode(
        color=alt.Color(
            "sale:N",
            scale=alt.Scale(domain=sales, range=[OKABE_ITO[0], OKABE_ITO[3]]),
            legend=None,
        ),
        shape=alt.Shape("sale:N", scale=alt.Scale(domain=sales), legend=None),
        tooltip=[
            alt.Tooltip("name:N", title=_("Record")),
            # a d3 time format: the day, the month's full name, the year
            alt.Tooltip("date:T", title=_("Date"), format=_("%d %B %Y")),
            alt.Tooltip("valuation_bn:Q", title=_("Valuation, US$ bn"), format=",.0f"),
            alt.Tooltip("amount_bn:Q", title=_("Amount, US$ bn"), format=",.1f"),
            alt.Tooltip("sources:N", title=_("Sources")),
        ],
    )
    # Labels sit above their point; the latest one below and left of it, so close points do not
    # collide and no label runs past the edges of a phone's chart or onto its axis.
    last = frame["date"] == frame["date"].max()
    left = alt.Chart(frame[~last]).mark_text(align="center", dy=-12, fontSize=SMALLEST_TYPE)
    right = alt.Chart(frame[last]).mark_text(align="right", dx=-4, dy=18, fontSize=SMALLEST_TYPE)
    # The secondary sale says so in words, over its value and ending with it, up and to the
    # left of its point, where the line does not run.
    secondary = alt.Chart(frame[frame["sale"] == _(SALES["secondary"])]).mark_text(
        align="right", dx=21, dy=-26, fontSize=SMALLEST_TYPE
    )
    labels = (
        left.encode(x="date:T", y="valuation_bn:Q", text="label:N")
        + right.encode(x="date:T", y="valuation_bn:Q", text="label:N")
        + secondary.encode(x="date:T", y="valuation_bn:Q", text="sale:N")
    )
    steps = ", ".join(
        f"{lang.usd_bn(r.valuation_bn * 1e9)} ({short_month(r.date, lang)}, {r.sale.split()[0]})"
        for r in frame.itertuples(index=False)
    )
    return styled(
        (line + points + labels).properties(height=260),
        _("Line chart of OpenAI's post-money valuation: {steps}.", steps=steps),
        lang,
    )
