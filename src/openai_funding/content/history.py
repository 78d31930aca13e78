"""What happened after the announcement, and the history of each open question: the tables of
the section on later records, each dated."""

from __future__ import annotations

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed, join
from openai_funding.content.facts import day_text, usd_bn
from openai_funding.content.language import N_, Language
from openai_funding.content.markdown import Table, text
from openai_funding.content.paid_table import GRADE_LABELS
from openai_funding.content.payments import paid_amount, tranches
from openai_funding.content.words import say

#: The kinds of later record, as the records keep them (the same in every edition); they also
#: order the records of one day.
ROUND_UPDATE = N_("Round update")
PAYMENT = N_("Payment")
AMENDMENT = N_("Amendment")
EVENT = N_("Event")
REPORT = N_("Report (not confirmed)")
#: ``rounds.amount_basis`` in words: what the amount of a round's update counts.
AMOUNT_BASES = {"committed": N_("committed"), "funded": N_("funded")}
#: The steps of a question's history, as the records keep them, in words; the statuses of
#: ``question_updates`` are written without their hyphen (``partly answered``).
STEPS = {
    "raised": N_("raised"),
    "report (not confirmed)": N_("report (not confirmed)"),
    "status": N_("status"),
    "open": N_("open"),
    "partly answered": N_("partly answered"),
    "answered": N_("answered"),
}


def _reporter(lang: Language, reported_by: str, attributed_to: object) -> str:
    """Who reported something, and whom they cite when they do."""
    if pd.isna(attributed_to):
        return reported_by
    return lang._("{reporter}, citing {source}", reporter=reported_by, source=attributed_to)


def _round_update(lang: Language, amount: str, basis: object, post_money: str) -> str:
    """What a round's update says: its amount, what the amount counts, the valuation."""
    if pd.isna(basis):
        if post_money:
            return lang._(
                "{amount} at {post_money} post-money.", amount=amount, post_money=post_money
            )
        return lang._("{amount}.", amount=amount)
    counts = say(lang, AMOUNT_BASES, basis)
    if post_money:
        return lang._(
            "{amount} ({basis}) at {post_money} post-money.",
            amount=amount,
            basis=counts,
            post_money=post_money,
        )
    return lang._("{amount} ({basis}).", amount=amount, basis=counts)


def by_day(day: str, precision: object, lang: Language) -> str:
    """``day`` as the table writes it: "by 2 October 2026" when it is known only as a day on or
    before which something happened (precision ``by``)."""
    return lang._("by {day}", day=day) if precision == "by" else day


