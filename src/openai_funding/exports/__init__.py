"""Typed copies of the package for other tools, written by well-kept libraries: Parquet (one file
per table, pyarrow), one SQLite database (Python's sqlite3) and one XLSX workbook (XlsxWriter).

Every copy takes its types from the Table Schemas (dates, nullable integers, booleans) through
:func:`columns`, and the same inputs give the same bytes: nothing in them depends on the clock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import Package, Resource
from openai_funding.package.loading import read_resource

#: The file names of the exports inside the published site.
PARQUET_DIR = "parquet"
SQLITE_FILE = "openai-funding.sqlite"
XLSX_FILE = "openai-funding.xlsx"


def columns(resource: Resource, base: Path) -> dict[str, list[Any]]:
    """The resource's columns in schema order, as Python values typed by the Table Schema:
    ``str``, ``int``, ``float``, ``bool``, :class:`datetime.date`, and ``None`` when missing."""
    import pandas as pd

    frame = read_resource(resource, base)
    out: dict[str, list[Any]] = {}
    for name, field in resource.fields.items():
        kind = field.get("type", "string")
        values: list[Any] = []
        for value in frame[name].astype(object):
            if value is None or value is pd.NA or value is pd.NaT:
                values.append(None)
            elif kind == "date":
                values.append(value.date())
            elif kind == "integer":
                values.append(int(value))
            elif kind == "number":
                values.append(float(value))
            elif kind == "boolean":
                values.append(bool(value))
            else:
                values.append(str(value))
        out[name] = values
    return out


def write_all(package: Package, folder: Path, epoch: int) -> list[Path]:
    """Write every export into ``folder``; ``epoch`` (seconds) is the date stamped in the
    workbook's properties. Returns the files written."""
    from openai_funding.exports import parquet, sqlite, xlsx

    data = {name: columns(res, package.base) for name, res in package.tabular.items()}
    stamp = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).replace(tzinfo=None)
    return [
        *parquet.write(package, data, folder / PARQUET_DIR),
        sqlite.write(package, data, folder / SQLITE_FILE),
        xlsx.write(package, data, folder / XLSX_FILE, created=stamp),
    ]
