"""The French edition's words: every message the report's code marks has a French translation
with the same placeholders, no catalog keeps a message the code no longer uses, and the formats
are French ones."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from openai_funding.content.language import DICTIONARY, ENGLISH, language
from openai_funding.content.marked import Marked
from support import ROOT

CONTENT = ROOT / "src" / "openai_funding" / "content"
KEYWORDS = {"_": None, "N_": None, "p_": ((1, "c"), 2)}


def used_messages() -> dict[str, str]:
    """Every message the content modules mark (``lang._(...)``, ``N_(...)``, and
    ``lang.p_(context, ...)`` as ``context\x04message``, gettext's key) → where."""
    out: dict[str, str] = {}
    for path in sorted(CONTENT.glob("*.py")):
        for line, message, _comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            if isinstance(message, str) and message:
                key = f"{context}\x04{message}" if context else message
                out.setdefault(key, f"{path.relative_to(ROOT)}:{line}")
    return out


def french_catalogs() -> dict[str, dict[str, str]]:
    """Each catalog of the code's messages in locale/fr (file name → msgid → msgstr), fuzzy
    entries included; not the descriptor's texts (dictionary.po: tests/report/test_dictionary.py)."""
    out = {}
    for path in sorted((CONTENT / "locale" / "fr").glob("*.po")):
        if path.stem == DICTIONARY:
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh, locale="fr")
        out[path.name] = {
            (f"{m.context}\x04{m.id}" if m.context else str(m.id)): str(m.string)
            for m in catalog
            if m.id
        }
    return out


def placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}


def test_the_code_marks_messages() -> None:
    assert len(used_messages()) > 10  # the extraction finds the report's words


def test_every_message_has_a_french_translation() -> None:
    translated = {k: v for catalog in french_catalogs().values() for k, v in catalog.items() if v}
    missing = {m: where for m, where in used_messages().items() if m not in translated}
    assert not missing, f"messages without a French translation in locale/fr/*.po: {missing}"


def test_no_message_is_translated_two_ways_or_left_over() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for name, catalog in french_catalogs().items():
        for message, translation in catalog.items():
            if message in seen:
                other, before = seen[message]
                assert translation == before, f"{message!r}: {other} and {name} differ"
            seen[message] = (name, translation)
    unused = set(seen) - set(used_messages())
    assert not unused, f"translations of messages the code no longer uses: {sorted(unused)}"


def test_translations_keep_the_placeholders() -> None:
    for name, catalog in french_catalogs().items():
        for message, translation in catalog.items():
            assert placeholders(translation) == placeholders(message), (name, message)


def test_no_fuzzy_or_broken_entry() -> None:
    for path in sorted((CONTENT / "locale" / "fr").glob("*.po")):
        with path.open("rb") as fh:
            catalog = read_po(fh, locale="fr")
        assert not [m.id for m in catalog if m.id and m.fuzzy], path.name
        assert str(catalog.locale) == "fr", path.name


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", ["$110bn", "$6.6bn", "€93.21bn", "13.1%", "27 February 2026", "1 April 2026"]),
        (
            "fr",
            [
                "110\u00a0milliards de dollars",
                "6,6\u00a0milliards de dollars",
                "93,21\u00a0milliards d’euros",
                "13,1\u00a0%",
                "27 février 2026",
                "1er avril 2026",
            ],
        ),
    ],
)
def test_each_edition_writes_numbers_and_dates_its_own_way(code: str, expected: list[str]) -> None:
    lang = language(code)
    written = [
        lang.usd_bn(110e9),
        lang.usd_bn(6.6e9),
        lang.money_bn(93.21e9, "EUR", digits=2),
        lang.percent(110 / 840),
        lang.long_date(date(2026, 2, 27)),
        lang.long_date(date(2026, 4, 1)),
    ]
    assert written == expected


def test_a_filled_message_keeps_the_claims_of_its_values() -> None:
    french = language("fr")
    filled = french._("by {day}", day=Marked("31 mars 2026", ["c001"]))
    assert filled == "au plus tard le 31 mars 2026"
    assert 'data-claims="c001"' in filled.markdown  # type: ignore[attr-defined]
    assert ENGLISH._("by {day}", day="31 March 2026") == "by 31 March 2026"


def test_an_unknown_edition_is_refused() -> None:
    with pytest.raises(ValueError, match="'de'"):
        language("de")


def test_the_catalogs_are_shipped_with_the_package() -> None:
    assert Path(CONTENT / "locale" / "fr").is_dir()
    assert language("fr").messages  # read through importlib.resources


def test_french_no_break_spaces_survive_in_markdown() -> None:
    from openai_funding.content.markdown import text

    french = language("fr")
    assert "\u00a0" in text(french.percent(0.131))  # "13,1 %" never breaks before the sign
    assert "\u00a0" in text(french.usd_bn(110e9))
    assert text("a \t\n b") == "a b"  # other white space still folds


def test_one_english_word_in_two_senses_gets_two_french_words() -> None:
    french = language("fr")
    assert french._("Record") == "Opération"  # a financing record: a round, a sale
    assert french.p_("table row", "Record") == "Enregistrement"  # a row of a table
    assert ENGLISH.p_("table row", "Record") == "Record"
