"""The real package passes every rule; the run is quiet and leaves nothing behind."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from openai_funding.checks.rules.suites import CHECKOUT_SUITES, load_suites
from openai_funding.cli import main

ROOT = Path(__file__).resolve().parents[2]
DESCRIPTOR = ROOT / "datapackage.json"


def test_every_rule_passes_and_the_rate_is_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["validate", str(DESCRIPTOR)])
    out, err = capsys.readouterr()
    assert code == 0, out
    assert err == ""  # no progress bars, no warnings
    assert "rule failed" not in out
    assert "observed: round_totals / eur-rate-plausible: 2026-02-round: 1.18013 USD per EUR" in out
    assert list(tmp_path.iterdir()) == []  # no gx/ folder, nothing written
    assert not (ROOT / "gx").exists()
    assert os.environ["GX_ANALYTICS_ENABLED"] == "false"


def test_json_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--json", str(DESCRIPTOR)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    rules = [c for c in report["checks"] if c["suite"] != "schema"]
    expected = sum(len(s.data["expectations"]) for s in load_suites(CHECKOUT_SUITES))
    assert len(rules) == expected
    assert all(c["success"] for c in rules)
    (rate,) = [c for c in rules if c["check"] == "eur-rate-plausible"]
    assert rate["expectation"] == "expect_column_values_to_be_between"
    assert rate["observed"]["2026-02-round"].startswith("1.18013 USD per EUR")
