"""The English and French editions state the same facts: the same claimed values in the same
order, and the same amounts and dates anywhere in their text, read with the package's parser of
values written in English or French."""

from __future__ import annotations

from pathlib import Path

import pytest

from editions import claimed_values, money_and_dates, reading_of


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
