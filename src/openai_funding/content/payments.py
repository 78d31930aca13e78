"""Money paid and money to come, as of the package's date, and what happened afterwards: the
report's prose figures, chart and tables on the dated outcomes (see :mod:`openai_funding.package.paid`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed, claims_of, derived, join, tooltip
from openai_funding.content.facts import day_text, long_date, schedule_text, usd_bn
from openai_funding.content.markdown import Table, text
from openai_funding.content.theme import OKABE_ITO, WIDTH, styled
from openai_funding.package import paid

#: How each state of a tranche reads in the report, in the order the chart stacks them.
STATE_LABELS = {
    "paid": "paid",
    "part-paid": "partly paid",
    "not-known": "not known to be paid",
    "scheduled": "scheduled",
    "conditional": "on conditions",
}
#: The fields of a tranche that state its schedule.
SCHEDULE_FIELDS = ("timing_start", "timing_end", "expires_on")
STATE_COLOURS = dict(zip(STATE_LABELS.values(), OKABE_ITO[2:7], strict=True))


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return join(*items)
    parts: list[str] = []
    for n, item in enumerate(items):
        parts += [item, ", " if n < len(items) - 2 else (" and " if n == len(items) - 2 else "")]
    return join(*parts)


def tranches(data: ReportData, round_id: str | None = None) -> pd.DataFrame:
    """The round's tranches as of the package's date, with investor names (see
    :func:`openai_funding.package.paid.tranche_states`)."""
    round_id = round_id or data.settings.round_id
    states = paid.tranche_states(data.tables)
    states = states[states["round_id"] == round_id].copy()
    states["investor"] = states["investor_org_id"].map(data.names())
    return states.sort_values(["investor", "tranche"]).reset_index(drop=True)


@dataclass(frozen=True)
class PaidFacts:
    """The figures the section on money paid states, all derived from the tables."""

    as_of: str
    committed: str
    paid: str
    paid_usd: int
    paid_items: str
    to_come: str
    not_known: str
    conditional: str
    scheduled: str

    @property
    def summary(self) -> str:
        """One paragraph of plain text: what was paid, what is not known, what is to come."""
        parts: list[str] = [
            f"By {self.as_of}, the sources report ",
            self.paid,
            " of the ",
            self.committed,
            " paid",
            *([": ", self.paid_items, "."] if self.paid_items else ["."]),
        ]
        if self.not_known:
            verb = "were" if " and " in self.not_known else "was"
            parts += [
                " Whether ",
                self.not_known,
                (
                    f" {verb} paid is not known as of that date: no source that could be read "
                    "reports it."
                ),
            ]
        if self.conditional:
            parts += [" ", self.conditional, " is due only when its conditions are met."]
        if self.scheduled:
            parts += [" ", self.scheduled, " is scheduled after that date."]
        return join(*parts)


def paid_facts(data: ReportData, round_id: str | None = None) -> PaidFacts:
    """What was paid of ``round_id`` by the package's date, by whom and when; what is not known."""
    frame = tranches(data, round_id)

    def tranche_words(rows: pd.DataFrame, with_dates: bool = False) -> str:
        words = []
        for r in rows.itertuples(index=False):
            amount = claimed(
                data, usd_bn(r.amount_usd), "commitments", r.commitment_id, "amount_usd"
            )
            what = [f"{r.investor}'s ", amount]
            if r.tranche_count > 1:
                what = [f"{r.investor}'s tranche {r.tranche} of ", amount]
            if with_dates and not pd.isna(r.paid_on):
                day = claimed(data, long_date(r.paid_on), "outcomes", r.outcome_id, "occurred_on")
                what += [" on ", day]
            words.append(join(*what))
        return _list(words)

    def of(state: str) -> pd.DataFrame:
        return frame[frame["state"] == state]

    def total(rows: pd.DataFrame, column: str, what: str, resource: str, key: str) -> str:
        inputs = [
            claimed(data, usd_bn(getattr(r, column)), resource, getattr(r, key), "amount_usd")
            for r in rows.itertuples(index=False)
            if getattr(r, column) > 0 and not pd.isna(getattr(r, key))
        ]
        how = f"{what}: " + (" + ".join(inputs) or "none")
        return derived(usd_bn(rows[column].sum()), how, *inputs)

    paid_rows = frame[frame["paid_usd"] > 0]
    return PaidFacts(
        as_of=day_text(data.as_of),
        committed=total(frame, "amount_usd", "sum of the tranches", "commitments", "commitment_id"),
        paid=total(
            paid_rows,
            "paid_usd",
            f"sum of the payments by {day_text(data.as_of)}",
            "outcomes",
            "outcome_id",
        ),
        paid_usd=int(frame["paid_usd"].sum()),
        paid_items=tranche_words(frame[frame["paid_usd"] > 0], with_dates=True),
        to_come=usd_bn(frame["to_come_usd"].sum()),
        not_known=tranche_words(of("not-known")),
        conditional=tranche_words(of("conditional")),
        scheduled=tranche_words(of("scheduled")),
    )


