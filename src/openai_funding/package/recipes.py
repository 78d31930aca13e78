"""Loading recipes generated from the Table Schemas, for readers of the CSV files who have only
their own tool: pandas (dtypes and dates), polars (a schema), DuckDB (typed ``CREATE TABLE`` with
keys, then ``COPY``) and R's readr (``col_types``). Each recipe is a short program that reads
every table of the package with the schema's types; the build publishes them in ``recipes/``.

Money is in whole currency units and can pass 2^31: readr gets it as a double (its integers are
32-bit), every other tool as a 64-bit integer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openai_funding.package.descriptor import Package, Resource

#: The file name of each recipe inside ``recipes/``.
FILES = {
    "pandas": "load_pandas.py",
    "polars": "load_polars.py",
    "duckdb": "load_duckdb.sql",
    "readr": "load_readr.R",
}

PANDAS = {"string": '"string"', "integer": '"Int64"', "number": '"Float64"', "boolean": '"boolean"'}
POLARS = {
    "string": "pl.String",
    "integer": "pl.Int64",
    "number": "pl.Float64",
    "boolean": "pl.Boolean",
    "date": "pl.Date",
}
DUCKDB = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
}
READR = {
    "string": "col_character()",
    "integer": "col_integer()",
    "number": "col_double()",
    "boolean": "col_logical()",
    "date": 'col_date("%Y-%m-%d")',
}


def _kind(field: Mapping[str, Any]) -> str:
    return str(field.get("type", "string"))


def _is_money(name: str) -> bool:
    return name.endswith(("_usd", "_eur"))


def pandas_recipe(package: Package) -> str:
    lines = [
        '"""Every table of the package as typed pandas DataFrames (generated from datapackage.json)."""',
        "",
        "import pandas as pd",
        "",
        "TABLES = {",
    ]
    for name, res in package.tabular.items():
        dtypes = ", ".join(
            f'"{n}": {PANDAS[_kind(f)]}' for n, f in res.fields.items() if _kind(f) != "date"
        )
        dates = ", ".join(f'"{n}"' for n, f in res.fields.items() if _kind(f) == "date")
        lines.append(f'    "{name}": ("{res.path}", {{{dtypes}}}, [{dates}]),')
    lines += [
        "}",
        "",
        "",
        'def load(base: str = ".") -> dict[str, pd.DataFrame]:',
        "    tables = {}",
        "    for name, (path, dtypes, dates) in TABLES.items():",
        "        tables[name] = pd.read_csv(",
        '            f"{base}/{path}",',
        "            dtype=dtypes,",
        "            parse_dates=dates,",
        '            date_format="%Y-%m-%d",',
        "            keep_default_na=False,",
        '            na_values=[""],',
        '            true_values=["true"],',
        '            false_values=["false"],',
        '            encoding="utf-8",',
        "        )",
        "        # one unit for every date column (pandas 3 gives an all-empty one another)",
        '        tables[name][dates] = tables[name][dates].astype("datetime64[us]")',
        "    return tables",
        "",
        "",
        'if __name__ == "__main__":',
        "    for name, frame in load().items():",
        "        print(name, dict(frame.dtypes.astype(str)))",
        "",
    ]
    return "\n".join(lines)


def polars_recipe(package: Package) -> str:
    lines = [
        '"""Every table of the package as typed polars DataFrames (generated from datapackage.json)."""',
        "",
        "import polars as pl",
        "",
        "TABLES = {",
    ]
    for name, res in package.tabular.items():
        schema = ", ".join(f'"{n}": {POLARS[_kind(f)]}' for n, f in res.fields.items())
        lines.append(f'    "{name}": ("{res.path}", {{{schema}}}),')
    lines += [
        "}",
        "",
        "",
        'def load(base: str = ".") -> dict[str, pl.DataFrame]:',
        "    return {",
        '        name: pl.read_csv(f"{base}/{path}", schema=schema, null_values=[""])',
        "        for name, (path, schema) in TABLES.items()",
        "    }",
        "",
        "",
        'if __name__ == "__main__":',
        "    for name, frame in load().items():",
        "        print(name, frame.schema)",
        "",
    ]
    return "\n".join(lines)


def _order(package: Package) -> list[str]:
    """Tables in an order where each comes after the tables its foreign keys point to."""
    done: list[str] = []
    pending = list(package.tabular)
    while pending:
        for name in pending:
            targets = {
                fk["reference"].get("resource") or name for fk in package.tabular[name].foreign_keys
            }
            if targets <= {name, *done}:
                done.append(name)
                pending.remove(name)
                break
        else:  # a cycle: keep the descriptor's order for the rest
            done += pending
            break
    return done


def duckdb_table(name: str, res: Resource) -> str:
    lines = []
    for n, f in res.fields.items():
        required = " NOT NULL" if f.get("constraints", {}).get("required") else ""
        lines.append(f"  {n} {DUCKDB[_kind(f)]}{required}")
    lines.append(f"  PRIMARY KEY ({', '.join(res.key)})")
    skipped = []
    for fk in res.foreign_keys:
        ref = fk["reference"]
        target = ref.get("resource") or name
        if target == name:  # DuckDB has no foreign key from a table to itself
            skipped.append(f"-- {', '.join(fk['fields'])} references {name} itself: not declared")
            continue
        lines.append(
            f"  FOREIGN KEY ({', '.join(fk['fields'])}) "
            f"REFERENCES {target} ({', '.join(ref['fields'])})"
        )
    body = ",\n".join(lines)
    return "\n".join([*skipped, f"CREATE TABLE {name} (\n{body}\n);"])


def duckdb_recipe(package: Package) -> str:
    out = [
        "-- Every table of the package in DuckDB, typed, with its keys (generated from",
        "-- datapackage.json). Run from the package's folder: duckdb funding.db < load_duckdb.sql",
        "",
    ]
    for name in _order(package):
        res = package.tabular[name]
        out.append(duckdb_table(name, res))
        out.append(
            f"COPY {name} FROM '{res.path}' (HEADER, DELIMITER ',', QUOTE '\"', "
            "NULLSTR '', DATEFORMAT '%Y-%m-%d');"
        )
        out.append("")
    return "\n".join(out)


def readr_recipe(package: Package) -> str:
    out = [
        "# Every table of the package as typed tibbles with readr (generated from datapackage.json).",
        "# Money columns (_usd, _eur) are doubles: readr's integers are 32-bit.",
        "library(readr)",
        "",
        "tables <- list(",
    ]
    entries = []
    for name, res in package.tabular.items():
        cols = ",\n    ".join(
            f"{n} = {'col_double()' if _kind(f) == 'integer' and _is_money(n) else READR[_kind(f)]}"
            for n, f in res.fields.items()
        )
        entries.append(
            f'  {name} = read_csv("{res.path}", na = "", col_types = cols(\n    {cols}\n  ))'
        )
    out.append(",\n".join(entries))
    out += [")", ""]
    return "\n".join(out)


def recipes(package: Package) -> dict[str, str]:
    """File name → recipe text, for every tool."""
    return {
        FILES["pandas"]: pandas_recipe(package),
        FILES["polars"]: polars_recipe(package),
        FILES["duckdb"]: duckdb_recipe(package),
        FILES["readr"]: readr_recipe(package),
    }
