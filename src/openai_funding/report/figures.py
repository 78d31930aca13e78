"""The report's charts: Altair, one theme, colour-blind-safe (Okabe-Ito), labelled units,
a description (alt text) on every chart and tooltips in HTML."""

from __future__ import annotations

import altair as alt
import pandas as pd

from openai_funding.report.facts import long_date, quantity_text, usd_bn
from openai_funding.report.model import AS_OF, ROUND_ID, ReportData

#: Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
WIDTH = 560


def styled(chart: alt.TopLevelMixin, description: str) -> alt.TopLevelMixin:
    """Apply the report's theme and the chart's description (read by screen readers)."""
    return (
        chart.properties(description=description)
        .configure(
            font="system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"
        )
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12, grid=False)
        .configure_legend(labelFontSize=11, titleFontSize=12, orient="bottom")
        .configure_range(category=OKABE_ITO)
    )


def flag(value: object) -> bool | None:
    """A nullable boolean cell as ``True``, ``False`` or ``None`` (missing)."""
    return None if pd.isna(value) else bool(value)


def _tranche_kind(row: pd.Series) -> str:
    conditional = flag(row["conditional"])
    if conditional:
        return "on conditions"
    if conditional is False:
        return "upfront"
    if row["timing_precision"] != "unspecified":
        return "scheduled instalment"
    return "timing not disclosed"


def tranches_frame(data: ReportData, round_id: str = ROUND_ID) -> pd.DataFrame:
    """One row per tranche with investor, kind, amount in $bn and shares of the round."""
    names = data.names()
    inv = data["investments"][data["investments"]["round_id"] == round_id]
    com = data["commitments"].merge(inv, on="investment_id", suffixes=("", "_investment"))
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
        }
    )
    return frame.sort_values(["investor", "tranche"]).reset_index(drop=True)


def investment_shares(data: ReportData, round_id: str = ROUND_ID) -> alt.TopLevelMixin:
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
    return (
        frame[["round_id", "name", "date", "valuation_bn", "amount_bn", "sale", "label", "event"]]
        .sort_values("date")
        .reset_index(drop=True)
    )


