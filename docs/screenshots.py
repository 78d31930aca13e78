"""Take the README's screenshots of each edition of a built site.

    python docs/screenshots.py [SITE]      # default: _site/

For each edition (``index.html``, ``fr/index.html``) it opens the page in headless Chromium
(driven as in the tests, ``tests/browser.py``) and writes:

- the first screen as a reader opens it, nothing focused: ``docs/first-screen-<lang>.png``
  (1280 × 800) and ``docs/first-screen-phone-<lang>.png`` (390 × 844);
- the first derived number (the money paid by the "as of" date, in the opening sentence) focused,
  its evidence open: ``docs/evidence-<lang>.png`` (1200 × 760) and
  ``docs/evidence-phone-<lang>.png`` (390 × 800);
- a table on a phone, each row a list of "header: value" (the commitments):
  ``docs/table-phone-<lang>.png`` (390 × 844).
"""

from __future__ import annotations

import base64
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, chromium

FOCUS = """
(() => {
  const number = document.querySelector(".claim.derived");
  number.scrollIntoView({block: "center"});
  window.scrollBy(0, -120);
  number.focus();
  return number.textContent;
})()
"""
TABLE = """
(() => {
  const table = document.getElementById("tbl-commitments");
  table.scrollIntoView({block: "start"});
  window.scrollBy(0, -60);
  return table.querySelector("figcaption").textContent;
})()
"""
SIZES = {"": (1200, 760, False), "-phone": (390, 800, True)}
FIRST_SCREEN = {"": (1280, 800, False), "-phone": (390, 844, True)}


def shoot(
    page: Path, out: Path, width: int, height: int, mobile: bool, focus: str | None = FOCUS
) -> str:
    """Open ``page`` at ``width`` × ``height``, run ``focus`` (by default: focus the number;
    ``None``: nothing), save a PNG; return what ``focus`` gave."""
    with tempfile.TemporaryDirectory(prefix="of-shot-") as profile:
        browser = Browser(chromium(), Path(profile))
        try:
            session = browser.new_tab("Page")
            browser.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
                session=session,
            )
            browser.send("Page.navigate", {"url": page.as_uri()}, session=session)
            browser.wait_for("Page.loadEventFired")
            time.sleep(1.5)  # the charts draw
            focused = None
            if focus:
                focused = browser.send(
                    "Runtime.evaluate",
                    {"expression": focus, "returnByValue": True},
                    session=session,
                )["result"].get("value")
            time.sleep(0.3)
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
            out.write_bytes(base64.b64decode(shot["data"]))
        finally:
            browser.close()
    return str(focused)


def main(site: Path) -> None:
    for lang, page in (("en", site / "index.html"), ("fr", site / "fr" / "index.html")):
        for suffix, (width, height, mobile) in FIRST_SCREEN.items():
            out = ROOT / "docs" / f"first-screen{suffix}-{lang}.png"
            shoot(page, out, width, height, mobile, focus=None)
            print(f"{out.relative_to(ROOT)}: the first screen")
        out = ROOT / "docs" / f"table-phone-{lang}.png"
        caption = shoot(page, out, 390, 844, True, focus=TABLE)
        print(f"{out.relative_to(ROOT)}: {caption!r} on a phone")
        for suffix, (width, height, mobile) in SIZES.items():
            out = ROOT / "docs" / f"evidence{suffix}-{lang}.png"
            number = shoot(page, out, width, height, mobile)
            print(f"{out.relative_to(ROOT)}: {number!r} open")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_site")
