"""Turn executed cells into pandoc markdown for one output format.

Each output is shown through the first mime type in the format's priority list, as Quarto does
(``src/resources/jupyter/notebook.py`` and ``src/core/jupyter/jupyter.ts``): HTML prefers
``text/html`` over markdown, svg, png and plain text; typst prefers markdown, svg, png, then
``text/html`` only when it holds a ``<table>`` (the pandoc filter makes it a real table), then plain
text. Vega-Lite charts come first in both: an interactive embed in HTML, an SVG in typst. Images
are written to Quarto's figure layout, ``<name>_files/figure-<format>/<label>-output-<n>.<ext>``.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openai_funding.render import charts
from openai_funding.render.execute import Executed, strip_ansi
from openai_funding.render.preamble import VEGALITE_MIME
from openai_funding.render.qmd import INLINE, Cell, Document, Markdown

HTML_PRIORITY = (
    VEGALITE_MIME,
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/plain",
)
TYPST_PRIORITY = (
    VEGALITE_MIME,
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/html",
    "text/plain",
)
_IMAGE_EXT = {"image/svg+xml": "svg", "image/png": "png", "image/jpeg": "jpg"}
_STYLER_ID = re.compile(r'\bid="(T_[0-9a-f]{5,})"')
_ANY_ID = re.compile(r'\bid="([A-Za-z][\w-]*)"')
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)


@dataclass
class Built:
    """The markdown for one format and what it needs: chart count and Vega-Lite version."""

    markdown: str
    charts: int = 0
    vl_version: str | None = None
    files: list[Path] = field(default_factory=list)


def stable_ids(text: str, prefix: str) -> str:
    """Replace the random element ids of pandas Styler and great_tables with ``prefix-N``.

    A Styler table is ``id="T_<uuid>"`` with derived ids ``T_<uuid>_row0_col1``; great_tables
    writes a random ``id`` that its ``<style>`` targets as ``#id``. Both are renamed everywhere in
    the output, in order of appearance, so two renders give the same bytes.
    """
    names: list[str] = []
    for m in _STYLER_ID.finditer(text):
        if m.group(1) not in names:
            names.append(m.group(1))
    css = " ".join(_STYLE.findall(text))
    for m in _ANY_ID.finditer(text):
        ident = m.group(1)
        if ident not in names and not ident.startswith("T_") and f"#{ident}" in css:
            names.append(ident)
    for n, ident in enumerate(names, start=1):
        text = re.sub(rf"(?<![\w-]){re.escape(ident)}(?![A-Za-z0-9-])", f"{prefix}-{n}", text)
    return text


def fenced(text: str, classes: str) -> str:
    """A fenced code block long enough never to be closed by the text it holds."""
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return f"{fence} {{{classes}}}\n{text.rstrip(chr(10))}\n{fence}\n"


def raw_html(text: str) -> str:
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return f"{fence}{{=html}}\n{text.rstrip(chr(10))}\n{fence}\n"


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _attribute(text: str) -> str:
    """``text`` as the value of a quoted pandoc attribute (one line, quotes escaped)."""
    return " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"')


class _Writer:
    def __init__(self, doc: Document, executed: Executed, fmt: str, files_dir: Path) -> None:
        self.doc = doc
        self.executed = executed
        self.fmt = fmt
        self.files_dir = files_dir
        self.built = Built("")

    def image(self, stem: str, mime: str, data: Any, alt: str = "") -> str:
        """An image file and the markdown that shows it, with ``alt`` as its text alternative
        (what a screen reader reads, and what a tagged PDF/UA file requires of every image)."""
        self.files_dir.mkdir(parents=True, exist_ok=True)
        path = self.files_dir / f"{stem}.{_IMAGE_EXT[mime]}"
        if mime == "image/svg+xml":
            path.write_text(_text(data), encoding="utf-8")
        else:
            path.write_bytes(base64.b64decode(_text(data)))
        self.built.files.append(path)
        # the alt text is Quarto's `fig-alt` attribute: as the image's description it would also
        # become a caption (pandoc's implicit figure), inside the cell's own figure
        attrs = f'{{fig-alt="{_attribute(alt)}"}}' if alt.strip() else ""
        return f"![]({path.as_posix()}){attrs}\n"

    def chart(self, stem: str, spec: dict[str, Any]) -> str:
        self.built.charts += 1
        if self.built.vl_version is None:
            self.built.vl_version = charts.vl_version(spec)
        if self.fmt == "html":
            return raw_html(charts.html_embed(f"of-chart-{self.built.charts}", spec))
        alt = spec.get("description")
        return self.image(
            stem, "image/svg+xml", charts.svg(spec), alt if isinstance(alt, str) else ""
        )

    def display(self, data: dict[str, Any], stem: str, cell: Cell, asis: bool) -> str:
        priority = HTML_PRIORITY if self.fmt == "html" else TYPST_PRIORITY
        for mime in priority:
            if mime not in data:
                continue
            value = data[mime]
            if mime == VEGALITE_MIME:
                return self.chart(stem, value)
            if mime == "text/html":
                text = stable_ids(_text(value), f"of-c{cell.number}")
                if self.fmt == "html":
                    return text + "\n" if asis else raw_html(text)
                if "<table" not in text.lower():
                    continue
                return raw_html(text)
            if mime == "text/markdown":
                return _text(value) + "\n"
            if mime in _IMAGE_EXT:
                return self.image(stem, mime, value)
            if mime == "text/plain":
                text = strip_ansi(_text(value))
                return text + "\n" if asis else fenced(text, ".cell-output .cell-output-display")
        return ""

    def outputs(self, cell: Cell, opts: dict[str, Any]) -> list[str]:
        asis = opts["output"] == "asis"
        stem_base = str(opts.get("label") or f"cell-{cell.number}")
        parts: list[str] = []
        shown = 0
        for out in coalesce_streams(self.executed.outputs.get(cell.number, [])):
            kind = out.get("output_type")
            if kind == "stream":
                text = strip_ansi(_text(out.get("text", "")))
                if out.get("name") == "stderr":
                    if opts["warning"] is False:
                        continue
                    parts.append(fenced(text, ".cell-output .cell-output-stderr"))
                else:
                    parts.append(text if asis else fenced(text, ".cell-output .cell-output-stdout"))
            elif kind == "error":
                text = strip_ansi("\n".join(out.get("traceback") or []))
                parts.append(fenced(text, ".cell-output .cell-output-error"))
            elif kind in ("display_data", "execute_result"):
                shown += 1
                md = self.display(out.get("data") or {}, f"{stem_base}-output-{shown}", cell, asis)
                if md:
                    parts.append(md)
        return parts

    def cell(self, cell: Cell) -> str:
        opts = self.doc.cell_options(cell)
        if not opts["include"]:
            return ""
        parts: list[str] = []
        if opts["echo"]:
            parts.append(fenced(cell.source, ".python .cell-code"))
        outputs = self.outputs(cell, opts) if opts["output"] is not False else []
        label = str(opts.get("label") or "")
        kind = label.split("-", 1)[0] if label.startswith(("fig-", "tbl-")) else ""
        cap = opts.get("fig-cap") or opts.get("tbl-cap")
        if outputs and (kind or cap):
            kind = kind or ("tbl" if opts.get("tbl-cap") else "fig")
            ident = f"#{label} " if label.startswith(("fig-", "tbl-")) else ""
            inner = "\n".join(outputs)
            caption = f"\n::: of-caption\n{cap}\n:::\n" if cap else ""
            outputs = [f'::: {{{ident}.of-float of-kind="{kind}"}}\n{inner}{caption}:::\n']
        if not parts and not outputs:
            return ""
        body = "\n".join(parts + outputs)
        ident = f"#{label} " if label and not kind else ""
        return f":::: {{{ident}.cell}}\n{body}\n::::\n"

    def markdown(self, index: int, chunk: Markdown) -> str:
        counter = iter(range(10**9))

        def value(_m: re.Match[str]) -> str:
            return self.executed.inline.get((index, next(counter)), "")

        return INLINE.sub(value, chunk.text)

    def build(self) -> Built:
        parts = []
        for index, chunk in enumerate(self.doc.chunks):
            if isinstance(chunk, Markdown):
                parts.append(self.markdown(index, chunk))
            else:
                parts.append(self.cell(chunk))
        self.built.markdown = "\n".join(parts)
        return self.built


def build_markdown(doc: Document, executed: Executed, fmt: str, build_dir: Path) -> Built:
    """The document body as pandoc markdown for ``fmt`` (``"html"`` or ``"typst"``)."""
    files_dir = build_dir / f"{doc.name}_files" / f"figure-{fmt}"
    return _Writer(doc, executed, fmt, files_dir).build()


def coalesce_streams(outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive stream outputs of one name (stdout, stderr) joined into one, as Jupyter's
    front ends show them: how the kernel cuts a cell's printing into messages depends on
    timing (a busy machine cuts it more), and the page must not."""
    merged: list[dict[str, Any]] = []
    for out in outputs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and out.get("output_type") == "stream"
            and previous.get("output_type") == "stream"
            and out.get("name") == previous.get("name")
        ):
            merged[-1] = {
                **previous,
                "text": _text(previous.get("text", "")) + _text(out.get("text", "")),
            }
        else:
            merged.append(out)
    return merged
