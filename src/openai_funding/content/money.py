"""Money in, money out: what each investor put into OpenAI beside what OpenAI committed to buy
from it (``purchase_commitments``), with the evidence of every value, and the ratio of the two
where both are money. Compute stated in gigawatts stays in gigawatts: it is never converted to
dollars.

An investor is the organization that invests, with its units: a commitment to buy from AWS is a
commitment to buy from Amazon, one to buy Azure services a commitment to buy from Microsoft.
What an investor put in is its investment in the report's round where it has one (Amazon,
Nvidia), else the latest stated stake with the money it put in (Microsoft).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed, derived, join
from openai_funding.content.facts import day_text
from openai_funding.content.language import N_
from openai_funding.content.markdown import Table, text
from openai_funding.content.paid_table import GRADE_LABELS

#: How the source qualifies an amount or a quantity, written before it.
QUALIFIERS = {
    "exact": "",
    "approximately": N_("about {value}"),
    "up-to": N_("up to {value}"),
    "at-least": N_("at least {value}"),
}


@dataclass(frozen=True)
class Purchase:
    """One of OpenAI's commitments to buy, with its words (values that carry their claims)."""

    purchase_id: str
    seller: str
    amount_usd: int | None
    quantity: float | None
    what: str
    period: str
    stated: str
    start: pd.Timestamp
    end: pd.Timestamp | None
    grade: str


@dataclass(frozen=True)
class Flows:
    """One investor: what it put into OpenAI (``money_in``, with ``in_usd``), and what OpenAI
    committed to buy from it: the commitments, their sum in dollars and in gigawatts, and the
    ratio out ÷ in where both are money (``None`` otherwise)."""

    org_id: str
    investor: str
    money_in: str
    in_usd: int | None
    in_on: pd.Timestamp | None
    in_how: str
    purchases: tuple[Purchase, ...]
    out_money: str
    out_usd: int
    out_gw: float
    ratio: str | None


def investor_of(data: ReportData) -> dict[str, str]:
    """Organization id → the investor it belongs to (itself, or its parent)."""
    orgs = data["organizations"]
    return {
        str(o): str(p) if isinstance(p, str) else str(o)
        for o, p in zip(orgs["org_id"], orgs["parent_org_id"], strict=True)
    }


def _quantity(data: ReportData, row: pd.Series) -> tuple[str, int | None, float | None]:
    lang = data.lang
    pid = row["purchase_id"]
    if not pd.isna(row["amount_usd"]):
        amount = int(row["amount_usd"])
        value = claimed(data, lang.usd_bn(amount), "purchase_commitments", pid, "amount_usd")
        words, gw = value, None
    else:
        amount = None
        gw = float(row["quantity"])
        value = claimed(
            data,
            lang._("{n} GW", n=lang.number(gw, 0 if gw == int(gw) else 1)),
            "purchase_commitments",
            pid,
            "quantity",
        )
        words = value
    qualifier = QUALIFIERS.get(str(row["qualifier"]), "")
    if qualifier:
        words = lang._(qualifier, value=value)
    return words, amount, gw


def _period(data: ReportData, row: pd.Series) -> tuple[str, pd.Timestamp, pd.Timestamp | None]:
    lang = data.lang
    pid = row["purchase_id"]
    stated = row["stated_on"]
    start = row["period_start"] if not pd.isna(row["period_start"]) else stated
    if not pd.isna(row["period_end"]):
        end = row["period_end"]
        words = lang._(
            "{start} to {end}",
            start=claimed(data, day_text(start, lang), "purchase_commitments", pid, "period_start"),
            end=claimed(data, day_text(end, lang), "purchase_commitments", pid, "period_end"),
        )
        return words, start, end
    if not pd.isna(row["period_years"]):
        years = int(row["period_years"])
        end = start + pd.DateOffset(years=years)
        n = claimed(data, str(years), "purchase_commitments", pid, "period_years")
        return lang._("{n} years", n=n), start, end
    return lang._("no term stated"), start, None


def purchases(data: ReportData) -> pd.DataFrame:
    """The purchase commitments, with the investor each seller belongs to."""
    com = data["purchase_commitments"].copy()
    com["investor_org_id"] = com["seller_org_id"].map(investor_of(data))
    return com.sort_values(["investor_org_id", "stated_on", "purchase_id"], kind="stable")


