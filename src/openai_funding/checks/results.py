"""What a validation found: one :class:`Check` per check run, gathered in a :class:`Report`.

A report round-trips through JSON (:meth:`Report.to_dict` and :meth:`Report.from_dict`), so a
stored report and a fresh one are the same object and print through one function.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openai_funding.package.problems import Problem


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Check:
        return cls(
            suite=data["suite"],
            name=data["check"],
            success=data["success"],
            problems=[Problem(**p) for p in data["problems"]],
            observed=dict(data.get("observed", {})),
            expectation=data.get("expectation"),
        )


@dataclass
class Report:
    """The outcome of a validation: every check run and whether the package is valid.

    ``inputs`` is the content hash of what the validation read, once the report is stored
    for reuse (see :mod:`openai_funding.build.input_hash`); a published report has none.
    """

    descriptor: str
    checks: list[Check]
    notes: list[str] = field(default_factory=list)
    inputs: str | None = None

    @property
    def valid(self) -> bool:
        return all(c.success for c in self.checks)

    @property
    def problems(self) -> list[Problem]:
        return [p for c in self.checks for p in c.problems]

    def text_lines(self, *, stored: object = None, reused: bool = False) -> list[str]:
        """The report as ``validate`` prints it: :meth:`problem_lines`, each observed value, the
        notes, then one summary line (naming the stored report, when ``stored`` is its path)."""
        lines = self.problem_lines()
        for check in self.checks:
            for key, value in check.observed.items():
                lines.append(f"observed: {check.suite} / {check.name}: {key}: {value}")
        lines += [f"note: {note}" for note in self.notes]
        total = len(self.checks)
        failed = sum(not c.success for c in self.checks)
        if stored is not None:
            how = (
                f"reused {stored}: nothing changed since"
                if reused
                else f"report written to {stored}"
            )
            state = "valid" if self.valid else "INVALID"
            lines.append(f"{self.descriptor}: {state} ({total} checks, {failed} failed; {how})")
        elif self.valid:
            lines.append(f"{self.descriptor}: valid ({total} checks passed)")
        else:
            lines.append(
                f"{self.descriptor}: INVALID: {len(self.problems)} problem(s) in "
                f"{failed} of {total} checks"
            )
        return lines

    def problem_lines(self) -> list[str]:
        """Each problem as ``validate`` prints it: schema problems as ``file:row: field ...``,
        then each failed rule as ``rule failed: suite / rule`` followed by its rows."""
        lines = []
        for check in self.checks:
            if check.success:
                continue
            rule = check.suite != "schema"
            if rule:
                kind = f" ({check.expectation})" if check.expectation else ""
                lines.append(f"rule failed: {check.suite} / {check.name}{kind}")
            lines += [("  " if rule else "") + problem.line() for problem in check.problems]
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "descriptor": self.descriptor,
            "valid": self.valid,
            "checks_run": len(self.checks),
            "checks_failed": sum(not c.success for c in self.checks),
            "notes": self.notes,
            "checks": [c.to_dict() for c in self.checks],
        } | ({} if self.inputs is None else {"inputs": self.inputs})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """The report as :meth:`to_dict` wrote it (a stored ``validation.json``)."""
        return cls(
            descriptor=data["descriptor"],
            checks=[Check.from_dict(c) for c in data["checks"]],
            notes=list(data.get("notes", [])),
            inputs=data.get("inputs"),
        )