def valuation_history(data: ReportData) -> alt.TopLevelMixin:
    """OpenAI's post-money valuation from October 2024 to the 2026 close."""
    frame = valuation_frame(data)
    base = alt.Chart(frame).encode(
        x=alt.X(
            "date:T",
            title="Date",
            axis=alt.Axis(format="%b %Y"),
            scale=alt.Scale(domain=["2024-08-01", "2026-07-01"]),
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


# Fixed positions of the diagram: OpenAI in the middle, each group on its own side.
POSITIONS = {
    "openai": (0.0, 0.0),
    "nvidia": (0.0, 1.0),
    "softbank-group": (0.0, -1.0),
    "amazon": (-1.5, 0.6),
    "aws": (-1.5, -0.6),
    "microsoft": (1.5, 0.6),
    "microsoft-azure": (1.5, -0.6),
}


#: Short names of agreement kinds for the diagram's labels.
KIND_LABELS = {
    "letter-of-intent": "letter of intent",
    "cloud-spend": "AWS spend",
    "compute-capacity": "Trainium compute",
    "cloud-distribution": "Frontier distribution",
    "api-exclusivity": "API hosting",
    "product-hosting": "product hosting",
    "ip-licence": "IP licence",
    "amendment": "amendment",
}


def _term_text(terms: pd.DataFrame) -> str:
    return ", ".join(
        quantity_text(t.quantity, t.unit, t.qualifier, short=True)
        for t in terms.itertuples(index=False)
    )


def links_frame(data: ReportData) -> pd.DataFrame:
    """Who is tied to OpenAI by what, as of the announcement: one row per organization and tie."""
    names = data.names()
    rows = []
    inv = data["investments"][data["investments"]["round_id"] == ROUND_ID]
    for r in inv.itertuples(index=False):
        rows.append(
            {
                "org_id": r.investor_org_id,
                "tie": f"invests {usd_bn(r.amount_usd)}",
                "style": "investment",
            }
        )
    agreements = data["agreements"]
    current = agreements[
        (agreements["stated_on"] <= AS_OF)
        & agreements["status"].isin(["in-force", "letter-of-intent"])
    ]
    parties = data["agreement_parties"]
    terms = data["agreement_terms"]
    for a in current.itertuples(index=False):
        exclusive = flag(a.exclusive)
        style = (
            "letter of intent"
            if a.status == "letter-of-intent"
            else ("exclusive" if exclusive else "agreement")
        )
        label = KIND_LABELS[a.kind]
        quantities = _term_text(terms[terms["agreement_id"] == a.agreement_id])
        if quantities:
            label += f" ({quantities})"
        if exclusive:
            label = "exclusive " + label
        for p in parties[
            (parties["agreement_id"] == a.agreement_id) & (parties["org_id"] != "openai")
        ].itertuples(index=False):
            rows.append({"org_id": p.org_id, "tie": label, "style": style})
    frame = pd.DataFrame(rows)
    frame["name"] = frame["org_id"].map(names)
    return frame


def agreement_network(data: ReportData) -> alt.TopLevelMixin:
    """Diagram of who is tied to whom on 27 February 2026, marking exclusive terms."""
    names = data.names()
    links = links_frame(data)
    # One edge per organization, drawn in its strongest style; its label lists every tie.
    rank = {"exclusive": 0, "investment": 1, "agreement": 2, "letter of intent": 3}
    edges = []
    for org, group in links.groupby("org_id", sort=True):
        x, y = POSITIONS[org]
        style = min(group["style"], key=rank.__getitem__)
        edges.append(
            {
                "org_id": org,
                "x": x,
                "y": y,
                "x2": 0.0,
                "y2": 0.0,
                "style": style,
                "ties": "\n".join(group["tie"]),
                "tooltip": "; ".join(group["tie"]),
            }
        )
    edges_df = pd.DataFrame(edges)
    units = data["organizations"].dropna(subset=["parent_org_id"])
    parent_edges = pd.DataFrame(
        [
            {
                "x": POSITIONS[u.org_id][0],
                "y": POSITIONS[u.org_id][1],
                "x2": POSITIONS[u.parent_org_id][0],
                "y2": POSITIONS[u.parent_org_id][1],
            }
            for u in units.itertuples(index=False)
            if u.org_id in POSITIONS
        ]
    )
    nodes = pd.DataFrame(
        [{"org_id": k, "name": names[k], "x": x, "y": y} for k, (x, y) in POSITIONS.items()]
    )
    scale_x = alt.Scale(domain=[-2.5, 2.5])
    scale_y = alt.Scale(domain=[-1.55, 1.25])
    styles = ["exclusive", "investment", "agreement", "letter of intent"]

    def xy(x: str = "x", y: str = "y") -> dict[str, alt.X | alt.Y]:
        return {
            "x": alt.X(f"{x}:Q", scale=scale_x, axis=None),
            "y": alt.Y(f"{y}:Q", scale=scale_y, axis=None),
        }

    rules = (
        alt.Chart(edges_df)
        .mark_rule(strokeWidth=2.5)
        .encode(
            **xy(),
            x2="x2:Q",
            y2="y2:Q",
            color=alt.Color(
                "style:N",
                title="Tie",
                scale=alt.Scale(
                    domain=styles, range=[OKABE_ITO[3], OKABE_ITO[0], "#888888", OKABE_ITO[1]]
                ),
            ),
            strokeDash=alt.StrokeDash(
                "style:N",
                title="Tie",
                scale=alt.Scale(domain=styles, range=[[1, 0], [1, 0], [1, 0], [5, 4]]),
            ),
            tooltip=[alt.Tooltip("tooltip:N", title="Ties")],
        )
    )
    unit_rules = (
        alt.Chart(parent_edges)
        .mark_rule(color="#bbbbbb", strokeDash=[2, 2])
        .encode(**xy(), x2="x2:Q", y2="y2:Q")
    )
    # Labels of the middle column sit to the right of their node, the others below it.
    middle = edges_df["x"] == 0
    tie_below = alt.Chart(edges_df[~middle]).mark_text(
        fontSize=10, lineBreak="\n", color="#222", baseline="top", dy=22
    )
    tie_right = alt.Chart(edges_df[middle]).mark_text(
        fontSize=10, lineBreak="\n", color="#222", align="left", dx=24
    )
    tie_text = tie_below.encode(**xy(), text="ties:N") + tie_right.encode(**xy(), text="ties:N")
    circles = (
        alt.Chart(nodes)
        .mark_circle(size=900, color="white", stroke="#222", strokeWidth=1.5, opacity=1)
        .encode(**xy())
    )
    labels = (
        alt.Chart(nodes)
        .mark_text(fontSize=11, fontWeight="bold", dy=-22)
        .encode(**xy(), text="name:N")
    )
    described = "; ".join(f"{names[e['org_id']]}: {e['tooltip']}" for e in edges)
    return styled(
        (unit_rules + rules + circles + labels + tie_text).properties(width=WIDTH, height=420),
        f"Diagram of the ties between OpenAI and its partners on {long_date(AS_OF)}, "
        f"exclusive terms marked: {described}.",
    )
