"""The table of the round's tranches: each one's schedule, its outcome as of the package's date
(with how a payment is known: its grade) and the sources of both."""

from __future__ import annotations

from typing import Any

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed
from openai_funding.content.facts import day_text, schedule_text
from openai_funding.content.language import N_
from openai_funding.content.markdown import Table, text
from openai_funding.content.payments import SCHEDULE_FIELDS, paid_amount, tranches

#: How a payment is known (``outcomes.grade``), as the table of tranches says it.
GRADE_LABELS = {
    "confirmed": N_("confirmed by the party"),
    "relayed": N_("the party's statement, relayed"),
    "reported": N_("reported, not confirmed"),
}


def _outcome(data: ReportData, r: Any, as_of: str) -> str:
    lang = data.lang
    if r.state in ("paid", "part-paid"):
        amount = paid_amount(data, r)
        day = claimed(data, day_text(r.paid_on, lang), "outcomes", r.paid_id, "occurred_on")
        how = lang._(GRADE_LABELS.get(r.grade, r.grade))
        if r.paid_precision == "by":
            return lang._("paid {amount} by {day} ({how})", amount=amount, day=day, how=how)
        return lang._("paid {amount} on {day} ({how})", amount=amount, day=day, how=how)
    if r.state == "conditional":
        return lang._("on conditions; not known to be paid as of {day}", day=as_of)
    if r.state == "scheduled":
        return lang._("scheduled; not due as of {day}", day=as_of)
    return lang._("not known as of {day}", day=as_of)


def paid_table(data: ReportData, round_id: str | None = None) -> Table:
    """Each tranche of the round: its schedule, its outcome as of the package's date, and the
    sources of both."""
    frame = tranches(data, round_id)
    lang = data.lang
    _ = lang._
    as_of = day_text(data.as_of, lang)
    claims = data["claims"]
    sources = data["sources"].set_index("source_id")

    def cited(resource: str, record: str, fields: tuple[str, ...] = ()) -> str:
        ids = claims[(claims["resource"] == resource) & (claims["record_id"] == record)]
        if fields:
            ids = ids[ids["field"].isin(fields)]
        names = []
        for sid in dict.fromkeys(ids["source_id"]):
            if sid in sources.index:
                names.append(str(sources.loc[sid, "publisher"]))
        return "; ".join(dict.fromkeys(names))

    rows, records = [], []
    for r in frame.itertuples(index=False):
        schedule_sources = cited("commitments", r.commitment_id, SCHEDULE_FIELDS) or cited(
            "commitments", r.commitment_id, ("conditional",)
        )
        outcome_id = r.paid_id if r.paid_usd > 0 else r.outcome_id
        outcome_sources = "" if pd.isna(outcome_id) else cited("outcomes", outcome_id)
        records.append(
            {
                "commitment_id": r.commitment_id,
                "investor": r.investor,
                "tranche": int(r.tranche),
                "amount_usd": int(r.amount_usd),
                "state": r.state,
                "paid_usd": int(r.paid_usd),
                "paid_on": None if pd.isna(r.paid_on) else pd.Timestamp(r.paid_on).date(),
            }
        )
        rows.append(
            [
                text(r.investor),
                text(_("{n} of {count}", n=int(r.tranche), count=int(r.tranche_count))),
                text(
                    claimed(
                        data,
                        lang.usd_bn(r.amount_usd),
                        "commitments",
                        r.commitment_id,
                        "amount_usd",
                    )
                ),
                text(
                    claimed(
                        data,
                        schedule_text(r.timing_start, r.timing_end, r.timing_precision, lang),
                        "commitments",
                        r.commitment_id,
                        *SCHEDULE_FIELDS,
                    )
                ),
                text(_outcome(data, r, as_of)),
                text(schedule_sources),
                text(outcome_sources or _("no source found")),
            ]
        )
    headers = [
        N_("Investor"),
        N_("Tranche"),
        N_("Amount"),
        N_("Schedule"),
        N_("Outcome"),
        N_("Schedule from"),
        N_("Outcome from"),
    ]
    return Table([_(h) for h in headers], rows, records, widths=[3, 2, 2, 3, 5, 4, 4])
