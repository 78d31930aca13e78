"""The report's numbers, tables and figures, checked as values (not pictures)."""

from __future__ import annotations

import pytest

from openai_funding.content import figures, history, paid_table, payments, tables
from openai_funding.content.data import ReportData, report_data
from openai_funding.content.facts import round_facts, usd_bn
from openai_funding.content.markdown import LINE_CHARS, Table, link, text
from support import DESCRIPTOR


@pytest.fixture(scope="module")
def data() -> ReportData:
    return report_data(str(DESCRIPTOR))


def test_headline_figures_follow_from_the_data(data: ReportData) -> None:
    f = round_facts(data)
    assert (f.amount, f.pre_money, f.post_money) == ("$110bn", "$730bn", "$840bn")
    assert f.share_text == "13.1%"  # 110 / 840
    assert f.rate_text == "1.1801"  # 110 / 93.21, derived, never stored
    assert f.amount_eur_text == "€93.21bn"
    assert f.announced == "27 February 2026"
    assert (f.closed_amount_usd, f.closed_post_money_usd) == (122_000_000_000, 852_000_000_000)
    assert f.investors == 3


@pytest.mark.parametrize(
    ("amount", "text_"), [(110e9, "$110bn"), (6.6e9, "$6.6bn"), (1e12, "$1,000bn")]
)
def test_usd_bn(amount: float, text_: str) -> None:
    assert usd_bn(amount) == text_


def test_commitments_table_holds_every_tranche(data: ReportData) -> None:
    table = tables.commitments_table(data)
    amounts = {(r["investor"], r["tranche"]): r["amount_usd"] for r in table.records}
    assert amounts == {
        ("Amazon", 1): 15_000_000_000,
        ("Amazon", 2): 35_000_000_000,
        ("Nvidia", 1): 30_000_000_000,
        ("SoftBank Group", 1): 10_000_000_000,
        ("SoftBank Group", 2): 10_000_000_000,
        ("SoftBank Group", 3): 10_000_000_000,
    }
    conditional = {(r["investor"], r["tranche"]): r["conditional"] for r in table.records}
    assert conditional[("Amazon", 2)] == "yes"
    assert conditional[("Amazon", 1)] == "no"
    assert [r["timing"] for r in table.records if r["investor"] == "SoftBank Group"] == [
        "1 April 2026",
        "1 July 2026",
        "1 October 2026",
    ]
    assert [r["timing"] for r in table.records if r["investor"] == "Amazon"] == [
        "by 31 March 2026",
        "not disclosed",
    ]


def test_agreements_table_marks_what_was_in_force_on_the_day(data: ReportData) -> None:
    records = {r["agreement_id"]: r for r in tables.agreements_table(data).records}
    assert records["azure-api-exclusivity"]["in_force_on_2026_02_27"] is True
    assert records["azure-api-exclusivity"]["exclusive"] == "yes"
    assert records["microsoft-ip-licence-2026-04"]["in_force_on_2026_02_27"] is False
    assert records["microsoft-ip-licence-2026-04"]["exclusive"] == "no"


def test_later_events_are_dated_and_ordered(data: ReportData) -> None:
    records = history.later_events_table(data).records
    kinds = [r["kind"] for r in records]
    assert kinds.count("Round update") == 2
    # SoftBank's three tranches, Nvidia's (reported), Amazon's two (the second in two parts)
    assert kinds.count("Payment") == 6
    assert kinds.count("Amendment") == 2
    assert kinds.count("Event") == 3
    assert "Report (not confirmed)" in kinds
    dates = [r["date"] for r in records]
    assert dates == sorted(dates)


def test_paid_facts_come_from_the_dated_outcomes(data: ReportData) -> None:
    p = payments.paid_facts(data)
    assert (p.as_of, p.committed, p.paid, p.paid_usd) == (
        "5 December 2026",
        "$110bn",
        "$110bn",
        1.1e11,
    )
    assert "1 April 2026" in p.paid_items
    assert "1 July 2026" in p.paid_items
    assert "SoftBank Group's tranche 3 of $10bn on 1 October 2026" in p.paid_items
    assert "Nvidia's $30bn by 2 October 2026" in p.paid_items  # reported without its day
    assert "Amazon's tranche 2 of $35bn by 31 July 2026" in p.paid_items  # in two parts
    assert p.not_known == p.conditional == p.scheduled == ""  # nothing left unpaid
    assert "scheduled" not in p.summary  # nothing is left "scheduled" in the past
    assert "\\" not in p.summary  # plain text: md() escapes it once


def test_paid_table_gives_each_tranche_its_outcome_and_sources(data: ReportData) -> None:
    table = paid_table.paid_table(data)
    states = {r["commitment_id"]: (r["state"], r["paid_usd"]) for r in table.records}
    assert states["2026-02-softbank-1"] == ("paid", 10_000_000_000)
    assert states["2026-02-softbank-3"] == ("paid", 10_000_000_000)
    assert states["2026-02-amazon-1"] == ("paid", 15_000_000_000)
    assert states["2026-02-amazon-2"] == ("paid", 35_000_000_000)
    assert sum(r["paid_usd"] for r in table.records) == 110_000_000_000
    rows = {r["commitment_id"]: row for r, row in zip(table.records, table.rows, strict=True)}
    assert "Response" in rows["2026-02-softbank-3"][5]  # the schedule's source
    assert "AI \\& Tech Daily Digest" in rows["2026-02-softbank-3"][6]  # the payment's sources
    assert "AMZN Q2 2026 earnings notes" in rows["2026-02-amazon-1"][6]
    assert "relayed" in rows["2026-02-softbank-3"][4]  # how the payment is known
    assert "by [2 October 2026]" in rows["2026-02-nvidia-1"][4]
    assert "reported\\, not confirmed" in rows["2026-02-nvidia-1"][4]
    spec = figures.paid_chart(data).to_dict()
    assert "$80bn paid, confirmed or relayed" in spec["description"]
    assert "$30bn reported paid, not confirmed" in spec["description"]


