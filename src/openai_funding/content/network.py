"""The diagram of who is tied to whom on the day the agreements are read at: investments and
agreements, exclusive terms marked, each organization at its place in the layout.

Every tie is written in words beside its organization ("invests $30bn", "exclusive IP
licence", "letter of intent…"); a legend decodes only the lines' colours and dashes, which have
no room of their own for words (the report's one legend)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import altair as alt
import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claims_of, tooltip
from openai_funding.content.facts import SHORT_QUALIFIERS, long_date, quantity_text
from openai_funding.content.language import N_, Language
from openai_funding.content.theme import OKABE_ITO, SMALLEST_TYPE, chart_usd_bn, flag, styled

#: Short names of agreement kinds for the diagram's labels (English; ``lang._`` translates).
KIND_LABELS = {
    "letter-of-intent": N_("letter of intent"),
    "cloud-spend": N_("AWS spend"),
    "compute-capacity": N_("Trainium compute"),
    "cloud-distribution": N_("Frontier distribution"),
    "api-exclusivity": N_("API hosting"),
    "product-hosting": N_("product hosting"),
    "ip-licence": N_("IP licence"),
    "amendment": N_("amendment"),
}
#: The narrowest the diagram is drawn in the page, in pixels: its labels side by side.
NARROWEST = 600
#: How a tie is drawn, strongest first: the keys of :func:`links_frame`'s ``style`` column and
#: the legend's labels (English; ``lang._`` translates).
STYLES = [N_("exclusive"), N_("investment"), N_("agreement"), N_("letter of intent")]
#: The longest line of a label, in characters: a longer tie is wrapped at its spaces, so that
#: every label stays inside the diagram, in either language.
LINE = 40


def _quantity(quantity: float, unit: str, qualifier: str, lang: Language) -> str:
    """A term's quantity, short: ``~$38bn``, ``≥10 GW`` / ``~38 Md$``, ``≥10 GW``."""
    if unit != "USD":
        return quantity_text(quantity, unit, qualifier, short=True, lang=lang)
    words = SHORT_QUALIFIERS[qualifier]
    return (lang._(words) if words else "") + chart_usd_bn(quantity, lang)


def _term_text(terms: pd.DataFrame, lang: Language) -> str:
    return ", ".join(
        _quantity(t.quantity, t.unit, t.qualifier, lang) for t in terms.itertuples(index=False)
    )


def wrapped(tie: str) -> str:
    """A tie's label in lines of at most :data:`LINE` characters (no word cut)."""
    return "\n".join(textwrap.wrap(tie, LINE, break_long_words=False, break_on_hyphens=False))


def links_frame(data: ReportData) -> pd.DataFrame:
    """Who is tied to OpenAI by what, as of the announcement: one row per organization and tie."""
    names = data.names()
    lang = data.lang
    rows = []
    inv = data["investments"][data["investments"]["round_id"] == data.settings.round_id]
    for r in inv.itertuples(index=False):
        rows.append(
            {
                "org_id": r.investor_org_id,
                "tie": lang._("invests {amount}", amount=chart_usd_bn(r.amount_usd, lang)),
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
        kind = KIND_LABELS.get(a.kind)
        label = lang._(kind) if kind else a.kind.replace("-", " ")
        quantities = _term_text(terms[terms["agreement_id"] == a.agreement_id], lang)
        if quantities:
            label += f" ({quantities})"
        if exclusive:
            label = lang._("exclusive {tie}", tie=label)
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
    lang = data.lang
    _ = lang._
    links = links_frame(data)
    at = places(data, links["org_id"])
    # One edge per organization, drawn in its strongest style; its label lists every tie.
    rank = {style: n for n, style in enumerate(STYLES)}
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
                "style": _(style),
                "ties": "\n".join(wrapped(tie) for tie in group["tie"]),
                "tooltip": _("; ").join(group["tie"]),
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
    styles = [_(s) for s in STYLES]

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
                title=_("Tie"),
                scale=alt.Scale(
                    domain=styles, range=[OKABE_ITO[3], OKABE_ITO[0], "#888888", OKABE_ITO[1]]
                ),
            ),
            strokeDash=alt.StrokeDash(
                "style:N",
                title=_("Tie"),
                scale=alt.Scale(domain=styles, range=[[1, 0], [1, 0], [1, 0], [5, 4]]),
            ),
            tooltip=[
                alt.Tooltip("tooltip:N", title=_("Ties")),
                alt.Tooltip("sources:N", title=_("Sources")),
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
        fontSize=SMALLEST_TYPE, lineBreak="\n", color="#222", baseline="top", dy=22
    )
    tie_right = alt.Chart(edges_df[middle]).mark_text(
        fontSize=SMALLEST_TYPE, lineBreak="\n", color="#222", align="left", dx=24
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
    described = _("; ").join(
        _("{name}: {ties}", name=names[e["org_id"]], ties=e["tooltip"]) for e in edges
    )
    description = _(
        "Diagram of the ties between OpenAI and its partners on {day}, exclusive terms marked: "
        "{ties}.",
        day=long_date(data.settings.as_of, lang),
        ties=described,
    )
    chart = styled(
        (unit_rules + rules + circles + labels + tie_text).properties(height=420), description, lang
    )
    # the diagram's words do not fit a phone's width: there it keeps this width and scrolls
    # sideways in a box of its own (content/assets/regions.js), its words at their size
    usermeta = {**(chart.to_dict().get("usermeta") or {}), "minWidth": NARROWEST}
    return chart.properties(usermeta=usermeta)
