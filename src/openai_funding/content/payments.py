"""Money paid and money to come, as of the package's date, and what happened afterwards: the
report's prose figures, chart and tables on the dated outcomes (see :mod:`openai_funding.package.paid`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import Marked, claimed, derived, join
from openai_funding.content.facts import day_text
from openai_funding.content.language import ENGLISH, Language
from openai_funding.package import paid

#: The fields of a tranche that state its schedule.
SCHEDULE_FIELDS = ("timing_start", "timing_end", "expires_on")
#: Each state's colour, by its English label.

_ELIDED = re.compile(r"\b([Dd]e|[Qq]ue) (?=[AEIOUYÉÈÊaeiouyéèê])")


def elide(value: str, lang: Language) -> str:
    """French elision before a vowel: ``de Amazon`` → ``d’Amazon``; claims kept."""
    if lang.code != "fr":
        return value

    def fix(plain: str) -> str:
        return _ELIDED.sub(lambda m: m.group(1)[0] + "’", plain)

    if isinstance(value, Marked):
        return Marked(fix(str(value)), value.claims, value.how, fix(value.markdown))
    return fix(value)


def paid_amount(data: ReportData, r: Any) -> str:
    """What a tranche's payments add up to (``r`` a row of :func:`tranches`), with the claims of
    its one payment, or, paid in parts, the sum of the parts and each part's claims."""
    lang = data.lang
    ids = tuple(r.paid_ids) or (r.paid_id,)
    if len(ids) == 1:
        return claimed(data, lang.usd_bn(r.paid_usd), "outcomes", ids[0], "amount_usd")
    amounts = data["outcomes"].set_index("outcome_id")["amount_usd"]
    parts = [claimed(data, lang.usd_bn(amounts[i]), "outcomes", i, "amount_usd") for i in ids]
    how = lang._("sum of the payments: {terms}", terms=" + ".join(parts))
    return derived(lang.usd_bn(r.paid_usd), how, *parts)


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
    #: How many tranches each of :attr:`not_known`, :attr:`conditional`, :attr:`scheduled` lists.
    counts: tuple[int, int, int] = (0, 0, 0)
    #: The language the figures are written in.
    lang: Language = ENGLISH

    @property
    def rest(self) -> list[str]:
        """The sentences on what is not known to be paid, what is due only on conditions and
        what is scheduled after the date (each one message)."""
        _ = self.lang._
        parts: list[str] = []
        not_known, conditional, scheduled = self.counts
        if self.not_known:
            parts.append(
                _(
                    "Whether {tranches} were paid is not known as of that date: no source that "
                    "could be read reports it.",
                    tranches=self.not_known,
                )
                if not_known > 1
                else _(
                    "Whether {tranches} was paid is not known as of that date: no source that "
                    "could be read reports it.",
                    tranches=self.not_known,
                )
            )
        if self.conditional:
            parts.append(
                _(
                    "{tranches} are due only when their conditions are met.",
                    tranches=self.conditional,
                )
                if conditional > 1
                else _(
                    "{tranches} is due only when its conditions are met.",
                    tranches=self.conditional,
                )
            )
        if self.scheduled:
            parts.append(
                _("{tranches} are scheduled after that date.", tranches=self.scheduled)
                if scheduled > 1
                else _("{tranches} is scheduled after that date.", tranches=self.scheduled)
            )
        return parts

    @property
    def summary(self) -> str:
        """One paragraph of plain text: what was paid, what is not known, what is to come. Each
        sentence is one message, so that a translation orders and agrees its words freely."""
        _ = self.lang._
        values = {"as_of": self.as_of, "paid": self.paid, "committed": self.committed}
        if self.paid_items:
            first = _(
                "By {as_of}, the sources report {paid} of the {committed} paid: {items}.",
                items=self.paid_items,
                **values,
            )
        else:
            first = _("By {as_of}, the sources report {paid} of the {committed} paid.", **values)
        parts: list[str] = [first, *self.rest]
        pieces: list[str] = []
        for n, part in enumerate(parts):
            pieces += [" "] * bool(n) + [part]
        return join(*pieces)


def paid_facts(data: ReportData, round_id: str | None = None) -> PaidFacts:
    """What was paid of ``round_id`` by the package's date, by whom and when; what is not known."""
    frame = tranches(data, round_id)
    lang = data.lang
    _ = lang._
    as_of = day_text(data.as_of, lang)

    def tranche_words(rows: pd.DataFrame, with_dates: bool = False) -> str:
        words = []
        for r in rows.itertuples(index=False):
            amount = claimed(
                data, lang.usd_bn(r.amount_usd), "commitments", r.commitment_id, "amount_usd"
            )
            if r.tranche_count > 1:
                what = _(
                    "{investor}'s tranche {tranche} of {amount}",
                    investor=r.investor,
                    tranche=r.tranche,
                    amount=amount,
                )
            else:
                what = _("{investor}'s {amount}", investor=r.investor, amount=amount)
            what = elide(what, lang)
            if with_dates and not pd.isna(r.paid_on):
                day = claimed(data, lang.long_date(r.paid_on), "outcomes", r.paid_id, "occurred_on")
                if r.paid_precision == "by":
                    what = _("{tranche} by {day}", tranche=what, day=day)
                else:
                    what = _("{tranche} on {day}", tranche=what, day=day)
            words.append(what)
        return lang.items(words)

    def of(state: str) -> pd.DataFrame:
        return frame[frame["state"] == state]

    def total(rows: pd.DataFrame, column: str, resource: str, key: str) -> list[str]:
        return [
            claimed(data, lang.usd_bn(getattr(r, column)), resource, getattr(r, key), "amount_usd")
            for r in rows.itertuples(index=False)
            if getattr(r, column) > 0 and not pd.isna(getattr(r, key))
        ]

    paid_rows = frame[frame["paid_usd"] > 0]
    committed = total(frame, "amount_usd", "commitments", "commitment_id")
    payments = [paid_amount(data, r) for r in paid_rows.itertuples(index=False)]
    return PaidFacts(
        as_of=as_of,
        committed=derived(
            lang.usd_bn(frame["amount_usd"].sum()),
            _("sum of the tranches: {terms}", terms=" + ".join(committed))
            if committed
            else _("sum of the tranches: none"),
            *committed,
        ),
        paid=derived(
            lang.usd_bn(paid_rows["paid_usd"].sum()),
            _("sum of the payments by {day}: {terms}", day=as_of, terms=" + ".join(payments))
            if payments
            else _("sum of the payments by {day}: none", day=as_of),
            *payments,
        ),
        paid_usd=int(frame["paid_usd"].sum()),
        paid_items=tranche_words(paid_rows, with_dates=True),
        to_come=lang.usd_bn(frame["to_come_usd"].sum()),
        not_known=tranche_words(of("not-known")),
        conditional=tranche_words(of("conditional")),
        scheduled=tranche_words(of("scheduled")),
        counts=(len(of("not-known")), len(of("conditional")), len(of("scheduled"))),
        lang=lang,
    )
