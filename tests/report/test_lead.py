"""The report's opening: one sentence, computed from the data, that says how much of the round
was paid by the "as of" date and how sure that is; the chart of the whole round beside it; the
key figures that say what "paid" is a share of; and one colour per meaning in the charts of
money."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import altair as alt

from openai_funding.content import figures, key_figures, lead
from openai_funding.content.data import ReportData, report_data
from openai_funding.content.theme import MEANING_COLOURS

SPAN = re.compile(r'\]\{\.claim data-claims="([a-z0-9 -]+)"')
NBSP = "\u00a0"


def spans(markdown: str) -> Counter[str]:
    return Counter(c for ids in SPAN.findall(markdown) for c in ids.split())


def test_the_opening_says_how_much_was_paid_and_how_it_is_known(en: ReportData) -> None:
    opening = lead.lead(en)
    assert (opening.paid_usd, opening.committed_usd) == (110 * 10**9, 110 * 10**9)
    # the strongest grade first, then by investor
    assert opening.paragraph == (
        "By 5 December 2026, $110bn had been paid, the whole of the $110bn announced: "
        "Amazon's $50bn, by its own statement or filing, as relayed by others; "
        "SoftBank Group's $30bn, by its own statement or filing, as relayed by others; "
        "Nvidia's $30bn, reported by the press but not confirmed."
    )


def test_every_number_of_the_opening_carries_its_evidence(en: ReportData) -> None:
    markdown = lead.lead(en).paragraph.markdown  # type: ignore[attr-defined]
    claims = spans(markdown)
    # SoftBank's three payments (sum), Nvidia's payment, Amazon's three
    assert {"c098", "c100", "c113", "c120", "c300", "c302", "c304"} <= set(claims)
    # the sums say how they were computed
    assert 'data-how="sum of the payments: $10bn + $10bn + $10bn"' in markdown
    assert 'data-how="sum of the payments: $15bn + $35bn"' in markdown
    assert markdown.startswith("::: {.of-lead}") is False  # the paragraph; the block wraps it
    assert lead.lead(en)._repr_markdown_().startswith("::: {.of-lead}\n")


def test_the_opening_is_computed_from_the_outcomes(package_copy: Path) -> None:
    """Without Nvidia's reported payment and Amazon's second tranche, the sentence says $45bn
    paid, all relayed, that whether Nvidia's $30bn was paid is not known, and that Amazon's
    second tranche is due only on conditions."""
    outcomes = package_copy.parent / "data" / "outcomes.csv"
    kept = [
        line
        for line in outcomes.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.startswith(("2026-02-nvidia-1-paid,", "2026-02-amazon-2-paid"))
    ]
    outcomes.write_text("".join(kept), encoding="utf-8")
    opening = lead.lead(report_data(str(package_copy)))
    assert opening.paid_usd == 45 * 10**9
    paragraph = opening.paragraph
    assert paragraph.startswith(
        "By 5 December 2026, $45bn of the $110bn announced had been paid (40.9%): "
        "Amazon's $15bn, by its own statement or filing, as relayed by others; "
        "SoftBank Group's $30bn, by its own statement or filing, as relayed by others. "
    )
    assert "reported by the press" not in paragraph
    assert "Whether Nvidia's $30bn was paid is not known as of that date" in paragraph
    assert "Amazon's tranche 2 of $35bn is due only when its conditions are met." in paragraph


def test_the_french_opening_states_the_same_values(en: ReportData, fr: ReportData) -> None:
    english, french = lead.lead(en), lead.lead(fr)
    assert french.paragraph.startswith(
        f"Au 5 décembre 2026, 110{NBSP}milliards de dollars avaient été versés, soit la "
        f"totalité des 110{NBSP}milliards de dollars annoncés{NBSP}: 50{NBSP}milliards de "
        "dollars d’Amazon, selon sa propre déclaration ou son document officiel, relayés par "
        "d’autres"
    )
    assert f"30{NBSP}milliards de dollars de Nvidia, selon la presse, sans confirmation" in (
        french.paragraph
    )
    assert spans(french.paragraph.markdown) == spans(english.paragraph.markdown)  # type: ignore[attr-defined]


def test_the_key_figures_say_what_paid_is_a_share_of(en: ReportData) -> None:
    block = key_figures.key_figures(en)
    labels = [label for label, _ in block.items]
    assert labels[1] == "Announced"
    assert str(block.items[-1][1]) == "$110bn of $110bn (100%)"
    note = block.note
    assert note.startswith("Paid is a share of the $110bn announced on 27 February 2026.")
    assert "closed on 31 March 2026 at $122bn of committed capital" in note
    assert "@tbl-rounds-glance" in note.markdown  # type: ignore[attr-defined]  # a cross-reference
    assert {"c035", "c034", "c026"} <= set(spans(note.markdown))  # type: ignore[attr-defined]


def colours(spec: dict[str, Any]) -> dict[str, str]:
    """Every colour scale of a spec: label → colour."""
    out: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            scale = node.get("scale") if isinstance(node.get("scale"), dict) else None
            if scale and "domain" in scale and "range" in scale and node.get("field") != "ink":
                out.update(zip(scale["domain"], scale["range"], strict=True))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return out


#: The charts of money, and what each of their labels means.
MONEY: dict[str, Callable[[ReportData], alt.TopLevelMixin]] = {
    "shares": figures.investment_shares,
    "paid": figures.paid_chart,
    "round": figures.round_chart,
}
MEANINGS = {
    "upfront": "upfront",
    "on conditions": "conditional",
    "scheduled instalment": "scheduled",
    "scheduled": "scheduled",
    "timing not disclosed": "undisclosed",
    "paid, confirmed or relayed": "paid",
    "reported paid, not confirmed": "reported-paid",
    "not known to be paid": "not-known",
}


def test_one_colour_per_meaning_in_the_charts_of_money(en: ReportData) -> None:
    used: dict[str, set[str]] = {}
    for name, make in MONEY.items():
        for label, colour in colours(make(en).to_dict()).items():
            meaning = MEANINGS[label]
            assert colour == MEANING_COLOURS[meaning], (name, label)
            used.setdefault(colour, set()).add(meaning)
    assert all(len(meanings) == 1 for meanings in used.values()), used
    # the round's chart shows every standing of its money, in the charts' order
    round_colours = colours(figures.round_chart(en).to_dict())
    assert list(round_colours) == ["paid, confirmed or relayed", "reported paid, not confirmed"]


def test_the_round_chart_takes_the_column_s_width_and_writes_its_amounts(
    en: ReportData,
) -> None:
    spec = figures.round_chart(en).to_dict()
    assert spec["width"] == "container"
    amounts, standings = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    assert amounts["encoding"]["text"]["field"] == "text"
    parts = spec["datasets"][spec["data"]["name"]]  # the bar's layers share the parts
    assert [row["text"] for row in parts] == ["$80bn", "$30bn"]
    assert sum(row["amount_bn"] for row in parts) == 110
    # each part's standing written under it, in place of a legend
    assert "legend" not in spec["config"] or all(
        layer["encoding"].get("color", {}).get("legend", None) is None for layer in spec["layer"]
    )
    named = spec["datasets"][standings["data"]["name"]]
    assert [(r["text"], r["align"]) for r in named] == [
        ("paid, confirmed or relayed", "left"),  # from the bar's left end
        ("reported paid, not confirmed", "right"),  # ending at its right end, inside the chart
    ]