def test_questions_show_their_history(data: ReportData) -> None:
    records = {r["question_id"]: r for r in history.questions_table(data).records}
    amazon = records["amazon-35bn-conditions"]
    assert amazon["status"] == "partly-answered"
    assert amazon["history"][0] == "report (not confirmed)"  # the report came before the day
    assert "partly answered" in amazon["history"]
    assert records["nvidia-30bn-replaces-loi"]["status"] == "open"


def test_claims_table_has_every_claim_with_a_link(data: ReportData) -> None:
    table = tables.claims_table(data)
    assert len(table) == len(data["claims"])
    assert all(row[4].startswith("[") and "](<https://" in row[4] for row in table.rows)


def test_dictionary_covers_every_field(data: ReportData) -> None:
    table = tables.full_dictionary_table(data)
    expected = sum(len(r["schema"]["fields"]) for r in data.descriptor["resources"])
    assert len(table) == expected


def test_checks_table_counts_failures() -> None:
    report = {
        "checks": [
            {"suite": "a", "success": True},
            {"suite": "a", "success": False},
            {"suite": "b", "success": True},
        ]
    }
    records = tables.checks_table(report).records
    assert records == [{"suite": "a", "run": 2, "failed": 1}, {"suite": "b", "run": 1, "failed": 0}]


def test_share_chart_splits_amazon_and_totals_the_round(data: ReportData) -> None:
    frame = figures.tranches_frame(data)
    assert frame["amount_bn"].sum() == pytest.approx(110)
    amazon = frame[frame["investor"] == "Amazon"].set_index("tranche")["kind"].to_dict()
    assert amazon == {1: "upfront", 2: "on conditions"}
    assert frame.groupby("investor")["investor_share"].first().to_dict() == pytest.approx(
        {"Amazon": 50 / 110, "Nvidia": 30 / 110, "SoftBank Group": 30 / 110}
    )
    spec = figures.investment_shares(data).to_dict()
    assert "Amazon" in spec["description"]
    assert spec["config"]["range"]["category"] == figures.OKABE_ITO


def test_valuation_history_tells_primary_from_secondary(data: ReportData) -> None:
    frame = figures.valuation_frame(data)
    assert list(frame["valuation_bn"]) == [157, 300, 500, 840, 852]
    assert frame.loc[frame["valuation_bn"] == 500, "sale"].item().startswith("secondary")
    assert figures.valuation_history(data).to_dict()["description"]


def test_network_marks_exclusive_ties_as_of_the_announcement(data: ReportData) -> None:
    links = figures.links_frame(data)
    exclusive = set(links.loc[links["style"] == "exclusive", "org_id"])
    assert exclusive == {"aws", "microsoft", "microsoft-azure"}
    assert "letter of intent" in set(links.loc[links["org_id"] == "nvidia", "style"])
    assert not any("amendment" in t for t in links["tie"])  # the April 2026 records come later
    figures.agreement_network(data).to_dict()


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "*bold* @cite [x](javascript:alert(1))",
        "=HYPERLINK(1)",
    ],
)
def test_text_makes_markup_inert(hostile: str) -> None:
    escaped = text(hostile)
    assert "<" not in escaped.replace("\\<", "")
    assert "[" not in escaped.replace("\\[", "")
    assert "*" not in escaped.replace("\\*", "")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "ftp://x", "//evil", "https://a b"]
)
def test_link_accepts_only_http(url: str) -> None:
    assert "](" not in link("label", url)


def test_link_writes_http_links() -> None:
    assert link("Reuters", "https://example.org/a(b)") == "[Reuters](<https://example.org/a(b)>)"


def test_table_markdown_is_a_pipe_table() -> None:
    md = Table(["A", "B"], [[text("1"), text("x|y")]])._repr_markdown_()
    lines = md.splitlines()
    assert lines[0] == "| A | B |"
    assert lines[2] == "| 1 | x\\|y |"


def test_table_columns_follow_their_content() -> None:
    """As a browser lays out a table of automatic widths: every column at least as wide as its
    longest word, at most as wide as its longest cell, and the rest shared by what each needs."""
    name = "February 2026 round, as announced"
    sentence = "A summary of Amazon's 8-K of 27 February 2026 says: subject to milestones. " * 3
    shares = Table(["Record", "As of"], [[text(name), text("27 February 2026")]]).shares()
    assert shares[0] * LINE_CHARS >= len(name)  # room for both: the name keeps to one line
    shares = Table(["Record", "Note"], [[text(name), text(sentence)]]).shares()
    assert round(sum(shares), 9) == 1
    assert shares[0] * LINE_CHARS > len("February") + 2  # more than its longest word
    assert shares[1] > shares[0]
    weighed = Table(["Record", "Note"], [[text(name), text(sentence)]], widths=[3, 1]).shares()
    assert weighed[0] > shares[0]
    claimed = Table(["A"], [['[\\$110bn]{.claim data-claims="c026 c027"}']])
    assert claimed.shares() == [1.0]


def test_what_changed_since_the_previous_release(data: ReportData) -> None:
    from openai_funding.content import changes

    records = {r["resource"]: r for r in changes.changes_table(data).records}
    # 0.4.0 adds the French texts of the labels and changes no record of 0.3.0
    assert records == {
        "translations": {
            "resource": "translations",
            "status": "added",
            "added": len(data["translations"]),
            "removed": 0,
            "changed": 0,
        }
    }
    assert len(data["translations"]) == 105
    assert "version 0.3.0" in changes.changes_summary(data)
