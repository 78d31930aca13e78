"""The block of key figures at the top of the report: the "as of" date, the amount announced, the
pre- and post-money valuations and the money paid by the "as of" date, as a share of the amount
announced; then what that amount is, beside the larger amount the round closed at."""

from __future__ import annotations

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed, derived, join
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

        amount = short(f.amount, f.amount_usd)
        paid = short(p.paid, p.paid_usd)
        share = derived(
            lang.percent(p.paid_usd / f.amount_usd, 0),
            lang._("paid / announced = {paid} / {committed}", paid=p.paid, committed=f.amount),
            p.paid,
            f.amount,
        )
        self.items = [
            (lang._("Data as of"), as_of),
            (lang.p_("amount", "Announced"), amount),
            (lang._("Pre-money valuation"), short(f.pre_money, f.pre_money_usd)),
            (lang._("Post-money valuation"), short(f.post_money, f.post_money_usd)),
            (
                lang._("Paid by {day}", day=as_of),
                lang._("{paid} of {amount} ({share})", paid=paid, amount=amount, share=share),
            ),
        ]
        self.note = self.note_text(data, f, round_id or data.settings.round_id)

    @staticmethod
    def note_text(data: ReportData, f: object, round_id: str) -> str:
        """What "paid" is a share of: the amount announced, and the round's close (if any)."""
        lang = data.lang
        rounds = data["rounds"]
        closes = rounds[rounds["updates_round_id"] == round_id]
        what = lang._(
            "Paid is a share of the {amount} announced on {day}.",
            amount=f.amount,  # type: ignore[attr-defined]
            day=f.announced,  # type: ignore[attr-defined]
        )
        if closes.empty:
            return what
        close = closes.iloc[0]
        closed = claimed(
            data, lang.usd_bn(close["amount_usd"]), "rounds", close["round_id"], "amount_usd"
        )
        on = claimed(
            data, day_text(close["closed_on"], lang), "rounds", close["round_id"], "closed_on"
        )
        return join(
            what,
            " ",
            lang._(
                "The round closed on {day} at {closed} of committed capital ({table}): the package "
                "records the tranches of the amount announced, not those of the investors who joined "
                "at the close.",
                day=on,
                closed=closed,
                table=Marked("Table 1", markdown="@tbl-rounds-glance"),
            ),
        )

    def _repr_markdown_(self) -> str:
        head = "| " + " | ".join(text(label) for label, _ in self.items) + " |"
        sep = "|" + "|".join(":---:" for _ in self.items) + "|"
        body = "| " + " | ".join(f"**{text(value)}**" for _, value in self.items) + " |"
        return (
            f"::: {{.of-key-figures}}\n{head}\n{sep}\n{body}\n:::\n\n"
            f"::: {{.of-key-note}}\n{text(self.note)}\n:::\n"
        )


def key_figures(data: ReportData, round_id: str | None = None) -> KeyFigures:
    """The block of key figures at the top of the report."""
    return KeyFigures(data, round_id)
