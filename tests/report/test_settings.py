"""The report's settings live in report/report.yml; an organization they do not place still gets a
place in the diagram (no KeyError)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from openai_funding.content.data import CHECKOUT_SETTINGS, read_settings, report_data
from openai_funding.content.network import agreement_network, places
from support import DESCRIPTOR


def test_settings_come_from_the_yaml_beside_the_qmd() -> None:
    settings = read_settings(CHECKOUT_SETTINGS)
    assert CHECKOUT_SETTINGS.parent.name == "report"
    assert (CHECKOUT_SETTINGS.parent / "index.qmd").is_file()
    data = report_data(str(DESCRIPTOR))
    assert data.settings == settings
    assert settings.round_id in set(data["rounds"]["round_id"])
    assert set(settings.positions) <= set(data["organizations"]["org_id"])


def test_an_organization_without_a_place_gets_one() -> None:
    data = report_data(str(DESCRIPTOR))
    unplaced = dict(data.settings.positions)
    del unplaced["microsoft-azure"], unplaced["nvidia"]
    data = replace(data, settings=replace(data.settings, positions=unplaced))
    at = places(data, ["microsoft-azure", "nvidia", "openai"])
    assert at["nvidia"] != at["microsoft-azure"]
    assert {"microsoft-azure", "nvidia"} <= set(at)
    nodes = pd.DataFrame(
        next(d for d in agreement_network(data).to_dict()["datasets"].values() if "name" in d[0])
    )
    assert {"Microsoft Azure", "Nvidia"} <= set(nodes["name"])
