"""The data behind the report, loaded once per document from the validated package."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from openai_funding.descriptor import read_descriptor
from openai_funding.loading import load

#: The round the report is about, and the date its agreements are read at.
ROUND_ID = "2026-02-round"
AS_OF = pd.Timestamp("2026-02-27")


@dataclass(frozen=True)
class ReportData:
    """Typed tables, the descriptor, and the validation report (``validation.json``)."""

    path: Path
    tables: dict[str, pd.DataFrame]
    descriptor: dict[str, Any]
    validation: dict[str, Any] | None

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def as_of(self) -> date | None:
        """The package's "as of" date: the sources were checked up to it."""
        return getattr(self.tables, "as_of", None)

    def names(self) -> dict[str, str]:
        """Organization id → name."""
        orgs = self.tables["organizations"]
        return dict(zip(orgs["org_id"], orgs["name"], strict=True))


def package_path() -> Path:
    """The descriptor: ``$OPENAI_FUNDING_PACKAGE``, else ``../datapackage.json`` from ``report/``."""
    env = os.environ.get("OPENAI_FUNDING_PACKAGE")
    if env:
        return Path(env)
    here = Path.cwd()
    for candidate in (here / "datapackage.json", here.parent / "datapackage.json"):
        if candidate.is_file():
            return candidate
    return here.parent / "datapackage.json"


@cache
def report_data(path: str | None = None, validation: str | None = None) -> ReportData:
    """Load the package (and ``validation.json`` if the build wrote one) once per kernel."""
    descriptor_path = Path(path) if path else package_path()
    validation_path = validation or os.environ.get("OPENAI_FUNDING_VALIDATION")
    report = None
    if validation_path and Path(validation_path).is_file():
        report = json.loads(Path(validation_path).read_text(encoding="utf-8"))
    return ReportData(
        descriptor_path, load(descriptor_path), read_descriptor(descriptor_path), report
    )
