"""The feature tour (fixtures/features) against the issue's numbered list, in HTML and PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from render_helpers import Rendered

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def soup(features: Rendered) -> BeautifulSoup:
    return features.soup


@pytest.fixture(scope="module")
def text(features: Rendered) -> str:
    return features.text


def code_blocks(soup: BeautifulSoup) -> list[str]:
    return [pre.get_text() for pre in soup.select("pre.cell-code")]


def outputs(soup: BeautifulSoup) -> str:
    return "\n".join(pre.get_text() for pre in soup.select("pre.cell-output"))


# 1. _quarto.yml merged with the front matter; cell options; inline expressions


def test_offline_engine_writes_both_formats(features: Rendered) -> None:
    assert features.result.engine == "offline"
    assert [p.name for p in features.result.files] == ["features.html", "features.pdf"]
    assert features.html.read_bytes().startswith(b"<!DOCTYPE html>")
    assert features.pdf.read_bytes().startswith(b"%PDF-")


def test_project_echo_false_hides_code_unless_a_cell_asks(soup: BeautifulSoup) -> None:
    blocks = code_blocks(soup)
    assert not any("import altair" in b for b in blocks)  # echo: false from _quarto.yml
    assert any('print("echoed and printed")' in b for b in blocks)  # #| echo: true


def test_format_options_apply_to_their_format_only(soup: BeautifulSoup, text: str) -> None:
    assert soup.select_one("nav#TOC #toc-title").get_text() == "On this page"
    assert "On this page" not in text
    assert "Contents" in text


def test_include_output_and_eval_options(soup: BeautifulSoup, text: str) -> None:
    shown = soup.get_text()
    assert "HIDDEN-OUTPUT" not in shown
    assert "HIDDEN-OUTPUT" not in text
    assert "OUTPUT-SUPPRESSED" not in shown
    assert "OUTPUT-SUPPRESSED" not in text
    assert "echoed and printed" in outputs(soup)
    assert any("never runs" in b for b in code_blocks(soup))  # eval: false, echo: true
    assert "RuntimeError: never runs" not in shown


def test_output_asis_is_markdown(soup: BeautifulSoup, text: str) -> None:
    strong = [s.get_text() for s in soup.select("div.cell strong")]
    assert "asis bold" in strong
    assert "asis bold from a cell" in text


def test_warning_option(soup: BeautifulSoup, text: str) -> None:
    stderr = "\n".join(pre.get_text() for pre in soup.select("pre.cell-output-stderr"))
    assert "UserWarning: WARNING-SHOWN" in stderr
    assert "WARNING-SUPPRESSED" not in soup.get_text()
    assert "WARNING-SHOWN" in text
    assert "WARNING-SUPPRESSED" not in text
    assert "ipykernel_" not in stderr  # no per-run kernel file name


def test_error_true_shows_the_error_and_goes_on(soup: BeautifulSoup, text: str) -> None:
    errors = "\n".join(pre.get_text() for pre in soup.select("pre.cell-output-error"))
    assert "ZeroDivisionError: division by zero" in errors
    assert "ZeroDivisionError: division by zero" in text
    assert "cwd features" in outputs(soup)  # a later cell still ran


def test_inline_expressions(soup: BeautifulSoup, text: str) -> None:
    intro = soup.select_one("h1#sec-intro").find_next("p").get_text()
    assert "The answer is 42 and the label is forty-two." in intro
    assert "The answer is 42 and the label is forty-two." in text


# 2. One kernel, run from the document's folder, with the caller's environment


def test_kernel_runs_in_document_folder_with_env(soup: BeautifulSoup, text: str) -> None:
    assert "cwd features env from-env" in outputs(soup)
    assert "cwd features env from-env" in text


# 3. Per-format mime priority; images embedded in the HTML


def test_html_prefers_text_html_and_embeds_images(soup: BeautifulSoup) -> None:
    table = soup.select_one("figure#tbl-shares table.dataframe")
    assert table is not None  # text/html chosen over text/plain
    png = soup.select_one("figure#fig-dot img")
    svg = soup.select_one("figure#fig-circle img")
    assert png["src"].startswith("data:image/png;base64,")
    assert svg["src"].startswith("data:image/svg+xml")


def test_pdf_shows_images(features: Rendered) -> None:
    if shutil.which("pdfimages") is None:
        pytest.fail("pdfimages is missing: apt-get install poppler-utils")
    listing = subprocess.run(
        ["pdfimages", "-list", str(features.pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert len(listing.strip().splitlines()) >= 3  # header lines and the PNG


# 4. Captions, numbering and cross-references


def test_html_captions_are_numbered(soup: BeautifulSoup) -> None:
    captions = {
        fig["id"]: " ".join(fig.figcaption.get_text().split()) for fig in soup.select("figure[id]")
    }
    assert captions == {
        "fig-bars": "Figure 1: Shares by investor",
        "tbl-shares": "Table 1: Investor shares",
        "fig-dot": "Figure 2: A red square",
        "fig-circle": "Figure 3: A blue circle",
        "tbl-styled": "Table 2: A styled table",
    }


def test_html_references_are_links(soup: BeautifulSoup) -> None:
    links = [(a["href"], a.get_text()) for a in soup.select("a.quarto-xref")]
    assert links[:2] == [("#fig-bars", "Figure\u00a01"), ("#tbl-shares", "Table\u00a01")]
    assert ("#tbl-styled", "Table\u00a02") in links
    assert ("#sec-options", "Section\u00a02") in links
    for href, _ in links:
        assert soup.select_one(href) is not None


def test_pdf_captions_and_references(text: str) -> None:
    for caption in (
        "Figure 1: Shares by investor",
        "Table 1: Investor shares",
        "Figure 2: A red square",
        "Figure 3: A blue circle",
        "Table 2: A styled table",
    ):
        assert caption in text
    assert "See Figure 1 for the chart and Table 1 for the table." in text
    assert "Table 2 follows Table 1" in text
    assert "Options are in Section 2." in text
    assert "@fig" not in text
    assert "?@" not in text


# 5. HTML tables become real tables in the PDF


def test_pdf_tables_hold_the_cells(features: Rendered) -> None:
    layout = subprocess.run(
        ["pdftotext", "-layout", str(features.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    rows = [" ".join(line.split()) for line in layout.splitlines()]
    assert rows.count("investor share") == 2
    for row in ("0 Alpha 50", "1 Beta 30", "2 Gamma 20"):
        assert rows.count(row) == 2


# 6. Charts


def test_html_inlines_one_bundle_and_embeds_each_spec(soup: BeautifulSoup) -> None:
    bundles = soup.select("script#of-vega-bundle")
    assert len(bundles) == 1
    assert "vegaEmbed" in bundles[0].get_text()
    assert not bundles[0].has_attr("src")
    charts = soup.select("div.of-chart")
    assert [c["id"] for c in charts] == ["of-chart-1"]
    spec = json.loads(soup.select_one("script#of-chart-1-spec").get_text())
    assert spec["mark"]["type"] == "bar"
    assert "vega-lite/v6" in spec["$schema"]
    assert charts[0].find_parent("figure")["id"] == "fig-bars"


def test_pdf_chart_is_vector_text_in_bundled_fonts(features: Rendered, text: str) -> None:
    for label in ("investor", "share", "Alpha", "Gamma"):
        assert label in text
    if shutil.which("pdffonts") is None:
        pytest.fail("pdffonts is missing: apt-get install poppler-utils")
    fonts = subprocess.run(
        ["pdffonts", str(features.pdf)], capture_output=True, text=True, check=True
    ).stdout
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
    assert names
    assert all(n.startswith(("LibertinusSerif", "DejaVuSansMono")) for n in names), names


# 7. Callouts


def test_html_callouts(soup: BeautifulSoup) -> None:
    found = {
        next(c for c in div["class"] if c.startswith("callout-")): div.select_one(
            ".callout-title"
        ).get_text(strip=True)
        for div in soup.select("div.callout")
    }
    assert found == {
        "callout-note": "Read this first",
        "callout-warning": "Careful",
        "callout-tip": "Tip",
        "callout-caution": "Mind the gap",
        "callout-important": "Important",
    }
    note = soup.select_one("div.callout-note .callout-body")
    assert note.strong.get_text() == "bold"


def test_pdf_callouts(text: str) -> None:
    for chunk in (
        "Read this first Callout body with bold text.",
        "Careful A warning callout.",
        "Tip A tip without a title.",
        "Mind the gap Caution body.",
        "Important Important body.",
    ):
        assert chunk in text


# 9. Title block, table of contents, numbered sections


def test_html_title_block_toc_and_numbers(soup: BeautifulSoup) -> None:
    header = soup.select_one("header#title-block-header")
    assert header.select_one("h1.title").get_text() == "Feature Tour"
    assert header.select_one(".subtitle").get_text() == "Every offline feature once"
    assert header.select_one(".author").get_text() == "Ada Lovelace"
    assert header.select_one(".date").get_text() == "2026-01-01"  # today from SOURCE_DATE_EPOCH
    toc = [a.get_text(" ", strip=True) for a in soup.select("nav#TOC a")]
    assert toc == ["1 Introduction", "1.1 Chart", "1.2 Table", "2 Options"]
    numbers = [
        s.get_text() for s in soup.select("h1 .header-section-number, h2 .header-section-number")
    ]
    assert numbers == ["1", "1.1", "1.2", "2"]


def test_pdf_title_block_toc_and_numbers(text: str) -> None:
    assert text.startswith("Feature Tour Every offline feature once Ada Lovelace 2026-01-01")
    assert re.search(r"Contents 1 Introduction[ .\u2060]+1 1\.1 Chart", text)
    assert "1 Introduction The answer is 42" in text
    assert "2 Options" in text


# 10. Stable ids


def test_styler_ids_are_stable(soup: BeautifulSoup) -> None:
    table = soup.select_one("figure#tbl-styled table")
    assert table["id"] == "of-c6-1"
    assert all(not td.get("id", "x").startswith("T_") for td in table.select("td"))
    style = "\n".join(s.get_text() for s in soup.select("figure#tbl-styled style"))
    assert "#of-c6-1_row" in style
