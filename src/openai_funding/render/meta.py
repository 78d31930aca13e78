"""Document metadata for one format: ``format:`` overrides, the date keywords, pandoc options."""

from __future__ import annotations

import datetime as dt
import os
import re
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


#: The tokens of a dayjs ``date-format`` pattern (Quarto's custom formats) read, and the CLDR
#: pattern letters that write the same thing; ``[...]`` is literal text in both.
_DAYJS = {
    "YYYY": "y",
    "YY": "yy",
    "MMMM": "MMMM",
    "MMM": "MMM",
    "MM": "MM",
    "M": "M",
    "DD": "dd",
    "D": "d",
    "dddd": "EEEE",
    "ddd": "EEE",
}
_DAYJS_TOKEN = re.compile(r"\[[^\]]*\]|" + "|".join(sorted(_DAYJS, key=len, reverse=True)))


def cldr_pattern(dayjs: str) -> str | None:
    """The CLDR pattern of a dayjs ``date-format`` pattern ("D MMMM YYYY" → "d MMMM y"), or
    ``None`` when it uses a token this engine does not read (letters outside ``[...]``)."""
    out, at = [], 0
    for match in _DAYJS_TOKEN.finditer(dayjs):
        between = dayjs[at : match.start()]
        if re.search(r"[A-Za-z]", between):
            return None
        out.append(f"'{between}'" if between.strip(" ,./-") else between)
        token = match.group()
        out.append(f"'{token[1:-1]}'" if token.startswith("[") else _DAYJS[token])
        at = match.end()
    tail = dayjs[at:]
    if re.search(r"[A-Za-z]", tail):
        return None
    out.append(tail)
    return "".join(out)


def format_date(value: Any, style: str | None, path: Path, lang: str = "en") -> Any:
    """Resolve ``today``/``now``/``last-modified`` and apply a ``date-format`` in the
    document's ``lang``, as Quarto does: a style (CLDR's patterns, through Babel: ``long`` is
    "November 27, 2026" in English and "27 novembre 2026" in French), ``iso``, or a dayjs
    pattern of days, months and years ("D MMMM YYYY": "27 November 2026")."""
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
    pattern = None if style in _STYLES else cldr_pattern(style)
    if style not in _STYLES and pattern is None:
        raise InputError(
            path,
            f"date-format {style!r} is not one of {', '.join(_STYLES)}, nor a pattern of "
            f"{', '.join(_DAYJS)}",
        )
    if pattern is not None:
        from babel.dates import format_date as cldr_date

        text = cldr_date(when, pattern, locale=_locale(lang))
    elif style == "iso":
        text = when.strftime("%Y-%m-%d")
    else:
        from babel.dates import format_date as cldr_date

        text = cldr_date(when, style, locale=_locale(lang))
    if value == "now" and isinstance(when, dt.datetime):
        text += when.strftime(" %H:%M")
    return text


def pdf_standards(doc: Document) -> tuple[str, ...]:
    """The PDF standards the document's PDF declares (Quarto's ``pdf-standard`` of the typst
    format, a name or a list: ``ua-1``, ``a-2b``...), lowercase, in order."""
    value = for_format(doc, "pdf").get("pdf-standard")
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str | int | float) for v in values):
        raise InputError(doc.path, f"pdf-standard {value!r} is not a standard's name or a list")
    return tuple(str(v).lower() for v in values)


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
    # Quarto titles the table of contents in the document's language ("Table of contents" in
    # English); pandoc's HTML template shows no title unless given one (a `nav` with no heading
    # for a screen reader), and typst titles it "Contents": both get Quarto's words.
    if meta.get("toc") and "toc-title" not in out:
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
