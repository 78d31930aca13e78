"""Document metadata for one format: ``format:`` overrides, the date keywords, pandoc options."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from openai_funding.render import language
from openai_funding.render.errors import InputError
from openai_funding.render.qmd import Document, deep_merge

#: Keys handled here or by the engine, never passed to pandoc as metadata.
_ENGINE_KEYS = {"format", "execute", "jupyter", "project", "engine", "date-format", "filters"}
#: Quarto's names for our two targets.
FORMAT_KEYS = {"html": ("html",), "pdf": ("typst", "pdf")}

#: The ``date-format`` styles read: CLDR's four (what Quarto's ``Intl`` formatting gives), and ISO.
_STYLES = ("full", "long", "medium", "short", "iso")
#: The keys of :func:`language.words` the engine's Lua filter uses, passed as ``of-words``.
_FILTER_WORDS = (
    "crossref-fig-title",
    "crossref-tbl-title",
    "crossref-sec-prefix",
    "callout-note-title",
    "callout-tip-title",
    "callout-warning-title",
    "callout-caution-title",
    "callout-important-title",
    "skip-link",
)


def now() -> dt.datetime:
    """The render time: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except ValueError:
            raise InputError(Path("SOURCE_DATE_EPOCH"), f"not an integer: {epoch!r}") from None
    return dt.datetime.now(tz=dt.UTC).astimezone()


def _locale(lang: str) -> Any:
    """Babel's locale for a BCP 47 tag, else for its language, else English."""
    from babel import Locale, UnknownLocaleError

    for tag in (lang.replace("-", "_"), language.primary(lang)):
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


def format_date(value: Any, style: str | None, path: Path, lang: str = "en") -> Any:
    """Resolve ``today``/``now``/``last-modified`` and apply a ``date-format`` style in the
    document's ``lang``, as Quarto does (CLDR's patterns, through Babel): ``long`` is
    "November 27, 2026" in English and "27 novembre 2026" in French."""
    when: dt.datetime | dt.date | None = None
    if value == "today":
        when = now().date()
    elif value == "now":
        when = now()
    elif value == "last-modified":
        when = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    elif isinstance(value, dt.date):
        when = value
    elif isinstance(value, str):
        try:
            when = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if when is None:
        return value
    if style is None:
        style = "long"
    if style not in _STYLES:
        raise InputError(path, f"date-format {style!r} is not one of {', '.join(_STYLES)}")
    if style == "iso":
        text = when.strftime("%Y-%m-%d")
    else:
        from babel.dates import format_date as cldr_date

        text = cldr_date(when, style, locale=_locale(lang))
    if value == "now" and isinstance(when, dt.datetime):
        text += when.strftime(" %H:%M")
    return text


def for_format(doc: Document, target: str) -> dict[str, Any]:
    """The document's metadata with the ``format:`` settings for ``target`` merged in."""
    meta = dict(doc.metadata)
    fmt = meta.get("format")
    if isinstance(fmt, dict):
        for key in FORMAT_KEYS[target]:
            if isinstance(fmt.get(key), dict):
                meta = deep_merge(meta, fmt[key])
                break
    return meta


def pandoc_metadata(doc: Document, meta: dict[str, Any]) -> dict[str, Any]:
    """What pandoc sees as metadata (title block fields and the like), dates resolved."""
    out = {k: v for k, v in meta.items() if k not in _ENGINE_KEYS}
    lang = language.lang_of(meta)
    words = language.words(meta)
    if "date" in out:
        out["date"] = format_date(out["date"], meta.get("date-format"), doc.path, lang)
        # Quarto labels the date of its title block ("Published" unless `language:` renames
        # it); pandoc's templates show the bare date, so the label goes before it.
        given = meta.get("language")
        label = given.get("title-block-published") if isinstance(given, dict) else None
        if isinstance(label, str) and label:
            out["date"] = f"{label} {out['date']}"
    for key in ("toc", "number-sections", "toc-depth", "embed-resources"):
        out.pop(key, None)
    # Quarto titles the table of contents in the document's language; pandoc's HTML template
    # shows no title unless given one, and typst titles it "Contents" in English. An English
    # document keeps pandoc's (see DIFFERENCES.md); another language gets Quarto's words.
    if meta.get("toc") and "toc-title" not in out and language.primary(lang) != "en":
        out["toc-title"] = words["toc-title-document"]
    # pandoc's typst template tags the text (and the PDF) "<lang>-US" unless told the region:
    # a tag without one gets its likely region, so "fr" is "fr-FR", not "fr-US".
    region = language.likely_region(lang)
    if region and "region" not in out:
        out["region"] = region
    out["of-words"] = {key: words[key] for key in _FILTER_WORDS}
    if "title" not in out:
        out["pagetitle"] = doc.name
    return out


def pandoc_options(meta: dict[str, Any]) -> list[str]:
    """Command-line options for the metadata keys pandoc only takes as options."""
    args = []
    if meta.get("toc"):
        args.append("--toc")
        args.append(f"--toc-depth={int(meta.get('toc-depth', 3))}")
    if meta.get("number-sections"):
        args.append("--number-sections")
    return args


def lua_filters(meta: dict[str, Any], folder: Path) -> list[str]:
    """``--lua-filter`` options for the document's ``filters:`` (Lua files; :func:`~.qmd.parse`
    made the paths absolute, from the project root for ``_quarto.yml``'s and from the document's
    folder for its own; a relative path left is read from ``folder``), run after the engine's own
    filter (Quarto runs them before its own: see DIFFERENCES.md)."""
    names = meta.get("filters") or []
    if not isinstance(names, list):
        names = [names]
    out = []
    for name in names:
        path = name.get("path") if isinstance(name, dict) else name
        if not isinstance(path, str) or not path.endswith(".lua"):
            raise InputError(folder, f"filters: only Lua files are supported, not {path!r}")
        if not (folder / path).is_file():
            raise InputError(folder / path, "the Lua filter listed in filters: does not exist")
        out.append(f"--lua-filter={(folder / path).resolve()}")
    return out
