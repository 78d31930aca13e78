"""The report's languages: its words (a message catalog) and how it writes numbers, money,
percentages, dates and lists (CLDR, through Babel).

The English edition's words are the messages themselves; the French edition's are in
``locale/fr/*.po`` (gettext catalogs, one per part of the report), read with Babel. Code marks
a message with ``lang._("...")`` (``lang.p_("context", "...")`` where one English word has two
senses; :func:`N_` where it is only listed, in a constant), so
``pybabel extract`` and the tests find every one of them. A message can hold ``{name}``
placeholders: :meth:`Language._` fills them and keeps the claims of the values it puts in
(:func:`~openai_funding.content.marked.join`).

The descriptor's own texts that the report shows (the titles and descriptions of the resources,
the descriptions of the fields: its data dictionary) are translated in another catalog,
``locale/<code>/dictionary.po`` (:data:`DICTIONARY`), keyed by the English text itself, so that
a changed English text shows as untranslated; :meth:`Language.d_` reads it. Quotes stay in the
language they were written in, and the data's labels have their texts in the package's
``translations`` table.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from openai_funding.content.marked import join

#: The editions: English first (the messages' own language), then French.
LANGUAGES = ("en", "fr")

#: The catalog (gettext domain) of the descriptor's texts, ``locale/<code>/dictionary.po``: its
#: messages come from ``datapackage.json``, not from the code, so the report's other catalogs
#: never hold them.
DICTIONARY = "dictionary"


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is only listed (a constant); translate it where
    it is used, with ``lang._(value)``."""
    return message


