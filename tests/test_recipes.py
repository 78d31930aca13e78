"""The loading recipes generated from the Table Schemas, run as a reader would run them (from the
package's folder, with only their own tool): pandas, polars and DuckDB give every table with the
schema's types and keys; readr's recipe reads money as doubles (R itself is not run here)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from openai_funding.package.descriptor import read_package
from openai_funding.package.recipes import FILES, recipes

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = read_package(ROOT / "datapackage.json")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("package")
    shutil.copytree(ROOT / "data", out / "data")
    shutil.copyfile(ROOT / "datapackage.json", out / "datapackage.json")
    (out / "recipes").mkdir()
    for name, text in recipes(PACKAGE).items():
        (out / "recipes" / name).write_text(text, encoding="utf-8")
    return out


def csv_rows(name: str) -> int:
    text = (ROOT / str(PACKAGE.tabular[name].path)).read_text(encoding="utf-8")
    import csv
    import io

    return len(list(csv.DictReader(io.StringIO(text))))


def test_pandas_recipe(folder: Path) -> None:
    program = (
        "import json, runpy\n"
        f"tables = runpy.run_path('recipes/{FILES['pandas']}')['load']()\n"
        "print(json.dumps({n: [dict(f.dtypes.astype(str)), len(f)] for n, f in tables.items()}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], cwd=folder, capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout)
    expected = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}
    for name, res in PACKAGE.tabular.items():
        dtypes, rows = found[name]
        assert rows == csv_rows(name)
        for field, spec in res.fields.items():
            kind = spec.get("type", "string")
            if kind == "date":
                # one unit for all, the all-empty columns too (pandas 3 would give them another)
                assert dtypes[field] == "datetime64[us]", (name, field, dtypes[field])
            else:
                assert dtypes[field] == expected[kind], (name, field, dtypes[field])


def test_polars_recipe(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import runpy

    import polars as pl

    monkeypatch.chdir(folder)
    tables = runpy.run_path(f"recipes/{FILES['polars']}")["load"]()
    expected = {
        "string": pl.String,
        "integer": pl.Int64,
        "number": pl.Float64,
        "boolean": pl.Boolean,
        "date": pl.Date,
    }
    for name, res in PACKAGE.tabular.items():
        frame = tables[name]
        assert frame.height == csv_rows(name)
        assert dict(frame.schema) == {
            f: expected[spec.get("type", "string")] for f, spec in res.fields.items()
        }
    rounds = tables["rounds"].filter(pl.col("round_id") == "2026-02-round")
    assert rounds["amount_usd"].to_list() == [110_000_000_000]


def test_duckdb_recipe(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    monkeypatch.chdir(folder)
    with duckdb.connect() as db:
        db.execute((folder / "recipes" / FILES["duckdb"]).read_text(encoding="utf-8"))
        for name in PACKAGE.tabular:
            assert db.execute(f"SELECT count(*) FROM {name}").fetchone() == (csv_rows(name),)
        constraints = db.execute(
            "SELECT table_name, constraint_type FROM duckdb_constraints()"
        ).fetchall()
        (typ,) = db.execute(
            "SELECT data_type FROM information_schema.columns "
            "WHERE table_name = 'rounds' AND column_name = 'announced_on'"
        ).fetchone()
        # a foreign key is enforced: a tranche of no investment is refused
        with pytest.raises(duckdb.ConstraintException):
            db.execute(
                "INSERT INTO commitments (commitment_id, investment_id, tranche, tranche_count,"
                " amount_usd, timing_precision, status, status_as_of) VALUES ('x', 'nowhere', 1,"
                " 1, 1, 'day', 'committed', DATE '2026-01-01')"
            )
    assert typ == "DATE"
    assert {name for name, kind in constraints if kind == "PRIMARY KEY"} == set(PACKAGE.tabular)
    assert ("commitments", "FOREIGN KEY") in constraints


R_CLASSES = {"string": "character", "number": "numeric", "boolean": "logical", "date": "Date"}
R_PROGRAM = """
source("recipes/load_readr.R")
for (n in names(tables)) {
  t <- tables[[n]]
  cat(n, nrow(t), nrow(problems(t)), paste(sapply(t, function(c) class(c)[1]), collapse = ","))
  cat("\\n")
}
"""


def test_readr_recipe_runs_in_r(folder: Path) -> None:
    exe = shutil.which("Rscript")
    if exe is None:
        pytest.fail("R is missing: apt-get install r-cran-readr")
    done = subprocess.run(
        [exe, "-e", R_PROGRAM], cwd=folder, capture_output=True, text=True, check=True
    )
    found = {}
    for line in done.stdout.splitlines():
        name, rows, problems, classes = line.split()
        found[name] = (int(rows), int(problems), classes.split(","))
    for name, res in PACKAGE.tabular.items():
        expected = [
            ("numeric" if field.endswith(("_usd", "_eur")) else "integer")
            if spec.get("type") == "integer"
            else R_CLASSES[spec.get("type", "string")]
            for field, spec in res.fields.items()
        ]
        assert found[name] == (csv_rows(name), 0, expected), name


def test_readr_recipe_reads_money_as_doubles() -> None:
    text = recipes(PACKAGE)[FILES["readr"]]
    for name, res in PACKAGE.tabular.items():
        assert f'{name} = read_csv("{res.path}", na = ""' in text
        for field, spec in res.fields.items():
            if field.endswith(("_usd", "_eur")):
                assert re.search(rf"\b{field} = col_double\(\)", text), (name, field)
            elif spec.get("type") == "date":
                assert re.search(rf'\b{field} = col_date\("%Y-%m-%d"\)', text), (name, field)
            elif spec.get("type") == "boolean":
                assert re.search(rf"\b{field} = col_logical\(\)", text), (name, field)
