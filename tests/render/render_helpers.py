"""Helpers for the render tests: render a fixture copy at a fixed time, read PDF text.

Named uniquely (not ``conftest``) so test modules can import it without clashing with other
folders' conftest modules.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def png_bytes(width: int, height: int) -> bytes:
    """A valid red RGB PNG, written by hand so no imaging library is needed."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_render.py"


def load_bench() -> Any:
    """The benchmark script as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("bench_render", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
