"""Compile pandoc's typst output to PDF with the ``typst`` package (no system fonts), to the
PDF standards the document names (the report: PDF/UA-1)."""

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

#: Every PyPI package of fonts the PDF draws with, what the fonts are for and their files (all
#: Noto, SIL Open Font License 1.1): the quotes are printed as written, in Japanese, Chinese
#: (simplified) or Korean, and an emoji a source wrote (PDF/UA-1 refuses a character that no
#: font can draw).
FONT_PACKAGES = {
    CJK_FONT_PACKAGE: ("Japanese", CJK_FONT_FILES),
    "pylopdf-fonts-zh-cn": ("Chinese", ("NotoSerifSC-Regular.otf", "NotoSansSC-Regular.otf")),
    "pylopdf-fonts-ko": ("Korean", ("NotoSerifKR-Regular.otf", "NotoSansKR-Regular.otf")),
    "manimgx-fonts": ("emoji", ("NotoEmoji[wght].ttf",)),
}


def package_font_files(package: str, document: Path | None = None) -> list[Path]:
    """The font files of the installed font ``package`` (one of :data:`FONT_PACKAGES`, found
    by its record of installed files, so it works wherever pip put it).

    Raises :class:`RenderError` when the package or a file is missing: without them typst
    would draw those quotes as empty boxes.
    """
    what, files = FONT_PACKAGES[package]
    where = document or Path(package)
    hint = f"it comes with the `{package}` package (`pip install {package}`, "
    hint += "or `nox` installs it)"
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise RenderError(
            where, f"the {what} fonts for the PDF are missing: {hint}", stage="typst compile"
        ) from None
    installed = {f.name: f for f in dist.files or ()}
    found: list[Path] = []
    for name in files:
        path = Path(str(dist.locate_file(installed[name]))) if name in installed else None
        if path is None or not path.is_file():
            raise RenderError(
                where,
                f"the font {name} is missing from the installed `{package}`: "
                f"reinstall it (`pip install --force-reinstall {package}`)",
                stage="typst compile",
            )
        found.append(path)
    return found


def cjk_font_files(document: Path | None = None) -> list[Path]:
    """The Japanese font files (:data:`CJK_FONT_PACKAGE`)."""
    return package_font_files(CJK_FONT_PACKAGE, document)


def font_files(document: Path | None = None) -> list[Path]:
    """The files of every font of :data:`FONT_PACKAGES`, package by package."""
    return [f for package in FONT_PACKAGES for f in package_font_files(package, document)]


def compile_pdf(
    document: Path, typ: Path, out: Path, when: dt.datetime, standards: tuple[str, ...] = ()
) -> None:
    """Compile ``typ`` to ``out``, a tagged PDF, stamping ``when`` as the creation time.

    ``standards`` are the PDF standards it declares (the document's ``pdf-standard``: the
    report's is ``ua-1``, PDF/UA-1, universal accessibility, ISO 14289-1). typst checks them as
    it writes (tags, a title, a language, a text alternative for every image, every character
    drawn by a font), refuses a document that breaks them, and records them in the file's XMP
    (``pdfuaid:part`` 1).

    The fonts are those embedded in the typst compiler (Libertinus Serif, New Computer Modern,
    DejaVu Sans Mono) and those of :func:`font_files`, never the machine's, so the PDF is the
    same on every machine. The root is ``/`` because figure paths are absolute.
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
    # typst takes folders (a file path is silently ignored); each package's folder holds its
    # fonts (manimgx-fonts' holds other Noto fonts too, which the document never names).
    font_dirs = sorted({str(f.parent) for f in font_files(document)})
    try:
        typst.compile(
            str(typ),
            output=str(out),
            root="/",
            font_paths=font_dirs,
            ignore_system_fonts=True,
            timestamp=int(when.timestamp()),
            **({"pdf_standards": list(standards)} if standards else {}),
        )
    except typst.TypstError as exc:
        raise RenderError(document, str(exc), stage="typst compile") from None
