"""``openai-funding validate --report FILE [--reuse]``: keep the JSON report of a validation, and
reuse it while nothing it depends on has changed (decided by content hashes, see ``inputs``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from openai_funding.build.inputs import content_hash, validation_inputs
from openai_funding.package.descriptor import resolve
from openai_funding.package.hashing import write_json_atomic
from openai_funding.package.problems import UnusableInputError


def inputs_of(descriptor: Path, rules: bool) -> str:
    """The content hash a validation of ``descriptor`` depends on."""
    return content_hash(validation_inputs(descriptor), descriptor.parent, extra=[f"rules={rules}"])


def read_cached(report_file: Path, inputs: str) -> dict[str, Any] | None:
    """The stored report if it was made from exactly these inputs, else ``None``."""
    try:
        stored = json.loads(report_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored if isinstance(stored, dict) and stored.get("inputs") == inputs else None


def fresh_report(descriptor: Path, rules: bool) -> dict[str, Any]:
    """Validate now; the report as a dict, with the descriptor named relative to its folder."""
    from openai_funding.checks.results import validate

    report = validate(descriptor, rules=rules).to_dict()
    report["descriptor"] = descriptor.name
    return report


def run(
    path: str | Path, report_file: str | Path, *, reuse: bool, rules: bool, as_json: bool
) -> int:
    """Validate (or reuse the stored report), write ``report_file``, print, return the exit code."""
    descriptor = resolve(path)
    target = Path(report_file)
    try:
        if not descriptor.is_file():
            raise UnusableInputError(f"{descriptor}: no such file")
        inputs = inputs_of(descriptor, rules)
        cached = read_cached(target, inputs) if reuse else None
        report = cached or {**fresh_report(descriptor, rules), "inputs": inputs}
    except UnusableInputError as exc:
        print(f"openai-funding validate: {exc}", file=sys.stderr)
        return 2
    if cached is None:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_json_atomic(target, report)
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_stored(report, reused=cached is not None, where=target)
    return 0 if report["valid"] else 1


def print_stored(report: dict[str, Any], *, reused: bool, where: Path) -> None:
    """Print a stored report the way ``validate`` prints a fresh one."""
    from openai_funding.checks.results import report_lines

    for line in report_lines(report):
        print(line)
    how = f"reused {where}: nothing changed since" if reused else f"report written to {where}"
    state = "valid" if report["valid"] else "INVALID"
    print(
        f"{report['descriptor']}: {state} ({report['checks_run']} checks, "
        f"{report['checks_failed']} failed; {how})"
    )
