"""The report's tables, each a :class:`~openai_funding.report.markdown.Table` built from the data."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from openai_funding.report.facts import (
    eur_bn,
    long_date,
    percent,
    quantity_text,
    schedule_text,
    usd_bn,
)
from openai_funding.report.markdown import Table, link, text
from openai_funding.report.model import AS_OF, ROUND_ID, ReportData


def _date(value: Any, precision: str = "day") -> str:
    if pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    if precision == "month":
        return ts.strftime("%B %Y")
    if precision == "year":
        return str(ts.year)
    return long_date(ts)


def commitments_table(data: ReportData, round_id: str = ROUND_ID) -> Table:
    """Each investor's commitment, its tranches, their timing and conditions."""
    names = data.names()
    inv = data["investments"][data["investments"]["round_id"] == round_id]
    com = data["commitments"].merge(inv, on="investment_id", suffixes=("", "_investment"))
    total = int(inv["amount_usd"].sum())
    com = com.sort_values(
        ["amount_usd_investment", "investor_org_id", "tranche"], ascending=[False, True, True]
    )
    rows, records = [], []
    for r in com.itertuples(index=False):
        timing = schedule_text(r.timing_start, r.timing_end, r.timing_precision)
        conditional = (
            {True: "yes", False: "no"}.get(r.conditional, "not stated")
            if not pd.isna(r.conditional)
            else "not stated"
        )
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
                text(f"{int(r.tranche)} of {int(r.tranche_count)}"),
                text(usd_bn(r.amount_usd)),
                text(percent(int(r.amount_usd_investment) / total, 1) if r.tranche == 1 else ""),
                text(timing),
                text(conditional),
                text("" if pd.isna(r.condition) else r.condition),
            ]
        )
    return Table(
        [
            "Investor",
            "Tranche",
            "Amount",
            "Investor's share of round",
            "Timing",
            "Conditional",
            "Condition",
        ],
        rows,
        records,
        widths=[3, 2, 2, 2, 4, 2, 7],
    )


def rounds_table(data: ReportData) -> Table:
    """OpenAI's financing records, oldest first."""
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
        rows.append(
            [
                text(r.name),
                text(r.round_type),
                text(_date(r.announced_on)),
                text(_date(r.closed_on)),
                text(usd_bn(r.amount_usd)),
                text(
                    "" if pd.isna(r.pre_money_valuation_usd) else usd_bn(r.pre_money_valuation_usd)
                ),
                text(
                    ""
                    if pd.isna(r.post_money_valuation_usd)
                    else usd_bn(r.post_money_valuation_usd)
                ),
            ]
        )
    return Table(
        ["Record", "Type", "Announced", "Closed", "Amount", "Pre-money", "Post-money"],
        rows,
        records,
        widths=[6, 2, 3, 3, 2, 2, 2],
    )


def _terms(data: ReportData) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for t in data["agreement_terms"].itertuples(index=False):
        out.setdefault(t.agreement_id, []).append(quantity_text(t.quantity, t.unit, t.qualifier))
    return {k: ", ".join(v) for k, v in out.items()}


def agreements_table(data: ReportData) -> Table:
    """The agreements as stated, with their parties, quantities, exclusivity and status."""
    names = data.names()
    parties = data["agreement_parties"]
    terms = _terms(data)
    rows, records = [], []
    for a in data["agreements"].sort_values(["stated_on", "agreement_id"]).itertuples(index=False):
        who = parties[parties["agreement_id"] == a.agreement_id]
        party_text = "; ".join(f"{names[p.org_id]} ({p.role})" for p in who.itertuples(index=False))
        exclusive = "not stated" if pd.isna(a.exclusive) else ("yes" if a.exclusive else "no")
        in_force = bool(a.stated_on <= AS_OF and a.status == "in-force")
        records.append(
            {
                "agreement_id": a.agreement_id,
                "exclusive": exclusive,
                "in_force_on_2026_02_27": in_force,
            }
        )
        rows.append(
            [
                text(a.title),
                text(party_text),
                text(terms.get(a.agreement_id, "")),
                text(exclusive),
                text(_date(a.stated_on, a.stated_precision)),
                text("yes" if in_force else "no"),
            ]
        )
    return Table(
        [
            "Agreement",
            "Parties",
            "Quantities",
            "Exclusive",
            "Stated",
            f"In force on {long_date(AS_OF)}",
        ],
        rows,
        records,
        widths=[6, 6, 4, 2, 3, 2],
    )


def checks_table(report: dict[str, Any]) -> Table:
    """One row per suite: how many checks ran and how many failed, from ``validation.json``."""
    suites: dict[str, list[bool]] = {}
    for check in report.get("checks", []):
        suites.setdefault(check["suite"], []).append(bool(check["success"]))
    rows, records = [], []
    for suite, outcomes in sorted(suites.items()):
        failed = outcomes.count(False)
        records.append({"suite": suite, "run": len(outcomes), "failed": failed})
        rows.append(
            [text(suite), text(len(outcomes)), text(failed), text("pass" if not failed else "FAIL")]
        )
    return Table(["Suite", "Checks run", "Failed", "Outcome"], rows, records, widths=[6, 2, 2, 2])


def dictionary_table(data: ReportData, resource: str) -> Table:
    """The fields of one resource, from ``datapackage.json``."""
    (res,) = [r for r in data.descriptor["resources"] if r["name"] == resource]
    return _dictionary(res)


