"""The written-value parser: numbers, money, quantities, dates, booleans, countries, identifiers."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openai_funding.checks import matching, written

FRIDAY = date(2026, 2, 27)


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "qualifier"),
    [
        ("110 milliards de dollars", "fr", 110_000_000_000, "USD", None),
        ("93,21 milliards d'euros", "fr", 93_210_000_000, "EUR", None),
        ("93,21 milliards d’euros", "fr", 93_210_000_000, "EUR", None),
        ("$110 billion", "en", 110_000_000_000, "USD", None),
        ("US$110 billion", "en", 110_000_000_000, "USD", None),
        ("USD 40 billion", "en", 40_000_000_000, "USD", None),
        ("$15bn", "en", 15_000_000_000, "USD", None),
        ("$730bn", "en", 730_000_000_000, "USD", None),
        ("$6.6 billion", "en", 6_600_000_000, "USD", None),
        ("€93.21bn", "en", 93_210_000_000, "EUR", None),
        ("$1.2 trillion", "en", 1_200_000_000_000, "USD", None),
        ("250 millions de dollars", "fr", 250_000_000, "USD", None),
        ("2 gigawatts", "fr", 2, "GW", None),
        ("10 GW", "en", 10, "GW", None),
        ("at least 10 gigawatts", "en", 10, "GW", "at-least"),
        ("approximately 2 gigawatts", "en", 2, "GW", "approximately"),
        ("up to $100 billion", "en", 100_000_000_000, "USD", "up-to"),
        ("jusqu'à 100 milliards de dollars", "fr", 100_000_000_000, "USD", "up-to"),
        ("some $38 billion", "en", 38_000_000_000, "USD", "approximately"),
        ("an additional $100 billion", "en", 100_000_000_000, "USD", None),
        ("an additional US$100 billion", "en", 100_000_000_000, "USD", None),
        ("35 milliards", "fr", 35_000_000_000, None, None),
        ("eight years", "en", 8, "years", None),
        ("seven years", "en", 7, "years", None),
        ("twelve years", "en", 12, "years", None),
        ("trois ans", "fr", 3, "years", None),
        ("douze ans", "fr", 12, "years", None),
        ("30 %", "fr", 30, "%", None),
        ("30%", "en", 30, "%", None),
        ("12,5 %", "fr", Decimal("12.5"), "%", None),
        ("1,000 dollars", "en", 1000, "USD", None),
        ("1 000 euros", "fr", 1000, "EUR", None),
        ("1.000 euros", "fr", 1000, "EUR", None),
        ("1,234.5 million dollars", "en", 1_234_500_000, "USD", None),
    ],
)
def test_reads_quantities(
    text: str, language: str, value: int | Decimal, unit: str | None, qualifier: str | None
) -> None:
    reading = written.read_quantity(text, language)
    assert reading is not None, text
    assert reading.value == Decimal(value)
    assert reading.unit == unit
    assert reading.qualifier == qualifier
    assert reading.supports(str(value))


@pytest.mark.parametrize(
    "text",
    ["", "billion", "$110 euros", "110 milliards de dollars environ et plus", "n/a", "1,2,3"],
)
def test_rejects_what_is_not_a_quantity(text: str) -> None:
    assert written.read_quantity(text, "fr") is None


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("110 milliards de dollars", "111000000000"),  # the quote's number differs
        ("93,21 milliards d'euros", "9321000000"),  # a scale off by ten
        ("$15bn", "15000000"),  # millions, not billions
        ("eight years", "7"),
    ],
)
def test_a_different_number_is_not_supported(text: str, canonical: str) -> None:
    reading = written.read_quantity(text, "fr")
    assert reading is not None
    assert not reading.supports(canonical)


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("93,21", "fr", "93.21"),
        ("6.6", "en", "6.6"),
        ("1,000", "en", "1000"),
        ("1,000", "fr", "1.000"),
        ("1.000", "fr", "1000"),
        ("1.000", "en", "1.000"),
        ("1 000 000", "fr", "1000000"),
        ("1,000,000", "en", "1000000"),
        ("1.234,5", "fr", "1234.5"),
    ],
)
def test_parses_numbers_by_language(text: str, language: str, number: str) -> None:
    assert written.parse_number(text, language) == Decimal(number)


@pytest.mark.parametrize("text", ["1,000,00", "1.000,000.5", "", "abc", "1,,0"])
def test_rejects_malformed_numbers(text: str) -> None:
    assert written.parse_number(text, "en") is None


@pytest.mark.parametrize(
    ("text", "canonical", "precision"),
    [
        ("March 31, 2025", "2025-03-31", "day"),
        ("April 27, 2026", "2026-04-27", "day"),
        ("September 22, 2025", "2025-09-22", "day"),
        ("31 mars 2025", "2025-03-31", "day"),
        ("1er avril 2026", "2026-04-01", "day"),
        ("2026-02-27", "2026-02-27", "day"),
        ("November 2025", "2025-11-01", "month"),
        ("novembre 2025", "2025-11-30", "month"),
        ("through 2032", "2032-12-31", "year"),
        ("jusqu'en 2032", "2032-01-01", "year"),
        ("vendredi", "2026-02-27", "day"),
        ("Friday", "2026-02-27", "day"),
        ("Thursday", "2026-02-26", "day"),
        ("lundi", "2026-02-23", "day"),
        ("April", "2026-04-01", "month"),
        ("October", "2026-10-31", "month"),
        ("Feb 27", "2026-02-27", "day"),
        ("au plus tard le 31 mars 2026", "2026-03-31", "day"),
    ],
)
def test_reads_dates(text: str, canonical: str, precision: str) -> None:
    reading = written.read_date(text, FRIDAY)
    assert reading is not None, text
    assert reading.precision == precision
    assert reading.supports(canonical)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("March 31, 2025", "2025-03-30"),
        ("November 2025", "2025-12-01"),
        ("through 2032", "2031-12-31"),
        (
            "vendredi",
            "2026-02-20",
        ),  # the latest Friday on or before publication, not the one before
        ("April", "2027-04-01"),  # a bare month is in the source's year
    ],
)
def test_a_different_date_is_not_supported(text: str, canonical: str) -> None:
    reading = written.read_date(text, FRIDAY)
    assert reading is not None
    assert not reading.supports(canonical)


def test_reads_japanese_dates() -> None:
    march = date(2026, 3, 4)
    reading = written.read_date("10月1日", march)
    assert reading is not None
    assert reading.precision == "day"
    assert reading.supports("2026-10-01")
    assert written.read_date("2025年12月26日").supports("2025-12-26")  # type: ignore[union-attr]
    assert written.read_date("10月1日", None) is None  # the year comes from the publication


def test_weekdays_and_bare_months_need_the_publication_date() -> None:
    assert written.read_date("vendredi", None) is None
    assert written.read_date("April", None) is None
    assert written.read_date("Smarch 3, 2025", FRIDAY) is None
    assert written.read_date("February 30, 2026", FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "concept", "value"),
    [
        ("exclusif", "exclusive", True),
        ("exclusive", "exclusive", True),
        ("non-exclusive", "exclusive", False),
        ("non exclusif", "exclusive", False),
        ("no longer exclusive", "exclusive", False),
        ("ending key exclusivity terms", "exclusive", False),
        ("lorsque certaines conditions seront remplies", "conditional", True),
        ("contingent on conditions", "conditional", True),
        ("upfront", "conditional", False),
        ("initial", "conditional", False),
    ],
)
def test_reads_booleans(text: str, concept: str, value: bool) -> None:
    reading = written.read_boolean(text, concept)
    assert reading is not None
    assert reading.value is value
    assert reading.supports("true" if value else "false")
    assert not reading.supports("false" if value else "true")


def test_boolean_words_need_their_concept() -> None:
    assert written.read_boolean("upfront", "exclusive") is None
    assert written.read_boolean("exclusif", "conditional") is None
    assert written.read_boolean("exclusif", "unknown") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("U.S.", "US"),
        ("U.S.-based", "US"),
        ("American", "US"),
        ("Japanese", "JP"),
        ("japonais", "JP"),
    ],
)
def test_reads_countries(text: str, code: str) -> None:
    reading = written.read_country(text)
    assert reading is not None
    assert reading.supports(code)
    assert not reading.supports("FR")


def test_identifiers_are_read_as_written() -> None:
    assert written.read_identifier("NVDA.O").supports("NVDA.O")  # type: ignore[union-attr]
    assert written.read_identifier("Q3884").supports("Q3884")  # type: ignore[union-attr]
    assert not written.read_identifier("Q3884").supports("Q388")  # type: ignore[union-attr]
    assert written.read_identifier("Nvidia") is None
    assert written.read_identifier("Q0") is None


def test_categories() -> None:
    assert written.read_category("secondary").supports("secondary")  # type: ignore[union-attr]
    assert written.read_category("secondaire").supports("secondary")  # type: ignore[union-attr]
    assert written.read_category("tertiary") is None


@pytest.mark.parametrize(
    ("words", "quote", "found"),
    [
        ("NVDA.O", "30 milliards de dollars de Nvidia NVDA.O et", True),
        ("U.S.", "leading U.S. semiconductor firm", True),
        ("35 milliards", "suivi de 35 milliards supplémentaires", True),
        ("$122bn", "closed the round with $122 billion", False),
        ("5 milliards", "35 milliards", False),  # whole words only
        ("", "anything", False),
        # Japanese writes no spaces: the words stand between Japanese characters.
        ("4月1日", "ファーストトランシェの出資実行は4月1日(予定)", True),
        ("4月1日", "出資実行は14月1日", False),  # still not inside a number
    ],
)
def test_words_in_quote(words: str, quote: str, found: bool) -> None:
    assert matching.in_quote(words, quote) is found


#: Letters, digits, spaces and punctuation of spaced and unspaced scripts, to mix.
_TEXT = st.text(alphabet="ab1 0.,-$ ’'億月억、", max_size=12)


@given(needle=_TEXT, quote=_TEXT)
def test_words_in_quote_as_the_whole_word_pattern_finds_them(needle: str, quote: str) -> None:
    """``in_quote`` finds what the pattern ``(?<!W)words(?!W)`` finds, W a letter or digit of a
    script that separates words with spaces, as it was first written."""
    words, text = matching.normalise(needle), matching.normalise(quote)
    w = matching._SPACED_WORD
    expected = bool(words) and re.search(rf"(?<!{w}){re.escape(words)}(?!{w})", text) is not None
    assert matching.in_quote(needle, quote) is expected
