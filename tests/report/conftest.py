"""The report's data in each edition, read once per test module."""

from __future__ import annotations

import pytest

from openai_funding.content.data import ReportData, report_data
from support import DESCRIPTOR


@pytest.fixture(scope="module")
def en() -> ReportData:
    """The English edition's data."""
    return report_data(str(DESCRIPTOR))


@pytest.fixture(scope="module")
def fr() -> ReportData:
    """The French edition's data."""
    return report_data(str(DESCRIPTOR), lang="fr")
