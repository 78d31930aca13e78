"""Compile pandoc's typst output to PDF with the ``typst`` package (no system fonts)."""

from __future__ import annotations

import datetime as dt
from importlib import metadata
from pathlib import Path

from openai_funding.render.errors import RenderError

#: The PyPI package that ships the Japanese fonts: Noto Serif JP and Noto Sans JP Regular, the
#: JP subset OTFs of Google's noto-cjk, under the SIL Open Font License 1.1.
CJK_FONT_PACKAGE = "pylopdf-fonts-jp"
#: Its font files, in the order of the families in ``filters/typst-header.typ``.
CJK_FONT_FILES = ("NotoSerifJP-Regular.otf", "NotoSansJP-Regular.otf")


def cjk_font_files(document: Path | None = None) -> list[Path]:
    """The Japanese font files of the installed :data:`CJK_FONT_PACKAGE` (found by its record
    of installed files, so it works wherever pip put it).

    Raises :class:`RenderError` when the package or a file is missing: without them typst
    would draw Japanese quotes as empty boxes.
    """
    where = document or Path(CJK_FONT_PACKAGE)
    hint = f"it comes with the `{CJK_FONT_PACKAGE}` package (`pip install {CJK_FONT_PACKAGE}`, "
    hint += "or `nox` installs it)"
    try:
        dist = metadata.distribution(CJK_FONT_PACKAGE)
    except metadata.PackageNotFoundError:
        raise RenderError(
            where, f"the Japanese fonts for the PDF are missing: {hint}", stage="typst compile"
        ) from None
    installed = {f.name: f for f in dist.files or ()}
    found: list[Path] = []
    for name in CJK_FONT_FILES:
        path = Path(str(dist.locate_file(installed[name]))) if name in installed else None
        if path is None or not path.is_file():
            raise RenderError(
                where,
                f"the font {name} is missing from the installed `{CJK_FONT_PACKAGE}`: "
                f"reinstall it (`pip install --force-reinstall {CJK_FONT_PACKAGE}`)",
                stage="typst compile",
            )
        found.append(path)
    return found


def compile_pdf(document: Path, typ: Path, out: Path, when: dt.datetime) -> None:
    """Compile ``typ`` to ``out``, stamping ``when`` as the creation time.

    The fonts are those embedded in the typst compiler (Libertinus Serif, New Computer Modern,
    DejaVu Sans Mono) and the two Japanese fonts of :func:`cjk_font_files`, never the machine's,
    so the PDF is the same on every machine. The root is ``/`` because figure paths are absolute.
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
    # typst takes folders (a file path is silently ignored); the package's folder holds only
    # these two fonts.
    font_dirs = sorted({str(f.parent) for f in cjk_font_files(document)})
    try:
        typst.compile(
            str(typ),
            output=str(out),
            root="/",
            font_paths=font_dirs,
            ignore_system_fonts=True,
            timestamp=int(when.timestamp()),
        )
    except typst.TypstError as exc:
        raise RenderError(document, str(exc), stage="typst compile") from None
