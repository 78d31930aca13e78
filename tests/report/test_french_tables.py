"""The French edition's tables and summaries: the same rows, records and claims as the English
ones, in French words, with amounts, dates, percentages and counts written the French way; the
data's own text (names, descriptions, quotes) left as it is."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from openai_funding.checks.written import read_category, read_date, read_quantity
from openai_funding.content import changes, history, key_figures, tables
from openai_funding.content.data import ReportData
from openai_funding.content.language import language
from openai_funding.content.markdown import Table, text
from openai_funding.content.package_tables import count_text
from openai_funding.content.quality import Quality

#: A claim span of a cell: its (escaped) words and its claims.
SPAN = re.compile(r'\[((?:\\.|[^\]\\])*)\]\{\.claim data-claims="([a-z0-9 -]+)"')
HOW = re.compile(r'data-how="([^"]*)"')
ENGLISH_WORDS = re.compile(
    r"[$€]\d|\d(?:bn|%)|\b(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|yes|no|not stated|not disclosed|by|of|and|paid)\b"
)
BUILDERS: dict[str, Callable[[ReportData], Table]] = {
    "glance": tables.glance_table,
    "commitments": tables.commitments_table,
    "rounds": tables.rounds_table,
    "agreements": tables.agreements_table,
    "later_events": history.later_events_table,
    "questions": history.questions_table,
    "changes": changes.changes_table,
    "resources": tables.resources_table,
    "dictionary": tables.full_dictionary_table,
    "claims": tables.claims_table,
    "downloads": tables.downloads_table,
}
#: The tables whose cells carry claims.
CLAIMED = ["glance", "commitments", "rounds", "agreements", "later_events", "questions"]
#: Record fields that hold the cell's text as the edition writes it (the others are codes,
#: numbers and ids, the same in both editions).
WRITTEN_FIELDS = {"timing", "share"}
#: Headers spelled the same in both languages.
SAME_IN_FRENCH = {
    "Condition",
    "Date",
    "Description",
    "Parties",
    "Question",
    "Suite",
    "Table",
    "Tranche",
    "Type",
}
CHECKS = {
    "checks": [
        {"suite": "rounds", "success": True},
        {"suite": "rounds", "success": False},
        {"suite": "schema", "success": True},
    ]
}


def spans(table: Table) -> list[list[list[tuple[str, str]]]]:
    """Each cell's claim spans (words, claims), row by row."""
    return [[SPAN.findall(cell) for cell in row] for row in table.rows]


def unescape(words: str) -> str:
    return re.sub(r"\\(.)", r"\1", words)


def reading(words: str, code: str) -> object:
    """What a claimed value states, read with the package's parser of written values; a
    schedule's "by ..." is read as its day (the edition's own words for it, from its catalog)."""
    plain = " ".join(unescape(words).replace("\u00a0", " ").replace("\u202f", " ").split())
    by = language(code)._("by {day}", day="\0").split("\0")[0].strip()
    plain = plain.removeprefix(by + " ")
    answers = {"yes": True, "oui": True, "no": False, "non": False}
    if plain in answers:
        return answers[plain]
    found = read_quantity(plain, code) or read_date(plain) or read_category(plain)
    return (found.kind, found.value, found.unit, found.qualifier) if found else plain


@pytest.mark.parametrize("name", list(BUILDERS))
def test_same_rows_records_and_claims_in_both_editions(
    name: str, en: ReportData, fr: ReportData
) -> None:
    english, french = BUILDERS[name](en), BUILDERS[name](fr)
    assert len(french.columns) == len(english.columns)
    assert len(french) == len(english) > 0
    strip = [{k: v for k, v in r.items() if k not in WRITTEN_FIELDS} for r in english.records]
    assert [
        {k: v for k, v in r.items() if k not in WRITTEN_FIELDS} for r in french.records
    ] == strip
    ids = [[[c for _, c in cell] for cell in row] for row in spans(english)]
    assert [[[c for _, c in cell] for cell in row] for row in spans(french)] == ids


