"""Compile pandoc's typst output to PDF with the ``typst`` package (no system fonts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openai_funding.render.errors import RenderError


def compile_pdf(document: Path, typ: Path, out: Path, when: dt.datetime) -> None:
    """Compile ``typ`` to ``out``, stamping ``when`` as the creation time.

    Only the fonts embedded in the typst compiler are used (Libertinus Serif, New Computer
    Modern, DejaVu Sans Mono), so the PDF is the same on every machine. The root is ``/`` because
    figure paths are absolute.
    """
    try:
        import typst
    except ImportError:
        raise RenderError(
            document,
            "the typst compiler is missing: it comes with the `typst` package "
            "(`pip install typst`, or `nox` installs it)",
            stage="typst compile",
        ) from None
    try:
        typst.compile(
            str(typ),
            output=str(out),
            root="/",
            font_paths=[],
            ignore_system_fonts=True,
            timestamp=int(when.timestamp()),
        )
    except typst.TypstError as exc:
        raise RenderError(document, str(exc), stage="typst compile") from None
