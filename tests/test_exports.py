"""The typed exports, each read back by a client other than the one that wrote it: the Parquet
files (pyarrow) by DuckDB, the SQLite database (Python's sqlite3) by Debian's sqlite3 shell, the
workbook (XlsxWriter) by openpyxl. Types come from the Table Schemas; same inputs, same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from openai_funding.exports import PARQUET_DIR, SQLITE_FILE, XLSX_FILE, write_all
from openai_funding.package.descriptor import read_package
from openai_funding.package.hashing import refresh_file

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = read_package(ROOT / "datapackage.json")
EPOCH = 1772150400  # 2026-02-27
DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
}


def csv_rows(name: str) -> list[dict[str, str]]:
    path = PACKAGE.base / str(PACKAGE.tabular[name].path)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    write_all(PACKAGE, out, EPOCH)
    return out


def sqlite3_shell(db: Path, sql: str) -> list[dict[str, Any]]:
    exe = shutil.which("sqlite3")
    if exe is None:
        pytest.fail("the sqlite3 shell is missing: apt-get install sqlite3")
    done = subprocess.run(
        [exe, "-json", "-bail", str(db), sql], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout) if done.stdout.strip() else []


def test_same_inputs_same_bytes(exported: Path, tmp_path: Path) -> None:
    write_all(PACKAGE, tmp_path, EPOCH)
    for path in sorted(exported.rglob("*")):
        if path.is_file():
            rel = path.relative_to(exported)
            assert (tmp_path / rel).read_bytes() == path.read_bytes(), rel


# Parquet, read by DuckDB


@pytest.mark.parametrize("name", sorted(PACKAGE.tabular))
def test_parquet_read_by_duckdb_has_the_schema_types(exported: Path, name: str) -> None:
    import duckdb

    path = exported / PARQUET_DIR / f"{name}.parquet"
    with duckdb.connect() as db:
        described = db.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        count = db.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()
    fields = PACKAGE.tabular[name].fields
    assert [(c[0], c[1]) for c in described] == [
        (n, DUCKDB_TYPES[f.get("type", "string")]) for n, f in fields.items()
    ]
    assert count == (len(csv_rows(name)),)


def test_parquet_values_are_typed(exported: Path) -> None:
    import duckdb

    folder = exported / PARQUET_DIR
    with duckdb.connect() as db:
        amount, announced, closed = db.execute(
            "SELECT amount_usd, announced_on, closed_on FROM "
            f"read_parquet('{folder / 'rounds.parquet'}') WHERE round_id = '2026-02-round'"
        ).fetchone()
        conditional = db.execute(
            "SELECT conditional FROM "
            f"read_parquet('{folder / 'commitments.parquet'}') ORDER BY commitment_id"
        ).fetchall()
    assert (amount, announced) == (110_000_000_000, dt.date(2026, 2, 27))
    assert closed is None  # an empty cell is missing, not a string or NaN
    assert {c for (c,) in conditional} <= {True, False, None}
    assert True in {c for (c,) in conditional}


@pytest.mark.parametrize("name", sorted(PACKAGE.tabular))
def test_parquet_read_by_polars_has_the_schema_types(exported: Path, name: str) -> None:
    import polars as pl

    expected = {
        "string": pl.String,
        "integer": pl.Int64,
        "number": pl.Float64,
        "boolean": pl.Boolean,
        "date": pl.Date,
    }
    frame = pl.read_parquet(exported / PARQUET_DIR / f"{name}.parquet")
    assert dict(frame.schema) == {
        f: expected[spec.get("type", "string")] for f, spec in PACKAGE.tabular[name].fields.items()
    }
    assert frame.height == len(csv_rows(name))


# SQLite, read by the sqlite3 shell


def test_sqlite_opens_in_the_plain_shell_with_keys_that_hold(exported: Path) -> None:
    db = exported / SQLITE_FILE
    assert sqlite3_shell(db, "PRAGMA foreign_key_check") == []
    assert sqlite3_shell(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    for name, res in PACKAGE.tabular.items():
        (count,) = sqlite3_shell(db, f'SELECT count(*) AS n FROM "{name}"')
        assert count["n"] == len(csv_rows(name)), name
        info = sqlite3_shell(db, f"PRAGMA table_info('{name}')")
        assert [c["name"] for c in info] == list(res.fields)
        assert [c["name"] for c in sorted(info, key=lambda c: c["pk"]) if c["pk"]] == list(res.key)
        declared = sqlite3_shell(db, f"PRAGMA foreign_key_list('{name}')")
        expected = {
            (fk["reference"].get("resource", name), tuple(fk["fields"])) for fk in res.foreign_keys
        }
        assert {(d["table"], (d["from"],)) for d in declared} == expected, name


AMAZON_1_DUE = next(
    r["timing_end"] for r in csv_rows("commitments") if r["commitment_id"] == "2026-02-amazon-1"
)


def test_sqlite_cells_have_the_schema_types(exported: Path) -> None:
    db = exported / SQLITE_FILE
    (row,) = sqlite3_shell(
        db,
        "SELECT typeof(amount_usd) AS amount, typeof(conditional) AS conditional, "
        "conditional AS value, typeof(timing_end) AS due, timing_end "
        "FROM commitments WHERE commitment_id = '2026-02-amazon-1'",
    )
    assert row == {
        "amount": "integer",
        "conditional": "integer",
        "value": 0,
        "due": "text",
        "timing_end": AMAZON_1_DUE,
    }
    fields = sqlite3_shell(db, "SELECT count(*) AS n FROM _fields")
    assert fields == [{"n": sum(len(r.fields) for r in PACKAGE.tabular.values())}]


def test_sqlite_refuses_a_broken_foreign_key_when_keys_are_on(
    exported: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.sqlite"
    shutil.copyfile(exported / SQLITE_FILE, db)
    exe = shutil.which("sqlite3")
    assert exe is not None
    done = subprocess.run(
        [exe, str(db), "PRAGMA foreign_keys=ON; UPDATE investments SET round_id = 'nowhere';"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "FOREIGN KEY constraint failed" in done.stderr


# XLSX, read by openpyxl


def test_workbook_read_by_openpyxl(exported: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(exported / XLSX_FILE)
    assert book.sheetnames == ["README", "dictionary", *PACKAGE.tabular]
    for name, res in PACKAGE.tabular.items():
        sheet = book[name]
        header, *rows = sheet.iter_rows()
        assert [c.value for c in header] == list(res.fields)
        assert len(rows) == len(csv_rows(name)), name
        for column, field in enumerate(res.fields.values()):
            kind = field.get("type", "string")
            for row in rows:
                cell = row[column]
                assert cell.data_type != "f", (name, cell.coordinate)
                if cell.value is None:
                    continue
                expected = {
                    "date": dt.datetime,
                    "boolean": bool,
                    "integer": (int, float),
                    "number": (int, float),
                }.get(kind, str)
                assert isinstance(cell.value, expected), (name, cell.coordinate, cell.value)
    rounds = book["rounds"]
    names = [c.value for c in rounds[1]]
    for row in rounds.iter_rows(min_row=2, values_only=True):
        record = dict(zip(names, row, strict=True))
        if record["round_id"] == "2026-02-round":
            assert record["announced_on"] == dt.datetime(2026, 2, 27)
            assert record["amount_usd"] == 110_000_000_000
    dictionary = list(book["dictionary"].iter_rows(values_only=True))
    assert dictionary[0][:3] == ("table", "field", "type")
    assert len(dictionary) - 1 == sum(len(r.fields) for r in PACKAGE.tabular.values())
    readme = dict(book["README"].iter_rows(values_only=True))
    assert readme["as of"] == "2026-12-05"
    assert book.properties.created == dt.datetime(2026, 2, 27)


HOSTILE = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x")']


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """The writer never makes a formula, whatever validation lets through."""
    import openpyxl

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copyfile(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    path = tmp_path / "data" / "sources.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    column = table[0].index("title")
    for row, text in zip(table[1:], HOSTILE, strict=False):
        row[column] = text
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)
    refresh_file(tmp_path)
    write_all(read_package(tmp_path), tmp_path / "out", EPOCH)
    sheet = openpyxl.load_workbook(tmp_path / "out" / XLSX_FILE)["sources"]
    cells = [row[column] for row in sheet.iter_rows(min_row=2, max_row=len(HOSTILE) + 1)]
    assert [c.value for c in cells] == HOSTILE
    assert {c.data_type for c in cells} == {"s"}
