"""The charts' theme: colour-blind-safe colours (Okabe-Ito), width, fonts, the description (alt
text) every chart carries, and the language its numbers and dates are written in (a French
chart writes ``13,1 %`` and ``avr. 2026``, in the page and in the PDF)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import altair as alt
import pandas as pd
from babel.dates import (
    format_date,
    get_date_format,
    get_day_names,
    get_month_names,
    get_time_format,
)
from babel.numbers import get_decimal_symbol, get_group_symbol

from openai_funding.content.language import ENGLISH, Language

#: Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
#: One colour per meaning, the same in every chart of the report: where a dollar of the round
#: stands as of the package's date (:data:`openai_funding.package.paid.STANDINGS`), and the
#: kinds of tranche that share a meaning with one of them (a scheduled instalment is
#: scheduled; a tranche on conditions is conditional). Among the charts of money (commitments,
#: money paid, the round at a glance) no colour means two things.
MEANING_COLOURS = {
    "paid": "#009E73",  # paid, confirmed or relayed by a party: bluish green
    "reported-paid": "#56B4E9",  # reported paid, not confirmed: sky blue
    "not-known": "#E69F00",  # not known to be paid: orange
    "scheduled": "#0072B2",  # scheduled after the date: blue
    "conditional": "#CC79A7",  # due only on conditions: reddish purple
    "upfront": "#D55E00",  # an upfront tranche (Figure of commitments): vermillion
    "undisclosed": "#999999",  # timing not disclosed: grey
    "into-openai": "#000000",  # money into OpenAI (Money in, money out): black
    "openai-buys": "#882255",  # what OpenAI committed to buy from an investor: wine
}
#: The text colour that reads on each meaning's colour (WCAG AA contrast for small text).
ON_COLOUR = {
    c: ("white" if c in ("#0072B2", "#000000", "#882255") else "black")
    for c in MEANING_COLOURS.values()
}
#: Every chart's whole width in pixels in the PDF, labels, axes and legend included: the page's
#: measure (:data:`openai_funding.render.charts.STATIC_WIDTH`). Each chart's SVG is scaled to the
#: text width, so all charts share one scale and one type size. In the page a chart takes its
#: column's width (``"width": "container"``), so its words keep their size on a phone.
WIDTH = 680
#: The smallest type of a chart's words, in pixels: legible on a phone, where charts are not
#: scaled down.
SMALLEST_TYPE = 11

#: CLDR date pattern letters → d3-time-format directives (the few a date or time pattern uses).
_CLDR_TO_D3 = {"dd": "%d", "d": "%-d", "MM": "%m", "M": "%-m", "y": "%Y", "yy": "%y"}
_CLDR_TO_D3 |= {"HH": "%H", "H": "%-H", "mm": "%M", "ss": "%S", "h": "%-I", "a": "%p"}


def _d3_pattern(pattern: str) -> str:
    return re.sub(r"[a-zA-Z]+", lambda m: _CLDR_TO_D3.get(m.group(0), m.group(0)), pattern)


def chart_locale(lang: Language) -> dict[str, Any]:
    """The d3 number and time formats of ``lang`` (from CLDR, through Babel, as the prose's),
    as vega-embed's options ``formatLocale`` and ``timeFormatLocale``."""
    return _chart_locale(lang.code, lang.percent(0.5, 0).replace("50", "", 1))


@cache
def _chart_locale(code: str, percent: str) -> dict[str, Any]:
    months = get_month_names("wide", context="format", locale=code)
    short_months = get_month_names("abbreviated", context="format", locale=code)
    days = get_day_names("wide", context="format", locale=code)
    short_days = get_day_names("abbreviated", context="format", locale=code)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # CLDR counts from Monday, d3 from Sunday
    return {
        "formatLocale": {
            "decimal": get_decimal_symbol(code),
            "thousands": get_group_symbol(code),
            "grouping": [3],
            "currency": ["", "\u00a0$"],
            "percent": percent,
        },
        "timeFormatLocale": {
            "dateTime": "%x %X",
            "date": _d3_pattern(get_date_format("short", locale=code).pattern),
            "time": _d3_pattern(get_time_format("medium", locale=code).pattern),
            "periods": ["AM", "PM"],
            "days": [days[i] for i in sunday_first],
            "shortDays": [short_days[i] for i in sunday_first],
            "months": [months[i] for i in range(1, 13)],
            "shortMonths": [short_months[i] for i in range(1, 13)],
        },
    }


def short_month(day: object, lang: Language = ENGLISH) -> str:
    """``Oct 2024`` / ``oct. 2024``: a date as a chart's axis writes it (``%b %Y``)."""
    when = pd.Timestamp(day)  # type: ignore[arg-type]
    if lang.code == "en":
        return f"{when:%b %Y}"
    return format_date(when.date(), "MMM y", locale=lang.code)


def chart_usd_bn(amount: float, lang: Language = ENGLISH) -> str:
    """US dollars as a chart's short label writes them: ``$50bn`` / ``50 Md$`` (the French
    press's abbreviation of *milliards de dollars*, which the prose spells out)."""
    return lang.short_usd_bn(amount)


def styled(
    chart: alt.TopLevelMixin, description: str, lang: Language = ENGLISH
) -> alt.TopLevelMixin:
    """Apply the report's theme and the chart's description (read by screen readers). The chart
    is as wide as its column in the page and :data:`WIDTH` wide in the PDF (its plot narrows to
    make room for its labels, so none is cut or leaves the frame); its axis and legend labels
    are never shortened, and a legend lists its entries one under the other, so that none runs
    past a phone's width. A chart in another
    language than English carries its number and date formats (:func:`chart_locale`) in
    ``usermeta.embedOptions``, which vega-embed reads in the page and
    :func:`openai_funding.render.charts.svg` passes to vl-convert for the PDF."""
    properties: dict[str, Any] = {
        "description": description,
        "width": "container",
        "autosize": alt.AutoSizeParams(type="fit-x", contains="padding"),
    }
    if lang.code != "en":
        properties["usermeta"] = {"embedOptions": chart_locale(lang)}
    return (
        chart.properties(**properties)
        .configure(
            font="system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"
        )
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12, grid=False, labelLimit=0)
        .configure_legend(
            labelFontSize=11, titleFontSize=12, orient="bottom", labelLimit=0, columns=1
        )
        .configure_range(category=OKABE_ITO)
    )


def flag(value: object) -> bool | None:
    """A nullable boolean cell as ``True``, ``False`` or ``None`` (missing)."""
    return None if pd.isna(value) else bool(value)
