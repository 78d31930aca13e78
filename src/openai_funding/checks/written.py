"""Read values as sources write them, in English or French (and money and dates in Chinese,
Japanese and Korean): money, quantities, dates, booleans, countries, identifiers and categories.

Each ``read_*`` function parses the words of a quote (a claim's ``value_as_written``) into a
:class:`Reading`, or returns ``None`` when the words do not state a value of that kind. The parser
knows the vocabulary (scale words, number words, month and weekday names, currency signs) rather
than a list of phrases: "110 milliards de dollars", "$110 billion", "US$110 billion", "USD 40
billion", "$15bn", "93,21 milliards d'euros", "at least 10 gigawatts", "eight years", "30 %".
:meth:`Reading.supports` then says whether the reading states a given canonical value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from openai_funding.checks.matching import normalise as _normalise
from openai_funding.checks.vocabulary import (
    BOOLEANS,
    CATEGORIES,
    CJK_CURRENCIES,
    CJK_SCALES,
    COUNTRIES,
    MONTHS,
    NUMBER_WORDS,
    QUALIFIERS,
    SCALES,
    UNIT_WORDS,
    WEEKDAYS,
)

_CURRENCY_PREFIX = r"(?P<cur>US\$|U\.S\.\s?\$|USD\s?|EUR\s?|\$|€)"
_NUMBER = r"(?P<num>\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted((*UNIT_WORDS, "€", "$"), key=len, reverse=True))
_SCALE_ALT = "|".join(re.escape(s) for s in sorted(SCALES, key=len, reverse=True))
_QUALIFIER_ALT = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

_QUANTITY = re.compile(
    rf"^(?:(?P<qual>{_QUALIFIER_ALT})\s+)?"
    r"(?:(?:an?|une?)\s+)?(?:additional\s+|further\s+|supplémentaires?\s+)?"
    rf"{_CURRENCY_PREFIX}?\s*"
    rf"(?:{_NUMBER}|(?P<word>{_WORD_ALT}))"
    rf"(?:\s*(?P<scale>{_SCALE_ALT})\.?(?![a-zà-ÿ]))?"
    r"(?:\s+(?:supplémentaires?|additional|more|de plus))?"
    rf"(?:\s*(?:de\s+|d['’]\s*)?(?P<unit>{_UNIT_ALT})(?![a-zà-ÿ]))?"
    r"(?:\s+(?:supplémentaires?|additional|more|de plus))?$",
    re.IGNORECASE,
)

_CJK_SCALE_ALT = "|".join(sorted(CJK_SCALES, key=len, reverse=True))
_CJK_CURRENCY_ALT = "|".join(sorted(CJK_CURRENCIES, key=len, reverse=True))
_CJK_QUANTITY = re.compile(
    r"^(?P<num>\d+(?:\.\d+)?)\s*"
    rf"(?P<scale>{_CJK_SCALE_ALT})?\s*(?P<unit>{_CJK_CURRENCY_ALT})$"
)


@dataclass(frozen=True)
class Reading:
    """What some written words state.

    ``kind`` is ``quantity``, ``date``, ``boolean``, ``country``, ``identifier`` or
    ``category``. A quantity has a :class:`~decimal.Decimal` ``value``, a ``unit`` (``USD``,
    ``EUR``, ``GW``, ``years``, ``%``, or ``None`` when the words name none) and a
    ``qualifier`` (``up-to``, ``at-least``, ``approximately``, or ``None``). A date has a
    :class:`~datetime.date` ``value`` and a ``precision`` (``day``, ``month`` or ``year``).
    """

    kind: str
    value: object
    unit: str | None = None
    qualifier: str | None = None
    precision: str | None = None

    def supports(self, canonical: str) -> bool:
        """Whether this reading states ``canonical`` (the value in the data's canonical form).

        Quantities compare exactly (as decimals), dates at the reading's precision, the rest
        as equal strings.
        """
        if self.kind == "quantity":
            try:
                return Decimal(canonical) == self.value
            except InvalidOperation:
                return False
        if self.kind == "date":
            try:
                other = date.fromisoformat(canonical)
            except ValueError:
                return False
            return same_date(self.value, other, self.precision or "day")  # type: ignore[arg-type]
        if self.kind == "boolean":
            return canonical == ("true" if self.value else "false")
        return canonical == self.value

    def describe(self) -> str:
        """The reading in a few words, for messages (``110000000000 USD``, ``2026-04 (month)``)."""
        if self.kind == "quantity":
            text = f"{_plain(self.value)} {self.unit or '(no unit)'}"  # type: ignore[arg-type]
            return f"{text}, {self.qualifier}" if self.qualifier else text
        if self.kind == "date":
            day: date = self.value  # type: ignore[assignment]
            shown = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}
            return f"{shown[self.precision or 'day']} ({self.precision})"
        if self.kind == "boolean":
            return "true" if self.value else "false"
        return str(self.value)


def same_date(a: date, b: date, precision: str) -> bool:
    """Whether two dates agree at ``precision`` (``day``, ``month`` or ``year``)."""
    if precision == "year":
        return a.year == b.year
    if precision == "month":
        return (a.year, a.month) == (b.year, b.month)
    return a == b


def parse_number(text: str, language: str = "en") -> Decimal | None:
    """A written number as a decimal: ``"93,21"`` → 93.21, ``"6.6"`` → 6.6, ``"1,000"`` (English)
    or ``"1 000"`` / ``"1.000"`` (French) → 1000, ``"1,234.5"`` → 1234.5.

    A single separator followed by exactly three digits is ambiguous: it groups thousands when
    it is the language's thousands separator (a comma in English, a dot in French), otherwise it
    is the decimal mark. Any other single comma or dot is the decimal mark.
    """
    text = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if m := re.fullmatch(r"(\d+)(?:([.,])(\d+))?", text):
        whole, sep, frac = m.groups()
        if sep and len(frac) == 3 and len(whole) <= 3 and sep == _THOUSANDS[language == "fr"]:
            return Decimal(whole + frac)
        return Decimal(whole + ("." + frac if sep else ""))
    if m := re.fullmatch(r"(\d{1,3}([ .,])\d{3}(?:\2\d{3})*)(?:([.,])(\d+))?", text):
        grouped, sep, mark, frac = m.groups()
        if mark == sep:
            return None
        return Decimal(grouped.replace(sep, "") + ("." + frac if frac else ""))
    return None


#: The thousands separator written with three-digit groups, by ``language == "fr"``.
_THOUSANDS = {False: ",", True: "."}


def read_quantity(text: str, language: str = "en") -> Reading | None:
    """Money or a quantity: ``"110 milliards de dollars"``, ``"US$110 billion"``, ``"$15bn"``,
    ``"up to $100 billion"``, ``"at least 10 gigawatts"``, ``"eight years"``, ``"30 %"``; money
    in Chinese, Japanese or Korean: ``"300 亿美元"``, ``"100억달러"``, ``"1.4 万亿美元"``."""
    if cjk := _CJK_QUANTITY.match(_normalise(text)):
        number = Decimal(cjk.group("num"))
        if cjk.group("scale"):
            number *= CJK_SCALES[cjk.group("scale")]
        value = number.normalize() if number == number.to_integral() else number
        return Reading("quantity", value, unit=CJK_CURRENCIES[cjk.group("unit")])
    match = _QUANTITY.match(_normalise(text))
    if not match:
        return None
    if match.group("num"):
        number = parse_number(match.group("num"), language)
    else:
        number = Decimal(NUMBER_WORDS[match.group("word").lower()])
    if number is None:
        return None
    scale = match.group("scale")
    if scale:
        number *= SCALES[scale.lower()]
    units = {_currency(match.group("cur")), _unit(match.group("unit"))} - {None}
    if len(units) > 1:
        return None  # "$110 euros" states no single unit
    qual = match.group("qual")
    return Reading(
        "quantity",
        number.normalize() if number == number.to_integral() else number,
        unit=units.pop() if units else None,
        qualifier=QUALIFIERS[qual.lower()] if qual else None,
    )


def read_date(text: str, published_on: date | None = None) -> Reading | None:
    """A date: ``"March 31, 2025"``, ``"31 mars 2025"``, ``"2026-02-27"`` (day);
    ``"November 2025"`` (month); ``"through 2032"``, ``"2032"`` (year); a weekday such as
    ``"vendredi"`` (the latest such day on or before ``published_on``); a bare month such as
    ``"April"`` (month, in the year of ``published_on``); Japanese ``"2026年4月1日"`` (day) and
    ``"4月1日"`` (day, in the year of ``published_on``), also with spaces (``"2026 年 4 月 1 日"``)
    and in Korean (``"2026년 10월 1일"``)."""
    words = _normalise(text).lower().rstrip(".")
    if m := re.fullmatch(r"(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]", words):
        if m[1] is None and published_on is None:
            return None
        year = int(m[1]) if m[1] else published_on.year  # type: ignore[union-attr]
        return _date_reading(year, int(m[2]), int(m[3]), "day")
    words = re.sub(
        r"^(?:on|le|through|until|till|jusqu'en|jusqu’en|in|en|by|d'ici|au plus tard le)\s+",
        "",
        words,
    )
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", words):
        return _date_reading(int(m[1]), int(m[2]), int(m[3]), "day")
    if m := re.fullmatch(r"([a-zà-ÿ]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", words):
        return _month_date(m[1], m[3], m[2])
    if m := re.fullmatch(r"(\d{1,2})(?:er|st|nd|rd|th)?\s+([a-zà-ÿ]+)\.?,?\s+(\d{4})", words):
        return _month_date(m[2], m[3], m[1])
    if m := re.fullmatch(r"([a-zà-ÿ]+)\.?\s+(\d{4})", words):
        return _month_date(m[1], m[2], None)
    if m := re.fullmatch(r"(\d{4})", words):
        return _date_reading(int(m[1]), 12, 31, "year")
    if published_on is None:
        return None
    if words in WEEKDAYS:
        back = (published_on.weekday() - WEEKDAYS[words]) % 7
        return Reading("date", published_on - timedelta(days=back), precision="day")
    if words in MONTHS:
        return _date_reading(published_on.year, MONTHS[words], 1, "month")
    m = re.fullmatch(r"([a-zà-ÿ]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?", words)
    if m and m[1] in MONTHS:
        return _date_reading(published_on.year, MONTHS[m[1]], int(m[2]), "day")
    return None


def read_boolean(text: str, concept: str) -> Reading | None:
    """A yes/no for ``concept`` (``exclusive`` or ``conditional``): ``"exclusif"`` → true,
    ``"non-exclusive"``, ``"ending key exclusivity terms"`` → false; ``"contingent on
    conditions"`` → true, ``"upfront"`` → false."""
    if concept not in BOOLEANS:
        return None
    words = _normalise(text).lower()
    yes, no = BOOLEANS[concept]
    if any(re.search(rf"(?<![\w-]){p}", words) for p in no):
        return Reading("boolean", False)
    if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", words) for w in yes):
        return Reading("boolean", True)
    return None


def read_country(text: str) -> Reading | None:
    """A country from its name or adjective: ``"U.S."``, ``"U.S.-based"``, ``"Japanese"``."""
    words = _normalise(text).lower()
    words = re.sub(r"[-\s](?:based|headquartered)$", "", words)
    code = COUNTRIES.get(words)
    return Reading("country", code) if code else None


def read_identifier(text: str) -> Reading | None:
    """An identifier (a RIC such as ``NVDA.O``, a Wikidata QID such as ``Q3884``) as written."""
    words = text.strip()
    if re.fullmatch(r"[0-9A-Z]+\.[A-Z]+|Q[1-9][0-9]*", words):
        return Reading("identifier", words)
    return None


def read_category(text: str) -> Reading | None:
    """An enumerated value stated in words: ``"secondary"``, ``"secondaire"`` → ``secondary``."""
    value = CATEGORIES.get(_normalise(text).lower())
    return Reading("category", value) if value else None


def _date_reading(year: int, month: int, day: int, precision: str) -> Reading | None:
    try:
        return Reading("date", date(year, month, day), precision=precision)
    except ValueError:
        return None


def _month_date(month: str, year: str, day: str | None) -> Reading | None:
    if month not in MONTHS:
        return None
    if day is None:
        return _date_reading(int(year), MONTHS[month], 1, "month")
    return _date_reading(int(year), MONTHS[month], int(day), "day")


def _currency(sign: str | None) -> str | None:
    if not sign:
        return None
    sign = sign.strip().upper()
    return "EUR" if sign in ("€", "EUR") else "USD"


def _unit(word: str | None) -> str | None:
    if not word:
        return None
    if word in ("$", "€"):
        return _currency(word)
    return UNIT_WORDS[" ".join(word.lower().split())]


def _plain(value: Decimal) -> str:
    return format(value, "f")
