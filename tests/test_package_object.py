"""The package object every stage shares: read once, immutable; and the check report, which
round-trips through JSON so a stored report and a fresh one are the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from openai_funding.checks import validate
from openai_funding.checks.results import Report
from openai_funding.package.descriptor import read_package
from support import DESCRIPTOR


def test_the_package_names_its_resources_keys_and_date() -> None:
    package = read_package(DESCRIPTOR.parent)
    raw = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    assert package.path == DESCRIPTOR
    assert [r.name for r in package.resources] == [r["name"] for r in raw["resources"]]
    assert package.as_of == dt.date.fromisoformat(raw["asOf"])
    rounds = package.tabular["rounds"]
    assert rounds.path == "data/rounds.csv"
    assert rounds.key == ("round_id",)
    assert rounds.hash == next(r["hash"] for r in raw["resources"] if r["name"] == "rounds")
    assert package.to_dict() == raw


def test_the_package_cannot_be_changed() -> None:
    package = read_package(DESCRIPTOR)
    with pytest.raises(dataclasses.FrozenInstanceError):
        package.path = DESCRIPTOR.parent  # type: ignore[misc]
    with pytest.raises(TypeError):
        package.raw["asOf"] = "2099-01-01"  # type: ignore[index]
    with pytest.raises(TypeError):
        package.tabular["rounds"].fields["round_id"]["type"] = "integer"  # type: ignore[index]
    copy = package.to_dict()
    copy["resources"].clear()
    assert package.resources


def test_a_report_round_trips_through_json() -> None:
    report = validate(read_package(DESCRIPTOR), rules=False)
    again = Report.from_dict(json.loads(json.dumps(report.to_dict())))
    assert again == report
    assert again.to_dict() == report.to_dict()