@pytest.mark.parametrize("name", CLAIMED)
def test_every_claimed_value_states_the_same_thing_in_french_words(
    name: str, en: ReportData, fr: ReportData
) -> None:
    pairs = [
        (e, f)
        for row_e, row_f in zip(spans(BUILDERS[name](en)), spans(BUILDERS[name](fr)), strict=True)
        for cell_e, cell_f in zip(row_e, row_f, strict=True)
        for (e, _), (f, _) in zip(cell_e, cell_f, strict=True)
    ]
    assert pairs
    for english, french in pairs:
        assert reading(french, "fr") == reading(english, "en"), (english, french)
        assert not ENGLISH_WORDS.search(unescape(french)), french


def test_the_headers_are_french(en: ReportData, fr: ReportData) -> None:
    assert list(tables.commitments_table(fr).columns) == [
        "Investisseur",
        "Tranche",
        "Montant",
        "Part de l’investisseur dans le tour",
        "Calendrier",
        "Sous condition",
        "Condition",
    ]
    assert tables.agreements_table(fr).columns[-1] == "En vigueur le 27 février 2026"
    assert list(history.later_events_table(fr).columns) == ["Date", "Type", "Objet", "Détails"]
    for name, build in BUILDERS.items():
        english = build(en).columns
        kept = [f for e, f in zip(english, build(fr).columns, strict=True) if e == f]
        assert set(kept) <= SAME_IN_FRENCH, name


def test_cells_are_french_words_and_formats(fr: ReportData) -> None:
    commitments = tables.commitments_table(fr)
    amazon = commitments.rows[0]
    assert amazon[1] == "1 sur 2"
    assert "[15\u00a0milliards de dollars]" in amazon[2]
    assert "[45\\,5\u00a0\\%]" in amazon[3]  # the no-break space of "45,5 %" is kept
    assert 'data-how="engagement de l’investisseur / somme des engagements du tour' in amazon[3]
    assert "[non]" in amazon[5]
    assert commitments.rows[2][5] == "non précisé"  # Nvidia: the sources do not say
    assert "[1er avril 2026]" in commitments.rows[3][4]
    rounds = tables.rounds_table(fr)
    assert [row[1].split("]")[0].lstrip("[") for row in rounds.rows][3] == "secondaire"
    assert "[6\\,6\u00a0milliards de dollars]" in rounds.rows[0][4]
    parties = tables.agreements_table(fr).rows[0][1]
    assert parties == "Nvidia \\(investisseur\\)\u00a0\\; OpenAI \\(bénéficiaire\\)"
    glance = tables.glance_table(fr).rows[0]
    assert glance[1] == "27 février 2026"
    assert "[93\\,21\u00a0milliards d’euros]" in glance[3]
    assert "montant / valorisation post-money = 110\u00a0milliards de dollars" in glance[6]


def test_the_data_s_labels_are_in_french_and_its_quotes_as_written(
    en: ReportData, fr: ReportData
) -> None:
    names = [r[0] for r in tables.rounds_table(fr).rows]
    assert text("Tour de table de février 2026, à l’annonce") in names
    assert text("February 2026 round, as announced") in [r[0] for r in tables.rounds_table(en).rows]
    titles = [r[0] for r in tables.agreements_table(fr).rows]
    assert text("Lettre d’intention Nvidia-OpenAI") in titles
    assert not [t for t in titles if t in [r[0] for r in tables.agreements_table(en).rows]]
    claims_en, claims_fr = tables.claims_table(en), tables.claims_table(fr)
    first = fr["claims"].iloc[0]
    assert claims_en.rows[0][3] == text(f"“{first['quote']}”")
    assert claims_fr.rows[0][3] == text(f"«\u00a0{first['quote']}\u00a0»")
    status = {"PRIMARY": "PRIMAIRE", "SECONDARY": "SECONDAIRE"}[first["status"]]
    assert claims_fr.rows[0][4].endswith(f"\\({status}\\)")


