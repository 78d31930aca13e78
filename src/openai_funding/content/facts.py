"""The numbers the report's prose quotes, computed from the data (never typed into the text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import Marked, claims_of, derived
from openai_funding.package.dates import created_day, source_date_epoch


def usd_bn(amount: float) -> str:
    """Whole US dollars as the press writes them: ``$110bn``, ``$6.6bn``."""
    bn = float(amount) / 1e9
    return f"${bn:,.0f}bn" if bn == round(bn) else f"${bn:,.1f}bn"


def eur_bn(amount: float) -> str:
    return f"€{float(amount) / 1e9:,.2f}bn"


#: How a qualifier reads before a quantity, in prose and in a chart's short labels.
QUALIFIERS = {"exact": "", "approximately": "about ", "up-to": "up to ", "at-least": "at least "}
SHORT_QUALIFIERS = {"exact": "", "approximately": "~", "up-to": "up to ", "at-least": "≥"}


def quantity_text(quantity: float, unit: str, qualifier: str, *, short: bool = False) -> str:
    """``about 2 GW``, ``up to $100bn``, ``8 years`` (``~2 GW``, ``≥10 GW`` when ``short``)."""
    amount = usd_bn(quantity) if unit == "USD" else f"{quantity:g} {unit}"
    return (SHORT_QUALIFIERS if short else QUALIFIERS)[qualifier] + amount


def percent(share: float, digits: int = 1) -> str:
    return f"{share * 100:.{digits}f}%"


def long_date(day: date | pd.Timestamp) -> str:
    """``27 February 2026``."""
    ts = pd.Timestamp(day)
    return f"{ts.day} {ts.strftime('%B %Y')}"


def day_text(value: object) -> str:
    """``27 February 2026``, or ``""`` for a missing date."""
    return "" if pd.isna(value) else long_date(value)  # type: ignore[arg-type]


def schedule_text(start: object, end: object, precision: str) -> str:
    """A tranche's schedule as the report writes it: ``1 April 2026``, ``by 31 March 2026``,
    ``April 2026 to October 2026``, or ``not disclosed``."""
    if precision == "unspecified" or (pd.isna(start) and pd.isna(end)):
        return "not disclosed"
    pattern = "%B %Y" if precision == "month" else None

    def day(value: object) -> str:
        return pd.Timestamp(value).strftime(pattern) if pattern else long_date(value)  # type: ignore[arg-type]

    if pd.isna(start):
        return f"by {day(end)}"
    if pd.isna(end) or day(start) == day(end):
        return day(start)
    return f"{day(start)} to {day(end)}"


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
        return self._marked(usd_bn(self.amount_usd), "amount_usd")

    @property
    def amount_eur_text(self) -> str:
        return self._marked(eur_bn(self.amount_eur), "amount_eur")

    @property
    def pre_money(self) -> str:
        return self._marked(usd_bn(self.pre_money_usd), "pre_money_valuation_usd")

    @property
    def post_money(self) -> str:
        return self._marked(usd_bn(self.post_money_usd), "post_money_valuation_usd")

    @property
    def share_text(self) -> str:
        how = f"amount / post-money valuation = {self.amount} / {self.post_money}"
        return derived(percent(self.new_money_share), how, self.amount, self.post_money)

    @property
    def rate_text(self) -> str:
        how = f"amount in US dollars / amount in euros = {self.amount} / {self.amount_eur_text}"
        return derived(f"{self.usd_per_eur:.4f}", how, self.amount, self.amount_eur_text)

    @property
    def announced(self) -> str:
        return self._marked(long_date(self.announced_on), "announced_on")

    @property
    def investors_text(self) -> str:
        """How many investors, with the claims of their commitments."""
        how = f"{self.investors} investment records of the round"
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
    return long_date(day)
