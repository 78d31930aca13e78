"""Values that carry their claims: the Markdown spans, the claims' JSON, derived values."""

from __future__ import annotations

import json
import re

import pytest

from openai_funding.content import payments, tables
from openai_funding.content.data import ReportData, report_data
from openai_funding.content.evidence import Marked, claimed, claims_json, derived, join
from openai_funding.content.facts import round_facts
from openai_funding.content.markdown import text
from support import DESCRIPTOR

SPAN = re.compile(r'\]\{\.claim data-claims="([a-z0-9 -]+)"')


@pytest.fixture(scope="module")
def data() -> ReportData:
    return report_data(str(DESCRIPTOR))


def test_a_claimed_value_is_its_text_and_a_span_naming_its_claims(data: ReportData) -> None:
    f = round_facts(data)
    assert f.amount == "$110bn"  # still the plain text everywhere else
    assert text(f.amount) == r'[\$110bn]{.claim data-claims="c026 c027"}'
    claims = data["claims"].set_index("claim_id")
    for claim_id in SPAN.search(text(f.post_money)).group(1).split():  # type: ignore[union-attr]
        assert claims.loc[claim_id, "field"] == "post_money_valuation_usd"


def test_a_derived_value_says_how_and_names_its_inputs_claims(data: ReportData) -> None:
    share = round_facts(data).share_text
    assert share == "13.1%"
    assert isinstance(share, Marked)
    assert set(share.claims) == {"c026", "c027", "c029", "c030"}
    assert 'data-how="amount / post-money valuation = $110bn / $840bn"' in text(share)


def test_a_value_without_claims_is_plain_escaped_text(data: ReportData) -> None:
    assert claimed(data, "*x*", "rounds", "no-such-record") == "*x*"
    assert text(claimed(data, "*x*", "rounds", "no-such-record")) == r"\*x\*"


def test_markup_in_a_value_or_a_how_stays_text() -> None:
    value = derived('<b>"1"</b>', 'a "quoted" \\ how\x07', Marked("x", ["c001", 'c0" onx="1']))
    assert value.claims == ("c001",)  # an id that is not an id is dropped
    assert text(value) == (
        r'[\<b\>\"1\"\<\/b\>]{.claim data-claims="c001" .derived data-how="a ”quoted” / how"}'
    )


def test_joined_text_keeps_spans_and_spaces(data: ReportData) -> None:
    joined = join("paid ", round_facts(data).amount, " on *time*")
    assert joined == "paid $110bn on *time*"
    assert text(joined) == r'paid [\$110bn]{.claim data-claims="c026 c027"} on \*time\*'


def test_the_claims_json_cannot_close_its_script_element(data: ReportData) -> None:
    raw = claims_json(data)
    assert "<" not in raw
    assert ">" not in raw
    assert "&" not in raw
    parsed = json.loads(raw)
    assert set(parsed) == set(data["claims"]["claim_id"])
    c026 = parsed["c026"]
    assert c026["words"] in c026["quote"]
    assert (c026["status"], c026["date"]) == ("PRIMARY", "2026-02-27")
    assert c026["url"].startswith("https://")


def test_tables_and_prose_carry_claims(data: ReportData) -> None:
    assert SPAN.search(payments.paid_facts(data).summary.markdown)  # type: ignore[attr-defined]
    for table in (tables.glance_table(data), tables.commitments_table(data)):
        assert any(SPAN.search(cell) for row in table.rows for cell in row)
    claims = tables.claims_table(data)
    assert claims.rows[0][0].startswith("[")
    assert "]{#claim-c001}" in claims.rows[0][0]


def test_chart_tooltips_name_their_sources(data: ReportData) -> None:
    from openai_funding.content import figures

    for chart in (
        figures.investment_shares(data),
        figures.valuation_history(data),
        figures.agreement_network(data),
        figures.paid_chart(data),
    ):
        spec = json.dumps(chart.to_dict())
        assert '"title": "Sources"' in spec
    shares = figures.tranches_frame(data)
    assert all("(c0" in s for s in shares["sources"])  # every tranche names its claims
    valuations = figures.valuation_frame(data)
    assert "Boursorama, 2026-02-27, PRIMARY: “840 milliards de dollars” (c029)" in " ".join(
        valuations["sources"]
    )
