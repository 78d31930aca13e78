"""The English and French editions state the same facts: the same claimed values in the same
order, and the same amounts and dates anywhere in their text, read with the package's parser of
values written in English or French."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editions import claimed_values, money_and_dates, reading_of
from support import DESCRIPTOR


@pytest.fixture(scope="module")
def editions(built_site: Path) -> tuple[str, str]:
    """The two pages of the site built once per run (tests/conftest.py)."""
    out = built_site / "_site"
    return (
        (out / "index.html").read_text(encoding="utf-8"),
        (out / "fr" / "index.html").read_text(encoding="utf-8"),
    )


def test_the_parser_reads_both_editions_words_alike() -> None:
    pairs = [
        ("$110bn", "110\u00a0milliards de dollars"),
        ("€93.21bn", "93,21\u00a0milliards d’euros"),
        ("13.1%", "13,1\u00a0%"),
        ("1.1801", "1,1801"),
        ("27 February 2026", "27 février 2026"),
        ("1 April 2026", "1er avril 2026"),
        ("up to $100bn", "jusqu’à 100\u00a0milliards de dollars"),
        ("$110bn", "110\u00a0Md$"),
        ("yes", "oui"),
        ("secondary", "secondaire"),
    ]
    for english, french in pairs:
        assert reading_of(english, "en") == reading_of(french, "fr"), (english, french)
    assert reading_of("$110bn", "en") != reading_of("110\u00a0milliards d’euros", "fr")
    assert reading_of("yes", "en") != reading_of("non", "fr")
    assert reading_of("1 April 2026", "en") != reading_of("1er mai 2026", "fr")


@pytest.mark.slow
def test_both_editions_state_the_same_claimed_values(editions: tuple[str, str]) -> None:
    english, french = (claimed_values(page) for page in editions)
    assert len(english) > 100  # every claimed number of the page
    assert [s.claims for s in french] == [s.claims for s in english]
    differ = [(e, f) for e, f in zip(english, french, strict=True) if e.reading != f.reading]
    assert not differ, differ[:5]
    assert not [s for s in english if s.reading[0] == "words"]  # the parser read every one


@pytest.mark.slow
def test_both_editions_write_the_same_amounts_and_dates(editions: tuple[str, str]) -> None:
    english, french = (money_and_dates(page) for page in editions)
    assert sum(english.values()) > 100
    assert english - french == french - english == {}, (english - french, french - english)
    assert not [r for r in english if r[0] == "words"]


def test_amounts_and_dates_are_read_whole_and_apart() -> None:
    page = (
        '<html lang="fr"><body><table><tr><td>1 sur 2</td>\n<td>15\u00a0milliards de dollars'
        "</td><td>1er avril 2026</td></tr></table><script>'$99bn'</script></body></html>"
    )
    assert money_and_dates(page) == {
        reading_of("$15bn", "en"): 1,
        reading_of("1 April 2026", "en"): 1,
    }


def test_french_edition_shows_no_english_descriptor_text(editions: tuple[str, str]) -> None:
    """The data dictionary and the downloads: each title and description of the descriptor that
    the English edition shows, the French shows in French (locale/fr/dictionary.po)."""
    from openai_funding.content.dictionary import shown_texts
    from openai_funding.content.language import dictionary_catalog

    english_page, french_page = (reader_text(page) for page in editions)
    french = dictionary_catalog("fr")
    texts = shown_texts(json.loads(DESCRIPTOR.read_text(encoding="utf-8")))
    shown = [t for t in texts if unquoted(t.text) in english_page]
    assert len(shown) > 150  # the tables' titles and descriptions, the fields' descriptions
    left = [t.where for t in shown if french[t.text] != t.text and unquoted(t.text) in french_page]
    assert left == []
    missing = [t.where for t in shown if unquoted(french[t.text]) not in french_page]
    assert missing == []


def displayed_labels(descriptor: str) -> list[tuple[str, str, str, str, str]]:
    """Each label the report shows in its own words (a cell of a field marked ``translated``),
    with its French text: (resource, key, field, English, French)."""
    from openai_funding.checks.frames import keys_of
    from openai_funding.package.descriptor import read_package
    from openai_funding.package.loading import load

    package = read_package(descriptor)
    tables = load(package)
    texts = tables["translations"]
    french = {
        (r, k, f): t
        for r, k, f, lang, t in texts[
            ["resource", "record_id", "field", "lang", "text"]
        ].itertuples(index=False)
        if lang == "fr"
    }
    out = []
    for name, res in package.tabular.items():
        frame = tables[name]
        for field in res.translated:
            for key, cell in zip(keys_of(frame, res.key), frame[field], strict=True):
                if isinstance(cell, str):
                    plain = unquoted(cell)
                    translated = unquoted(french[(name, str(key), field)])
                    out.append((name, str(key), field, plain, translated))
    return out


def reader_text(html: str) -> str:
    """What a reader of the page reads in the report's own words: its text without scripts and
    without quotes (``« … »``: they stay in their source's language)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return unquoted(soup.get_text(" "))


def unquoted(text: str) -> str:
    """``text`` with its quotes (``« … »``) left out and its white space made single spaces."""
    return " ".join(re.sub(r"«[^»]*»", " ", text).split())


def test_french_edition_shows_no_english_label_of_the_data(editions: tuple[str, str]) -> None:
    english_page, french_page = (reader_text(page) for page in editions)
    labels = displayed_labels(str(DESCRIPTOR))
    shown = [label for label in labels if label[3] in english_page]
    assert len(shown) > 40  # names, titles, conditions, statements, publishers
    left = [label[:4] for label in shown if label[3] != label[4] and label[3] in french_page]
    assert left == []
    missing = [label[:3] for label in shown if label[4] not in french_page]
    assert missing == []  # every label the English edition shows, the French shows in French