@dataclass(frozen=True)
class Language:
    """One edition's words and formats. ``code`` is a BCP 47 tag (``en``, ``fr``)."""

    code: str
    messages: Mapping[str, str]
    dictionary: Mapping[str, str] = field(default_factory=dict)

    def _(self, message: str, /, **values: object) -> str:
        """``message`` in this language, its ``{name}`` placeholders filled with ``values``; the
        result keeps the claims of the values (a :class:`~.marked.Marked` when any has some)."""
        return self._fill(self.messages.get(message) or message, values)

    def p_(self, context: str, message: str, /, **values: object) -> str:
        """``message`` in the sense ``context`` names (gettext's ``pgettext``): the same English
        word can need two translations ("Record": a financing round, a row of a table)."""
        return self._fill(self.messages.get(f"{context}\x04{message}") or message, values)

    def d_(self, text: str, /) -> str:
        """A text of the descriptor (a resource's title or description, a field's description)
        in this language, from the :data:`DICTIONARY` catalog; the English text itself when it
        has none there (a test and the rule ``described_texts`` refuse that in the French
        edition)."""
        return self.dictionary.get(text) or text

    @staticmethod
    def _fill(translated: str, values: Mapping[str, object]) -> str:
        if not values:
            return translated
        pieces: list[object] = []
        for literal, name, spec, _conversion in string.Formatter().parse(translated):
            if literal:
                pieces.append(literal)
            if name is not None:
                value = values[name]
                pieces.append(format(value, spec) if spec else value)
        return join(*pieces)

    # numbers -----------------------------------------------------------------------------

    def number(self, value: float, digits: int = 0) -> str:
        """``1,234.5`` / ``1 234,5`` with exactly ``digits`` decimals."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, pattern, locale=self.code)

    def short_number(self, value: float) -> str:
        """A number with one decimal only when it has one: ``110``, ``6.6`` / ``6,6``."""
        return format_decimal(round(float(value), 1), "#,##0.#", locale=self.code)

    def percent(self, share: float, digits: int = 1) -> str:
        """``13.1%`` / ``13,1 %`` (the locale's pattern: a no-break space before the sign in
        French), with exactly ``digits`` decimals."""
        pattern = Locale.parse(self.code).percent_formats[None].pattern
        decimals = "#,##0" + ("." + "0" * digits if digits else "")
        return format_percent(share, pattern.replace("#,##0", decimals, 1), locale=self.code)

    def money_bn(self, amount: float, currency: str = "USD", digits: int | None = None) -> str:
        """Billions as the press writes them: ``$110bn``, ``€93.21bn`` / ``110 milliards de
        dollars``, ``93,21 milliards d'euros``, ``1 milliard de dollars``. ``digits`` fixes the
        decimals (else one decimal only when there is one)."""
        bn = float(amount) / 1e9
        figure = self.short_number(bn) if digits is None else self.number(bn, digits)
        if self.code == "fr":
            scale = "milliard" if abs(bn) < 2 else "milliards"
            unit = "de dollars" if currency == "USD" else "d’euros"
            return f"{figure}\u00a0{scale} {unit}"
        sign = "$" if currency == "USD" else "€"
        return f"{sign}{figure}bn"

    def usd_bn(self, amount: float) -> str:
        return self.money_bn(amount, "USD")

    def short_usd_bn(self, amount: float) -> str:
        """US dollars where room is short (a chart's label, the key figures): ``$50bn`` / ``50
        Md$``, the French press's abbreviation of *milliards de dollars*, which prose spells
        out."""
        if self.code == "fr":
            return f"{self.short_number(float(amount) / 1e9)}\u00a0Md$"
        return self.usd_bn(amount)

    # dates -------------------------------------------------------------------------------

    def long_date(self, day: date | pd.Timestamp) -> str:
        """``27 February 2026`` / ``27 février 2026``, ``1er avril 2026``."""
        when = pd.Timestamp(day).date()
        if self.code == "fr" and when.day == 1:
            return "1er " + format_date(when, "MMMM y", locale=self.code)
        return format_date(when, "d MMMM y", locale=self.code)

    def month_year(self, day: date | pd.Timestamp) -> str:
        """``April 2026`` / ``avril 2026``."""
        return format_date(pd.Timestamp(day).date(), "MMMM y", locale=self.code)

    # lists -------------------------------------------------------------------------------

    def items(self, parts: Sequence[object]) -> str:
        """``a``, ``a and b``, ``a, b and c`` / ``a, b et c``; claims kept."""
        if len(parts) <= 1:
            return join(*parts)
        last = self._(" and ")
        pieces: list[object] = []
        for n, part in enumerate(parts):
            pieces.append(part)
            if n < len(parts) - 2:
                pieces.append(", ")
            elif n == len(parts) - 2:
                pieces.append(last)
        return join(*pieces)


def _catalog(code: str, *, dictionary: bool = False) -> dict[str, str]:
    """Every translated message of ``locale/<code>/*.po`` but the :data:`DICTIONARY` catalog
    (of that one only with ``dictionary``); fuzzy and empty entries skipped."""
    folder = resources.files("openai_funding.content") / "locale" / code
    messages: dict[str, str] = {}
    if not folder.is_dir():
        return messages
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".po") or (entry.name == f"{DICTIONARY}.po") != dictionary:
            continue
        with entry.open("rb") as fh:
            catalog = read_po(fh, locale=code, domain=entry.name[:-3])
        for message in catalog:
            if message.id and message.string and not message.fuzzy:
                key = str(message.id)
                messages[f"{message.context}\x04{key}" if message.context else key] = str(
                    message.string
                )
    return messages


@cache
def language(code: str = "en") -> Language:
    """The edition in ``code`` (one of :data:`LANGUAGES`)."""
    if code not in LANGUAGES:
        raise ValueError(f"no edition in {code!r}: the report is written in {', '.join(LANGUAGES)}")
    if code == "en":
        return ENGLISH
    return Language(code, _catalog(code), _catalog(code, dictionary=True))


def dictionary_catalog(code: str) -> dict[str, str]:
    """The translated texts of the descriptor in ``code`` (English text → its translation), from
    ``locale/<code>/dictionary.po``; empty for a language without that catalog."""
    return _catalog(code, dictionary=True)


ENGLISH = Language("en", {})
