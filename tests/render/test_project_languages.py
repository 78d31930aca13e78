"""A project with a document in a subfolder and in another language (the report's French
edition): where its paths are read from, and the words and dates the engine writes in its
``lang``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from render_helpers import EPOCH, pdf_text

from openai_funding.render import InputError, meta, render
from openai_funding.render.language import WORDS, likely_region, words
from openai_funding.render.qmd import parse, project_config

UPPER = 'function Str(s)\n  if s.text == "shout" then return pandoc.Str("SHOUT") end\nend\n'
MARK = 'function Str(s)\n  if s.text == "mark" then return pandoc.Str("MARKED") end\nend\n'

EDITION = """\
---
title: Essai
lang: fr
date: 2026-11-27
date-format: long
language:
  title-block-published: "Données à jour au"
  crossref-tbl-title: "Tableau"
toc: true
number-sections: true
filters:
  - own.lua
---

# Début {#sec-start}

Voir @fig-one, @tbl-one et @sec-start. Ici shout et mark ici.

::: {#fig-one}
![](dot.svg)

Un point
:::

::: {#tbl-one}
| a | b |
|---|---|
| 1 | 2 |

Une table
:::

::: {.callout-tip}
Un conseil.
:::
"""


def project(tmp_path: Path, edition: str = EDITION) -> Path:
    """``_quarto.yml`` (with a filter at the root), ``index.qmd`` and ``fr/index.qmd`` (with a
    filter of its own, beside it)."""
    root = tmp_path / "proj"
    (root / "fr").mkdir(parents=True)
    (root / "_quarto.yml").write_text(
        "project:\n  render:\n    - index.qmd\n    - fr/index.qmd\nlang: en\nfilters:\n  - shout.lua\n",
        encoding="utf-8",
    )
    (root / "shout.lua").write_text(UPPER, encoding="utf-8")
    (root / "index.qmd").write_text("---\ntitle: Test\n---\n\nshout\n", encoding="utf-8")
    (root / "fr" / "own.lua").write_text(MARK, encoding="utf-8")
    (root / "fr" / "dot.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><circle r="2"/></svg>',
        encoding="utf-8",
    )
    (root / "fr" / "index.qmd").write_text(edition, encoding="utf-8")
    return root


# -- paths ------------------------------------------------------------------------------------


def test_project_filters_are_read_from_the_root_and_a_documents_from_its_folder(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    doc = parse(root / "fr" / "index.qmd", project_config(root), root)
    assert doc.metadata["filters"] == [
        (root / "shout.lua").resolve().as_posix(),
        (root / "fr" / "own.lua").resolve().as_posix(),
    ]
    options = meta.lua_filters(meta.for_format(doc, "html"), doc.path.parent)
    assert options == [f"--lua-filter={p}" for p in doc.metadata["filters"]]


def test_a_filter_listed_twice_runs_once_and_format_filters_are_resolved(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "fr" / "index.qmd").write_text(
        "---\nfilters:\n  - ../shout.lua\nformat:\n  html:\n    filters: [own.lua]\n---\n\nx\n",
        encoding="utf-8",
    )
    doc = parse(root / "fr" / "index.qmd", project_config(root), root)
    assert doc.metadata["filters"] == [(root / "shout.lua").resolve().as_posix()]
    html = meta.for_format(doc, "html")
    assert html["filters"] == [(root / "fr" / "own.lua").resolve().as_posix()]


def test_a_missing_project_filter_is_named_from_the_project_root(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "shout.lua").unlink()
    doc = parse(root / "fr" / "index.qmd", project_config(root), root)
    with pytest.raises(InputError, match="does not exist") as caught:
        meta.lua_filters(doc.metadata, doc.path.parent)
    assert caught.value.document == (root / "shout.lua").resolve()


# -- words and dates --------------------------------------------------------------------------


def test_french_words_are_quartos_and_language_overrides_them() -> None:
    assert words({"lang": "fr"})["toc-title-document"] == "Table des matières"
    assert words({"lang": "fr-CA"})["callout-tip-title"] == "Astuce"
    assert words({"lang": "fr"})["crossref-tbl-title"] == "Table"  # Quarto's own French word
    given = {"lang": "fr", "language": {"crossref-tbl-title": "Tableau"}}
    assert words(given)["crossref-tbl-title"] == "Tableau"
    assert words({})["crossref-sec-prefix"] == "Section"
    assert words({"lang": "de"}) == WORDS["en"]  # no table of its own: English words
    assert set(WORDS["fr"]) == set(WORDS["en"])


def test_a_language_without_a_region_gets_its_likely_one() -> None:
    assert [likely_region(t) for t in ("fr", "en", "ja", "fr-CA", "xx")] == [
        "FR",
        "US",
        "JP",
        None,  # pandoc takes the region of the tag itself
        None,
    ]


@pytest.mark.parametrize(
    ("style", "lang", "expected"),
    [
        ("long", "en", "November 27, 2026"),
        ("full", "en", "Friday, November 27, 2026"),
        ("medium", "en", "Nov 27, 2026"),
        ("short", "en", "11/27/26"),
        ("long", "fr", "27 novembre 2026"),
        ("full", "fr", "vendredi 27 novembre 2026"),
        ("medium", "fr-FR", "27 nov. 2026"),
        ("short", "fr", "27/11/2026"),
        ("iso", "fr", "2026-11-27"),
        ("long", "xx", "November 27, 2026"),  # no such locale: English
    ],
)
def test_dates_are_written_in_the_documents_language(
    style: str, lang: str, expected: str, tmp_path: Path
) -> None:
    assert meta.format_date(dt.date(2026, 11, 27), style, tmp_path, lang) == expected


def test_toc_title_in_each_document_s_language_as_quarto_writes_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    fr = parse(root / "fr" / "index.qmd", project_config(root), root)
    en = parse(root / "index.qmd", project_config(root), root)
    en.metadata["toc"] = True
    fr_meta = meta.pandoc_metadata(fr, meta.for_format(fr, "html"))
    assert fr_meta["toc-title"] == "Table des matières"
    assert fr_meta["date"] == "Données à jour au 27 novembre 2026"
    assert fr_meta["of-words"]["crossref-tbl-title"] == "Tableau"
    en_meta = meta.pandoc_metadata(en, meta.for_format(en, "html"))
    assert en_meta["toc-title"] == "Table of contents"  # Quarto's, not pandoc's none
    en.metadata["toc-title"] = "Outline"
    assert meta.pandoc_metadata(en, meta.for_format(en, "html"))["toc-title"] == "Outline"


# -- the rendered edition ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-document project rendered offline (no cells: no kernel)."""
    out = tmp_path_factory.mktemp("editions")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        render(project(out), engine="offline", output_dir=out / "site", log=lambda _m: None)
    return out / "site"


def test_the_subfolder_document_comes_out_in_its_subfolder(rendered: Path) -> None:
    found = sorted(p.relative_to(rendered).as_posix() for p in rendered.rglob("*") if p.is_file())
    assert found == ["fr/index.html", "fr/index.pdf", "index.html", "index.pdf"]


def test_french_html_words(rendered: Path) -> None:
    page = (rendered / "fr" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "fr"
    text = " ".join(soup.get_text(" ").split())
    assert soup.select_one("#toc-title").get_text() == "Table des matières"
    assert soup.select_one("p.date").get_text() == "Données à jour au 27 novembre 2026"
    assert [f.get_text(" ", strip=True) for f in soup.select("figcaption")] == [
        "Figure\u00a01: Un point",
        "Tableau\u00a01: Une table",
    ]
    refs = [a.get_text() for a in soup.select("a.quarto-xref")]
    assert refs == ["Figure\u00a01", "Tableau\u00a01", "Section\u00a01"]
    assert soup.select_one(".callout-tip .callout-title").get_text(strip=True) == "Astuce"
    assert "SHOUT" in text
    assert "MARKED" in text


def test_english_document_of_the_same_project_keeps_english(rendered: Path) -> None:
    soup = BeautifulSoup((rendered / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "en"
    assert "SHOUT" in soup.get_text()
    assert soup.select_one("#toc-title") is None


def pdf_language(pdf: Path) -> str:
    """The language the PDF's catalog declares (``/Lang``), which screen readers use."""
    found = re.search(rb"/Type/Catalog[^>]*?/Lang\(([^)]*)\)", pdf.read_bytes())
    assert found, "no /Lang in the PDF's catalog"
    return found.group(1).decode("ascii")


def test_french_pdf_words(rendered: Path) -> None:
    assert pdf_language(rendered / "fr" / "index.pdf") == "fr-FR"  # not pandoc's default fr-US
    assert pdf_language(rendered / "index.pdf") == "en-US"
    text = " ".join(pdf_text(rendered / "fr" / "index.pdf").split())
    assert "Table des matières" in text
    assert "Données à jour au 27 novembre 2026" in text
    # the document's words, not typst's own French ones ("Fig.", "Chapitre")
    assert "Figure 1: Un point" in text
    assert "Tableau 1: Une table" in text
    assert "Voir Figure 1, Tableau 1 et Section 1." in text
    assert "Astuce" in text
    assert "Fig." not in text
    assert "Chapitre" not in text
