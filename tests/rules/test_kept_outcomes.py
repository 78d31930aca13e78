"""Each process keeps the outcomes of the suites it ran, by the content of the suite and its
frame: a suite runs again in Great Expectations only when one of them changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from openai_funding.checks.rules import run_rules
from openai_funding.checks.rules.engine import Engine
from openai_funding.package.descriptor import read_package
from support import DESCRIPTOR


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The suites that Great Expectations runs during the test."""
    seen: list[str] = []
    real = Engine.validate

    def validate(self: Engine, suite_file, frame):
        seen.append(suite_file.name)
        return real(self, suite_file, frame)

    monkeypatch.setattr(Engine, "validate", validate)
    return seen


def test_only_the_suites_an_edit_reaches_run_again(
    ran: list[str], edit_csv, package_copy: Path
) -> None:
    first = run_rules(read_package(DESCRIPTOR))
    again = run_rules(read_package(DESCRIPTOR))
    assert [c.to_dict() for c in again] == [c.to_dict() for c in first]
    before = len(ran)
    assert len(ran) == len(set(ran))  # no suite ran twice on the same frame

    edit_csv("questions", "Reuters: it was not", "Reuters: it was not yet")  # a note, in few suites
    edited = run_rules(read_package(package_copy))
    rerun = ran[before:]
    assert 0 < len(rerun) < len({c.suite for c in first}), rerun
    assert [c.to_dict() for c in edited if c.suite not in rerun] == [
        c.to_dict() for c in first if c.suite not in rerun
    ]
