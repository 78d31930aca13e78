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
_LINK = re.compile(r"\[(.*?)\]\(<[^>]*>\)")
#: About how many characters of table text fit on one line of the PDF's text width.
LINE_CHARS = 105
_SPACE = re.compile(r"\s+")
#: White space a value's text folds into one space: any but the no-break spaces, which French
#: typography puts inside "13,1 %" and "110 milliards" so they never break across lines.
_FOLD = re.compile(r"[^\S\u00a0\u202f]+")


def text(value: object) -> str:
    """A value as inert Markdown text: control characters dropped, white space folded,
    every ASCII punctuation character escaped."""
    if value is None:
        return ""
    markdown = getattr(value, "markdown", None)
    if isinstance(value, str) and isinstance(markdown, str):
        return markdown  # a value that carries its claims (content.evidence.Marked)
    raw = str(value)
    raw = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch in "\t\n ")
    return _PUNCT.sub(r"\\\1", _FOLD.sub(" ", raw).strip(" \t\n\r\f\v"))


def link(label: object, url: object) -> str:
    """A Markdown link when ``url`` is a well-formed http(s) address, else the label as text."""
    address = str(url or "")
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc or _SPACE.search(address):
        return text(label)
    safe = quote(address, safe=":/?#[]@!$&'()*+,;=%-._~")
    return f"[{text(label)}](<{safe}>)"


#: A value that carries its claims, ``[$110bn]{.claim data-claims="c026"}``: its words.
_SPAN = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\{[^}]*\}")


def _plain(cell: str) -> str:
    """What a reader sees of an escaped Markdown cell: links and spans as their words, the
    escapes dropped, white space single."""
    plain = _LINK.sub(r"\1", _SPAN.sub(r"\1", cell))
    return " ".join(re.sub(r"\\(.)", r"\1", plain).split())


def _word_length(cell: str) -> int:
    """Length of the longest unbreakable word of an escaped cell (links count their label)."""
    return max((len(w) for w in re.split(r"[\s/-]+", _plain(cell))), default=0)


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

    def shares(self) -> list[float]:
        """Relative column widths that follow the content, as a browser lays out a table of
        automatic widths: each column at least as wide as its longest word (so nothing overflows
        on paper) and at most as wide as its longest cell (so a short column is not padded);
        the width left is shared in proportion to what each column needs to reach its longest
        cell, weighed by ``widths`` (so a column of sentences does not take the room that keeps
        names and titles to a line or two)."""
        weights = list(self.widths or [1] * len(self.columns))
        columns = [
            [text(head), *column]
            for head, column in zip(self.columns, zip(*self.rows, strict=False), strict=False)
        ] or [[text(head)] for head in self.columns]
        columns += [[text(head)] for head in self.columns[len(columns) :]]
        least = [(max(_word_length(c) for c in cells) + 2) / LINE_CHARS for cells in columns]
        most = [(max(len(_plain(c)) for c in cells) + 2) / LINE_CHARS for cells in columns]
        if sum(least) >= 1:
            return [f / sum(least) for f in least]
        if sum(most) <= 1:
            return [f / sum(most) for f in most]
        need = [(m - f) * w for f, m, w in zip(least, most, weights, strict=True)]
        spare = 1 - sum(least)
        return [f + spare * x / sum(need) for f, x in zip(least, need, strict=True)]

    def _repr_markdown_(self) -> str:
        # pandoc turns a pipe table whose separator line is long into relative widths, so cells
        # wrap instead of overflowing the page.
        dashes = [max(3, round(100 * share)) for share in self.shares()]
        head = "| " + " | ".join(text(c) for c in self.columns) + " |"
        sep = "|" + "|".join(":" + "-" * d for d in dashes) + "|"  # left-aligned columns
        body = ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join([head, sep, *body]) + "\n"

    def __len__(self) -> int:
        return len(self.rows)
