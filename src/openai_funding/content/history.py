"""What happened after the announcement, and the history of each open question: the tables of
the section on later records, each dated."""

from __future__ import annotations

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed, join
from openai_funding.content.facts import day_text, usd_bn
from openai_funding.content.markdown import Table, text
from openai_funding.content.payments import tranches


def later_events_table(data: ReportData, round_id: str | None = None) -> Table:
    """What happened after the announcement, by date: closes, payments, amendments, events,
    and reports that the parties did not confirm."""
    round_id = round_id or data.settings.round_id
    names = data.names()
    announced = data["rounds"].set_index("round_id").loc[round_id, "announced_on"]
    rows: list[tuple[pd.Timestamp, str, str, str, str]] = []
    rounds = data["rounds"]
    for r in rounds[rounds["updates_round_id"].notna()].itertuples(index=False):
        when = r.closed_on if not pd.isna(r.closed_on) else r.status_as_of
        basis = "" if pd.isna(r.amount_basis) else f" ({r.amount_basis})"
        post = (
            ""
            if pd.isna(r.post_money_valuation_usd)
            else f" at {usd_bn(r.post_money_valuation_usd)} post-money"
        )
        post_text = (
            ""
            if not post
            else join(
                " at ",
                claimed(
                    data,
                    usd_bn(r.post_money_valuation_usd),
                    "rounds",
                    r.round_id,
                    "post_money_valuation_usd",
                ),
                " post-money",
            )
        )
        amount = claimed(data, usd_bn(r.amount_usd), "rounds", r.round_id, "amount_usd")
        day = claimed(data, day_text(when), "rounds", r.round_id, "closed_on")
        rows.append((when, day, "Round update", r.name, join(amount, basis, post_text, ".")))
    for r in tranches(data, round_id).itertuples(index=False):
        if r.paid_usd > 0:
            what = f"{r.investor}: tranche {int(r.tranche)} of {int(r.tranche_count)} paid"
            amount = claimed(data, usd_bn(r.paid_usd), "outcomes", r.outcome_id, "amount_usd")
            day = claimed(data, day_text(r.paid_on), "outcomes", r.outcome_id, "occurred_on")
            rows.append((r.paid_on, day, "Payment", what, join(amount, ".")))
    agreements = data["agreements"]
    amended = agreements["amends_agreement_id"].notna() & (agreements["stated_on"] > announced)
    for a in agreements[amended].itertuples(index=False):
        day = claimed(data, day_text(a.stated_on), "agreements", a.agreement_id, "stated_on")
        rows.append((a.stated_on, day, "Amendment", a.title, a.description))
    for e in data["events"].itertuples(index=False):
        day = claimed(data, day_text(e.occurred_on), "events", e.event_id, "occurred_on")
        rows.append((e.occurred_on, day, "Event", f"{names[e.org_id]}: {e.title}", e.description))
    for p in data["reports"].itertuples(index=False):
        if p.reported_on <= announced:
            continue
        who = p.reported_by + (
            f", citing {p.attributed_to}" if not pd.isna(p.attributed_to) else ""
        )
        day = claimed(data, day_text(p.reported_on), "reports", p.report_id, "reported_on")
        rows.append(
            (p.reported_on, day, "Report (not confirmed)", p.statement, f"Reported by {who}.")
        )
    rows.sort(key=lambda r: (pd.Timestamp(r[0]), r[2]))
    return Table(
        ["Date", "Kind", "What", "Details"],
        [[text(day), text(k), text(w), text(x)] for _, day, k, w, x in rows],
        [{"date": pd.Timestamp(d).date(), "kind": k} for d, _, k, _, _ in rows],
        widths=[3, 3, 6, 8],
    )


def questions_table(data: ReportData) -> Table:
    """Each open question with its history, by date: raised, reported on, updated; and its
    status as of the package's date."""
    as_of = day_text(data.as_of)
    reports = data["reports"]
    updates = data["question_updates"]
    rows, records = [], []
    for q in data["questions"].itertuples(index=False):
        raised = claimed(data, day_text(q.raised_on), "questions", q.question_id, "raised_on")
        history: list[tuple[pd.Timestamp, str, str, str]] = [
            (q.raised_on, raised, "raised", q.notes)
        ]
        about = reports[
            (reports["subject_resource"] == q.subject_resource)
            & (reports["subject_id"] == q.subject_id)
        ]
        for p in about.itertuples(index=False):
            who = p.reported_by + (
                f", citing {p.attributed_to}" if not pd.isna(p.attributed_to) else ""
            )
            day = claimed(data, day_text(p.reported_on), "reports", p.report_id, "reported_on")
            history.append((p.reported_on, day, "report (not confirmed)", f"{p.statement} ({who})"))
        status = q.status
        mine = updates[updates["question_id"] == q.question_id].sort_values("updated_on")
        for u in mine.itertuples(index=False):
            day = claimed(
                data, day_text(u.updated_on), "question_updates", u.update_id, "updated_on"
            )
            history.append((u.updated_on, day, u.status.replace("-", " "), u.answer))
            status = u.status
        history.sort(key=lambda h: pd.Timestamp(h[0]))
        first = True
        for _, when, kind, what in history:
            rows.append([text(q.question if first else ""), text(when), text(kind), text(what)])
            first = False
        rows.append(
            [
                text(""),
                text(as_of),
                text("status"),
                text(f"{status.replace('-', ' ')} as of {as_of}"),
            ]
        )
        records.append(
            {"question_id": q.question_id, "status": status, "history": [h[2] for h in history]}
        )
    return Table(
        ["Question", "Date", "Step", "What the sources say"], rows, records, widths=[5, 3, 3, 9]
    )