def later_events_table(data: ReportData, round_id: str | None = None) -> Table:
    """What happened after the announcement, by date: closes, payments, amendments, events,
    and reports that the parties did not confirm."""
    lang = data.lang
    round_id = round_id or data.settings.round_id
    names = data.names()
    announced = data["rounds"].set_index("round_id").loc[round_id, "announced_on"]
    rows: list[tuple[pd.Timestamp, str, str, str, str]] = []
    rounds = data["rounds"]
    for r in rounds[rounds["updates_round_id"].notna()].itertuples(index=False):
        when = r.closed_on if not pd.isna(r.closed_on) else r.status_as_of
        post = (
            ""
            if pd.isna(r.post_money_valuation_usd)
            else claimed(
                data,
                usd_bn(r.post_money_valuation_usd, lang),
                "rounds",
                r.round_id,
                "post_money_valuation_usd",
            )
        )
        amount = claimed(data, usd_bn(r.amount_usd, lang), "rounds", r.round_id, "amount_usd")
        day = claimed(data, day_text(when, lang), "rounds", r.round_id, "closed_on")
        details = _round_update(lang, amount, r.amount_basis, post)
        rows.append((when, day, ROUND_UPDATE, r.name, details))
    for r in tranches(data, round_id).itertuples(index=False):
        if r.paid_usd > 0:
            what = lang._(
                "{investor}: tranche {tranche} of {count} paid",
                investor=r.investor,
                tranche=int(r.tranche),
                count=int(r.tranche_count),
            )
            amount = paid_amount(data, r)
            day = by_day(
                claimed(data, day_text(r.paid_on, lang), "outcomes", r.paid_id, "occurred_on"),
                r.paid_precision,
                lang,
            )
            how = lang._(GRADE_LABELS.get(r.grade, r.grade))
            details = lang._("{amount} ({how}).", amount=amount, how=how)
            rows.append((r.paid_on, day, PAYMENT, what, details))
    agreements = data["agreements"]
    amended = agreements["amends_agreement_id"].notna() & (agreements["stated_on"] > announced)
    for a in agreements[amended].itertuples(index=False):
        day = claimed(data, day_text(a.stated_on, lang), "agreements", a.agreement_id, "stated_on")
        rows.append((a.stated_on, day, AMENDMENT, a.title, a.description))
    for e in data["events"].itertuples(index=False):
        day = by_day(
            claimed(data, day_text(e.occurred_on, lang), "events", e.event_id, "occurred_on"),
            e.occurred_precision,
            lang,
        )
        organization = names[e.org_id]
        what = (
            e.title  # "OpenAI says…" or "SoftBank cancels…" needs no name before it
            if str(e.title).split(" ", 1)[0] == organization.split(" ", 1)[0]
            else lang._("{organization}: {title}", organization=organization, title=e.title)
        )
        rows.append((e.occurred_on, day, EVENT, what, e.description))
    for p in data["reports"].itertuples(index=False):
        if p.reported_on <= announced:
            continue
        who = _reporter(lang, p.reported_by, p.attributed_to)
        day = claimed(data, day_text(p.reported_on, lang), "reports", p.report_id, "reported_on")
        details = lang._("Reported by {who}.", who=who)
        if not pd.isna(p.amount_usd) and not pd.isna(p.pre_money_valuation_usd):
            amount = claimed(data, usd_bn(p.amount_usd, lang), "reports", p.report_id, "amount_usd")
            pre = claimed(
                data,
                usd_bn(p.pre_money_valuation_usd, lang),
                "reports",
                p.report_id,
                "pre_money_valuation_usd",
            )
            details = join(
                details,
                " ",
                lang._("Sought: {amount} at {pre_money} pre-money.", amount=amount, pre_money=pre),
            )
        rows.append((p.reported_on, day, REPORT, p.statement, details))
    rows.sort(key=lambda r: (pd.Timestamp(r[0]), r[2]))
    return Table(
        [lang._("Date"), lang._("Kind"), lang._("What"), lang._("Details")],
        [[text(day), text(lang._(k)), text(w), text(x)] for _, day, k, w, x in rows],
        [{"date": pd.Timestamp(d).date(), "kind": k} for d, _, k, _, _ in rows],
        widths=[3, 3, 6, 8],
    )


def questions_table(data: ReportData) -> Table:
    """Each open question with its history, by date: raised, reported on, updated; and its
    status as of the package's date."""
    lang = data.lang
    as_of = day_text(data.as_of, lang)
    reports = data["reports"]
    updates = data["question_updates"]
    rows, records = [], []
    for q in data["questions"].itertuples(index=False):
        raised = claimed(data, day_text(q.raised_on, lang), "questions", q.question_id, "raised_on")
        history: list[tuple[pd.Timestamp, str, str, str]] = [
            (q.raised_on, raised, "raised", q.notes)
        ]
        about = reports[
            (reports["subject_resource"] == q.subject_resource)
            & (reports["subject_id"] == q.subject_id)
        ]
        for p in about.itertuples(index=False):
            who = _reporter(lang, p.reported_by, p.attributed_to)
            day = claimed(
                data, day_text(p.reported_on, lang), "reports", p.report_id, "reported_on"
            )
            said = lang._("{statement} ({who})", statement=p.statement, who=who)
            history.append((p.reported_on, day, "report (not confirmed)", said))
        status = q.status
        mine = updates[updates["question_id"] == q.question_id].sort_values("updated_on")
        for u in mine.itertuples(index=False):
            day = claimed(
                data, day_text(u.updated_on, lang), "question_updates", u.update_id, "updated_on"
            )
            history.append((u.updated_on, day, u.status.replace("-", " "), u.answer))
            status = u.status
        history.sort(key=lambda h: pd.Timestamp(h[0]))
        first = True
        for _, when, kind, what in history:
            rows.append(
                [
                    text(q.question if first else ""),
                    text(when),
                    text(say(lang, STEPS, kind)),
                    text(what),
                ]
            )
            first = False
        rows.append(
            [
                text(""),
                text(as_of),
                text(say(lang, STEPS, "status")),
                text(
                    lang._(
                        "{status} as of {day}",
                        status=say(lang, STEPS, status.replace("-", " ")),
                        day=as_of,
                    )
                ),
            ]
        )
        records.append(
            {"question_id": q.question_id, "status": status, "history": [h[2] for h in history]}
        )
    return Table(
        [
            lang._("Question"),
            lang._("Date"),
            lang._("Step"),
            lang._("What the sources say"),
        ],
        rows,
        records,
        widths=[5, 3, 3, 9],
    )
