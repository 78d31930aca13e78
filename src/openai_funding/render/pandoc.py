"""Run pandoc (the binary shipped by ``pypandoc-binary``) with the package's Lua filter."""

from __future__ import annotations

import subprocess
from importlib import resources
from pathlib import Path

from openai_funding.render.errors import RenderError

#: pandoc's markdown, naming the extensions the backend relies on (all on by default).
READER = "markdown+fenced_divs+bracketed_spans+raw_attribute+implicit_figures"


def pandoc_path() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def filter_path(name: str) -> Path:
    """A file shipped in the package's ``filters`` folder."""
    return Path(str(resources.files("openai_funding.render") / "filters" / name))


def run(document: Path, args: list[str], stage: str) -> str:
    """Run pandoc with ``args``; return its warnings; raise :class:`RenderError` on failure."""
    try:
        exe = pandoc_path()
    except (ImportError, OSError) as exc:
        raise RenderError(
            document,
            f"pandoc is missing ({exc}): it comes with the pypandoc-binary package "
            "(`pip install pypandoc-binary`, or `nox` installs it), or install pandoc on PATH",
            stage=stage,
        ) from None
    proc = subprocess.run([exe, *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RenderError(document, proc.stderr or f"pandoc exited {proc.returncode}", stage=stage)
    return proc.stderr


def common(md: Path, meta: Path, options: list[str]) -> list[str]:
    return [
        str(md),
        f"--from={READER}",
        f"--metadata-file={meta}",
        f"--lua-filter={filter_path('quarto.lua')}",
        "--standalone",
        *options,
    ]


def to_html(
    document: Path,
    md: Path,
    meta: Path,
    out: Path,
    options: list[str],
    *,
    head: Path,
    after: Path,
) -> str:
    """Write a self-contained HTML page (``--embed-resources``: images become data URIs)."""
    args = [
        *common(md, meta, options),
        "--to=html5",
        "--embed-resources",
        f"--resource-path={document.parent}",
        f"--include-in-header={head}",
        f"--include-after-body={after}",
        f"--output={out}",
    ]
    return run(document, args, "pandoc html")


def to_typst(document: Path, md: Path, meta: Path, out: Path, options: list[str]) -> str:
    """Write a typst source file for the PDF (fonts, and figures that may break across pages:
    see ``filters/typst-header.typ``)."""
    args = [
        *common(md, meta, options),
        "--to=typst",
        f"--include-in-header={filter_path('typst-header.typ')}",
        f"--output={out}",
    ]
    return run(document, args, "pandoc typst")
