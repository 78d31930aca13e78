"""Both editions of the published page as readers meet it, in headless Chromium: on a desktop
(1280 px) and on phones (390 and 360 px), with a keyboard and a screen reader (axe-core's WCAG
2.2 AA and best-practice rules, ``target-size`` included: see ``tests/accessibility.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accessibility import (
    CHART_TEXT,
    HEIGHT,
    SIDEWAYS,
    axe,
    cut_text,
    pages,
    small_text,
    summary,
)
from browser import visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP, PHONE, NARROW_PHONE = (1280, 800), (390, 844), (360, 740)
EDITIONS = ["en", "fr"]


@pytest.fixture(scope="module")
def editions(built_site: Path) -> dict[str, Path]:
    """The two pages of the site built once per run (tests/conftest.py); read, never changed."""
    return pages(built_site / "_site")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280px", "390px"])
@pytest.mark.parametrize("lang", EDITIONS)
def test_axe_finds_no_violation(
    editions: dict[str, Path], lang: str, size: tuple[int, int]
) -> None:
    seen = visit(editions[lang], {"violations": axe()}, viewport=size)
    assert seen.values["violations"] == [], "\n".join(summary(seen.values["violations"]))


@pytest.mark.parametrize("lang", EDITIONS)
def test_nothing_scrolls_sideways_on_a_phone(editions: dict[str, Path], lang: str) -> None:
    seen = visit(editions[lang], {"sideways": SIDEWAYS, "height": HEIGHT}, viewport=NARROW_PHONE)
    assert seen.values["sideways"] == {"page": False, "tables": []}


@pytest.mark.parametrize("lang", EDITIONS)
def test_chart_text_is_legible_on_a_phone(editions: dict[str, Path], lang: str) -> None:
    seen = visit(editions[lang], {"text": CHART_TEXT}, viewport=PHONE)
    assert seen.charts_drawn
    assert len(seen.values["text"]) > 50  # every chart's words were measured
    assert small_text(seen.values["text"]) == []
    assert cut_text(seen.values["text"]) == []  # no word runs past its chart's edge


#: The words of the tables that a line break splits: a word of letters only whose text takes
#: two boxes on the screen.
BROKEN_WORDS = r"""
(() => {
  const broken = [];
  const word = /\p{L}{2,}/gu;
  for (const cell of document.querySelectorAll("td")) {
    if (cell.closest("details:not([open])")) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(word)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (range.getClientRects().length > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
})()
"""


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280px", "390px"])
@pytest.mark.parametrize("lang", EDITIONS)
def test_no_word_of_a_table_is_broken(
    editions: dict[str, Path], lang: str, size: tuple[int, int]
) -> None:
    seen = visit(editions[lang], {"broken": BROKEN_WORDS}, viewport=size)
    assert seen.values["broken"] == []


LANDMARKS = """
(() => {
  const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
  const first = document.querySelector(focusable);
  const main = document.querySelectorAll("main");
  return {
    first: first.className, target: first.getAttribute("href"), main: main.length,
    mainId: main[0].id, opening: main[0].querySelector(".of-lead") !== null,
    outside: Array.from(document.body.children).filter((el) =>
      !["HEADER", "NAV", "MAIN", "SCRIPT", "STYLE"].includes(el.tagName)
      && !el.classList.contains("skip-link") && el.id !== "vg-tooltip-element"
      && el.textContent.trim() !== "").map((el) => el.tagName + "." + el.className),
  };
})()
"""


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_skip_link_leads_to_the_opening_in_main(editions: dict[str, Path], lang: str) -> None:
    seen = visit(editions[lang], {"page": LANDMARKS}, viewport=PHONE)
    page = seen.values["page"]
    assert (page["first"], page["main"], page["opening"]) == ("skip-link", 1, True)
    assert page["target"] == "#" + page["mainId"]
    assert page["outside"] == []  # every text in a landmark


OPEN_BY_LINK = """
(async () => {
  const row = document.getElementById("claim-c026");
  const box = row.closest("details");
  const before = box.open;
  // the page's own script, not the browser's find-in-page: a hashchange it is told about
  history.replaceState(null, "", "#claim-c026");
  window.dispatchEvent(new HashChangeEvent("hashchange"));
  await new Promise((done) => setTimeout(done, 100));
  const where = row.getBoundingClientRect();
  return {before, after: box.open, shown: where.top >= 0 && where.bottom <= innerHeight};
})()
"""


@pytest.mark.parametrize("lang", EDITIONS)
def test_an_evidence_link_opens_the_folded_sources_at_its_row(
    editions: dict[str, Path], lang: str
) -> None:
    seen = visit(editions[lang], {"opened": OPEN_BY_LINK}, viewport=DESKTOP)
    assert seen.values["opened"] == {"before": False, "after": True, "shown": True}


SCROLLING_BOXES = """
Array.from(document.querySelectorAll(".of-scroll")).filter((b) => b.scrollWidth > b.clientWidth + 1)
  .map((b) => ({tabindex: b.tabIndex, role: b.getAttribute("role"), named: (b.getAttribute("aria-label") || "").length > 0}))
"""


@pytest.mark.parametrize("lang", EDITIONS)
def test_what_still_scrolls_is_reached_by_keyboard(editions: dict[str, Path], lang: str) -> None:
    seen = visit(editions[lang], {"boxes": SCROLLING_BOXES}, viewport=NARROW_PHONE)
    boxes = seen.values["boxes"]
    assert boxes  # the diagram of ties keeps its width on a phone
    assert all(b == {"tabindex": 0, "role": "region", "named": True} for b in boxes), boxes
