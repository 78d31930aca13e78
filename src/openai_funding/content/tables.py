"""The report's tables, each a :class:`~openai_funding.content.markdown.Table` built from the data:
the round's here, the package's own (checks, dictionary, sources, downloads) in
:mod:`~openai_funding.content.package_tables`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed, derived, join
from openai_funding.content.facts import eur_bn, quantity_text, schedule_text, usd_bn
from openai_funding.content.language import N_, Language
from openai_funding.content.markdown import Table, text
from openai_funding.content.package_tables import (
    checks_table,
    claims_table,
    downloads_table,
    full_dictionary_table,
    resources_table,
)

__all__ = [
    "agreements_table",
    "checks_table",
    "claims_table",
    "commitments_table",
    "downloads_table",
    "full_dictionary_table",
    "glance_table",
    "resources_table",
    "rounds_table",
]


#: A yes/no cell as the tables keep it in their records (the same in every edition), and how
#: the report says it.
ANSWERS = {"yes": N_("yes"), "no": N_("no"), "not stated": N_("not stated")}
#: The values of ``rounds.round_type`` and ``agreement_parties.role`` in words.
ROUND_TYPES = {"primary": N_("primary"), "secondary": N_("secondary")}
ROLES = {
    "provider": N_("provider"),
    "customer": N_("customer"),
    "investor": N_("investor"),
    "investee": N_("investee"),
    "licensor": N_("licensor"),
    "licensee": N_("licensee"),
    "party": N_("party"),
}


def say(lang: Language, words: Mapping[str, str], value: object) -> str:
    """An enumerated value in the edition's words (as stored when the list does not name it)."""
    return lang._(words[value]) if isinstance(value, str) and value in words else str(value)


def _answer(value: Any) -> str:
    """``yes``, ``no`` or ``not stated`` for a boolean cell (a missing one is not stated)."""
    if pd.isna(value):
        return "not stated"
    return {True: "yes", False: "no"}.get(value, "not stated")


def _date(value: Any, lang: Language, precision: str = "day") -> str:
    """A date as the edition writes it, to its precision; ``""`` when missing."""
    if pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    if precision == "month":
        return lang.month_year(ts)
    if precision == "year":
        return str(ts.year)
    return lang.long_date(ts)


def commitments_table(data: ReportData, round_id: str | None = None) -> Table:
    """Each investor's commitment, its tranches, their timing and conditions."""
    lang = data.lang
    names = data.names()
    inv, com = data.round_tranches(round_id)
    total = int(inv["amount_usd"].sum())
    com = com.sort_values(
        ["amount_usd_investment", "investor_org_id", "tranche"], ascending=[False, True, True]
    )
    rows, records = [], []
    for r in com.itertuples(index=False):
        timing = schedule_text(r.timing_start, r.timing_end, r.timing_precision, lang)
        investment = claimed(
            data,
            usd_bn(r.amount_usd_investment, lang),
            "investments",
            r.investment_id,
            "amount_usd",
        )
        share = derived(
            lang.percent(int(r.amount_usd_investment) / total, 1),
            lang._(
                "investor's commitment / sum of the round's commitments = {investment} / {total}",
                investment=investment,
                total=usd_bn(total, lang),
            ),
            investment,
        )
        conditional = _answer(r.conditional)
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
                text(
                    lang._(
                        "{tranche} of {count}",
                        tranche=int(r.tranche),
                        count=int(r.tranche_count),
                    )
                ),
                text(
                    claimed(
                        data,
                        usd_bn(r.amount_usd, lang),
                        "commitments",
                        r.commitment_id,
                        "amount_usd",
                    )
                ),
                text(share if r.tranche == 1 else ""),
                text(
                    claimed(
                        data, timing, "commitments", r.commitment_id, "timing_start", "timing_end"
                    )
                ),
                text(
                    claimed(
                        data,
                        say(lang, ANSWERS, conditional),
                        "commitments",
                        r.commitment_id,
                        "conditional",
                    )
                ),
                text("" if pd.isna(r.condition) else r.condition),
            ]
        )
    return Table(
        [
            lang._("Investor"),
            lang._("Tranche"),
            lang._("Amount"),
            lang._("Investor's share of round"),
            lang._("Timing"),
            lang._("Conditional"),
            lang._("Condition"),
        ],
        rows,
        records,
        widths=[3, 2, 2, 2, 4, 2, 7],
    )