def _outcome(data: ReportData, r: Any, as_of: str) -> str:
    if r.state in ("paid", "part-paid"):
        amount = claimed(data, usd_bn(r.paid_usd), "outcomes", r.outcome_id, "amount_usd")
        day = claimed(data, day_text(r.paid_on), "outcomes", r.outcome_id, "occurred_on")
        return join("paid ", amount, " on ", day)
    if r.state == "conditional":
        return f"on conditions; not known to be paid as of {as_of}"
    if r.state == "scheduled":
        return f"scheduled; not due as of {as_of}"
    return f"not known as of {as_of}"


def paid_table(data: ReportData, round_id: str | None = None) -> Table:
    """Each tranche of the round: its schedule, its outcome as of the package's date, and the
    sources of both."""
    frame = tranches(data, round_id)
    as_of = day_text(data.as_of)
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
        outcome_sources = "" if pd.isna(r.outcome_id) else cited("outcomes", r.outcome_id)
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
                text(f"{int(r.tranche)} of {int(r.tranche_count)}"),
                text(
                    claimed(
                        data, usd_bn(r.amount_usd), "commitments", r.commitment_id, "amount_usd"
                    )
                ),
                text(
                    claimed(
                        data,
                        schedule_text(r.timing_start, r.timing_end, r.timing_precision),
                        "commitments",
                        r.commitment_id,
                        *SCHEDULE_FIELDS,
                    )
                ),
                text(_outcome(data, r, as_of)),
                text(schedule_sources),
                text(outcome_sources or "no source found"),
            ]
        )
    return Table(
        ["Investor", "Tranche", "Amount", "Schedule", "Outcome", "Schedule from", "Outcome from"],
        rows,
        records,
        widths=[3, 2, 2, 3, 5, 4, 4],
    )


def paid_chart(data: ReportData, round_id: str | None = None) -> alt.TopLevelMixin:
    """Stacked bars per investor: paid, not known to be paid, scheduled and on conditions, as of
    the package's date."""
    frame = tranches(data, round_id)
    as_of = day_text(data.as_of)
    rows = []
    for r in frame.itertuples(index=False):
        committed = claims_of(data, "commitments", r.commitment_id, "amount_usd")
        if r.paid_usd > 0:
            outcome = claims_of(data, "outcomes", r.outcome_id, "amount_usd", "occurred_on")
            rows.append((r.investor, r.tranche, "paid", r.paid_usd, tooltip(data, outcome)))
        rest = int(r.to_come_usd)
        if rest > 0:
            state = "not-known" if r.state in ("paid", "part-paid") else r.state
            rows.append(
                (r.investor, r.tranche, STATE_LABELS[state], rest, tooltip(data, committed))
            )
    bars = pd.DataFrame(rows, columns=["investor", "tranche", "state", "amount_usd", "sources"])
    bars["amount_bn"] = bars["amount_usd"].astype(float) / 1e9
    bars["label"] = [
        f"{i} · tranche {t} · {usd_bn(a)}"
        for i, t, a in zip(bars["investor"], bars["tranche"], bars["amount_usd"], strict=True)
    ]
    order = frame.groupby("investor")["amount_usd"].sum().sort_values(ascending=False)
    domain = [s for s in STATE_LABELS.values() if s in set(bars["state"])]
    chart = (
        alt.Chart(bars)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y("investor:N", sort=order.index.tolist(), title=None),
            x=alt.X("sum(amount_bn):Q", title=f"US$ billions, as of {as_of}", stack="zero"),
            color=alt.Color(
                "state:N",
                title=None,
                scale=alt.Scale(domain=domain, range=[STATE_COLOURS[s] for s in domain]),
            ),
            order=alt.Order("tranche:Q"),
            tooltip=[
                alt.Tooltip("label:N", title="Tranche"),
                alt.Tooltip("state:N", title=f"As of {as_of}"),
                alt.Tooltip("amount_bn:Q", title="US$ bn", format=",.0f"),
                alt.Tooltip("sources:N", title="Sources"),
            ],
        )
    )
    totals = bars.groupby("state")["amount_usd"].sum()
    parts = "; ".join(f"{usd_bn(totals[s])} {s}" for s in domain)
    return styled(
        chart.properties(width=WIDTH - 120, height=150),
        f"Bar chart of the {usd_bn(frame['amount_usd'].sum())} round by investor, as of {as_of}: "
        f"{parts}.",
    )
