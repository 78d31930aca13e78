"""Helpers for the render tests: render a fixture copy at a fixed time, read PDF text.

Named uniquely (not ``conftest``) so test modules can import it without clashing with other
folders' conftest modules.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from openai_funding.render import RenderResult, render

FIXTURES = Path(__file__).parent / "fixtures"
#: 2026-01-01T00:00:00Z, the reproducible render time of every test render.
EPOCH = "1767225600"


def pdf_text(pdf: Path) -> str:
    """The PDF's text through poppler's ``pdftotext`` (layout off: reading order)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils")
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


@dataclass
class Rendered:
    """One render of a fixture: its result, parsed HTML and PDF text."""

    result: RenderResult
    html: Path
    pdf: Path
    messages: list[str]

    @property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html.read_text(encoding="utf-8"), "html.parser")

    @property
    def text(self) -> str:
        return pdf_text(self.pdf)


def render_fixture(
    name: str,
    dest: Path,
    *,
    document: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Rendered:
    """Copy ``fixtures/<name>`` to ``dest`` and render it offline at the fixed time."""
    src = FIXTURES / name
    shutil.copytree(src, dest / name)
    doc = dest / name / (document or f"{name}.qmd")
    messages: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = render(
            doc, engine="offline", output_dir=dest / "out", env=env, log=messages.append
        )
    stem = doc.stem
    return Rendered(result, dest / "out" / f"{stem}.html", dest / "out" / f"{stem}.pdf", messages)
