"""The report's opening: one sentence, computed from the data, that says how much of the round
was paid by the "as of" date and how sure that is, part by part, and what is not known or still
to come (the hero chart beside it is :func:`~openai_funding.content.paid_chart.round_chart`).

How sure a payment is comes from its outcome's grade (``outcomes.grade``): confirmed in the
party's own release or filing, relayed (a named outlet reports the party's own statement), or
reported (the press reports it and the party has not confirmed it).
"""

from __future__ import annotations

from dataclasses import dataclass

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import derived, join
from openai_funding.content.language import N_
from openai_funding.content.markdown import text
from openai_funding.content.payments import PaidFacts, elide, paid_amount, paid_facts, tranches
from openai_funding.package import paid

#: How each grade of a payment reads after the investor's amount, strongest first (English;
#: ``lang._`` gives the edition's words).
HOW_KNOWN = {
    "confirmed": N_("{investor}'s {amount}, confirmed in its own release or filing"),
    "relayed": N_("{investor}'s {amount}, by its own statement or filing, as relayed by others"),
    "reported": N_("{investor}'s {amount}, reported by the press but not confirmed"),
}


@dataclass(frozen=True)
class Lead:
    """The opening sentence (and what follows it in the same paragraph), with every number
    carrying its claims or saying how it was computed."""

    sentence: str
    rest: tuple[str, ...]
    #: What was paid by the "as of" date (all grades), and the round's announced amount.
    paid_usd: int
    committed_usd: int

    @property
    def paragraph(self) -> str:
        pieces: list[str] = [self.sentence]
        for part in self.rest:
            pieces += [" ", part]
        return join(*pieces)

    def _repr_markdown_(self) -> str:
        return f"::: {{.of-lead}}\n{text(self.paragraph)}\n:::\n"


def lead(data: ReportData, round_id: str | None = None) -> Lead:
    """How much of the round was paid by the package's date, investor by investor and grade by
    grade; then what is not known and what is due only on conditions or later."""
    lang = data.lang
    _ = lang._
    facts: PaidFacts = paid_facts(data, round_id)
    frame = tranches(data, round_id)
    paid_rows = frame[frame["paid_usd"] > 0]
    items = []
    for (investor, grade), rows in paid_rows.groupby(["investor", "grade"], sort=False):
        payments = [paid_amount(data, r) for r in rows.itertuples(index=False)]
        amount: str = payments[0]
        if len(payments) > 1:
            amount = derived(
                lang.usd_bn(rows["paid_usd"].sum()),
                _("sum of the payments: {terms}", terms=" + ".join(payments)),
                *payments,
            )
        rank = paid.grade_rank(grade)
        words = elide(_(HOW_KNOWN[grade], investor=investor, amount=amount), lang)
        items.append((-rank, str(investor), words))
    items.sort(key=lambda item: item[:2])
    committed_usd = int(frame["amount_usd"].sum())
    paid_usd = int(frame["paid_usd"].sum())
    if paid_usd > 0:
        share = derived(
            lang.percent(paid_usd / committed_usd),
            _(
                "paid / announced = {paid} / {committed}",
                paid=facts.paid,
                committed=facts.committed,
            ),
            facts.paid,
            facts.committed,
        )
        listed = join(
            *[p for n, (*_key, item) in enumerate(items) for p in ([_("; ")] * bool(n) + [item])]
        )
        if paid_usd >= committed_usd:
            sentence = _(
                "By {as_of}, {paid} had been paid, the whole of the {committed} announced: "
                "{items}.",
                as_of=facts.as_of,
                paid=facts.paid,
                committed=facts.committed,
                items=listed,
            )
        else:
            sentence = _(
                "By {as_of}, {paid} of the {committed} announced had been paid ({share}): {items}.",
                as_of=facts.as_of,
                paid=facts.paid,
                committed=facts.committed,
                share=share,
                items=listed,
            )
    else:
        sentence = _(
            "By {as_of}, no source reports any of the {committed} announced paid.",
            as_of=facts.as_of,
            committed=facts.committed,
        )
    return Lead(sentence, tuple(facts.rest), paid_usd, committed_usd)