def resources_table(data: ReportData) -> Table:
    """One row per resource: file, rows, title and description, from ``datapackage.json``."""
    rows, records = [], []
    for res in data.descriptor["resources"]:
        count = len(data[res["name"]])
        records.append({"resource": res["name"], "rows": count})
        rows.append(
            [text(res["name"]), text(res["path"]), text(count), text(res.get("description", ""))]
        )
    return Table(["Resource", "File", "Rows", "Description"], rows, records, widths=[4, 5, 2, 10])


def _dictionary(res: dict[str, Any]) -> Table:
    pk = res["schema"]["primaryKey"]
    keys = {pk} if isinstance(pk, str) else set(pk)
    rows, records = [], []
    for f in res["schema"]["fields"]:
        c = f.get("constraints", {})
        rules = []
        if f["name"] in keys:
            rules.append("key")
        if c.get("required"):
            rules.append("required")
        if "enum" in c:
            rules.append("one of: " + ", ".join(map(str, c["enum"])))
        if "minimum" in c:
            rules.append(f"minimum {c['minimum']}")
        records.append({"field": f["name"], "type": f["type"]})
        rows.append(
            [
                text(f["name"]),
                text(f["type"]),
                text("; ".join(rules)),
                text(f.get("description", "")),
            ]
        )
    return Table(
        ["Field", "Type", "Constraints", "Description"], rows, records, widths=[4, 2, 5, 10]
    )


def claims_table(data: ReportData) -> Table:
    """Every published value with its verbatim quote and source."""
    sources = data["sources"].set_index("source_id")
    rows, records = [], []
    for c in data["claims"].itertuples(index=False):
        src = sources.loc[c.source_id]
        label = src["publisher"] + (
            "" if pd.isna(src["published_on"]) else f", {src['published_on'].date()}"
        )
        records.append({"claim_id": c.claim_id, "value": c.value, "source_id": c.source_id})
        rows.append(
            [
                text(f"{c.resource}/{c.record_id}"),
                text(c.field.replace("_", " ")),
                text(_readable(c.field, c.value)),
                text(f"“{c.quote}”"),
                link(label, src["url"]) + " " + text(f"({c.status})"),
            ]
        )
    return Table(
        ["Record", "Field", "Value", "Quote", "Source (status)"],
        rows,
        records,
        widths=[4, 3, 2, 10, 4],
    )


def _readable(field: str, value: str) -> str:
    """A claimed value as a reader says it: money in billions, the rest as stored."""
    if field.endswith("_usd") and value.isdigit():
        return usd_bn(int(value))
    if field.endswith("_eur") and value.isdigit():
        return eur_bn(int(value))
    return value


def full_dictionary_table(data: ReportData) -> Table:
    """Every field of every resource, from ``datapackage.json``."""
    rows, records = [], []
    for res in data.descriptor["resources"]:
        part = _dictionary(res)
        rows += [[text(res["name"]), *row] for row in part.rows]
        records += [{"resource": res["name"], **rec} for rec in part.records]
    return Table(
        ["Table", "Field", "Type", "Constraints", "Description"],
        rows,
        records,
        widths=[3, 4, 2, 4, 9],
    )


def glance_table(data: ReportData, round_id: str = ROUND_ID) -> Table:
    """The round as announced and, where a later record updates it, as closed."""
    rounds = data["rounds"]
    chosen = rounds[(rounds["round_id"] == round_id) | (rounds["updates_round_id"] == round_id)]
    rows, records = [], []
    for r in chosen.sort_values("status_as_of").itertuples(index=False):

        def money(v: Any, fmt: Any = usd_bn) -> str:
            return "" if pd.isna(v) else fmt(v)

        share = (
            ""
            if pd.isna(r.post_money_valuation_usd)
            else percent(int(r.amount_usd) / int(r.post_money_valuation_usd))
        )
        records.append({"round_id": r.round_id, "amount_usd": int(r.amount_usd), "share": share})
        rows.append(
            [
                text(r.name),
                text(_date(r.status_as_of)),
                text(money(r.amount_usd)),
                text(money(r.amount_eur, eur_bn)),
                text(money(r.pre_money_valuation_usd)),
                text(money(r.post_money_valuation_usd)),
                text(share),
            ]
        )
    return Table(
        [
            "Record",
            "As of",
            "Amount",
            "In euros (Reuters)",
            "Pre-money",
            "Post-money",
            "New money / post-money",
        ],
        rows,
        records,
        widths=[6, 3, 2, 3, 2, 2, 3],
    )


_DOWNLOAD = re.compile(r"^data/[a-z0-9_]+\.csv$")


def downloads_table(data: ReportData) -> Table:
    """Links to the files published beside the report."""
    rows, records = [], []
    files = [
        ("datapackage.json", "descriptor: schemas, keys, hashes, licences"),
        ("validation.json", "every check run on the data and its outcome"),
        ("openai-funding.pdf", "this report as PDF"),
    ]
    files += [
        (r["path"], r.get("title", ""))
        for r in data.descriptor["resources"]
        if _DOWNLOAD.match(str(r.get("path")))
    ]
    for path, what in files:
        records.append({"path": path})
        rows.append([f"[{text(path)}]({path})", text(what)])
    return Table(["File", "What"], rows, records, widths=[5, 8])
