"""The numbers the report's prose quotes, computed from the data (never typed into the text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import Marked, claims_of, derived
from openai_funding.content.language import ENGLISH, N_, Language
from openai_funding.package.dates import created_day, source_date_epoch


def usd_bn(amount: float, lang: Language = ENGLISH) -> str:
    """Whole US dollars as the press writes them: ``$110bn``, ``$6.6bn`` (``110 milliards de
    dollars`` in French)."""
    return lang.usd_bn(amount)


def eur_bn(amount: float, lang: Language = ENGLISH) -> str:
    """Euros to the hundredth of a billion: ``€93.21bn`` (``93,21 milliards d’euros``)."""
    return lang.money_bn(amount, "EUR", digits=2)


#: How a qualifier reads before a quantity, in prose and in a chart's short labels.
QUALIFIERS = {
    "exact": "",
    "approximately": N_("about "),
    "up-to": N_("up to "),
    "at-least": N_("at least "),
}
SHORT_QUALIFIERS = {"exact": "", "approximately": "~", "up-to": N_("up to "), "at-least": "≥"}


def quantity_text(
    quantity: float, unit: str, qualifier: str, *, short: bool = False, lang: Language = ENGLISH
) -> str:
    """``about 2 GW``, ``up to $100bn``, ``8 years`` (``~2 GW``, ``≥10 GW`` when ``short``)."""
    if unit == "USD":
        amount = lang.usd_bn(quantity)
    elif unit == "years":
        amount = lang._("{n} years", n=lang.short_number(quantity))
    else:
        amount = (
            f"{lang.short_number(quantity)}\u00a0{unit}"
            if lang.code == "fr"
            else f"{quantity:g} {unit}"
        )
    qualifier_text = (SHORT_QUALIFIERS if short else QUALIFIERS)[qualifier]
    return (lang._(qualifier_text) if qualifier_text else "") + amount


def percent(share: float, digits: int = 1, lang: Language = ENGLISH) -> str:
    """``13.1%`` (``13,1 %``)."""
    return lang.percent(share, digits)


def long_date(day: date | pd.Timestamp, lang: Language = ENGLISH) -> str:
    """``27 February 2026`` (``27 février 2026``)."""
    return lang.long_date(day)


def day_text(value: object, lang: Language = ENGLISH) -> str:
    """``27 February 2026``, or ``""`` for a missing date."""
    return "" if pd.isna(value) else lang.long_date(value)  # type: ignore[arg-type]


def schedule_text(start: object, end: object, precision: str, lang: Language = ENGLISH) -> str:
    """A tranche's schedule as the report writes it: ``1 April 2026``, ``by 31 March 2026``,
    ``April 2026 to October 2026``, or ``not disclosed``."""
    if precision == "unspecified" or (pd.isna(start) and pd.isna(end)):
        return lang._("not disclosed")

    def day(value: object) -> str:
        return lang.month_year(value) if precision == "month" else lang.long_date(value)  # type: ignore[arg-type]

    if pd.isna(start):
        return lang._("by {day}", day=day(end))
    if pd.isna(end) or day(start) == day(end):
        return day(start)
    return lang._("{start} to {end}", start=day(start), end=day(end))


@dataclass(frozen=True)
class RoundFacts:
    """Headline figures of the round, all derived from the tables."""

    amount_usd: int
    amount_eur: int
    pre_money_usd: int
    post_money_usd: int
    announced_on: date
    closed_on: date | None
    closed_amount_usd: int | None
    closed_post_money_usd: int | None
    investors: int
    #: The claims behind each field (field name → claim ids), so the text carries them.
    evidence: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    #: The language the figures are written in.
    lang: Language = field(default=ENGLISH, compare=False)

    def _marked(self, plain: str, name: str) -> str:
        ids = self.evidence.get(name, ())
        return Marked(plain, ids) if ids else plain

    @property
    def new_money_share(self) -> float:
        """Share of the company the new money buys: amount / post-money."""
        return self.amount_usd / self.post_money_usd

    @property
    def usd_per_eur(self) -> float:
        """The exchange rate Reuters' conversion implies (derived, never stored)."""
        return self.amount_usd / self.amount_eur

    @property
    def amount(self) -> str:
        return self._marked(self.lang.usd_bn(self.amount_usd), "amount_usd")

    @property
    def amount_eur_text(self) -> str:
        return self._marked(eur_bn(self.amount_eur, self.lang), "amount_eur")

    @property
    def pre_money(self) -> str:
        return self._marked(self.lang.usd_bn(self.pre_money_usd), "pre_money_valuation_usd")

    @property
    def post_money(self) -> str:
        return self._marked(self.lang.usd_bn(self.post_money_usd), "post_money_valuation_usd")

    @property
    def share_text(self) -> str:
        how = self.lang._(
            "amount / post-money valuation = {amount} / {post_money}",
            amount=self.amount,
            post_money=self.post_money,
        )
        return derived(self.lang.percent(self.new_money_share), how, self.amount, self.post_money)

    @property
    def rate_text(self) -> str:
        how = self.lang._(
            "amount in US dollars / amount in euros = {amount} / {amount_eur}",
            amount=self.amount,
            amount_eur=self.amount_eur_text,
        )
        rate = self.lang.number(self.usd_per_eur, 4)
        return derived(rate, how, self.amount, self.amount_eur_text)

    @property
    def announced(self) -> str:
        return self._marked(self.lang.long_date(self.announced_on), "announced_on")

    @property
    def investors_text(self) -> str:
        """How many investors, with the claims of their commitments."""
        how = self.lang._("{n} investment records of the round", n=self.investors)
        return derived(str(self.investors), how, Marked("", self.evidence.get("investments", ())))


