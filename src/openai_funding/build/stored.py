"""A validation report kept on disk (``validate --report FILE [--reuse]``, the build's
``.build/validation.json``), reused while nothing it depends on has changed (see ``input_hash``)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from openai_funding.build.input_hash import read_record, validation_hash
from openai_funding.checks.results import Report
from openai_funding.package.hashing import write_json_atomic

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.package.descriptor import Package


def read_stored(report_file: Path, inputs: str) -> Report | None:
    """The stored report if it was made from exactly these inputs, else ``None``."""
    stored = read_record(report_file, inputs)
    try:
        return None if stored is None else Report.from_dict(stored)
    except (KeyError, TypeError):  # not a report after all: validate again
        return None


def store_fresh(package: Package, report_file: Path, inputs: str, *, rules: bool) -> Report:
    """Validate now and store the report (the descriptor named relative to its folder)."""
    from openai_funding.checks import validate

    report = replace(validate(package, rules=rules), descriptor=package.path.name, inputs=inputs)
    report_file.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomic(report_file, report.to_dict())
    return report


def validate_stored(
    package: Package, report_file: Path, *, reuse: bool, rules: bool
) -> tuple[Report, bool]:
    """The report of ``package``, reused from ``report_file`` when allowed and its inputs are
    unchanged, else validated now and written there; and whether it was reused."""
    inputs = validation_hash(package, rules=rules)
    cached = read_stored(report_file, inputs) if reuse else None
    if cached is not None:
        return cached, True
    return store_fresh(package, report_file, inputs, rules=rules), False


def published(report: Report) -> str:
    """The report as the site publishes it: without the inputs hash."""
    return json.dumps(replace(report, inputs=None).to_dict(), indent=2, ensure_ascii=False) + "\n"
