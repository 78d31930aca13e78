"""Whether two builds of the site publish the same report: real Quarto's and the offline engine's.

``python tests/same_report.py SITE SITE_OFFLINE`` (``nox -s quarto`` runs it on a site that Quarto
rendered and one the offline engine rendered; CI's Quarto job does) compares each edition's page,
``index.html`` and ``fr/index.html``:

- the claimed values: each element that carries claims, in page order, with the claims it names
  and what its words state, read with the package's parser of values written in English or
  French (:mod:`editions`, as the test that compares the two editions reads them);
- every amount of money and every date the page's text writes (a multiset);
- the sections: each heading's anchor and words (its number included);
- the numbered figures and tables (``fig-*``, ``tbl-*``) with their captions, and the number of
  tables;
- the charts: as many as the offline page has, each drawn (an SVG or a canvas) in headless
  Chromium (:mod:`browser`);

and the PDFs only as PDFs of at least one page. It prints each difference and exits 1 if there is
one. :data:`NOT_COMPARED` lists what is left out on purpose, and why (the engines differ there by
design: ``src/openai_funding/render/DIFFERENCES.md``); it is printed with the result.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from editions import claimed_values, money_and_dates

EDITIONS = (("index.html", "openai-funding.pdf"), ("fr/index.html", "fr/openai-funding.pdf"))

#: What the comparison leaves out on purpose: the engines differ there by design.
NOT_COMPARED = (
    (
        "the page's layout, styles and scripts (Quarto's Bootstrap theme, the offline engine's "
        "stylesheet), its title block and table of contents"
    ),
    (
        "how a chart is drawn (Altair's renderer under Quarto, an inlined vega bundle offline): "
        "only that each one draws"
    ),
    (
        "the PDFs' layout and text (Quarto's typst template and fonts, pandoc's offline): only "
        "that each is a PDF with pages"
    ),
    "random element ids (Quarto keeps them, the offline engine numbers them)",
)

#: The page's charts as a reader's browser shows them: how many, and how many drew.
CHARTS = """
(() => {
  const charts = new Set(document.querySelectorAll("div.of-chart, .vega-embed"));
  const drawn = Array.from(charts).filter((c) => {
    const mark = c.querySelector("svg, canvas");
    return mark !== null && mark.getBoundingClientRect().width > 0;
  });
  return {charts: charts.size, drawn: drawn.length};
})()
"""


def _words(el: Tag) -> str:
    return " ".join(el.get_text(" ").split())


def _in_front_matter(el: Tag) -> bool:
    """Whether ``el`` is in the title block or the table of contents."""
    for parent in el.parents:
        if parent.get("id") in ("TOC", "title-block-header", "quarto-margin-sidebar"):
            return True
        if parent.name in ("nav", "header"):
            return True
    return "title" in (el.get("class") or [])


def sections(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """Each heading of the text: its anchor (its own id, or its section's, as Quarto puts it)
    and its words."""
    found = []
    for h in soup.select("h1, h2, h3, h4, h5, h6"):
        if _in_front_matter(h):
            continue
        section = h.parent if h.parent is not None and h.parent.name == "section" else None
        anchor = h.get("id") or (section.get("id") if section is not None else None) or ""
        found.append((str(anchor), _words(h)))
    return found


def floats(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """The numbered figures and tables: their id and caption."""
    found = []
    for el in soup.select('[id^="fig-"], [id^="tbl-"]'):
        caption = el.find(["figcaption", "caption"])
        found.append((str(el["id"]), _words(caption) if caption is not None else ""))
    return found


def read_page(html: str) -> dict[str, object]:
    """What the comparison reads in a page, by name."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        "claimed values": [(s.claims, s.reading) for s in claimed_values(html)],
        "money and dates": money_and_dates(html),
        "sections": sections(soup),
        "figures and tables": floats(soup),
        "tables": len(soup.select("table")),
    }


def drawn_charts(page: Path) -> dict[str, int]:
    """How many charts ``page`` has and how many drew, in headless Chromium."""
    from browser import visit

    return visit(page, {"charts": CHARTS}).values["charts"]


def _list_difference(name: str, a: object, b: object) -> str:
    if isinstance(a, list) and isinstance(b, list):
        only_a = [x for x in a if x not in b][:5]
        only_b = [x for x in b if x not in a][:5]
        if only_a or only_b:
            return f"{name} differ: only in the first {only_a}, only in the second {only_b}"
        return f"{name} differ in order"
    return f"{name} differ: {a!r} and {b!r}"


def differences(
    site: Path,
    offline: Path,
    *,
    charts: Callable[[Path], dict[str, int]] = drawn_charts,
) -> list[str]:
    """What differs between the report in ``site`` and in ``offline`` (the offline engine's),
    one line each; empty when they publish the same report."""
    found: list[str] = []
    for page, pdf in EDITIONS:
        a_path, b_path = site / page, offline / page
        missing = [str(p) for p in (a_path, b_path, site / pdf, offline / pdf) if not p.is_file()]
        if missing:
            found += [f"{p}: missing" for p in missing]
            continue
        a = read_page(a_path.read_text(encoding="utf-8"))
        b = read_page(b_path.read_text(encoding="utf-8"))
        found += [f"{page}: {_list_difference(k, a[k], b[k])}" for k in a if a[k] != b[k]]
        seen, expected = charts(a_path), charts(b_path)
        if seen["drawn"] != seen["charts"] or seen["charts"] != expected["charts"]:
            found.append(
                f"{page}: {seen['drawn']} of {seen['charts']} charts drew; "
                f"the offline page has {expected['charts']}"
            )
        for path in (site / pdf, offline / pdf):
            if not _has_pages(path.read_bytes()):
                found.append(f"{path}: not a PDF with pages")
    return found


def _has_pages(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and b"/Type /Page" in data.replace(
        b"/Type/Page", b"/Type /Page"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tests/same_report.py SITE SITE_OFFLINE", file=sys.stderr)
        return 2
    site, offline = (Path(a) for a in argv)
    print("not compared, by design (src/openai_funding/render/DIFFERENCES.md):")
    for line in NOT_COMPARED:
        print(f"  - {line}")
    found = differences(site, offline)
    for line in found:
        print(line)
    print(f"{site} and {offline}: " + ("differ" if found else "the same report"))
    return 1 if found else 0


if __name__ == "__main__":  # run as a script, tests/ is on sys.path
    sys.exit(main(sys.argv[1:]))