def _money_in(data: ReportData, org: str) -> tuple[str, int | None, pd.Timestamp | None, str]:
    """What ``org`` put into OpenAI: its investment in the report's round, else its latest
    stated stake with the money it put in."""
    lang = data.lang
    inv = data["investments"]
    mine = inv[(inv["investor_org_id"] == org) & (inv["round_id"] == data.settings.round_id)]
    if len(mine):
        row = mine.iloc[0]
        day = data["rounds"].set_index("round_id").loc[row["round_id"], "announced_on"]
        value = claimed(
            data, lang.usd_bn(row["amount_usd"]), "investments", row["investment_id"], "amount_usd"
        )
        how = lang._("committed in the round of {day}", day=day_text(day, lang))
        return value, int(row["amount_usd"]), day, how
    stakes = data["stakes"]
    mine = stakes[(stakes["investor_org_id"] == org) & stakes["invested_usd"].notna()]
    if not len(mine):
        return lang._("not stated"), None, None, ""
    row = mine.sort_values("stated_on").iloc[-1]
    value = claimed(
        data, lang.usd_bn(row["invested_usd"]), "stakes", row["stake_id"], "invested_usd"
    )
    day = claimed(data, day_text(row["stated_on"], lang), "stakes", row["stake_id"], "stated_on")
    how = lang._("put in, as stated on {day}", day=day)
    return value, int(row["invested_usd"]), row["stated_on"], how


def flows(data: ReportData) -> list[Flows]:
    """Each investor that OpenAI committed to buy from, in the order of the money it put in."""
    lang = data.lang
    names = data.names()
    com = purchases(data)
    out: list[Flows] = []
    for org, rows in com.groupby("investor_org_id", sort=False):
        items = []
        for _, row in rows.iterrows():
            what, amount, gw = _quantity(data, row)
            period, start, end = _period(data, row)
            stated = claimed(
                data,
                day_text(row["stated_on"], lang),
                "purchase_commitments",
                row["purchase_id"],
                "stated_on",
            )
            items.append(
                Purchase(
                    str(row["purchase_id"]),
                    names[row["seller_org_id"]],
                    amount,
                    gw,
                    what,
                    period,
                    stated,
                    start,
                    end,
                    str(row["grade"]),
                )
            )
        money_in, in_usd, in_on, in_how = _money_in(data, str(org))
        in_money = [p.what for p in items if p.amount_usd is not None]
        out_usd = sum(p.amount_usd or 0 for p in items)
        out_money = (
            derived(
                lang.usd_bn(out_usd),
                lang._("sum of the commitments in US dollars: {terms}", terms=" + ".join(in_money)),
                *in_money,
            )
            if len(in_money) > 1
            else (in_money[0] if in_money else lang._("none in US dollars"))
        )
        ratio = None
        if in_usd and out_usd:
            ratio = derived(
                lang.number(out_usd / in_usd, 2),
                lang._("committed to buy / put in = {out} / {into}", out=out_money, into=money_in),
                out_money,
                money_in,
            )
        out.append(
            Flows(
                str(org),
                names[str(org)],
                money_in,
                in_usd,
                in_on,
                in_how,
                tuple(items),
                out_money,
                out_usd,
                sum(p.quantity or 0 for p in items),
                ratio,
            )
        )
    return sorted(out, key=lambda f: -(f.in_usd or 0))


def money_table(data: ReportData) -> Table:
    """Per investor: what it put into OpenAI, what OpenAI committed to buy from it (in dollars
    and in gigawatts, never converted), and the ratio where both are money."""
    lang = data.lang
    _ = lang._
    rows, records = [], []
    for f in flows(data):
        gw = [p.what for p in f.purchases if p.quantity is not None]
        into = join(f.money_in, " (", f.in_how, ")") if f.in_how else f.money_in
        rows.append(
            [
                text(f.investor),
                text(into),
                text(f.out_money),
                text(lang.items(gw) if gw else _("none")),
                text(f.ratio if f.ratio is not None else _("not comparable")),
            ]
        )
        records.append(
            {
                "investor": f.org_id,
                "in_usd": f.in_usd,
                "out_usd": f.out_usd,
                "out_gw": f.out_gw,
                "ratio": None if f.ratio is None else round(f.out_usd / (f.in_usd or 1), 2),
            }
        )
    headers = [
        N_("Investor"),
        N_("Put into OpenAI"),
        N_("OpenAI committed to buy from it"),
        N_("Compute committed"),
        N_("Committed to buy ÷ put in"),
    ]
    return Table([_(h) for h in headers], rows, records, widths=[3, 5, 4, 3, 3])


def purchases_table(data: ReportData) -> Table:
    """Each commitment to buy: who sells, how much (or how many gigawatts), for how long, when it
    was stated and how it is known."""
    lang = data.lang
    _ = lang._
    rows, records = [], []
    for f in flows(data):
        for p in f.purchases:
            rows.append(
                [
                    text(p.seller),
                    text(p.what),
                    text(p.period),
                    text(p.stated),
                    text(_(GRADE_LABELS.get(p.grade, p.grade))),
                ]
            )
            records.append({"purchase_id": p.purchase_id, "investor": f.org_id})
    headers = [N_("Seller"), N_("Commitment"), N_("Period"), N_("Stated on"), N_("How known")]
    return Table([_(h) for h in headers], rows, records, widths=[4, 4, 3, 3, 4])
