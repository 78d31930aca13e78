"""The HTML page in headless Chromium (see ``tests/browser.py``): every chart draws and the
console shows no error."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from render_helpers import Rendered

from browser import visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BARS = "document.querySelectorAll('div.of-chart svg .mark-rect path').length"


def open_page(page: Path) -> tuple[bool, int, list[str]]:
    """Load ``page``; return whether every chart drew, the bar marks drawn, console errors."""
    seen = visit(page, {"bars": BARS})
    return seen.charts_drawn, seen.values["bars"], seen.console_errors


def test_chart_draws_without_console_errors(features: Rendered) -> None:
    drawn, bars, errors = open_page(features.html)
    assert drawn, "the chart did not draw an <svg> or <canvas>"
    assert bars == 3  # one bar per investor
    assert errors == []


def test_three_charts_draw_on_one_page(three_charts: Path) -> None:
    soup = BeautifulSoup(three_charts.read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("script#of-vega-bundle")) == 1
    assert [d["id"] for d in soup.select("div.of-chart")] == [f"of-chart-{n}" for n in (1, 2, 3)]
    drawn, bars, errors = open_page(three_charts)
    assert drawn, "not every chart drew an <svg> or <canvas>"
    assert bars == 3 * 8
    assert errors == []
