"""The words the engine writes itself, in the document's ``lang``, as Quarto words them.

Quarto takes them from ``src/resources/language/_language[-<lang>].yml`` and lets a document
override any of them with ``language: <key>: <words>``; the keys below are Quarto's, the words
those of its files (``_language.yml`` and ``_language-fr.yml``). Only English and French are
carried: another ``lang`` gets the English words (its dates are still written in its locale).
The one key that is not Quarto's, ``skip-link``, words the link that takes a keyboard past the
title block and the table of contents to the page's content (Quarto's pages say "Skip to
content" in English too).
"""

from __future__ import annotations

from typing import Any

#: Quarto's words for the keys the offline engine uses, by language.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "crossref-fig-title": "Figure",
        "crossref-tbl-title": "Table",
        "crossref-sec-prefix": "Section",
        "callout-note-title": "Note",
        "callout-tip-title": "Tip",
        "callout-warning-title": "Warning",
        "callout-caution-title": "Caution",
        "callout-important-title": "Important",
        "toc-title-document": "Table of contents",
        "title-block-published": "Published",
        "skip-link": "Skip to content",
    },
    "fr": {
        "crossref-fig-title": "Figure",
        "crossref-tbl-title": "Table",
        "crossref-sec-prefix": "Section",
        "callout-note-title": "Note",
        "callout-tip-title": "Astuce",
        "callout-warning-title": "Avertissement",
        "callout-caution-title": "Mise en garde",
        "callout-important-title": "Important",
        "toc-title-document": "Table des matières",
        "title-block-published": "Date de publication",
        "skip-link": "Aller au contenu",
    },
}


def lang_of(meta: dict[str, Any]) -> str:
    """The document's ``lang`` (a BCP 47 tag such as ``en``, ``fr`` or ``fr-CA``); ``en`` when
    it has none, as for pandoc and Quarto."""
    lang = meta.get("lang")
    return str(lang).strip() if isinstance(lang, str) and lang.strip() else "en"


def primary(lang: str) -> str:
    """The language subtag of a tag: ``fr`` for ``fr-CA``."""
    return lang.replace("_", "-").split("-")[0].lower()


def likely_region(lang: str) -> str | None:
    """The region a tag without one most likely means, from CLDR's likely subtags (``FR`` for
    ``fr``, ``US`` for ``en``); ``None`` for a tag that has a region or an unknown language."""
    from babel.core import get_global

    parts = lang.replace("_", "-").split("-")
    if len(parts) > 1:
        return None
    likely = get_global("likely_subtags").get(parts[0].lower())
    region = str(likely).split("_")[-1] if likely else ""
    return region if region.isalpha() and region.isupper() and len(region) == 2 else None


def words(meta: dict[str, Any]) -> dict[str, str]:
    """Quarto's words for the document's ``lang`` (English where it has none of its own), with
    the document's ``language:`` overrides."""
    table = {**WORDS["en"], **WORDS.get(primary(lang_of(meta)), {})}
    given = meta.get("language")
    if isinstance(given, dict):
        table.update({k: str(v) for k, v in given.items() if isinstance(v, str | int | float)})
    return table
