"""`openai-funding diff OLD NEW`: records added, removed and changed by primary key, each changed
cell old → new, in text, JSON and Markdown; exit 0 same, 1 different, 2 unreadable."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from openai_funding.cli import main
from openai_funding.package.hashing import refresh_file

ROOT = Path(__file__).resolve().parents[1]


def copy(folder: Path) -> Path:
    folder.mkdir()
    shutil.copytree(ROOT / "data", folder / "data")
    shutil.copyfile(ROOT / "datapackage.json", folder / "datapackage.json")
    return folder


Rows = list[dict[str, str]]


def edit(folder: Path, name: str, change: Callable[[Rows], Rows]) -> None:
    """Rewrite a table of the package in ``folder`` through ``change``, then its hash."""
    path = folder / "data" / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = change(list(csv.DictReader(fh)))
    fields = list(rows[0])
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    refresh_file(folder)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("diff")
    old, new = copy(base / "old"), copy(base / "new")

    def rounds(rows: Rows) -> Rows:
        for row in rows:
            if row["round_id"] == "2026-02-round":
                row["amount_usd"] = "111000000000"
        extra = dict(rows[0], round_id="2027-01-round")
        return [r for r in rows if r["round_id"] != "2024-10-funding"] + [extra]

    edit(new, "rounds", rounds)
    return old / "datapackage.json", new / "datapackage.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_same_package_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(ROOT), str(ROOT / "datapackage.json"))
    assert code == 0
    assert "same" in out


def test_text_names_each_record_and_cell(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *map(str, pair))
    assert code == 1
    assert "rounds: 1 added, 1 removed, 1 changed" in out
    assert "  + 2027-01-round" in out
    assert "  - 2024-10-funding" in out
    assert "  ~ 2026-02-round: amount_usd: '110000000000' → '111000000000'" in out
    assert "claims" not in out  # unchanged resources are not listed


def test_json(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *map(str, pair), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["same"] is False
    rounds = next(r for r in data["resources"] if r["name"] == "rounds")
    assert rounds["status"] == "changed"
    assert [r["round_id"] for r in rounds["added"]] == ["2027-01-round"]
    assert [r["round_id"] for r in rounds["removed"]] == ["2024-10-funding"]
    assert rounds["changed"] == [
        {
            "key": "2026-02-round",
            "cells": [{"field": "amount_usd", "old": "110000000000", "new": "111000000000"}],
        }
    ]
    assert {r["status"] for r in data["resources"] if r["name"] != "rounds"} == {"same"}


def test_markdown(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *map(str, pair), "--markdown")
    assert code == 1
    assert "### `rounds`: 1 added, 1 removed, 1 changed" in out
    assert "| `2026-02-round` | amount_usd | `110000000000` | `111000000000` |" in out


def test_a_new_resource_and_a_new_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = copy(tmp_path / "old"), copy(tmp_path / "new")
    descriptor = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["version"] = "0.0.1"
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "events"]
    rounds = next(r for r in descriptor["resources"] if r["name"] == "rounds")
    rounds["schema"]["fields"] = [
        f for f in rounds["schema"]["fields"] if f["name"] != "amount_basis"
    ]
    (old / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    edit(
        old,
        "rounds",
        lambda rows: [{k: v for k, v in r.items() if k != "amount_basis"} for r in rows],
    )
    code, out, _ = run(capsys, str(old), str(new))
    assert code == 1
    assert "version: '0.0.1' → '0.4.0'" in out
    assert "events: added (" in out
    assert "new fields: amount_basis" in out
    # the field is new: its cells are reported once, as a new field, and only where not empty
    assert "~ 2024-10-funding: amount_basis" not in out
    assert "~ 2026-03-close: amount_basis: (none) → 'committed'" in out


@pytest.mark.parametrize("broken", ["missing", "not-json", "missing-csv"])
def test_unreadable_input_exits_2_without_traceback(
    broken: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "datapackage.json"
    if broken == "not-json":
        target.write_text("{", encoding="utf-8")
    elif broken == "missing-csv":
        copy(tmp_path / "pkg")
        (tmp_path / "pkg" / "data" / "rounds.csv").unlink()
        target = tmp_path / "pkg" / "datapackage.json"
    code, out, err = run(capsys, str(ROOT), str(target))
    assert code == 2
    assert "openai-funding diff:" in err
    assert "Traceback" not in out + err
    code, out, _ = run(capsys, str(target), str(ROOT), "--json")
    assert code == 2
    assert "error" in json.loads(out)