def test_later_records_are_whole_french_sentences(en: ReportData, fr: ReportData) -> None:
    events = history.later_events_table(fr)
    kinds = [r["kind"] for r in events.records]
    assert kinds == [r["kind"] for r in history.later_events_table(en).records]
    close = events.rows[kinds.index("Round update", 1)]
    assert close[1] == "Mise à jour du tour"
    assert re.fullmatch(
        r"\[122\u00a0milliards de dollars\]\{[^}]*\} \\\(engagés\\\)\\, pour une valorisation "
        r"post\\-money de \[852\u00a0milliards de dollars\]\{[^}]*\}\\\.",
        close[3],
    ), close[3]
    payment = events.rows[kinds.index("Payment")]
    assert payment[2] == "Amazon\u00a0\\: tranche 1 sur 2 versée"
    report = events.rows[kinds.index("Report (not confirmed)")]
    assert report[3].startswith("Selon The New York Times\\, qui cite ")
    questions = history.questions_table(fr)
    steps = [row[2] for row in questions.rows]
    assert {"question posée", "statut", "partiellement résolue"} <= set(steps)
    as_of = language("fr").long_date(fr.as_of)  # type: ignore[arg-type]
    assert f"partiellement résolue au {as_of}" in [row[3] for row in questions.rows]


def test_summaries_are_french(fr: ReportData) -> None:
    assert changes.changes_summary(fr).startswith(
        "Comparaison avec la version 0.3.0, enregistrement par enregistrement"
    )
    french = language("fr")
    assert Quality(CHECKS, french).summary == "Contrôles en échec sur ces données\u00a0: 1 sur 3."
    passed = Quality({"checks": [{"suite": "a", "success": True}] * 1234}, french).summary
    assert passed.startswith("Les 1\u202f234 contrôles sont tous réussis\u00a0: les Table Schemas")
    assert Quality(CHECKS).summary == "1 of 3 checks failed on this data."


def test_the_checks_table_in_french() -> None:
    french = tables.checks_table(CHECKS, language("fr"))
    assert list(french.columns) == ["Suite", "Contrôles exécutés", "Échecs", "Issue"]
    assert [row[3] for row in french.rows] == ["ÉCHEC", "réussi"]
    assert french.records == tables.checks_table(CHECKS).records
    assert count_text(1234, language("fr")) == "1\u202f234"
    assert count_text(1234) == "1234"  # the English edition's counts as they always were


def test_the_dictionary_s_constraints_in_french(fr: ReportData) -> None:
    rows = {(r[0], r[1]): r for r in tables.full_dictionary_table(fr).rows}
    assert rows[("organizations", "org\\_id")][3] == "clé\u00a0\\; obligatoire"
    kind = rows[("organizations", "kind")][3]
    assert kind == "obligatoire\u00a0\\; valeurs possibles\u00a0\\: company\\, business\\-unit"


def test_the_data_dictionary_reads_french(en: ReportData, fr: ReportData) -> None:
    resources = {r[0]: r[3] for r in tables.resources_table(fr).rows}
    assert resources["commitments"].startswith(text("Une ligne par tranche d’un investissement"))
    rows = {(r[0], r[1]): r[4] for r in tables.full_dictionary_table(fr).rows}
    english = {(r[0], r[1]): r[4] for r in tables.full_dictionary_table(en).rows}
    assert rows[("outcomes", "grade")].startswith(text("Comment l’issue est connue"))
    assert english[("outcomes", "grade")].startswith(text("How the outcome is known"))
    same = [k for k, v in rows.items() if v and v == english[k]]
    assert not same, f"descriptions the French dictionary shows in English: {same}"
    downloads = {r[0].rpartition("(")[2]: r[1] for r in tables.downloads_table(fr).rows}
    assert downloads["../data/outcomes.csv)"] == text("Issues des tranches, datées")


def test_a_french_page_links_up_to_the_package_s_files(en: ReportData, fr: ReportData) -> None:
    french, english = tables.downloads_table(fr).rows, tables.downloads_table(en).rows
    assert french[0][0] == "[datapackage\\.json](../datapackage.json)"
    assert english[0][0] == "[datapackage\\.json](datapackage.json)"
    assert french[2] == ["[openai\\-funding\\.pdf](openai-funding.pdf)", "ce rapport en PDF"]


def test_the_key_figures_in_french(fr: ReportData) -> None:
    labels = [label for label, _ in key_figures.key_figures(fr).items]
    assert labels[:4] == [
        "Données au",
        "Montant annoncé",
        "Valorisation pre-money",
        "Valorisation post-money",
    ]
    assert labels[4] == f"Versé au {language('fr').long_date(fr.as_of)}"  # type: ignore[arg-type]
    block = key_figures.key_figures(fr)._repr_markdown_()
    assert '**[110\u00a0Md\\$]{.claim data-claims="c026 c027"}**' in block
