"""The data-quality section: the checks run on this data and their outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openai_funding.content.data import ReportData
from openai_funding.content.language import ENGLISH, Language
from openai_funding.content.package_tables import count_text


@dataclass(frozen=True)
class Quality:
    """The validation report (as in ``validation.json``) and a one-sentence summary of it, in
    the edition's language."""

    report: dict[str, Any]
    lang: Language = field(default=ENGLISH, compare=False)

    @property
    def run(self) -> int:
        return len(self.report.get("checks", []))

    @property
    def failed(self) -> int:
        return sum(not c["success"] for c in self.report.get("checks", []))

    @property
    def summary(self) -> str:
        lang = self.lang
        run = count_text(self.run, lang)
        if self.failed:
            return lang._(
                "{failed} of {run} checks failed on this data.",
                failed=count_text(self.failed, lang),
                run=run,
            )
        return lang._(
            "All {run} checks pass: the Table Schemas (types, constraints, keys, hashes) and the "
            "rules that make the numbers mean what they say (sums, valuations, dates, and a "
            "supporting quote for every value).",
            run=run,
        )


def quality_report(data: ReportData) -> Quality:
    """``validation.json`` as the build wrote it, or a fresh validation when there is none
    (for instance under ``quarto render report/``)."""
    if data.validation is not None:
        return Quality(data.validation, data.lang)
    from openai_funding.checks import validate

    return Quality(validate(data.package).to_dict(), data.lang)
