"""The charts of money paid and money to come, as of the package's date, by where each dollar
stands (:data:`openai_funding.package.paid.STANDINGS`: paid and confirmed or relayed by a
party, reported paid, not known, scheduled, on conditions), in one colour per standing
(:data:`~openai_funding.content.theme.MEANING_COLOURS`):

- :func:`round_chart`, the report's opening: the whole round in one bar, the amounts written on it
  and the standings under it;
- :func:`paid_chart`: a stacked bar per investor, each part's amount and standing under it.

No legend: the words under the bars (:mod:`~openai_funding.content.bar_labels`) say what each
colour means.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from openai_funding.content.bar_labels import band, bar_offset, part_rows, part_text
from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claims_of, tooltip
from openai_funding.content.facts import day_text
from openai_funding.content.language import N_
from openai_funding.content.theme import MEANING_COLOURS, ON_COLOUR, chart_usd_bn, styled
from openai_funding.package import paid

#: How each standing reads in the report (English; ``lang._`` gives the edition's words), in
#: the order the charts stack them.
STANDING_LABELS = {
    "paid": N_("paid, confirmed or relayed"),
    "reported-paid": N_("reported paid, not confirmed"),
    "not-known": N_("not known to be paid"),
    "scheduled": N_("scheduled"),
    "conditional": N_("on conditions"),
}

#: The height of the round's bar and of an investor's bar, in pixels.
ROUND_BAR, BAR = 44, 24


def standing_frame(data: ReportData, round_id: str | None = None) -> pd.DataFrame:
    """The round's money by tranche and standing (:func:`openai_funding.package.paid.round_standing`),
    with the investor's name, the standing in the edition's words, the amount in $bn, a label
    and the sources of each part (the payment's claims for a paid part, the commitment's
    otherwise)."""
    lang = data.lang
    _ = lang._
    round_id = round_id or data.settings.round_id
    parts = paid.round_standing(data.tables, round_id).copy()
    parts["investor"] = parts["investor_org_id"].map(data.names())
    parts["label"] = [_(STANDING_LABELS[s]) for s in parts["standing"]]
    parts["amount_bn"] = parts["amount_usd"].astype(float) / 1e9
    parts["tranche_label"] = [
        _(
            "{investor} · tranche {tranche} · {amount}",
            investor=i,
            tranche=t,
            amount=lang.usd_bn(a),
        )
        for i, t, a in zip(parts["investor"], parts["tranche"], parts["amount_usd"], strict=True)
    ]
    parts["sources"] = [
        tooltip(
            data,
            [
                c
                for o in str(ids).split()
                for c in claims_of(data, "outcomes", o, "amount_usd", "occurred_on")
            ]
            if isinstance(ids, str) and ids
            else claims_of(data, "commitments", com, "amount_usd"),
        )
        for ids, com in zip(parts["outcome_ids"], parts["commitment_id"], strict=True)
    ]
    return parts


def _scale(data: ReportData, shown: set[str]) -> alt.Scale:
    """The colour scale of the standings ``shown``, in the charts' order."""
    labels = {s: data.lang._(label) for s, label in STANDING_LABELS.items()}
    order = [s for s in paid.STANDINGS if s in shown]
    return alt.Scale(domain=[labels[s] for s in order], range=[MEANING_COLOURS[s] for s in order])


