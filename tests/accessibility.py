"""What a page is like to read, measured in headless Chromium (:mod:`browser`): the violations
that axe-core finds, what scrolls sideways, the size of the charts' text and the page's length.

Each name below is a JavaScript expression for :func:`browser.visit`; :func:`axe` reads the
pinned axe-core that ``npm ci`` installs (``package.json``, ``package-lock.json``; ``nox -s
tests`` runs it), so the check runs offline, in the page, like any other expression.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"

#: The rules axe-core runs: WCAG 2.0, 2.1 and 2.2 A and AA, and its best practices;
#: ``target-size`` (WCAG 2.2 AA, 2.5.8) is among them but off by default, so it is turned on.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}

#: The smallest size of a chart's text that a phone's reader is asked to read, in CSS pixels.
SMALLEST_TEXT = 11


def axe() -> str:
    """The expression that runs axe-core on the page: a list of ``{id, impact, nodes}``, one
    per rule violated, each node a CSS selector of an element that breaks it."""
    if not AXE_SCRIPT.is_file():
        pytest.fail("axe-core is missing: run `npm ci` in the project's folder (nox -s tests does)")
    source = AXE_SCRIPT.read_text(encoding="utf-8")
    return f"""
(async () => {{
  {source}
  const result = await axe.run(document, {json.dumps(AXE_OPTIONS)});
  return result.violations.map((v) => ({{
    id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")),
  }}));
}})()
"""


#: What scrolls sideways: the page itself, and each table that is wider than the box it is in
#: or sits in a box that scrolls sideways (named by its caption's start or its id).
SIDEWAYS = """
(() => {
  const root = document.scrollingElement;
  const wider = (el) => el.scrollWidth > el.clientWidth + 1;  // a pixel of rounding is no scroll
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && wider(el);
  const name = (t) => {
    const figure = t.closest("figure");
    const caption = figure && figure.querySelector("figcaption");
    return t.id || (figure && figure.id) || (caption ? caption.textContent.slice(0, 40) : "table");
  };
  const tables = Array.from(document.querySelectorAll("table")).filter((t) => {
    if (t.closest("#vg-tooltip-element, .of-evidence")) return false;
    if (t.getClientRects().length === 0) return false;
    for (let el = t; el && el !== document.body; el = el.parentElement) {
      if (scrolls(el)) return true;
      let box = el.parentElement;  // the nearest ancestor with a box of its own
      while (box && getComputedStyle(box).display === "contents") box = box.parentElement;
      if (box && el.getBoundingClientRect().right > box.getBoundingClientRect().right + 2) return true;
    }
    return t.getBoundingClientRect().right > window.innerWidth + 1;
  });
  return {page: root.scrollWidth > window.innerWidth + 1, tables: tables.map(name)};
})()
"""

#: The text of every chart as drawn: its words, its size on the screen in CSS pixels (the font
#: size in the SVG's units times the scale the SVG is drawn at) and whether it runs past the
#: chart's left or right edge (``cut``: the SVG clips it).
CHART_TEXT = """
(() => Array.from(document.querySelectorAll("div.of-chart svg text")).filter((t) => {
  return t.textContent.trim() !== "" && t.getClientRects().length > 0
    && getComputedStyle(t).visibility !== "hidden" && Number(getComputedStyle(t).opacity) > 0;
}).map((t) => {
  const m = t.getScreenCTM();
  const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  const box = t.getBoundingClientRect(), frame = t.ownerSVGElement.getBoundingClientRect();
  const cut = box.left < frame.left - 1 || box.right > frame.right + 1;
  return {text: t.textContent.trim(), px: Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 10) / 10, cut};
}))()
"""

#: The page's length in CSS pixels.
HEIGHT = "document.scrollingElement.scrollHeight"


def summary(violations: list[dict[str, object]]) -> list[str]:
    """One line per rule violated: its id, impact and the first elements that break it."""
    lines = []
    for v in violations:
        nodes = list(v["nodes"])  # type: ignore[call-overload]
        shown = ", ".join(nodes[:3]) + (f" and {len(nodes) - 3} more" if len(nodes) > 3 else "")
        lines.append(f"{v['id']} ({v['impact']}, {len(nodes)} elements): {shown}")
    return lines


def small_text(drawn: list[dict[str, object]]) -> list[str]:
    """The chart words drawn smaller than :data:`SMALLEST_TEXT` pixels."""
    return [f"{t['text']!r} at {t['px']} px" for t in drawn if float(t["px"]) < SMALLEST_TEXT]  # type: ignore[arg-type]


def cut_text(drawn: list[dict[str, object]]) -> list[str]:
    """The chart words that run past their chart's edge."""
    return [str(t["text"]) for t in drawn if t["cut"]]


def pages(site: Path) -> dict[str, Path]:
    """The two editions of a built site."""
    return {"en": site / "index.html", "fr": site / "fr" / "index.html"}
