"""No ``.qmd`` and no chart text types an amount or a date that the data hold: the prose gets them
from inline expressions, the alt texts from the tables, the rest from ``report/report.yml``."""

from __future__ import annotations

import ast
import re

import pandas as pd
import pytest

from openai_funding.content.data import ReportData, report_data
from openai_funding.content.facts import eur_bn, long_date, usd_bn
from support import DESCRIPTOR, ROOT

MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: An amount as the report writes one, and a date: ``27 February 2026``, ``February 2026``, ISO.
WRITTEN = re.compile(rf"[$€]\d[\d,.]*bn|\b(?:\d{{1,2}} )?{MONTH} \d{{4}}\b|\b\d{{4}}-\d\d-\d\d\b")
#: Code in a .qmd: cells and inline expressions (what they show comes from the data); a cell's
#: options (``#| fig-cap: ...``) are text.
CODE = re.compile(r"```\{python\}.*?```|`\{python\}[^`]*`", re.DOTALL)

#: Values still typed, each with the reason no expression can write it (the test fails when
#: one goes, so the list never rots).
ALLOWED = {
    ("report/index.qmd", "$110bn"): "the title: Quarto evaluates no expression in front matter",
}


@pytest.fixture(scope="module")
def data() -> ReportData:
    return report_data(str(DESCRIPTOR))


def held(data: ReportData) -> set[str]:
    """Every amount and date of the tables, as the report would write it."""
    out: set[str] = set()
    for frame in data.tables.values():
        for column in frame.columns:
            values = frame[column].dropna()
            if column.endswith(("_usd", "_eur")) and pd.api.types.is_numeric_dtype(values):
                write = usd_bn if column.endswith("_usd") else eur_bn
                out |= {write(int(v)) for v in values}
            elif pd.api.types.is_datetime64_any_dtype(values):
                out |= {s for v in values for s in (long_date(v), f"{v:%B %Y}", f"{v:%Y-%m-%d}")}
    return out


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
