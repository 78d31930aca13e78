"""The offline backend: nbclient for the cells, pandoc for HTML and typst, typst for the PDF."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from openai_funding.render import charts, meta, pandoc
from openai_funding.render.execute import Executed, execute
from openai_funding.render.outputs import build_markdown
from openai_funding.render.qmd import Document
from openai_funding.render.typst_pdf import compile_pdf

_BUNDLE_PLACEHOLDER = '<script id="of-vega-bundle"></script>'


def _write_meta(doc: Document, target: str, path: Path) -> list[str]:
    """Write pandoc's metadata file for ``target``; return the matching pandoc options."""
    m = meta.for_format(doc, target)
    data = meta.pandoc_metadata(doc, m)
    data["of-docdir"] = doc.path.parent.resolve().as_posix()
    data["of-number-sections"] = bool(m.get("number-sections"))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return meta.pandoc_options(m) + meta.lua_filters(m, doc.path.parent)


def render_document(
    doc: Document,
    targets: tuple[str, ...],
    stage: Path,
    env: Mapping[str, str] | None,
    log: Callable[[str], object],
    executed: Executed | None = None,
) -> tuple[dict[str, Path], dict[str, float]]:
    """Render ``doc`` to each target in ``stage``; return the staged files and stage times.

    ``executed`` is what a warm kernel already produced for ``doc`` (see ``session``); without
    it, the cells run now in a kernel of their own.
    """
    timings: dict[str, float] = {}
    build = stage / "build" / doc.name
    build.mkdir(parents=True)
    if executed is None:
        executed = execute(doc, env=env, log=log)
    timings.update(executed.timings)
    out_dir = stage / "out"
    out_dir.mkdir(exist_ok=True)
    makers = {"html": _html, "pdf": _pdf}
    # The page and the PDF are made at the same time: most of each is pandoc and typst.
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = {
            t: pool.submit(makers[t], doc, executed, build, out_dir, log, timings) for t in targets
        }
        staged = {t: job.result() for t, job in jobs.items()}
    return staged, timings


def _html(
    doc: Document,
    executed: Executed,
    build: Path,
    out_dir: Path,
    log: Callable[[str], object],
    timings: dict[str, float],
) -> Path:
    """The self-contained page: pandoc's HTML with the vega bundle inlined."""
    t = time.perf_counter()
    built = build_markdown(doc, executed, "html", build)
    md = build / f"{doc.name}.html.md"
    md.write_text(built.markdown, encoding="utf-8")
    options = _write_meta(doc, "html", metafile := build / "html.yml")
    head = build / "head.html"
    after = build / "after.html"
    css = pandoc.filter_path("page.css").read_text(encoding="utf-8")
    if meta.for_format(doc, "html").get("toc-location") == "left":
        css += pandoc.filter_path("toc-left.css").read_text(encoding="utf-8")
    head.write_text(
        f"<style>\n{css}</style>\n" + (_BUNDLE_PLACEHOLDER + "\n" if built.charts else ""),
        encoding="utf-8",
    )
    after.write_text(charts.LOADER if built.charts else "", encoding="utf-8")
    out = build / f"{doc.name}.html"
    warnings = pandoc.to_html(doc.path, md, metafile, out, options, head=head, after=after)
    _log_warnings(log, warnings)
    page = out.read_text(encoding="utf-8")
    if built.charts:
        page = page.replace(_BUNDLE_PLACEHOLDER, charts.bundle_script(built.vl_version), 1)
    final = out_dir / f"{doc.name}.html"
    final.write_text(page, encoding="utf-8")
    timings["pandoc html"] = time.perf_counter() - t
    return final


def _pdf(
    doc: Document,
    executed: Executed,
    build: Path,
    out_dir: Path,
    log: Callable[[str], object],
    timings: dict[str, float],
) -> Path:
    """The PDF: pandoc's typst source (charts as SVG), compiled by typst."""
    t = time.perf_counter()
    built = build_markdown(doc, executed, "typst", build)
    md = build / f"{doc.name}.typst.md"
    md.write_text(built.markdown, encoding="utf-8")
    options = _write_meta(doc, "pdf", metafile := build / "typst.yml")
    typ = build / f"{doc.name}.typ"
    _log_warnings(log, pandoc.to_typst(doc.path, md, metafile, typ, options))
    timings["pandoc typst"] = time.perf_counter() - t
    t = time.perf_counter()
    final = out_dir / f"{doc.name}.pdf"
    compile_pdf(doc.path, typ, final, meta.now(), meta.pdf_standards(doc))
    timings["typst compile"] = time.perf_counter() - t
    return final


def _log_warnings(log: Callable[[str], object], text: str) -> None:
    for line in text.splitlines():
        if line.strip():
            log(f"pandoc: {line.strip()}")
