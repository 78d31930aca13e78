"""Every rule can be rerun outside this package: each published suite names its table
(``views/<frame>.parquet``), and plain Great Expectations 1.x on that file, read with pandas,
gives every rule's outcome as `openai-funding validate` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from openai_funding.build.views import write_views
from openai_funding.package.descriptor import read_package

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    (out / "suites").mkdir()
    write_views(read_package(ROOT / "datapackage.json"), ROOT / "validation", out)
    return out


def rerun(suite_path: Path, table: Path) -> dict[str, bool]:
    """Rule name → success, with nothing but Great Expectations, pandas and the two files."""
    import great_expectations as gx
    import pandas as pd

    data = json.loads(suite_path.read_text(encoding="utf-8"))
    context = gx.get_context(mode="ephemeral")
    batch = (
        context.data_sources.add_pandas("files")
        .add_dataframe_asset("table")
        .add_batch_definition_whole_dataframe("whole")
    )
    suite = context.suites.add(gx.ExpectationSuite(**data))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=data["name"], data=batch, suite=suite)
    )
    result = definition.run(batch_parameters={"dataframe": pd.read_parquet(table)})
    return {r.expectation_config.meta["rule"]: r.success for r in result.results}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_every_suite_reruns_on_its_published_table(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GX_ANALYTICS_ENABLED", "false")
    suites = sorted((site / "suites").glob("*.json"))
    assert len(suites) == len(list((ROOT / "validation").glob("*.json")))
    for path in suites:
        meta = json.loads(path.read_text(encoding="utf-8"))["meta"]["openai_funding"]
        table = site / meta["table"]
        assert table.is_file(), meta["table"]
        outcomes = rerun(path, table)
        rules = [e["meta"]["rule"] for e in json.loads(path.read_text())["expectations"]]
        assert sorted(outcomes) == sorted(rules), path.name
        assert all(outcomes.values()), (path.name, outcomes)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_broken_view_fails_its_rule_outside_the_package(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pandas as pd

    monkeypatch.setenv("GX_ANALYTICS_ENABLED", "false")
    frame = pd.read_parquet(site / "views" / "round_totals.parquet")
    frame.loc[frame["round_id"] == "2026-02-round", "post_money_valuation_usd"] += 1
    broken = tmp_path / "round_totals.parquet"
    frame.to_parquet(broken)
    outcomes = rerun(site / "suites" / "round_totals.json", broken)
    assert not all(outcomes.values())


def test_every_view_has_its_own_table_schema(site: Path) -> None:
    import pyarrow.parquet as pq
    from frictionless import Package

    descriptor = json.loads((site / "views" / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in descriptor["resources"]}
    assert set(resources) == {p.name for p in (site / "views").glob("*.parquet")}
    for path, resource in resources.items():
        columns = pq.read_schema(site / "views" / path).names
        assert [f["name"] for f in resource["schema"]["fields"]] == columns
        assert resource["description"], path
    types = {f["name"]: f["type"] for f in resources["paid_totals.parquet"]["schema"]["fields"]}
    assert (types["paid_usd"], types["level"]) == ("integer", "string")
    types = {f["name"]: f["type"] for f in resources["as_of_bounds.parquet"]["schema"]["fields"]}
    assert types["as_of"] == "date"
    # A Data Package reader takes it as it is (the data themselves are read as Parquet above).
    assert len(Package(descriptor).resources) == len(resources)
