"""Parquet, one file per table, written by pyarrow with the Table Schema's types: ``date32`` for
dates, ``int64`` (nullable) for integers, ``float64`` for numbers, ``bool`` for booleans; each
field's description is kept in the file's field metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import Package, Resource


def arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {
        "date": pa.date32(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
    }.get(kind, pa.string())


def arrow_schema(resource: Resource) -> Any:
    """The pyarrow schema of a resource: types, nullability (``required``) and descriptions."""
    import pyarrow as pa

    fields = []
    for name, field in resource.fields.items():
        required = bool(field.get("constraints", {}).get("required"))
        meta = {"description": field.get("description", "")}
        fields.append(
            pa.field(name, arrow_type(field.get("type", "string")), not required, metadata=meta)
        )
    table_meta = {
        "description": resource.raw.get("description", ""),
        "primaryKey": json.dumps(list(resource.key)),
    }
    return pa.schema(fields, metadata=table_meta)


def write(package: Package, data: dict[str, dict[str, list[Any]]], folder: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, resource in package.tabular.items():
        schema = arrow_schema(resource)
        table = pa.table([pa.array(data[name][f.name], type=f.type) for f in schema], schema=schema)
        path = folder / f"{name}.parquet"
        pq.write_table(table, path, compression="zstd")
        written.append(path)
    return written
