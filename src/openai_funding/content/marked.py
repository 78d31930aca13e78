"""Text that carries its evidence: a value's plain text that also knows the claims behind it
(:class:`Marked`), how a derived value was computed (:func:`derived`), and pieces of such text
joined into one (:func:`join`). Nothing here reads the data: :mod:`~.evidence` finds the claims."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Self

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Marked(str):
    """A value as plain text (the ``str`` itself) that also knows the claims behind it.

    :func:`openai_funding.content.markdown.text` writes it as a claim span instead of escaping
    it; anywhere else it is the plain text it reads as."""

    claims: tuple[str, ...]
    how: str
    markdown: str

    def __new__(
        cls, plain: str, claims: Iterable[str] = (), how: str = "", markdown: str | None = None
    ) -> Self:
        self = super().__new__(cls, plain)
        self.claims = tuple(dict.fromkeys(c for c in claims if _ID.match(c)))
        self.how = _attribute(how)
        self.markdown = markdown if markdown is not None else _span(plain, self.claims, self.how)
        return self


def _attribute(value: str) -> str:
    """Text safe inside a double-quoted pandoc attribute: no quote, backslash or control."""
    value = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")
    return value.replace("\\", "/").replace('"', "”").strip()


def _span(plain: str, claims: tuple[str, ...], how: str) -> str:
    from openai_funding.content.markdown import text

    if not claims and not how:
        return text(plain)
    attrs = f'.claim data-claims="{" ".join(claims)}"'
    if how:
        attrs += f' .derived data-how="{how}"'
    return f"[{text(plain)}]{{{attrs}}}"


def derived(plain: object, how: str, *inputs: object) -> Marked:
    """A computed value: how it was computed and the claims of its inputs."""
    ids: list[str] = []
    for value in inputs:
        ids.extend(value.claims if isinstance(value, Marked) else ())
    return Marked(str(plain), ids, how)


def join(*parts: object) -> str:
    """Pieces of text, some of them carrying claims, as one value (Markdown keeps the spans)."""
    from openai_funding.content.markdown import text

    if not any(isinstance(p, Marked) for p in parts):
        return "".join(str(p) for p in parts)

    def piece(part: object) -> str:
        if isinstance(part, Marked):
            return text(part)
        raw = str(part)
        # the white space that text() folds away, kept as one space (a no-break space stays)
        folded = " \t\n\r\f\v"
        lead = " " if raw[:1] and raw[:1] in folded else ""
        trail = " " if raw[-1:] and raw[-1:] in folded and raw.strip() else ""
        return lead + text(raw) + trail

    plain = "".join(str(p) for p in parts)
    return Marked(plain, (), "", "".join(piece(p) for p in parts))
