"""Markdown output that carries data safely: every cell is text, never markup.

Quarto and pandoc read cell outputs of type ``text/markdown`` as Markdown, so a cell holding
``<script>``, ``*bold*`` or ``@citation`` would be *interpreted*. Every ASCII punctuation character
of a value is therefore backslash-escaped (pandoc's Markdown allows that for all of them), and
links are written only for http(s) addresses.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

_PUNCT = re.compile("([" + re.escape(string.punctuation) + "])")
_SPACE = re.compile(r"\s+")


def text(value: object) -> str:
    """A value as inert Markdown text: control characters dropped, white space folded,
    every ASCII punctuation character escaped."""
    if value is None:
        return ""
    raw = str(value)
    raw = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch in "\t\n ")
    return _PUNCT.sub(r"\\\1", _SPACE.sub(" ", raw).strip())


def link(label: object, url: object) -> str:
    """A Markdown link when ``url`` is a well-formed http(s) address, else the label as text."""
    address = str(url or "")
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc or _SPACE.search(address):
        return text(label)
    safe = quote(address, safe=":/?#[]@!$&'()*+,;=%-._~")
    return f"[{text(label)}](<{safe}>)"


@dataclass
class Table:
    """A table for the report: column headers, rows of already-escaped Markdown cells.

    ``_repr_markdown_`` writes a pipe table (Quarto and pandoc give it its caption and number
    from the cell's ``tbl-cap`` and ``label``). ``widths`` are relative column widths for the PDF.
    ``records`` keeps the raw values so tests can check numbers, not pictures.
    """

    columns: Sequence[str]
    rows: list[list[str]]
    records: list[dict[str, object]] = field(default_factory=list)
    widths: Sequence[int] | None = None

    def _repr_markdown_(self) -> str:
        widths = self.widths or [1] * len(self.columns)
        total = sum(widths)
        # pandoc turns a pipe table whose separator line is long into relative widths, so cells
        # wrap instead of overflowing the page.
        dashes = [max(3, round(72 * w / total)) for w in widths]
        head = "| " + " | ".join(text(c) for c in self.columns) + " |"
        sep = "|" + "|".join("-" * d for d in dashes) + "|"
        body = ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join([head, sep, *body]) + "\n"

    def __len__(self) -> int:
        return len(self.rows)
