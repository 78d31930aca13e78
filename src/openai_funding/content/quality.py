"""The data-quality section: the checks run on this data and their outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openai_funding.content.data import ReportData


@dataclass(frozen=True)
class Quality:
    """The validation report (as in ``validation.json``) and a one-sentence summary of it."""

    report: dict[str, Any]

    @property
    def run(self) -> int:
        return len(self.report.get("checks", []))

    @property
    def failed(self) -> int:
        return sum(not c["success"] for c in self.report.get("checks", []))

    @property
    def summary(self) -> str:
        if self.failed:
            return f"{self.failed} of {self.run} checks failed on this data."
        return (
            f"All {self.run} checks pass: the Table Schemas (types, constraints, keys, hashes) and "
            "the rules that make the numbers mean what they say (sums, valuations, dates, and a "
            "supporting quote for every value)."
        )


def quality_report(data: ReportData) -> Quality:
    """``validation.json`` as the build wrote it, or a fresh validation when there is none
    (for instance under ``quarto render report/``)."""
    if data.validation is not None:
        return Quality(data.validation)
    from openai_funding.checks import validate

    return Quality(validate(data.package).to_dict())
