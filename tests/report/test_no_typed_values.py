"""No ``.qmd`` and no chart text types an amount or a date that the data hold: the prose gets them
from inline expressions, the alt texts from the tables, the rest from ``report/report.yml``."""

from __future__ import annotations

import ast
import re

import pandas as pd
import pytest
from babel.messages.pofile import read_po

from openai_funding.content.data import ReportData, report_data
from openai_funding.content.facts import eur_bn, long_date, usd_bn
from openai_funding.content.language import DICTIONARY, language
from support import DESCRIPTOR, ROOT

MONTH = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December"
    "|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
)
#: An amount as either edition writes one, and a date: ``$110bn``, ``110 milliards de
#: dollars``, ``27 February 2026``, ``1er avril 2026``, ``February 2026``, ISO.
WRITTEN = re.compile(
    r"[$€]\d[\d,.]*bn"
    r"|\d[\d,]*[\s\u00a0]milliards? d(?:e |’)(?:dollars|euros)"
    rf"|\b(?:\d{{1,2}}(?:er)? )?{MONTH} \d{{4}}\b"
    r"|\b\d{4}-\d\d-\d\d\b"
)
#: Code in a .qmd: cells and inline expressions (what they show comes from the data); a cell's
#: options (``#| fig-cap: ...``) are text.
CODE = re.compile(r"```\{python\}.*?```|`\{python\}[^`]*`", re.DOTALL)

#: Values still typed, each with the reason no expression can write it (the test fails when
#: one goes, so the list never rots).
ALLOWED = {
    ("report/index.qmd", "$110bn"): "the title: Quarto evaluates no expression in front matter",
    ("report/fr/index.qmd", "110 milliards de dollars"): "the French edition's title, likewise",
}


@pytest.fixture(scope="module")
def data() -> ReportData:
    return report_data(str(DESCRIPTOR))


def held(data: ReportData) -> set[str]:
    """Every amount and date of the tables, as either edition would write it (no-break spaces
    as plain ones, as a typed value would have them)."""
    out: set[str] = set()
    for lang in (language("en"), language("fr")):
        for frame in data.tables.values():
            for column in frame.columns:
                values = frame[column].dropna()
                if column.endswith(("_usd", "_eur")) and pd.api.types.is_numeric_dtype(values):
                    write = usd_bn if column.endswith("_usd") else eur_bn
                    out |= {write(int(v), lang) for v in values}
                elif pd.api.types.is_datetime64_any_dtype(values):
                    out |= {
                        s
                        for v in values
                        for s in (long_date(v, lang), lang.month_year(v), f"{v:%Y-%m-%d}")
                    }
    return {s.replace("\u00a0", " ") for s in out} | out


def qmd_texts() -> dict[str, str]:
    """Each ``.qmd`` of the report without its code (but with its cells' options)."""

    def options(code: re.Match[str]) -> str:
        return "\n".join(ln for ln in code.group().splitlines() if ln.startswith("#|"))

    return {
        path.relative_to(ROOT).as_posix(): CODE.sub(options, path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "report").rglob("*.qmd"))
    }


def source_texts() -> dict[str, str]:
    """The string literals of the report's building blocks (alt texts, labels), without the
    docstrings, whose examples are not shown to readers."""
    out = {}
    for path in sorted((ROOT / "src" / "openai_funding" / "content").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        strings = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ]
        out[path.relative_to(ROOT).as_posix()] = "\n".join(strings)
    for path in sorted((ROOT / "src" / "openai_funding" / "content" / "locale").rglob("*.po")):
        if path.stem == DICTIONARY:  # the descriptor's texts, translated: they say what it says
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh)
        out[path.relative_to(ROOT).as_posix()] = "\n".join(str(m.string) for m in catalog if m.id)
    return out


def test_no_qmd_or_chart_text_types_a_value_the_data_hold(data: ReportData) -> None:
    values = held(data)
    typed = {
        (name, m.group())
        for name, text in {**qmd_texts(), **source_texts()}.items()
        for m in WRITTEN.finditer(text)
        if m.group() in values
    }
    assert typed == set(ALLOWED)


def test_the_alt_texts_state_the_data(data: ReportData) -> None:
    """The diagram's alt text names the day its agreements are read at, from the settings."""
    from openai_funding.content.network import agreement_network

    description = agreement_network(data).to_dict()["description"]
    assert long_date(data.settings.as_of) in description
