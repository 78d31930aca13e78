"""What an edition of the report states: each claimed number, date and term of its page, read
with the package's written-value parser (:mod:`openai_funding.checks.written`), which reads
English and French alike. Two editions state the same facts when these readings agree."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bs4 import BeautifulSoup

from openai_funding.checks.written import (
    Reading,
    read_category,
    read_date,
    read_quantity,
)

#: Yes and no as the editions write them.
ANSWERS = {"yes": True, "oui": True, "no": False, "non": False}

#: Money and dates as either edition writes them in running text: ``$110bn``, ``€93.21bn``,
#: ``$1.4tn``, ``110 milliards de dollars``, ``93,21 milliards d'euros``, ``110 Md$``, ``27 February 2026``,
#: ``1er avril 2026``, ``April 2026``, ``2026-02-27``.
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
MONEY_OR_DATE = re.compile(
    r"[$€]\d[\d,.]*(?:bn|tn)"
    r"|\b\d{1,3}(?:[\u00a0\u202f]\d{3})*(?:,\d+)?[ \u00a0]milliards? d(?:e |’|')(?:dollars|euros)"
    r"|\b\d{1,3}(?:[\u00a0\u202f]\d{3})*(?:,\d+)?\u00a0Md[$€]"
    rf"|\b(?:\d{{1,2}}(?:er)? )?(?:{_MONTHS}) \d{{4}}\b"
    r"|\b\d{4}-\d\d-\d\d\b"
)


@dataclass(frozen=True)
class Stated:
    """One claimed value of a page: the claims it names and what its words state."""

    claims: str
    reading: object


def reading_of(words: str, language: str) -> object:
    """What ``words`` state, comparable across languages; the words themselves when the parser
    reads nothing (so two editions that differ there do not compare equal)."""
    plain = " ".join(words.split())
    found: Reading | None = (
        read_quantity(plain, language) or read_date(plain) or read_category(plain)
    )
    if found is not None:
        return (found.kind, found.value, found.unit, found.qualifier, found.precision)
    if plain.lower() in ANSWERS:
        return ("boolean", ANSWERS[plain.lower()])
    return ("words", plain)


def claimed_values(html: str) -> list[Stated]:
    """Each element of the page that carries claims, in page order, with its reading."""
    soup = BeautifulSoup(html, "html.parser")
    language = (soup.html.get("lang") if soup.html else None) or "en"
    return [
        Stated(" ".join(el["data-claims"].split()), reading_of(el.get_text(" "), language[:2]))
        for el in soup.select("[data-claims]")
    ]


def money_and_dates(html: str) -> Counter[object]:
    """Every amount of money and every date the page's text writes, as readings (a multiset)."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    language = (soup.html.get("lang") if soup.html else None) or "en"
    # white space as a reader sees it: a line break of the HTML source is a space; no-break
    # spaces stay, so an amount's own spaces are told from those between two table cells
    text = re.sub(r"[^\S\u00a0\u202f]+", " ", soup.get_text(" "))
    return Counter(reading_of(m.group(), language[:2]) for m in MONEY_OR_DATE.finditer(text))
