"""From expectation outcomes to Checks: which rows failed, named by file, line, key and field,
with the value found; and the values a rule shows even when it passes (the derived EUR rate)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openai_funding.checks.results import Check
from openai_funding.package.canonical import canonical
from openai_funding.package.problems import Problem

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from openai_funding.checks.rules.suites import SuiteFile

#: Problems listed per failed rule at most (the count of the rest is given).
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Outcome:
    """What one expectation found: success, the frame positions (``_id``) of the failing rows,
    GX's observed value (for aggregate expectations) and an error if it could not run."""

    expectation: dict[str, Any]
    success: bool
    failed_ids: list[int]
    observed: Any
    error: str | None


def to_checks(
    suite: SuiteFile,
    frame: pd.DataFrame | None,
    outcomes: list[Outcome],
    *,
    missing_frame: bool = False,
    reason: str | None = None,
    file: str | None = None,
) -> list[Check]:
    """One Check per expectation of ``suite`` (one failed Check if its frame does not exist or
    cannot be built from the package: ``reason`` says why)."""
    if missing_frame:
        message = f"no frame {suite.frame!r}"
        if reason is not None:
            message = (
                f"frame {suite.frame!r} cannot be built from this package ({reason}): the "
                "descriptor lacks a resource or field the rules read, or gives it another type"
            )
        problem = Problem(file or suite.name, None, None, f"rule:{suite.name}", message)
        return [Check(suite.name, "*", False, [problem])]
    checks = []
    for outcome in outcomes:
        rule = outcome.expectation["meta"]["rule"]
        problems = [] if outcome.success else _problems(suite, frame, outcome)
        observed = _observed(frame, outcome.expectation) if frame is not None else {}
        kind = outcome.expectation["type"]
        checks.append(Check(suite.name, rule, outcome.success, problems, observed, kind))
    return checks


def _problems(suite: SuiteFile, frame: pd.DataFrame | None, outcome: Outcome) -> list[Problem]:
    expectation = outcome.expectation
    rule = expectation["meta"]["rule"]
    code = f"rule:{suite.name}/{rule}"
    message = expectation.get("description") or expectation["type"]
    if outcome.error is not None:
        return [Problem(suite.name, None, None, code, f"{message}: could not run: {outcome.error}")]
    if frame is None or not outcome.failed_ids:
        found = None if outcome.observed is None else str(outcome.observed)
        return [Problem(suite.name, None, None, code, message, found)]
    columns = _found_columns(expectation)
    kwargs = expectation.get("kwargs", {})
    field = (
        expectation["meta"].get("field")
        or kwargs.get("column")
        or kwargs.get("column_A")
        or ",".join(kwargs.get("column_list", []))
    )
    problems = []
    for position in outcome.failed_ids[:MAX_PROBLEMS]:
        row = frame.iloc[position]
        problems.append(
            Problem(
                file=str(row["_file"]) if "_file" in row.index else suite.name,
                row=int(row["_row"]) if "_row" in row.index else None,
                field=str(row["_field"]) if "_field" in row.index else field,
                check=code,
                message=message,
                found=_found(row, columns),
                key=str(row["_key"]),
            )
        )
    rest = len(outcome.failed_ids) - MAX_PROBLEMS
    if rest > 0:
        problems.append(Problem(suite.name, None, None, code, f"… and {rest} more row(s)"))
    return problems


def _found_columns(expectation: dict[str, Any]) -> list[str]:
    shown = expectation["meta"].get("found")
    if shown:
        return list(shown)
    kwargs = expectation.get("kwargs", {})
    if "column" in kwargs:
        return [kwargs["column"]]
    if "column_A" in kwargs:
        return [kwargs["column_A"], kwargs["column_B"]]
    return list(kwargs.get("column_list", []))


def _found(row: pd.Series, columns: list[str]) -> str:
    values = [(c, canonical(row[c]) if c in row.index else None) for c in columns]
    if len(values) == 1:
        return "" if values[0][1] is None else values[0][1]
    return ", ".join(f"{c}={'' if v is None else v}" for c, v in values)


def _observed(frame: pd.DataFrame, expectation: dict[str, Any]) -> dict[str, str]:
    """The values of the column named by ``meta.show`` (with its ``unit``), by record key."""
    import pandas as pd

    show = expectation["meta"].get("show")
    if not show:
        return {}
    column, unit, digits = show["column"], show.get("unit", ""), int(show.get("digits", 6))
    out = {}
    for key, value in zip(frame["_key"], frame[column], strict=True):
        if pd.isna(value):
            continue
        out[str(key)] = f"{float(value):.{digits}f} {unit}".strip()
    return out
