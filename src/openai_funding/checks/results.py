"""``openai-funding validate``: schemas (frictionless) and rules (Great Expectations) in one pass.

Exit codes: 0 valid, 1 invalid, 2 unusable input. Reads only; never writes to the package.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import read_descriptor, resolve
from openai_funding.package.problems import Problem, UnusableInputError


@dataclass
class Check:
    """One check run: its suite (or ``schema``), name, outcome and the problems it found.

    ``observed`` holds values a check shows whether it passes or not (record key → value), such
    as the USD/EUR rate derived from a round's amounts; ``expectation`` is the Great Expectations
    expectation type behind a rule.
    """

    suite: str
    name: str
    success: bool
    problems: list[Problem] = field(default_factory=list)
    observed: dict[str, str] = field(default_factory=dict)
    expectation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "suite": self.suite,
            "check": self.name,
            "success": self.success,
            "problems": [p.to_dict() for p in self.problems],
        }
        if self.expectation is not None:
            out["expectation"] = self.expectation
        if self.observed:
            out["observed"] = dict(self.observed)
        return out


@dataclass
class Report:
    """The outcome of a validation: every check run and whether the package is valid."""

    descriptor: str
    checks: list[Check]
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return all(c.success for c in self.checks)

    @property
    def problems(self) -> list[Problem]:
        return [p for c in self.checks for p in c.problems]

    def to_dict(self) -> dict[str, Any]:
        return {
            "descriptor": self.descriptor,
            "valid": self.valid,
            "checks_run": len(self.checks),
            "checks_failed": sum(not c.success for c in self.checks),
            "notes": self.notes,
            "checks": [c.to_dict() for c in self.checks],
        }


def validate(path: str | Path = "datapackage.json", *, rules: bool = True) -> Report:
    """Validate the package at ``path``; raise :class:`UnusableInputError` if it is unreadable."""
    from openai_funding.checks.schemas import check_schemas

    target = resolve(path)
    descriptor = read_descriptor(target)
    problems = check_schemas(descriptor, target)
    checks = _schema_checks(descriptor, target.name, problems)
    report = Report(str(target), checks)
    if not rules:
        report.notes.append("rules skipped (--schema-only)")
    elif not report.valid:
        report.notes.append("rules skipped: they run once the schemas pass")
    else:
        from openai_funding.checks import rules as rules_mod
        from openai_funding.package.loading import LoadError

        try:
            report.checks.extend(rules_mod.run_rules(target))
        except LoadError as exc:  # frictionless read it, pandas cannot: a problem, not a crash
            problem = Problem(exc.file, exc.row, exc.field, "load-error", exc.detail)
            report.checks.append(Check("schema", f"{exc.file} (typed load)", False, [problem]))
            report.notes.append("rules skipped: the data do not load as typed tables")
    return report


def _schema_checks(descriptor: dict[str, Any], name: str, problems: list[Problem]) -> list[Check]:
    files = [name] + [
        str(r["path"]) for r in descriptor["resources"] if isinstance(r.get("path"), str)
    ]
    by_file: dict[str, list[Problem]] = {f: [] for f in files}
    for p in problems:
        by_file.setdefault(p.file, []).append(p)
    return [Check("schema", f, not ps, sorted(ps, key=_order)) for f, ps in by_file.items()]


def _order(p: Problem) -> tuple[int, str, str]:
    return (p.row or 0, p.field or "", p.check)


def run(path: str | Path, *, as_json: bool = False, rules: bool = True) -> int:
    """Entry point of ``openai-funding validate``; prints the report and returns the exit code."""
    try:
        report = validate(path, rules=rules)
    except UnusableInputError as exc:
        if as_json:
            print(json.dumps({"descriptor": str(path), "valid": False, "error": str(exc)}))
        print(f"openai-funding validate: {exc}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_report(report)
    return 0 if report.valid else 1


def report_lines(report: dict[str, Any]) -> list[str]:
    """The body of a printed report, from its dict form (fresh or stored): schema problems,
    then each failed rule with its suite, rows and observed values, then the notes."""
    lines = []
    for check in report["checks"]:
        if check["success"]:
            continue
        rule = check["suite"] != "schema"
        if rule:
            kind = f" ({check['expectation']})" if check.get("expectation") else ""
            lines.append(f"rule failed: {check['suite']} / {check['check']}{kind}")
        lines += [("  " if rule else "") + Problem(**p).line() for p in check["problems"]]
    for check in report["checks"]:
        for key, value in check.get("observed", {}).items():
            lines.append(f"observed: {check['suite']} / {check['check']}: {key}: {value}")
    lines += [f"note: {note}" for note in report.get("notes", [])]
    return lines


def print_report(report: Report) -> None:
    """Print the report, then one summary line."""
    for line in report_lines(report.to_dict()):
        print(line)
    total = len(report.checks)
    if report.valid:
        print(f"{report.descriptor}: valid ({total} checks passed)")
    else:
        failed = sum(not c.success for c in report.checks)
        print(
            f"{report.descriptor}: INVALID: {len(report.problems)} problem(s) in "
            f"{failed} of {total} checks"
        )
