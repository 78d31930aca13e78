"""The suites in validation/: Great Expectations' own JSON, one frame each, rules named."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from openai_funding import load
from openai_funding.checks import as_of_views, purchase_views, translation_views, views
from openai_funding.checks.rules.suites import CHECKOUT_SUITES, SuiteFile, load_suites
from openai_funding.package.descriptor import read_descriptor, read_package

ROOT = Path(__file__).resolve().parents[2]
SUITES = load_suites(CHECKOUT_SUITES)


@pytest.fixture(scope="module")
def frames() -> dict[str, object]:
    descriptor = ROOT / "datapackage.json"
    package = read_package(descriptor)
    tables, resources = load(package), package.tabular
    built = {
        **views.build_all(tables, resources),
        **as_of_views.build_all(tables, resources),
        **purchase_views.build_all(tables, resources),
        **translation_views.build_all(tables, resources),
    }
    return {name: build() for name, build in built.items()}


def test_one_suite_per_resource_plus_views() -> None:
    resources = {r["name"] for r in read_descriptor(ROOT / "datapackage.json")["resources"]}
    frames = {s.frame for s in SUITES}
    assert resources <= frames
    assert frames - resources >= {"round_totals", "investment_totals", "claim_support"}


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_suite_is_great_expectations_json(suite: SuiteFile) -> None:
    import great_expectations as gx

    data = json.loads(suite.path.read_text(encoding="utf-8"))
    assert gx.ExpectationSuite(**data).to_json_dict() == data
    assert suite.path.name == f"{suite.name}.json"


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_rules_are_named_and_described(suite: SuiteFile) -> None:
    for expectation in suite.data["expectations"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", expectation["meta"]["rule"])
        assert expectation.get("description"), expectation["meta"]["rule"]


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_suite_columns_exist_in_its_frame(suite: SuiteFile, frames: dict) -> None:
    frame = frames[suite.frame]
    assert {"_id", "_key"} <= set(frame.columns)
    for expectation in suite.data["expectations"]:
        kwargs = expectation["kwargs"]
        named = [kwargs.get("column"), kwargs.get("column_A"), kwargs.get("column_B")]
        named += kwargs.get("column_list", []) + expectation["meta"].get("found", [])
        assert {c for c in named if c} <= set(frame.columns), expectation["meta"]["rule"]
