"""Quotes are verbatim whatever their script: Japanese text reaches the PDF as real glyphs.

The typst compiler's own fonts have no CJK glyphs. Without a CJK font typst still writes the
characters into the PDF's text layer (so ``pdftotext`` alone can be fooled) but draws .notdef
boxes, and poppler's ``pdftohtml`` drops those. So the checks are: the text round-trips, the
Japanese font is embedded, and every Japanese character is drawn in it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import pytest
from render_helpers import EPOCH, pdf_text

from openai_funding.render import RenderError, render, typst_pdf

#: Two quotes as a Japanese source would give them (SoftBank's name, a tranche's date).
NAME = "ソフトバンクグループ株式会社"
TRANCHE = "ファーストトランシェの出資実行は4月1日(予定)"

DOC = f"""---
title: "引用 / Quotes"
---

# Sources

SoftBank Group's own name: 「{NAME}」.

> 「{TRANCHE}」

| organization | label |
|--------------|-------|
| SoftBank Group | {NAME} |

In code: `{NAME}`.
"""

#: Hiragana, katakana, CJK punctuation and ideographs (with the full-width forms).
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def squashed(text: str) -> str:
    """``text`` without any whitespace: pdftotext puts spaces where the font changes."""
    return "".join(text.split())


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: apt-get install poppler-utils")
    done = subprocess.run([tool, *args], capture_output=True, text=True, check=True)
    return done.stdout


def drawn_in(pdf: Path) -> dict[str, set[str]]:
    """Each CJK character poppler sees drawn, with the font families it is drawn in."""
    root = ET.fromstring(poppler("pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf)))
    families = {
        spec.get("id"): (spec.get("family") or "").split("+")[-1] for spec in root.iter("fontspec")
    }
    found: dict[str, set[str]] = {}
    for run in root.iter("text"):
        for char in CJK.findall("".join(run.itertext())):
            found.setdefault(char, set()).add(families[run.get("font")])
    return found


@pytest.fixture(scope="module")
def japanese_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cjk")
    doc = folder / "quotes.qmd"
    doc.write_text(DOC, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = render(doc, to="pdf", engine="offline", log=lambda _m: None)
    return result.files[0]


def test_japanese_quotes_round_trip_through_the_pdf_text(japanese_pdf: Path) -> None:
    text = squashed(pdf_text(japanese_pdf))
    assert f"「{NAME}」" in text
    assert f"「{TRANCHE}」" in text
    assert "引用/Quotes" in text


def test_the_japanese_fonts_are_embedded(japanese_pdf: Path) -> None:
    fonts = poppler("pdffonts", str(japanese_pdf)).splitlines()[2:]
    embedded = {line.split()[0].split("+")[-1] for line in fonts if " yes " in line}
    assert any(name.startswith("NotoSerifJP") for name in embedded), fonts  # text
    assert any(name.startswith("NotoSansJP") for name in embedded), fonts  # code
    assert any(name.startswith("LibertinusSerif") for name in embedded), fonts  # Latin text


def test_every_japanese_character_is_a_real_glyph(japanese_pdf: Path) -> None:
    drawn = drawn_in(japanese_pdf)
    wanted = set(CJK.findall(DOC))
    assert wanted - drawn.keys() == set(), "drawn as .notdef boxes (dropped by poppler)"
    not_noto = {c: f for c, f in drawn.items() if not all(n.startswith("Noto") for n in f)}
    assert not_noto == {}


def test_latin_text_keeps_its_font(japanese_pdf: Path) -> None:
    root = ET.fromstring(poppler("pdftohtml", "-xml", "-stdout", "-i", "-q", str(japanese_pdf)))
    families = {s.get("id"): (s.get("family") or "") for s in root.iter("fontspec")}
    latin = [r for r in root.iter("text") if "SoftBank" in "".join(r.itertext())]
    assert latin
    assert all("LibertinusSerif" in families[r.get("font")] for r in latin)


def test_a_second_render_gives_the_same_bytes(
    japanese_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "quotes.qmd"
    doc.write_text(DOC, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = render(doc, to="pdf", engine="offline", log=lambda _m: None).files[0]
    assert again.read_bytes() == japanese_pdf.read_bytes()


def test_the_fonts_come_from_the_installed_package() -> None:
    files = typst_pdf.cjk_font_files()
    assert [f.name for f in files] == ["NotoSerifJP-Regular.otf", "NotoSansJP-Regular.otf"]
    dist = metadata.distribution(typst_pdf.CJK_FONT_PACKAGE)
    for f in files:
        assert f.is_file()
        assert f.parent == Path(str(dist.locate_file("pylopdf_fonts_jp")))


def test_a_missing_font_package_is_an_error_not_tofu(
    write_qmd: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> metadata.Distribution:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(typst_pdf.metadata, "distribution", missing)
    doc = write_qmd(f"「{NAME}」\n")
    with pytest.raises(RenderError, match="pylopdf-fonts-jp"):
        render(doc, to="pdf", engine="offline", log=lambda _m: None)
