"""The data behind the report, loaded once per document from the validated package."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from openai_funding.content.language import ENGLISH, Language, language
from openai_funding.package.descriptor import Package, read_package
from openai_funding.package.loading import load
from openai_funding.package.translations import translated

#: The report's settings, beside its ``.qmd``: ``report/report.yml`` of the package's folder (or
#: of the checkout, for a package copied elsewhere).
SETTINGS = Path("report") / "report.yml"
CHECKOUT_SETTINGS = Path(__file__).resolve().parents[3] / SETTINGS


@dataclass(frozen=True)
class Settings:
    """What the report is about and how it is laid out (see ``report/report.yml``): the round,
    the day the agreements are read at, the diagram's place for each organization and the
    span of the valuation chart, and the descriptor of the previous release (relative to the
    package's folder) that "What changed" compares with."""

    round_id: str
    as_of: pd.Timestamp
    positions: Mapping[str, tuple[float, float]]
    valuation_axis: tuple[str, str]
    previous_release: str | None = None


def read_settings(path: Path) -> Settings:
    """The settings in ``path`` (YAML)."""
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Settings(
        round_id=str(raw["round_id"]),
        as_of=pd.Timestamp(raw["as_of"]),
        positions={str(k): (float(x), float(y)) for k, (x, y) in raw["positions"].items()},
        valuation_axis=(str(raw["valuation_axis"][0]), str(raw["valuation_axis"][1])),
        previous_release=raw.get("previous_release"),
    )


def settings_path(package: Package) -> Path:
    """``report/report.yml`` beside the descriptor, else in the working folder (a render of
    ``report/``), else the checkout's."""
    for candidate in (package.base / SETTINGS, Path.cwd() / SETTINGS.name):
        if candidate.is_file():
            return candidate
    return CHECKOUT_SETTINGS


@dataclass(frozen=True)
class ReportData:
    """The package, its typed tables, the validation report (``validation.json``), the
    report's settings and the language of the edition being written (:attr:`lang`)."""

    package: Package
    tables: dict[str, pd.DataFrame]
    validation: dict[str, Any] | None
    settings: Settings
    lang: Language = field(default=ENGLISH)

    @property
    def path(self) -> Path:
        """The descriptor file."""
        return self.package.path

    @property
    def descriptor(self) -> Mapping[str, Any]:
        """The descriptor as read (read-only)."""
        return self.package.raw

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def as_of(self) -> date | None:
        """The package's "as of" date: the sources were checked up to it."""
        return self.package.as_of

    def names(self) -> dict[str, str]:
        """Organization id → name."""
        orgs = self.tables["organizations"]
        return dict(zip(orgs["org_id"], orgs["name"], strict=True))

    def round_tranches(self, round_id: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The investments of ``round_id`` (the settings' round by default), and their tranches
        with each investment's columns beside them (``*_investment`` where names clash)."""
        round_id = round_id or self.settings.round_id
        inv = self.tables["investments"]
        inv = inv[inv["round_id"] == round_id]
        com = self.tables["commitments"].merge(
            inv, on="investment_id", suffixes=("", "_investment")
        )
        return inv, com


def package_path() -> Path:
    """The descriptor: ``$OPENAI_FUNDING_PACKAGE``, else the nearest ``datapackage.json`` in the
    working folder or above it (``report/`` and ``report/fr/`` run their cells there)."""
    env = os.environ.get("OPENAI_FUNDING_PACKAGE")
    if env:
        return Path(env)
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "datapackage.json").is_file():
            return folder / "datapackage.json"
    return here.parent / "datapackage.json"


@cache
def _loaded(
    descriptor: Path, validation: str | None
) -> tuple[Package, dict[str, pd.DataFrame], dict[str, Any] | None]:
    """What every edition reads, whatever its language: the package, its typed tables and the
    validation report, loaded once per kernel (a kernel that runs both editions loads them
    once)."""
    report = None
    if validation and Path(validation).is_file():
        report = json.loads(Path(validation).read_text(encoding="utf-8"))
    package = read_package(descriptor)
    return package, load(package), report


@cache
def report_data(
    path: str | None = None, validation: str | None = None, lang: str = "en"
) -> ReportData:
    """Load the package (and ``validation.json`` if the build wrote one) once per kernel, for the
    edition in ``lang`` (``en`` or ``fr``: the ``lang`` of the ``.qmd`` that calls it). In an
    edition other than English, the labels the report shows in its own words (names, titles,
    conditions, statements: the fields marked ``translated``) are their texts in that language,
    from the package's ``translations``. :func:`clear_cache` forgets what was loaded."""
    descriptor_path = Path(path) if path else package_path()
    validation_path = validation or os.environ.get("OPENAI_FUNDING_VALIDATION")
    package, tables, report = _loaded(descriptor_path, validation_path)
    settings = read_settings(settings_path(package))
    tables = translated(tables, package.tabular, lang)
    return ReportData(package, tables, report, settings, language(lang))


def clear_cache() -> None:
    """Forget the data loaded by :func:`report_data` (the preview calls it when an input
    changed)."""
    report_data.cache_clear()
    _loaded.cache_clear()
