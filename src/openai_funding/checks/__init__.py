"""The checks: Table Schemas (frictionless), then the rules (Great Expectations) on the typed
tables and the views built from them. :func:`validate` runs them all and prints nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.checks.results import Check, Report
    from openai_funding.checks.rules.engine import Engine
    from openai_funding.package.descriptor import Package
    from openai_funding.package.problems import Problem

__all__ = ["validate"]


def validate(package: Package, *, rules: bool = True, engine: Engine | None = None) -> Report:
    """Validate the whole package: schemas, then (when they pass) the rules (in ``engine``, a
    Great Expectations engine to reuse, if given).

    Raises :class:`~openai_funding.package.problems.UnusableInputError` when the rule suites
    cannot be read; every problem in the data is a failed check of the report.
    """
    from openai_funding.checks.results import Check, Report
    from openai_funding.checks.schemas import check_schemas
    from openai_funding.package.problems import Problem

    problems = check_schemas(package)
    report = Report(str(package.path), _schema_checks(package, problems))
    if not rules:
        report.notes.append("rules skipped (--schema-only)")
    elif not report.valid:
        report.notes.append("rules skipped: they run once the schemas pass")
    else:
        from openai_funding.checks.rules import run_rules
        from openai_funding.package.loading import LoadError

        try:
            report.checks.extend(run_rules(package, engine))
        except LoadError as exc:  # frictionless read it, pandas cannot: a problem, not a crash
            problem = Problem(exc.file, exc.row, exc.field, "load-error", exc.detail)
            report.checks.append(Check("schema", f"{exc.file} (typed load)", False, [problem]))
            report.notes.append("rules skipped: the data do not load as typed tables")
    return report


def _schema_checks(package: Package, problems: list[Problem]) -> list[Check]:
    from openai_funding.checks.results import Check

    files = [package.path.name] + [r.path for r in package.resources if r.path is not None]
    by_file: dict[str, list[Problem]] = {f: [] for f in files}
    for p in problems:
        by_file.setdefault(p.file, []).append(p)
    return [Check("schema", f, not ps, sorted(ps, key=_order)) for f, ps in by_file.items()]


def _order(p: Problem) -> tuple[int, str, str]:
    return (p.row or 0, p.field or "", p.check)
