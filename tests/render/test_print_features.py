"""What the engine does for print: conditional content per format (Quarto's
``.content-visible`` / ``.content-hidden``), the PDF standard a document names
(``pdf-standard``), its authors kept as written, and no relative link left in a PDF."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from render_helpers import EPOCH, pdf_text

from openai_funding.render import RenderError, render

DOC = """---
title: "Essai"
author: "Contributeurs d’openai-funding"
lang: fr
format:
  typst:
    pdf-standard: ua-1
---

Chaque chiffre renvoie [à ses citations (survolez-le)]{.content-visible
when-format="html"}[à ses lignes en annexe]{.content-visible unless-format="html"}.

::: {.content-hidden when-format="html"}
Seulement sur papier.
:::

::: {.content-visible when-format="html"}
Seulement sur la page.
:::

Les données : [un fichier](data/x.csv), [un site](https://example.org/).
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("print")
    doc = folder / "essai.qmd"
    doc.write_text(DOC, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = render(doc, engine="offline", log=lambda _m: None)
    page, pdf = sorted(result.files, key=lambda f: f.suffix != ".html")
    text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ")
    return " ".join(text.split()), pdf


def test_each_format_keeps_its_own_words(rendered: tuple[str, Path]) -> None:
    page, pdf = rendered
    printed = pdf_text(pdf)
    assert "à ses citations (survolez-le)." in page
    assert "Seulement sur la page." in page
    assert "sur papier" not in page
    assert "en annexe" not in page
    assert "à ses lignes en annexe." in printed
    assert "Seulement sur papier." in printed
    assert "survolez" not in printed
    assert "sur la page" not in printed


def test_the_pdf_declares_its_standard_and_its_author(rendered: tuple[str, Path]) -> None:
    raw = rendered[1].read_bytes()
    assert re.findall(rb"<pdfuaid:part>(\d)</pdfuaid:part>", raw) == [b"1"]
    creator = re.search(rb"<dc:creator><rdf:Seq><rdf:li>([^<]*)<", raw)
    assert creator
    assert creator.group(1).decode() == "Contributeurs d’openai-funding"


def test_a_relative_link_is_text_in_the_pdf(rendered: tuple[str, Path]) -> None:
    uris = re.findall(rb"/URI\s*\(([^)]*)\)", rendered[1].read_bytes())
    assert uris == [b"https://example.org/"]
    assert "un fichier" in pdf_text(rendered[1])


def test_a_pdf_standard_the_document_breaks_is_refused(
    write_qmd: Callable[..., Path],
) -> None:
    doc = write_qmd("---\nformat:\n  typst:\n    pdf-standard: ua-1\n---\n\nNo title.\n")
    with pytest.raises(RenderError, match="PDF/UA-1"):
        render(doc, to="pdf", engine="offline", log=lambda _m: None)
