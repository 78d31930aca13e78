"""The descriptor's texts in the French edition: every title and description of datapackage.json
that the report shows has a French text in locale/fr/dictionary.po, keyed by the English text, so
that a changed English text shows as untranslated; the catalog keeps no text the descriptor no
longer has, and the template for translators lists them all."""

from __future__ import annotations

import copy
import json
import re

import pytest
from babel.messages.pofile import read_po

from openai_funding.content.dictionary import main, shown_texts, template, untranslated
from openai_funding.content.language import DICTIONARY, dictionary_catalog, language
from support import ROOT

#: What an English text names as it is: field names and codes (``a_b``, ``a-b``), ``asOf``,
#: upper-case codes, standards.
IDENTIFIER = re.compile(r"\b[a-z]+(?:[_.-][a-z0-9]+)+\b|\basOf\b|\b[A-Z]{4,}\b|ISO [0-9-]+")
#: Hyphenated English words that are words, not codes, in their texts: French says them its way.
PLAIN_WORDS = {"kebab-case", "as-converted", "human-readable", "e.g"}
CATALOG = ROOT / "src" / "openai_funding" / "content" / "locale" / "fr" / f"{DICTIONARY}.po"


@pytest.fixture(scope="module")
def descriptor() -> dict:
    return json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))


def test_the_shown_texts_are_every_title_and_description(descriptor: dict) -> None:
    texts = shown_texts(descriptor)
    fields = sum(len(r["schema"]["fields"]) for r in descriptor["resources"])
    assert len([t for t in texts if t.field is not None]) == fields
    assert len([t for t in texts if t.field is None]) == 2 * len(descriptor["resources"])
    grade = [t for t in texts if (t.resource, t.field) == ("outcomes", "grade")]
    assert grade[0].where == "resource 'outcomes', field 'grade': description"


def test_every_shown_text_has_a_french_text(descriptor: dict) -> None:
    missing = [t.where for t in untranslated(descriptor, dictionary_catalog("fr"))]
    assert not missing, f"descriptor texts with no French text in {CATALOG.name}: {missing}"


def test_a_changed_english_text_shows_as_untranslated(descriptor: dict) -> None:
    changed = copy.deepcopy(descriptor)
    (outcomes,) = [r for r in changed["resources"] if r["name"] == "outcomes"]
    (grade,) = [f for f in outcomes["schema"]["fields"] if f["name"] == "grade"]
    grade["description"] += " (changed)"
    outcomes["title"] = "Outcomes"
    found = [t.where for t in untranslated(changed, dictionary_catalog("fr"))]
    assert found == [
        "resource 'outcomes': title",
        "resource 'outcomes', field 'grade': description",
    ]
    assert language("fr").d_(grade["description"]) == grade["description"]  # shown as is


def test_the_catalog_keeps_no_text_the_descriptor_lost(descriptor: dict) -> None:
    with CATALOG.open("rb") as fh:
        catalog = read_po(fh, locale="fr")
    ids = {str(m.id) for m in catalog if m.id}
    assert not [m.id for m in catalog if m.id and m.fuzzy]
    assert not ids - {t.text for t in shown_texts(descriptor)}


def test_french_texts_keep_the_identifiers(descriptor: dict) -> None:
    """Field names, codes and standards named in an English text (``status_as_of``,
    ``not-known``, ``asOf``, ``PRIMARY``, ``ISO 8601``) are in its French text as they are."""
    french = dictionary_catalog("fr")
    for t in shown_texts(descriptor):
        for name in IDENTIFIER.findall(t.text):
            if name not in PLAIN_WORDS:
                assert name in french[t.text], (t.where, name)


def test_the_english_edition_keeps_the_english_texts(descriptor: dict) -> None:
    text = shown_texts(descriptor)[1].text
    assert language("en").d_(text) == text
    assert language("fr").d_(text) != text


def test_the_template_lists_each_text_once(tmp_path, descriptor: dict) -> None:
    out = tmp_path / "dictionary.pot"
    main([str(out), "--descriptor", str(ROOT / "datapackage.json")])
    with out.open("rb") as fh:
        pot = read_po(fh)
    ids = [str(m.id) for m in pot if m.id]
    assert len(ids) == len(set(ids)) == len({t.text for t in shown_texts(descriptor)})
    assert len(list(template(descriptor))) == len(list(pot))
    (status,) = [m for m in pot if m.id == "Date at which the status holds (ISO 8601)."]
    assert "commitments.status_as_of (description)" in status.auto_comments[0]
    assert "agreements.status_as_of (description)" in status.auto_comments[0]
