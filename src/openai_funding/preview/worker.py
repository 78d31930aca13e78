"""The preview's validation worker (``python -m openai_funding.preview.worker``): imports Great
Expectations once, then answers one JSON request per line (see ``validator.py``). It never
writes the descriptor: stale hashes are refreshed in memory and named in the answer.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.checks.rules.engine import Engine


def validate_as_is(descriptor: Path, report_file: Path, engine: Engine) -> dict[str, Any]:
    """Validate the package at ``descriptor`` with its hashes refreshed in memory; write the
    report to ``report_file``; return the answer of the protocol."""
    from openai_funding.checks import validate
    from openai_funding.package.descriptor import Package, freeze, read_package
    from openai_funding.package.hashing import refresh, write_json_atomic
    from openai_funding.package.problems import UnusableInputError

    try:
        package = read_package(descriptor)
        fresh = package.to_dict()
        stale = refresh(fresh, package.base)
        report = validate(Package(package.path, freeze(fresh)) if stale else package, engine=engine)
    except UnusableInputError as exc:
        return {"error": f"{descriptor.name}: {exc}"}
    report = replace(report, descriptor=package.path.name)
    write_json_atomic(report_file, report.to_dict())
    names = {r.name: r.path for r in package.resources}
    return {"report": report.to_dict(), "stale": [str(names.get(n) or n) for n in stale]}


def serve(requests: IO[str], answers: IO[str]) -> None:
    """Answer requests until the input ends."""
    from openai_funding.checks.rules.engine import Engine

    # Great Expectations is imported now, not at the first edit; the process keeps each suite's
    # outcomes, so an edit runs again only the suites whose frame it changed.
    engine = Engine()
    for line in requests:
        request = json.loads(line)
        try:
            answer = validate_as_is(Path(request["descriptor"]), Path(request["report"]), engine)
        except (ValueError, KeyError, TypeError, OSError, RuntimeError) as exc:
            # a crash of a check is a problem to show, not a dead worker
            answer = {"error": f"validation failed: {type(exc).__name__}: {exc}"}
        answers.write(json.dumps(answer, ensure_ascii=False) + "\n")
        answers.flush()


def main() -> None:
    """The worker's entry point: answers go to the original stdout; anything the libraries
    print goes to stderr."""
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    with contextlib.suppress(KeyboardInterrupt):
        serve(sys.stdin, answers)


if __name__ == "__main__":
    main()