def rounds_table(data: ReportData) -> Table:
    """OpenAI's financing records, oldest first."""
    lang = data.lang
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
        round_type = say(lang, ROUND_TYPES, r.round_type)
        rows.append(
            [
                text(r.name),
                text(claimed(data, round_type, "rounds", r.round_id, "round_type")),
                text(
                    claimed(data, _date(r.announced_on, lang), "rounds", r.round_id, "announced_on")
                ),
                text(claimed(data, _date(r.closed_on, lang), "rounds", r.round_id, "closed_on")),
                text(_money(data, r, "amount_usd")),
                text(_money(data, r, "pre_money_valuation_usd")),
                text(_money(data, r, "post_money_valuation_usd")),
            ]
        )
    return Table(
        [
            lang._("Record"),
            lang._("Type"),
            lang._("Announced"),
            lang._("Closed"),
            lang._("Amount"),
            lang._("Pre-money"),
            lang._("Post-money"),
        ],
        rows,
        records,
        widths=[6, 2, 3, 3, 2, 2, 2],
    )


def _money(data: ReportData, r: Any, column: str, fmt: Any = usd_bn) -> str:
    """A money cell of a rounds record, with its claims; empty when missing. ``fmt(amount,
    lang)`` writes the amount (:func:`~.facts.usd_bn`, :func:`~.facts.eur_bn`)."""
    value = getattr(r, column)
    if pd.isna(value):
        return ""
    return claimed(data, fmt(value, data.lang), "rounds", r.round_id, column)


def _terms(data: ReportData) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    terms = data["agreement_terms"]
    for t in terms.itertuples(index=False):
        words = quantity_text(t.quantity, t.unit, t.qualifier, lang=data.lang)
        words = claimed(data, words, "agreement_terms", t.term_id, "quantity")
        out.setdefault(t.agreement_id, []).append(words)
    return {
        k: join(*[p for n, w in enumerate(v) for p in ([", "] if n else []) + [w]])
        for k, v in out.items()
    }


def agreements_table(data: ReportData) -> Table:
    """The agreements as stated, with their parties, quantities, exclusivity and status."""
    lang = data.lang
    names = data.names()
    parties = data["agreement_parties"]
    terms = _terms(data)
    rows, records = [], []
    for a in data["agreements"].sort_values(["stated_on", "agreement_id"]).itertuples(index=False):
        who = parties[parties["agreement_id"] == a.agreement_id]
        party_text = lang._("; ").join(
            lang._("{name} ({role})", name=names[p.org_id], role=say(lang, ROLES, p.role))
            for p in who.itertuples(index=False)
        )
        exclusive = _answer(a.exclusive)
        in_force = bool(a.stated_on <= data.settings.as_of and a.status == "in-force")
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
                text(
                    claimed(
                        data,
                        say(lang, ANSWERS, exclusive),
                        "agreements",
                        a.agreement_id,
                        "exclusive",
                    )
                ),
                text(
                    claimed(
                        data,
                        _date(a.stated_on, lang, a.stated_precision),
                        "agreements",
                        a.agreement_id,
                        "stated_on",
                    )
                ),
                text(say(lang, ANSWERS, "yes" if in_force else "no")),
            ]
        )
    return Table(
        [
            lang._("Agreement"),
            lang._("Parties"),
            lang._("Quantities"),
            lang._("Exclusive"),
            lang._("Stated"),
            lang._("In force on {day}", day=lang.long_date(data.settings.as_of)),
        ],
        rows,
        records,
        widths=[6, 6, 4, 2, 3, 2],
    )


def glance_table(data: ReportData, round_id: str | None = None) -> Table:
    """The round as announced and, where a later record updates it, as closed."""
    lang = data.lang
    round_id = round_id or data.settings.round_id
    rounds = data["rounds"]
    chosen = rounds[(rounds["round_id"] == round_id) | (rounds["updates_round_id"] == round_id)]
    rows, records = [], []
    for r in chosen.sort_values("status_as_of").itertuples(index=False):
        amount = _money(data, r, "amount_usd")
        post = _money(data, r, "post_money_valuation_usd")
        share = (
            ""
            if pd.isna(r.post_money_valuation_usd)
            else derived(
                lang.percent(int(r.amount_usd) / int(r.post_money_valuation_usd)),
                lang._(
                    "amount / post-money valuation = {amount} / {post_money}",
                    amount=amount,
                    post_money=post,
                ),
                amount,
                post,
            )
        )
        records.append({"round_id": r.round_id, "amount_usd": int(r.amount_usd), "share": share})
        rows.append(
            [
                text(r.name),
                text(_date(r.status_as_of, lang)),
                text(amount),
                text(_money(data, r, "amount_eur", eur_bn)),
                text(_money(data, r, "pre_money_valuation_usd")),
                text(post),
                text(share),
            ]
        )
    return Table(
        [
            lang._("Record"),
            lang._("As of"),
            lang._("Amount"),
            lang._("In euros (Reuters)"),
            lang._("Pre-money"),
            lang._("Post-money"),
            lang._("New money / post-money"),
        ],
        rows,
        records,
        widths=[6, 3, 2, 3, 2, 2, 3],
    )
