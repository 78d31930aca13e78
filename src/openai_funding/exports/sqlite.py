"""One SQLite database, written by Python's sqlite3: a table per resource with the schema's
types, ``NOT NULL``, primary and foreign keys and the enum and minimum constraints as plain
``CHECK``s (no custom SQL function, so any SQLite opens and checks it), plus ``_fields``, the
data dictionary.

Types: ``TEXT``, ``INTEGER``, ``REAL``; booleans are ``BOOLEAN`` (0 or 1) and dates ``DATE``
(ISO 8601 text, ``CHECK (x IS date(x))``), the declared types SQL clients map to booleans and
dates.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import Package, Resource

SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "BOOLEAN",
    "date": "DATE",
}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def create_table(name: str, resource: Resource) -> str:
    """The ``CREATE TABLE`` statement of a resource."""
    lines = []
    for field_name, field in resource.fields.items():
        kind = field.get("type", "string")
        constraints = field.get("constraints", {})
        column = quote(field_name)
        parts = [column, SQL_TYPES.get(kind, "TEXT")]
        if constraints.get("required"):
            parts.append("NOT NULL")
        checks = []
        if kind == "boolean":
            checks.append(f"{column} IN (0, 1)")
        if kind == "date":
            checks.append(f"{column} IS date({column})")
        if "enum" in constraints:
            checks.append(f"{column} IN ({', '.join(map(literal, constraints['enum']))})")
        if "minimum" in constraints:
            checks.append(f"{column} >= {literal(constraints['minimum'])}")
        parts += [f"CHECK ({c})" for c in checks]
        lines.append(" ".join(parts))
    lines.append(f"PRIMARY KEY ({', '.join(map(quote, resource.key))})")
    for fk in resource.foreign_keys:
        ref = fk["reference"]
        target = ref.get("resource") or name
        lines.append(
            f"FOREIGN KEY ({', '.join(map(quote, fk['fields']))}) "
            f"REFERENCES {quote(target)} ({', '.join(map(quote, ref['fields']))})"
        )
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {quote(name)} (\n  {body}\n)"


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def write(package: Package, data: dict[str, dict[str, list[Any]]], path: Path) -> Path:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        with db:
            db.execute(
                "CREATE TABLE _fields (table_name TEXT NOT NULL, field TEXT NOT NULL, "
                "type TEXT NOT NULL, required BOOLEAN NOT NULL, description TEXT, "
                "PRIMARY KEY (table_name, field))"
            )
            for name, resource in package.tabular.items():
                db.execute(create_table(name, resource))
                cols = data[name]
                names = list(cols)
                marks = ", ".join("?" for _ in names)
                rows = zip(*(map(_cell, cols[n]) for n in names), strict=True)
                db.executemany(
                    f"INSERT INTO {quote(name)} ({', '.join(map(quote, names))}) VALUES ({marks})",
                    rows,
                )
                db.executemany(
                    "INSERT INTO _fields VALUES (?, ?, ?, ?, ?)",
                    [
                        (
                            name,
                            f,
                            field.get("type", "string"),
                            int(bool(field.get("constraints", {}).get("required"))),
                            field.get("description"),
                        )
                        for f, field in resource.fields.items()
                    ],
                )
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"{path.name}: foreign keys do not hold: {problems[:3]}")
        db.execute("VACUUM")
    finally:
        db.close()
    return path
