"""The diagram of who is tied to whom on the day the agreements are read at: investments and
agreements, exclusive terms marked, each organization at its place in the layout."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claims_of, tooltip
from openai_funding.content.facts import long_date, quantity_text, usd_bn
from openai_funding.content.theme import OKABE_ITO, WIDTH, flag, styled

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
    inv = data["investments"][data["investments"]["round_id"] == data.settings.round_id]
    for r in inv.itertuples(index=False):
        rows.append(
            {
                "org_id": r.investor_org_id,
                "tie": f"invests {usd_bn(r.amount_usd)}",
                "style": "investment",
                "sources": tooltip(
                    data, claims_of(data, "investments", r.investment_id, "amount_usd")
                ),
            }
        )
    agreements = data["agreements"]
    current = agreements[
        (agreements["stated_on"] <= data.settings.as_of)
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
        label = KIND_LABELS.get(a.kind, a.kind.replace("-", " "))
        quantities = _term_text(terms[terms["agreement_id"] == a.agreement_id])
        if quantities:
            label += f" ({quantities})"
        if exclusive:
            label = "exclusive " + label
        ids = claims_of(data, "agreements", a.agreement_id, "stated_on", "exclusive") + [
            c
            for term in terms.loc[terms["agreement_id"] == a.agreement_id, "term_id"]
            for c in claims_of(data, "agreement_terms", term, "quantity")
        ]
        for p in parties[
            (parties["agreement_id"] == a.agreement_id) & (parties["org_id"] != "openai")
        ].itertuples(index=False):
            rows.append(
                {"org_id": p.org_id, "tie": label, "style": style, "sources": tooltip(data, ids)}
            )
    frame = pd.DataFrame(rows)
    frame["name"] = frame["org_id"].map(names)
    return frame


def places(data: ReportData, tied: Iterable[str]) -> dict[str, tuple[float, float]]:
    """Where the diagram draws each organization: its place in the settings, or for one tied
    to OpenAI but not placed there, a free place along the bottom (left to right)."""
    names = data.names()
    out = {org: xy for org, xy in data.settings.positions.items() if org in names}
    extra = sorted(set(tied) - set(out))
    for i, org in enumerate(extra):
        out[org] = (-2.0 + 4.0 * (i + 1) / (len(extra) + 1), -1.45)
    return out


def agreement_network(data: ReportData) -> alt.TopLevelMixin:
    """Diagram of who is tied to whom on the day the agreements are read at, marking exclusive
    terms."""
    names = data.names()
    links = links_frame(data)
    at = places(data, links["org_id"])
    # One edge per organization, drawn in its strongest style; its label lists every tie.
    rank = {"exclusive": 0, "investment": 1, "agreement": 2, "letter of intent": 3}
    edges = []
    for org, group in links.groupby("org_id", sort=True):
        x, y = at[str(org)]
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
                "sources": "; ".join(dict.fromkeys(s for s in group["sources"] if s)),
            }
        )
    edges_df = pd.DataFrame(edges)
    units = data["organizations"].dropna(subset=["parent_org_id"])
    parent_edges = pd.DataFrame(
        [
            {
                "x": at[u.org_id][0],
                "y": at[u.org_id][1],
                "x2": at[u.parent_org_id][0],
                "y2": at[u.parent_org_id][1],
            }
            for u in units.itertuples(index=False)
            if u.org_id in at and u.parent_org_id in at
        ]
    )
    nodes = pd.DataFrame(
        [{"org_id": k, "name": names[k], "x": x, "y": y} for k, (x, y) in at.items()]
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
            tooltip=[
                alt.Tooltip("tooltip:N", title="Ties"),
                alt.Tooltip("sources:N", title="Sources"),
            ],
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
        f"Diagram of the ties between OpenAI and its partners on {long_date(data.settings.as_of)}, "
        f"exclusive terms marked: {described}.",
    )
