"""The PDFs as printed: each declares PDF/UA-1, says what paper can do rather than what the page
does, links nowhere relative, names its authors as written, dates its title block as the
report writes dates, and gives its tables' first columns the room their labels need."""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from openai_funding.package.descriptor import read_package
from openai_funding.package.loading import load
from openai_funding.package.translations import translated
from support import DESCRIPTOR

#: Each edition's PDF, the author its front matter names, what its title block says, and words
#: of the page that paper cannot do.
PDFS = {
    "en": {
        "pdf": "openai-funding.pdf",
        "author": "openai-funding contributors",
        "date": "Data as of 5 December 2026",
        "page words": ["hover", "focus it", "beside this page"],
        "print words": ["its rows in that appendix", "A French edition is published beside"],
    },
    "fr": {
        "pdf": "fr/openai-funding.pdf",
        "author": "Contributeurs d’openai-funding",
        "date": "Données à jour au 5 décembre 2026",
        "page words": ["survolez", "focus", "cette page"],
        "print words": ["ses lignes dans cette annexe", "L’édition anglaise est publiée"],
    },
}
each_pdf = pytest.mark.parametrize("lang", list(PDFS))


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: apt-get install poppler-utils")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def site_dir(built_site: Path) -> Path:
    """The site built once per run (tests/conftest.py): these tests only read its PDFs."""
    return built_site / "_site"


def xmp(pdf: Path) -> str:
    """The PDF's XMP metadata packet (typst writes it uncompressed)."""
    found = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", pdf.read_bytes(), re.DOTALL)
    assert found, "no XMP metadata"
    return html.unescape(found.group().decode("utf-8"))


@each_pdf
def test_the_pdf_declares_pdf_ua_1(site_dir: Path, lang: str) -> None:
    meta = xmp(site_dir / PDFS[lang]["pdf"])
    assert re.findall(r"<pdfuaid:part>(\d+)</pdfuaid:part>", meta) == ["1"]
    assert "Tagged:          yes" in poppler("pdfinfo", str(site_dir / PDFS[lang]["pdf"]))


@each_pdf
def test_the_author_is_written_as_in_the_front_matter(site_dir: Path, lang: str) -> None:
    meta = xmp(site_dir / PDFS[lang]["pdf"])
    assert re.findall(r"<dc:creator><rdf:Seq><rdf:li>([^<]*)<", meta) == [PDFS[lang]["author"]]
    text = " ".join(poppler("pdftotext", str(site_dir / PDFS[lang]["pdf"]), "-").split())
    assert PDFS[lang]["author"] in text


@each_pdf
def test_the_title_block_writes_its_date_out(site_dir: Path, lang: str) -> None:
    text = " ".join(poppler("pdftotext", str(site_dir / PDFS[lang]["pdf"]), "-").split())
    assert PDFS[lang]["date"] in text
    assert not re.search(r"(Data as of|Données à jour au) \d{4}-\d\d-\d\d", text)


@each_pdf
def test_the_pdf_says_what_paper_does(site_dir: Path, lang: str) -> None:
    text = " ".join(poppler("pdftotext", str(site_dir / PDFS[lang]["pdf"]), "-").split())
    for words in PDFS[lang]["page words"]:
        assert words not in text
    for words in PDFS[lang]["print words"]:
        assert words in text


@each_pdf
def test_the_pdf_has_no_relative_link(site_dir: Path, lang: str) -> None:
    uris = re.findall(rb"/URI\s*\(([^)]*)\)", (site_dir / PDFS[lang]["pdf"]).read_bytes())
    assert len(uris) > 50  # the sources' addresses
    assert [u for u in uris if not re.match(rb"[A-Za-z][A-Za-z0-9+.-]*:", u)] == []


def lines_of(pdf: Path, label: str) -> int:
    """The most lines ``label`` takes where the PDF prints it whole: its words found in order
    (``pdftotext -bbox``), counted by the baselines they sit on."""
    words = placed_words(pdf)
    wanted = "".join(label.split())
    most = 0
    for start in range(len(words)):
        if not words[start][0] or not wanted.startswith(words[start][0]):
            continue
        joined, rows, end = "", set(), start
        while end < len(words) and len(joined) < len(wanted):
            joined += words[end][0]
            rows.add(words[end][1:])
            end += 1
        if joined == wanted:
            most = max(most, len(rows))
    return most


@functools.cache
def placed_words(pdf: Path) -> list[tuple[str, int, int]]:
    """Each word of ``pdf`` with its page and baseline, read once per run."""
    out = poppler("pdftotext", "-bbox", str(pdf), "-")
    return [
        (html.unescape(m.group(2)), page, round(float(m.group(1))))
        for page, part in enumerate(out.split("<page "))
        for m in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', part)
    ]


@each_pdf
def test_first_columns_keep_their_labels_to_few_lines(site_dir: Path, lang: str) -> None:
    """The rounds' names and the agreements' titles open their tables' rows; the columns follow
    the content, so none is squeezed into a narrow first column (4 to 6 lines before)."""
    package = read_package(DESCRIPTOR)
    tables = translated(load(package), package.tabular, lang)
    labels = [*tables["rounds"]["name"], *tables["agreements"]["title"]]
    found = {label: lines_of(site_dir / PDFS[lang]["pdf"], label) for label in labels}
    assert all(found.values()), [k for k, v in found.items() if not v]
    assert max(found.values()) <= 3, found
