"""Copies of the package to break, cell by cell, for the rule tests."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openai_funding.cli import main
from openai_funding.package import hashing

ROOT = Path(__file__).resolve().parents[2]

#: Primary key of each resource, to find a row by its key.
KEYS = {
    "organizations": ("org_id",),
    "rounds": ("round_id",),
    "investments": ("investment_id",),
    "commitments": ("commitment_id",),
    "outcomes": ("outcome_id",),
    "agreements": ("agreement_id",),
    "agreement_parties": ("agreement_id", "org_id"),
    "agreement_terms": ("term_id",),
    "purchase_commitments": ("purchase_id",),
    "stakes": ("stake_id",),
    "questions": ("question_id",),
    "question_updates": ("update_id",),
    "reports": ("report_id",),
    "events": ("event_id",),
    "sources": ("source_id",),
    "claims": ("claim_id",),
    "translations": ("resource", "record_id", "field", "lang"),
}


@dataclass
class PackageCopy:
    """A copy of the package (descriptor and data/) in a folder, edited cell by cell."""

    folder: Path

    @classmethod
    def make(cls, folder: Path) -> PackageCopy:
        shutil.copytree(ROOT / "data", folder / "data")
        shutil.copy2(ROOT / "datapackage.json", folder / "datapackage.json")
        return cls(folder)

    @property
    def descriptor(self) -> Path:
        return self.folder / "datapackage.json"

    def set(self, resource: str, key: str, field: str, value: str) -> None:
        """Set one cell of the record whose key is ``key`` (``a/b`` for compound keys)."""
        header, rows = self._read(resource)
        row = rows[self._find(resource, header, rows, key)]
        row[header.index(field)] = value
        self._write(resource, header, rows)

    def add(self, resource: str, **cells: str) -> None:
        """Append a record; fields not given are empty."""
        header, rows = self._read(resource)
        unknown = set(cells) - set(header)
        assert not unknown, unknown
        rows.append([cells.get(name, "") for name in header])
        self._write(resource, header, rows)

    def copy_row(self, resource: str, key: str, **changes: str) -> None:
        """Append a copy of a record, with some cells changed."""
        header, rows = self._read(resource)
        row = list(rows[self._find(resource, header, rows, key)])
        for name, value in changes.items():
            row[header.index(name)] = value
        rows.append(row)
        self._write(resource, header, rows)

    def drop(self, resource: str, key: str) -> None:
        header, rows = self._read(resource)
        del rows[self._find(resource, header, rows, key)]
        self._write(resource, header, rows)

    def relax(self, resource: str, edit: Callable[[dict[str, Any]], None]) -> None:
        """Edit the Table Schema of ``resource`` in the copy's descriptor (to let a rule, rather
        than the schema, see a break)."""
        data = json.loads(self.descriptor.read_text(encoding="utf-8"))
        (res,) = [r for r in data["resources"] if r["name"] == resource]
        edit(res["schema"])
        self.descriptor.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    def rehash(self) -> None:
        hashing.refresh_file(self.descriptor)

    def validate(self, *args: str) -> tuple[int, str]:
        """Run ``openai-funding validate`` on the copy; its exit code and output."""
        out, err = io.StringIO(), io.StringIO()
        from contextlib import redirect_stderr, redirect_stdout

        with redirect_stdout(out), redirect_stderr(err):
            code = main(["validate", *args, str(self.descriptor)])
        return code, out.getvalue() + err.getvalue()

    def _path(self, resource: str) -> Path:
        return self.folder / "data" / f"{resource}.csv"

    def _read(self, resource: str) -> tuple[list[str], list[list[str]]]:
        with self._path(resource).open(encoding="utf-8", newline="") as fh:
            header, *rows = list(csv.reader(fh))
        return header, rows

    def _write(self, resource: str, header: list[str], rows: list[list[str]]) -> None:
        with self._path(resource).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)

    @staticmethod
    def _find(resource: str, header: list[str], rows: list[list[str]], key: str) -> int:
        columns = [header.index(k) for k in KEYS[resource]]
        for i, row in enumerate(rows):
            if "/".join(row[c] for c in columns) == key:
                return i
        raise AssertionError(f"{resource}: no record {key!r}")


def drop_constraint(field: str, constraint: str) -> Callable[[dict[str, Any]], None]:
    """A schema edit removing one constraint of one field."""

    def edit(schema: dict[str, Any]) -> None:
        (spec,) = [f for f in schema["fields"] if f["name"] == field]
        spec.get("constraints", {}).pop(constraint, None)

    return edit


def drop_primary_key(schema: dict[str, Any]) -> None:
    """A schema edit removing the primary key (and so its uniqueness)."""
    schema.pop("primaryKey", None)