def round_chart(data: ReportData, round_id: str | None = None) -> alt.TopLevelMixin:
    """The whole round in one bar, one part per standing as of the package's date, each part's
    amount written on it and its standing under it (no legend); a part's tooltip lists its
    tranches and their sources (the report's opening chart)."""
    parts = standing_frame(data, round_id)
    lang = data.lang
    _ = lang._
    as_of = day_text(data.as_of, lang)
    order = [s for s in paid.STANDINGS if s in set(parts["standing"])]
    rows = []
    for rank, standing in enumerate(order):
        mine = parts[parts["standing"] == standing]
        amount = int(mine["amount_usd"].sum())
        rows.append(
            {
                "rank": rank,
                "label": _(STANDING_LABELS[standing]),
                "amount_bn": amount / 1e9,
                "text": chart_usd_bn(amount, lang),
                "ink": ON_COLOUR[MEANING_COLOURS[standing]],
                "tranches": _("; ").join(mine["tranche_label"]),
                "sources": "\n".join(dict.fromkeys(s for s in mine["sources"] if s)),
            }
        )
    bars = pd.DataFrame(rows)
    bars["end"] = bars["amount_bn"].cumsum()
    bars["start"] = bars["end"] - bars["amount_bn"]
    bars["middle"] = bars["end"] - bars["amount_bn"] / 2
    total = float(bars["amount_bn"].sum())
    bars["bar"] = "round"
    # No axis: each part's amount is written on it, and its standing under it.
    x = alt.X("start:Q", axis=None, scale=alt.Scale(domain=[0, total], nice=False))
    y = alt.Y("bar:N", axis=None, scale=alt.Scale(paddingInner=0, paddingOuter=0))
    base = alt.Chart(bars)
    segments = base.mark_bar(
        stroke="white", strokeWidth=1.5, height=ROUND_BAR, yOffset=bar_offset(ROUND_BAR, len(rows))
    ).encode(
        x=x,
        x2="end:Q",
        y=y,
        color=alt.Color("label:N", scale=_scale(data, set(order)), legend=None),
        tooltip=[
            alt.Tooltip("label:N", title=_("As of {day}", day=as_of)),
            alt.Tooltip("amount_bn:Q", title=_("US$ bn"), format=",.0f"),
            alt.Tooltip("tranches:N", title=_("Tranche")),
            alt.Tooltip("sources:N", title=_("Sources")),
        ],
    )
    amounts = base.mark_text(
        fontSize=15, fontWeight="bold", yOffset=bar_offset(ROUND_BAR, len(rows))
    ).encode(
        x=alt.X("middle:Q", axis=None),
        y=y,
        text="text:N",
        color=alt.Color("ink:N", scale=None, legend=None),
    )
    standings = part_text(
        part_rows(bars, "bar", lambda label, _n, _a: label, total), x, y, ROUND_BAR, size=13
    )
    description = _(
        "Bar chart of the whole {total} round as of {day}: {parts}.",
        total=lang.usd_bn(total * 1e9),
        day=as_of,
        parts=_("; ").join(
            _("{amount} {state}", amount=lang.usd_bn(r["amount_bn"] * 1e9), state=r["label"])
            for r in rows
        ),
    )
    title = alt.TitleParams(_("As of {day}", day=as_of), anchor="start", fontSize=13)
    layers = (segments + amounts + standings).properties(
        height=band(ROUND_BAR, len(rows)), title=title
    )
    chart = styled(layers, description, lang)
    # As wide as the page's column, whatever the screen, so its words keep their size on a
    # phone (the PDF draws it at the page's measure: render.charts.svg).
    return chart.properties(width="container")


def paid_chart(data: ReportData, round_id: str | None = None) -> alt.TopLevelMixin:
    """Stacked bars per investor: paid (confirmed or relayed), reported paid, not known,
    scheduled and on conditions, as of the package's date, each part's amount and standing
    written under it (no legend)."""
    parts = standing_frame(data, round_id)
    lang = data.lang
    _ = lang._
    as_of = day_text(data.as_of, lang)
    order = parts.groupby("investor")["amount_usd"].sum().sort_values(ascending=False)
    shown = set(parts["standing"])
    parts["rank"] = [paid.STANDINGS.index(s) for s in parts["standing"]]
    stacked = parts.sort_values(["rank", "tranche"], kind="stable")
    labels = part_rows(
        stacked,
        "investor",
        lambda label, _n, amount: _(
            "{amount} {state}", amount=chart_usd_bn(amount * 1e9, lang), state=label
        ),
        float(order.max()) / 1e9,
    )
    lines = int(labels["line"].max()) + 1
    up = bar_offset(BAR, lines)
    y = alt.Y(
        "investor:N",
        sort=order.index.tolist(),
        title=None,
        scale=alt.Scale(paddingInner=0, paddingOuter=0),
        axis=alt.Axis(labelOffset=up, ticks=False),
    )
    x = alt.X("sum(amount_bn):Q", title=_("US$ billions"), stack="zero")
    chart = (
        alt.Chart(parts)
        .mark_bar(stroke="white", strokeWidth=1, height=BAR, yOffset=up)
        .encode(
            y=y,
            # the day titles the chart, so the axis title stays within a phone's width
            x=x,
            color=alt.Color("label:N", scale=_scale(data, shown), legend=None),
            order=alt.Order("rank:Q"),
            tooltip=[
                alt.Tooltip("tranche_label:N", title=_("Tranche")),
                alt.Tooltip("label:N", title=_("As of {day}", day=as_of)),
                alt.Tooltip("amount_bn:Q", title=_("US$ bn"), format=",.0f"),
                alt.Tooltip("sources:N", title=_("Sources")),
            ],
        )
    )
    totals = parts.groupby("standing")["amount_usd"].sum()
    listed = _("; ").join(
        _("{amount} {state}", amount=lang.usd_bn(totals[s]), state=_(STANDING_LABELS[s]))
        for s in paid.STANDINGS
        if s in totals.index
    )
    description = _(
        "Bar chart of the {total} round by investor, as of {day}: {parts}.",
        total=lang.usd_bn(parts["amount_usd"].sum()),
        day=as_of,
        parts=listed,
    )
    title = alt.TitleParams(_("As of {day}", day=as_of), anchor="start", fontSize=13)
    height = band(BAR, lines) * len(order)
    layers = (chart + part_text(labels, x, y, BAR)).properties(height=height, title=title)
    return styled(layers, description, lang)
