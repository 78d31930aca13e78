"""Money in, money out: what each investor put into OpenAI beside what OpenAI committed to buy
from it, every value with its evidence, the ratio only where both sides are money, and compute
in gigawatts kept in gigawatts."""

from __future__ import annotations

import re
from collections import Counter

from openai_funding import load
from openai_funding.content import money, money_chart
from openai_funding.content.data import ReportData
from openai_funding.content.theme import MEANING_COLOURS
from support import DESCRIPTOR

SPAN = re.compile(r'\]\{\.claim data-claims="([a-z0-9 -]+)"')


def spans(cells: list[str]) -> Counter[str]:
    return Counter(c for cell in cells for ids in SPAN.findall(cell) for c in ids.split())


def test_each_investor_in_beside_out(en: ReportData) -> None:
    table = money.money_table(en)
    records = {r["investor"]: r for r in table.records}
    assert list(records) == ["amazon", "nvidia", "microsoft"]  # by the money put in
    assert records["amazon"] == {
        "investor": "amazon",
        "in_usd": 50 * 10**9,
        "out_usd": 138 * 10**9,  # $38bn over seven years, then $100bn more over eight
        "out_gw": 2.0,
        "ratio": 2.76,
    }
    assert records["nvidia"]["out_usd"] == 0  # 10 GW of systems, no dollar figure stated
    assert records["nvidia"]["out_gw"] == 10.0
    assert records["nvidia"]["ratio"] is None
    assert records["microsoft"]["in_usd"] == 11_900_000_000  # funded, as of its 10-K
    assert records["microsoft"]["out_usd"] == 250 * 10**9
    assert records["microsoft"]["ratio"] == 21.01


def test_every_figure_opens_its_quote(en: ReportData) -> None:
    table = money.money_table(en)
    rows = {r["investor"]: row for r, row in zip(table.records, table.rows, strict=True)}
    amazon = rows["amazon"]
    assert spans([amazon[1]]) == Counter({"c039": 1})  # the $50bn of the round
    assert {"c203", "c207"} <= set(spans([amazon[2]]))  # $38bn and $100bn, summed
    assert 'data-how="sum of the commitments in US dollars: $38bn + $100bn"' in amazon[2]
    assert "about [2 GW]" in amazon[3]  # GW stays GW
    assert 'data-how="committed to buy / put in = $138bn / $50bn"' in amazon[4]
    nvidia = rows["nvidia"]
    assert nvidia[4] == "not comparable"
    assert "at least [10 GW]" in nvidia[3]
    purchases = money.purchases_table(en)
    for row in purchases.rows:  # every commitment: its amount or GW, and its date, claimed
        assert SPAN.search(row[1]), row
        assert SPAN.search(row[3]), row


def test_the_french_section_states_the_same_values(en: ReportData, fr: ReportData) -> None:
    english, french = money.money_table(en), money.money_table(fr)
    assert english.records == french.records
    assert spans([c for r in english.rows for c in r]) == spans([c for r in french.rows for c in r])
    assert french.columns[4] == "Achats engagés ÷ apport"
    assert french.rows[0][4].startswith("[2\\,76]")  # a French decimal comma, escaped


def test_one_chart_per_investor_over_the_years(en: ReportData) -> None:
    frame = money_chart.money_frame(en, "amazon")
    assert list(frame["row"]) == [
        "Put into OpenAI",
        "OpenAI to buy from Amazon Web Services (AWS)\nstated 3 November 2025",
        "OpenAI to buy from Amazon Web Services (AWS)\nstated 27 February 2026",
        "OpenAI to buy from Amazon\nstated 27 February 2026",
    ]
    spans_years = [(r.end - r.start).days // 365 for r in frame.itertuples(index=False)]
    assert spans_years == [0, 7, 8, 0]  # a point, seven years, eight years, no term stated
    assert frame["label"].iloc[-1] == "about 2 GW, no term stated"
    spec = money_chart.money_chart(en, "nvidia").to_dict()
    colours = spec["layer"][0]["encoding"]["color"]["scale"]["range"]
    assert colours == [MEANING_COLOURS["into-openai"], MEANING_COLOURS["openai-buys"]]
    # the rows name the money's direction, on two lines, so no legend decodes the colours
    assert spec["layer"][0]["encoding"]["color"]["legend"] is None
    assert "split(datum.label" in spec["layer"][0]["encoding"]["y"]["axis"]["labelExpr"]
    assert "at least 10 GW" in spec["description"]


def test_load_reads_both_directions() -> None:
    tables = load(DESCRIPTOR)
    purchases = tables["purchase_commitments"]
    assert str(purchases["amount_usd"].dtype) == "Int64"
    assert str(purchases["stated_on"].dtype).startswith("datetime64")
    assert set(tables["stakes"]["investor_org_id"]) == {"microsoft", "softbank-group"}
