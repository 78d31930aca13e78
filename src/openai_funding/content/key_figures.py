"""The block of key figures at the top of the report: the "as of" date, the amount, the pre- and
post-money valuations and the money paid by the "as of" date."""

from __future__ import annotations

from openai_funding.content.data import ReportData
from openai_funding.content.facts import day_text, round_facts
from openai_funding.content.markdown import text
from openai_funding.content.marked import Marked
from openai_funding.content.payments import paid_facts


class KeyFigures:
    """The key figures first, as a compact block: the "as of" date, the amount, the pre- and
    post-money valuations and the money paid by the "as of" date, each with its claims. Amounts
    are written short (``$110bn`` / ``110 Md$``): the block is a row of five figures."""

    def __init__(self, data: ReportData, round_id: str | None = None) -> None:
        lang = data.lang
        f = round_facts(data, round_id)
        p = paid_facts(data, round_id)
        as_of = day_text(data.as_of, lang)  # the day paid_facts counts the payments up to

        def short(value: str, amount: int) -> str:
            """``value``'s claims (and how it was computed) on the amount written short."""
            if not isinstance(value, Marked):
                return lang.short_usd_bn(amount)
            return Marked(lang.short_usd_bn(amount), value.claims, value.how)

        self.items = [
            (lang._("Data as of"), as_of),
            (lang._("Amount"), short(f.amount, f.amount_usd)),
            (lang._("Pre-money valuation"), short(f.pre_money, f.pre_money_usd)),
            (lang._("Post-money valuation"), short(f.post_money, f.post_money_usd)),
            (lang._("Paid by {day}", day=as_of), short(p.paid, p.paid_usd)),
        ]

    def _repr_markdown_(self) -> str:
        head = "| " + " | ".join(text(label) for label, _ in self.items) + " |"
        sep = "|" + "|".join(":---:" for _ in self.items) + "|"
        body = "| " + " | ".join(f"**{text(value)}**" for _, value in self.items) + " |"
        return f"::: {{.of-key-figures}}\n{head}\n{sep}\n{body}\n:::\n"


def key_figures(data: ReportData, round_id: str | None = None) -> KeyFigures:
    """The block of key figures at the top of the report."""
    return KeyFigures(data, round_id)
