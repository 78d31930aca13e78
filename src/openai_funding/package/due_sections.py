"""The four sections of the worklist (``openai-funding due``), each a pure function of the
tables as of a date: see :mod:`openai_funding.package.due`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from openai_funding.package import paid
from openai_funding.package.due_items import Item, Look, Looks, iso, missing, money

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The fields of a commitment that state its amount and schedule.
SCHEDULE = (
    "amount_usd",
    "timing_start",
    "timing_end",
    "timing_precision",
    "conditional",
    "condition",
    "expires_on",
)


def past_due(tables: Mapping[str, pd.DataFrame], on: date, looks: Looks) -> list[Item]:
    """Section 1: the tranches not paid as of ``on`` that are due, undated or conditional."""
    import pandas as pd

    names = dict(
        zip(tables["organizations"]["org_id"], tables["organizations"]["name"], strict=True)
    )
    states = paid.tranche_states(tables)
    rows = []
    for t in states.itertuples(index=False):
        if t.state in ("paid", "scheduled"):
            continue
        due = t.scheduled_by
        if not missing(t.conditional) and bool(t.conditional):
            order, why = 2, "due only on conditions; check whether they were triggered"
            if not missing(t.expires_on):
                why += f"; expires on {iso(t.expires_on)}"
        elif missing(due):
            order, why = 1, "timing not disclosed"
        elif due <= pd.Timestamp(on):
            order, why = 0, f"due by {iso(due)}"
        else:
            continue  # part-paid, the rest scheduled later
        if t.state == "part-paid":
            why += f"; part-paid ({money(t.paid_usd)} reported paid)"
        elif order < 2:
            why += "; not reported paid (not-known)"
        investor = names.get(t.investor_org_id, t.investor_org_id)
        what = f"{investor}, tranche {t.tranche} of {t.tranche_count}, {money(t.amount_usd)}"
        if missing(t.outcome_id):
            latest = "no outcome recorded"
        else:
            latest = f"latest outcome {t.outcome_id} ({t.outcome}, as of {iso(t.outcome_as_of)})"
        cid = str(t.commitment_id)
        look = looks.on("commitments", cid, SCHEDULE)
        if not missing(t.outcome_id):
            look += looks.on("outcomes", str(t.outcome_id))
        look += looks.reports_on("commitments", cid) + looks.reports_on(
            "investments", str(t.investment_id)
        )
        item = Item(
            "past-due",
            "commitments",
            cid,
            f"{what}: {why}; {latest}",
            tuple(look),
            on.isoformat(),
            status_as_of=iso(t.outcome_as_of),
            due_by=iso(due),
            expires_on=iso(t.expires_on),
        )
        rows.append(((order, iso(due) or "", cid), item))
    return [item for _, item in sorted(rows, key=lambda r: r[0])]


def unconfirmed(tables: Mapping[str, pd.DataFrame], on: date, looks: Looks) -> list[Item]:
    """Section 2: outcomes graded ``reported``, then reports nobody answered, then outcomes
    graded ``relayed`` (weaker priority): none has a stronger record of the same outcome."""
    import pandas as pd

    when = pd.Timestamp(on)
    parties = paid.tranche_parties(tables)
    names = dict(
        zip(tables["organizations"]["org_id"], tables["organizations"]["name"], strict=True)
    )
    outcomes = tables["outcomes"]
    outcomes = outcomes[~(outcomes["status_as_of"] > when)].sort_values(
        ["status_as_of", "outcome_id"], kind="stable"
    )
    best: dict[tuple[str, str], int] = {}
    for o in outcomes.itertuples(index=False):
        k = (str(o.commitment_id), str(o.outcome))
        best[k] = max(best.get(k, 0), paid.grade_rank(o.grade))
    graded: dict[str, list[Item]] = {"reported": [], "relayed": []}
    for o in outcomes.itertuples(index=False):
        stronger = best[(str(o.commitment_id), str(o.outcome))] > paid.grade_rank(o.grade)
        if o.grade not in graded or stronger:
            continue
        whose = " or ".join(sorted(names.get(p, p) for p in parties.get(str(o.commitment_id), ())))
        word = "by" if o.occurred_precision == "by" else "on"
        occurred = f" {word} {iso(o.occurred_on)}" if not missing(o.occurred_on) else ""
        amount = f" {money(o.amount_usd)}" if not missing(o.amount_usd) else ""
        wait = "confirmation" if o.grade == "reported" else "the party's own release"
        why = (
            f"{o.commitment_id} {o.outcome}{amount}{occurred}, graded {o.grade}: waits for "
            f"{wait} (a release or filing by {whose or 'a party'})"
        )
        graded[str(o.grade)].append(
            Item(
                o.grade,
                "outcomes",
                str(o.outcome_id),
                why,
                tuple(looks.on("outcomes", str(o.outcome_id))),
                on.isoformat(),
                iso(o.status_as_of),
            )
        )
    reports = tables["reports"]
    reports = reports[~(reports["reported_on"] > when)].sort_values(
        ["reported_on", "report_id"], kind="stable"
    )
    answers = reports[reports["stance"].isin(["confirmation", "denial"])]
    answered = set(answers["responds_to_report_id"].dropna())
    waiting = []
    for r in reports[reports["stance"] == "report"].itertuples(index=False):
        if r.report_id in answered:
            continue
        by = str(r.reported_by) + ("" if missing(r.attributed_to) else f" (from {r.attributed_to})")
        why = (
            f"reported by {by} on {iso(r.reported_on)}, on {r.subject_resource} "
            f"{r.subject_id} ({r.topic}): no confirmation or denial responds to it"
        )
        waiting.append(
            Item(
                "report",
                "reports",
                str(r.report_id),
                why,
                tuple(looks.on("reports", str(r.report_id))),
                on.isoformat(),
                iso(r.status_as_of),
            )
        )
    return graded["reported"] + waiting + graded["relayed"]


def open_questions(tables: Mapping[str, pd.DataFrame], on: date, looks: Looks) -> list[Item]:
    """Section 3: the questions raised by ``on`` whose status after their latest update (made by
    ``on``) is not ``answered``, with that update and the reports on the same subject."""
    import pandas as pd

    when = pd.Timestamp(on)
    updates = tables["question_updates"]
    updates = updates[~(updates["updated_on"] > when)].sort_values(
        ["updated_on", "update_id"], kind="stable"
    )
    latest = updates.drop_duplicates("question_id", keep="last").set_index("question_id")
    questions = tables["questions"]
    questions = questions[~(questions["raised_on"] > when)].sort_values(
        ["raised_on", "question_id"], kind="stable"
    )
    out = []
    for q in questions.itertuples(index=False):
        qid = str(q.question_id)
        look = looks.on("questions", qid)
        if qid in latest.index:
            u = latest.loc[qid]
            status, why = (
                str(u["status"]),
                f"{u['status']} on {iso(u['updated_on'])} ({u['update_id']})",
            )
            look += looks.on("question_updates", str(u["update_id"]))
            if not missing(u["report_id"]):
                look.append(Look("report", str(u["report_id"])))
        else:
            status, why = str(q.status), f"{q.status} since {iso(q.raised_on)}, no update"
        if status == "answered":
            continue
        look += [
            x
            for x in looks.reports_on(str(q.subject_resource), str(q.subject_id))
            if all(x.id != y.id for y in look)
        ]
        why += f"; on {q.subject_resource} {q.subject_id}"
        out.append(
            Item(
                "open-question",
                "questions",
                qid,
                why,
                tuple(look),
                on.isoformat(),
                iso(q.status_as_of),
            )
        )
    return out


def oldest(
    tables: Mapping[str, pd.DataFrame],
    keys: Mapping[str, tuple[str, ...]],
    on: date,
    looks: Looks,
    count: int = 10,
) -> list[Item]:
    """Section 4: the ``count`` records whose ``status_as_of`` is oldest (none after ``on``),
    oldest first, then by table and key."""
    import pandas as pd

    rows = []
    for name, frame in tables.items():
        if "status_as_of" not in frame.columns:
            continue
        key = keys.get(name) or (str(frame.columns[0]),)
        for record in frame.to_dict("records"):
            stamp = record["status_as_of"]
            if missing(stamp) or stamp > pd.Timestamp(on):
                continue
            k = ", ".join(str(record[c]) for c in key)
            rows.append((stamp, name, k))
    rows.sort()
    out = []
    for stamp, name, k in rows[: max(count, 0)]:
        age = (pd.Timestamp(on) - stamp).days
        why = f"status as of {iso(stamp)}, {age} days before {on.isoformat()}"
        out.append(
            Item(
                "oldest",
                name,
                k,
                why,
                tuple(looks.on(name, k)),
                on.isoformat(),
                iso(stamp),
                age_days=age,
            )
        )
    return out
