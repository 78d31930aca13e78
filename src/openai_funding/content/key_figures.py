"""The block of key figures at the top of the report: the "as of" date, the amount, the pre- and
post-money valuations and the money paid by the "as of" date."""

from __future__ import annotations

from openai_funding.content.data import ReportData
from openai_funding.content.facts import day_text, round_facts
from openai_funding.content.markdown import text
from openai_funding.content.payments import paid_facts


class KeyFigures:
    """The key figures first, as a compact block: the "as of" date, the amount, the pre- and
    post-money valuations and the money paid by the "as of" date, each with its claims."""

    def __init__(self, data: ReportData, round_id: str | None = None) -> None:
        lang = data.lang
        f = round_facts(data, round_id)
        p = paid_facts(data, round_id)
        as_of = day_text(data.as_of, lang)  # the day paid_facts counts the payments up to
        self.items = [
            (lang._("Data as of"), as_of),
            (lang._("Amount"), f.amount),
            (lang._("Pre-money valuation"), f.pre_money),
            (lang._("Post-money valuation"), f.post_money),
            (lang._("Paid by {day}", day=as_of), p.paid),
        ]

    def _repr_markdown_(self) -> str:
        head = "| " + " | ".join(text(label) for label, _ in self.items) + " |"
        sep = "|" + "|".join(":---:" for _ in self.items) + "|"
        body = "| " + " | ".join(f"**{text(value)}**" for _, value in self.items) + " |"
        return f"::: {{.of-key-figures}}\n{head}\n{sep}\n{body}\n:::\n"


def key_figures(data: ReportData, round_id: str | None = None) -> KeyFigures:
    """The block of key figures at the top of the report."""
    return KeyFigures(data, round_id)
