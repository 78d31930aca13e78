"""The chart of money paid and money to come, as of the package's date: a stacked bar per
investor (paid, not known to be paid, scheduled, on conditions), from the tranches'
states of :mod:`~openai_funding.content.payments`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claims_of, tooltip
from openai_funding.content.facts import day_text
from openai_funding.content.payments import STATE_LABELS, tranches
from openai_funding.content.theme import OKABE_ITO, styled

#: One colour per state of a tranche, in the order the chart stacks them.
STATE_COLOURS = dict(zip(STATE_LABELS.values(), OKABE_ITO[2:7], strict=True))


def paid_chart(data: ReportData, round_id: str | None = None) -> alt.TopLevelMixin:
    """Stacked bars per investor: paid, not known to be paid, scheduled and on conditions, as of
    the package's date."""
    frame = tranches(data, round_id)
    lang = data.lang
    _ = lang._
    as_of = day_text(data.as_of, lang)
    rows = []
    for r in frame.itertuples(index=False):
        committed = claims_of(data, "commitments", r.commitment_id, "amount_usd")
        if r.paid_usd > 0:
            outcome = claims_of(data, "outcomes", r.outcome_id, "amount_usd", "occurred_on")
            rows.append((r.investor, r.tranche, "paid", r.paid_usd, tooltip(data, outcome)))
        rest = int(r.to_come_usd)
        if rest > 0:
            state = "not-known" if r.state in ("paid", "part-paid") else r.state
            rows.append((r.investor, r.tranche, state, rest, tooltip(data, committed)))
    bars = pd.DataFrame(rows, columns=["investor", "tranche", "state", "amount_usd", "sources"])
    bars["state"] = [_(STATE_LABELS[s]) for s in bars["state"]]
    bars["amount_bn"] = bars["amount_usd"].astype(float) / 1e9
    bars["label"] = [
        _(
            "{investor} · tranche {tranche} · {amount}",
            investor=i,
            tranche=t,
            amount=lang.usd_bn(a),
        )
        for i, t, a in zip(bars["investor"], bars["tranche"], bars["amount_usd"], strict=True)
    ]
    order = frame.groupby("investor")["amount_usd"].sum().sort_values(ascending=False)
    shown = set(bars["state"])
    domain = [_(s) for s in STATE_LABELS.values() if _(s) in shown]
    colours = [STATE_COLOURS[s] for s in STATE_LABELS.values() if _(s) in shown]
    chart = (
        alt.Chart(bars)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y("investor:N", sort=order.index.tolist(), title=None),
            x=alt.X(
                "sum(amount_bn):Q", title=_("US$ billions, as of {day}", day=as_of), stack="zero"
            ),
            color=alt.Color("state:N", title=None, scale=alt.Scale(domain=domain, range=colours)),
            order=alt.Order("tranche:Q"),
            tooltip=[
                alt.Tooltip("label:N", title=_("Tranche")),
                alt.Tooltip("state:N", title=_("As of {day}", day=as_of)),
                alt.Tooltip("amount_bn:Q", title=_("US$ bn"), format=",.0f"),
                alt.Tooltip("sources:N", title=_("Sources")),
            ],
        )
    )
    totals = bars.groupby("state")["amount_usd"].sum()
    parts = _("; ").join(
        _("{amount} {state}", amount=lang.usd_bn(totals[s]), state=s) for s in domain
    )
    description = _(
        "Bar chart of the {total} round by investor, as of {day}: {parts}.",
        total=lang.usd_bn(frame["amount_usd"].sum()),
        day=as_of,
        parts=parts,
    )
    return styled(chart.properties(height=150), description, lang)