def round_facts(data: ReportData, round_id: str | None = None) -> RoundFacts:
    """The headline figures of ``round_id`` and of the record that updates it, if any."""
    round_id = round_id or data.settings.round_id
    rounds = data["rounds"].set_index("round_id")
    if round_id not in rounds.index:
        raise LookupError(f"{data.path}: the rounds table has no record {round_id!r}")
    row = rounds.loc[round_id]
    later = rounds[rounds["updates_round_id"] == round_id]
    close = later.iloc[0] if len(later) else None
    investments = data["investments"]
    return RoundFacts(
        amount_usd=int(row["amount_usd"]),
        amount_eur=int(row["amount_eur"]),
        pre_money_usd=int(row["pre_money_valuation_usd"]),
        post_money_usd=int(row["post_money_valuation_usd"]),
        announced_on=row["announced_on"].date(),
        closed_on=None if close is None else close["closed_on"].date(),
        closed_amount_usd=None if close is None else int(close["amount_usd"]),
        closed_post_money_usd=None if close is None else int(close["post_money_valuation_usd"]),
        investors=int((investments["round_id"] == round_id).sum()),
        lang=data.lang,
        evidence={
            name: tuple(claims_of(data, "rounds", round_id, name))
            for name in (
                "amount_usd",
                "amount_eur",
                "pre_money_valuation_usd",
                "post_money_valuation_usd",
                "announced_on",
            )
        }
        | {
            "investments": tuple(
                c
                for i in investments.loc[investments["round_id"] == round_id, "investment_id"]
                for c in claims_of(data, "investments", i, "investor_org_id", "amount_usd")
            )
        },
    )


def build_date(data: ReportData) -> str:
    """The date the report states it was built: ``SOURCE_DATE_EPOCH`` (the build sets it to the
    last commit's date), else the package's ``created`` date. Never the clock, so two builds of
    the same inputs on different days give the same bytes."""
    epoch = source_date_epoch()
    if epoch is not None:
        day = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).date()
    else:
        day = created_day(data.package.created)
    return data.lang.long_date(day)
