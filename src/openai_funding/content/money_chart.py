"""One chart per investor: what it put into OpenAI (a point on the day) beside what OpenAI
committed to buy from it, each commitment a bar over the years it runs (from the day it was
stated, for the years stated; a commitment with no term stated is a point), its amount or its
gigawatts written beside it (:mod:`~openai_funding.content.money`). Each row's name says which
way the money goes ("Put into OpenAI", "OpenAI to buy from …"), so no legend decodes the two
colours."""

from __future__ import annotations

import altair as alt
import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claims_of, tooltip
from openai_funding.content.language import N_
from openai_funding.content.money import Purchase, flows
from openai_funding.content.theme import MEANING_COLOURS, WIDTH, styled

#: The two directions of money, in the edition's words, and their colours.
DIRECTIONS = {"in": N_("into OpenAI"), "out": N_("OpenAI committed to buy")}
DIRECTION_COLOURS = {"in": MEANING_COLOURS["into-openai"], "out": MEANING_COLOURS["openai-buys"]}


def money_frame(data: ReportData, org_id: str) -> pd.DataFrame:
    """The rows of ``org_id``'s chart: its money in, then each commitment to buy."""
    lang = data.lang
    _ = lang._
    (f,) = [f for f in flows(data) if f.org_id == org_id]
    rows = []
    if f.in_on is not None:
        ids = claims_of(data, "investments", _investment_id(data, org_id), "amount_usd")
        if not ids:
            stakes = data["stakes"]
            mine = stakes[(stakes["investor_org_id"] == org_id) & stakes["invested_usd"].notna()]
            ids = claims_of(data, "stakes", mine.sort_values("stated_on").iloc[-1]["stake_id"])
        rows.append(
            {
                "row": _("Put into OpenAI"),
                "direction": _(DIRECTIONS["in"]),
                "start": pd.Timestamp(f.in_on),
                "end": pd.Timestamp(f.in_on),
                "label": lang.short_usd_bn(f.in_usd) if f.in_usd else str(f.money_in),
                "sources": tooltip(data, ids),
            }
        )
    for p in f.purchases:
        end = p.end if p.end is not None else p.start
        what = _short(data, p)
        label = what if p.end is not None else _("{what}, no term stated", what=what)
        rows.append(
            {
                # the row's name says the money's direction in words (no legend), on two
                # lines so that the years keep their room
                "row": _("OpenAI to buy from {seller}", seller=p.seller)
                + "\n"
                + _("stated {day}", day=str(p.stated)),
                "direction": _(DIRECTIONS["out"]),
                "start": pd.Timestamp(p.start),
                "end": pd.Timestamp(end),
                "label": label,
                "sources": tooltip(data, claims_of(data, "purchase_commitments", p.purchase_id)),
            }
        )
    return pd.DataFrame(rows)


#: The narrowest a chart of money both ways is drawn in the page, in pixels: the PDF's width.
NARROWEST = WIDTH


def _short(data: ReportData, p: Purchase) -> str:
    """A commitment's amount as a chart's label writes it: ``$38bn`` / ``38 Md$``, or its GW
    with the qualifier (``about 2 GW``)."""
    if p.amount_usd is not None:
        return data.lang.short_usd_bn(p.amount_usd)
    return str(p.what)


def _investment_id(data: ReportData, org_id: str) -> str:
    inv = data["investments"]
    mine = inv[(inv["investor_org_id"] == org_id) & (inv["round_id"] == data.settings.round_id)]
    return str(mine.iloc[0]["investment_id"]) if len(mine) else ""


def money_chart(data: ReportData, org_id: str) -> alt.TopLevelMixin:
    """``org_id``'s money in and OpenAI's commitments to buy from it, over the years."""
    lang = data.lang
    _ = lang._
    frame = money_frame(data, org_id)
    investor = data.names()[org_id]
    domain = [_(DIRECTIONS[d]) for d in DIRECTIONS]
    colour = alt.Color(
        "direction:N",
        scale=alt.Scale(domain=domain, range=list(DIRECTION_COLOURS.values())),
        legend=None,
    )
    y = alt.Y(
        "row:N",
        title=None,
        sort=list(frame["row"]),
        axis=alt.Axis(labelLimit=0, labelExpr="split(datum.label, '\\n')", labelLineHeight=13),
    )
    x = alt.X(
        "start:T",
        title=None,
        axis=alt.Axis(format="%Y", tickCount="year"),
        scale=alt.Scale(domain=["2025-01-01", "2035-12-31"]),
    )
    tip = [
        alt.Tooltip("row:N", title=investor),
        alt.Tooltip("label:N", title=_("Amount")),
        alt.Tooltip("sources:N", title=_("Sources")),
    ]
    bars = (
        alt.Chart(frame).mark_bar(height=14).encode(x=x, x2="end:T", y=y, color=colour, tooltip=tip)
    )
    points = (
        alt.Chart(frame)
        .mark_point(filled=True, size=90)
        .encode(x=x, y=y, color=colour, tooltip=tip)
    )
    labels = (
        alt.Chart(frame)
        .mark_text(align="left", dx=8, fontSize=11)
        .encode(x="end:T", y=y, text="label:N")
    )
    parts = _("; ").join(
        f"{r.row.replace(chr(10), ', ')}: {r.label}" for r in frame.itertuples(index=False)
    )
    description = _(
        "Timeline of the money between {investor} and OpenAI: {parts}.",
        investor=investor,
        parts=parts,
    )
    chart = styled(
        (bars + points + labels).properties(height=40 * len(frame) + 20), description, lang
    )
    # the rows' names, ten years and the amounts do not fit a phone's width: there the chart
    # keeps this width and scrolls sideways in a box of its own (content/assets/regions.js)
    usermeta = {**(chart.to_dict().get("usermeta") or {}), "minWidth": NARROWEST}
    return chart.properties(usermeta=usermeta)
