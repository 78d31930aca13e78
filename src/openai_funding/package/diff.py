"""``openai-funding diff OLD NEW``: what changed between two copies of the package, row by row.

Records are matched by primary key (the key of the new copy's schema, else the old one's); a
cell is compared as the CSV writes it. For each resource: the records added, the records
removed, and for each record in both, each field whose value changed, old → new; plus the
fields added to or removed from its schema, and the package's own properties that changed
(``version``, ``asOf``...). Nothing here prints: :func:`to_text` and :func:`to_markdown` give the
text, :meth:`PackageDiff.to_dict` the JSON.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import Package, Resource, read_package
from openai_funding.package.problems import UnusableInputError

#: The package's own properties compared (the resources are compared record by record).
PROPERTIES = ("$schema", "profile", "name", "title", "version", "created", "asOf", "licenses")

Row = dict[str, str]


@dataclass(frozen=True)
class CellChange:
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class RecordChange:
    key: str
    cells: tuple[CellChange, ...]


@dataclass(frozen=True)
class ResourceDiff:
    """How one resource changed; ``status`` is ``added``, ``removed``, ``changed`` or ``same``."""

    name: str
    status: str
    key: tuple[str, ...]
    added: tuple[Row, ...] = ()
    removed: tuple[Row, ...] = ()
    changed: tuple[RecordChange, ...] = ()
    fields_added: tuple[str, ...] = ()
    fields_removed: tuple[str, ...] = ()

    def key_of(self, row: Row) -> str:
        return ", ".join(row.get(k, "") for k in self.key)


@dataclass(frozen=True)
class PackageDiff:
    old: str
    new: str
    properties: tuple[CellChange, ...] = ()
    resources: tuple[ResourceDiff, ...] = field(default_factory=tuple)

    @property
    def same(self) -> bool:
        return not self.properties and all(r.status == "same" for r in self.resources)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["same"] = self.same
        return out


def read_rows(package: Package, resource: Resource) -> list[Row]:
    """The records of a resource as the CSV writes them (missing cells as empty strings)."""
    path = package.base / str(resource.path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [dict(row) for row in csv.DictReader(fh)]
    except FileNotFoundError:
        raise UnusableInputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UnusableInputError(f"{path}: cannot read as UTF-8 CSV: {exc}") from None


def _value(row: Row | None, name: str) -> str | None:
    if row is None or name not in row:
        return None
    return row[name]


def _differ(old: str | None, new: str | None) -> bool:
    """Whether a cell changed; an empty cell of a field added or removed is no change (the new
    or removed field is reported once, for the resource)."""
    return old != new and {old, new} != {None, ""}


def diff_resource(
    name: str, old: tuple[Package, Resource] | None, new: tuple[Package, Resource] | None
) -> ResourceDiff:
    if old is None and new is not None:
        rows = read_rows(*new)
        return ResourceDiff(name, "added", new[1].key, added=tuple(rows))
    if new is None and old is not None:
        rows = read_rows(*old)
        return ResourceDiff(name, "removed", old[1].key, removed=tuple(rows))
    assert old is not None
    assert new is not None
    key = new[1].key
    old_fields, new_fields = list(old[1].fields), list(new[1].fields)
    fields = new_fields + [f for f in old_fields if f not in new_fields]

    def index(rows: list[Row]) -> dict[str, Row]:
        out: dict[str, Row] = {}
        for row in rows:
            out.setdefault(", ".join(row.get(k, "") for k in key), row)
        return out

    before, after = index(read_rows(*old)), index(read_rows(*new))
    added = tuple(row for k, row in after.items() if k not in before)
    removed = tuple(row for k, row in before.items() if k not in after)
    changed = []
    for k, row in after.items():
        if k not in before:
            continue
        cells = tuple(
            CellChange(f, _value(before[k], f), _value(row, f))
            for f in fields
            if _differ(_value(before[k], f), _value(row, f))
        )
        if cells:
            changed.append(RecordChange(k, cells))
    fields_added = tuple(f for f in new_fields if f not in old_fields)
    fields_removed = tuple(f for f in old_fields if f not in new_fields)
    differs = added or removed or changed or fields_added or fields_removed
    return ResourceDiff(
        name,
        "changed" if differs else "same",
        key,
        added,
        removed,
        tuple(changed),
        fields_added,
        fields_removed,
    )


def diff_packages(old_path: str | Path, new_path: str | Path) -> PackageDiff:
    """Compare two packages (descriptors, or folders holding one). Raises
    :class:`UnusableInputError` when either cannot be read."""
    old, new = read_package(old_path), read_package(new_path)
    properties = tuple(
        CellChange(p, _text(old.raw.get(p)), _text(new.raw.get(p)))
        for p in PROPERTIES
        if old.raw.get(p) != new.raw.get(p)
    )
    names = list(new.tabular) + [n for n in old.tabular if n not in new.tabular]
    resources = tuple(
        diff_resource(
            name,
            (old, old.tabular[name]) if name in old.tabular else None,
            (new, new.tabular[name]) if name in new.tabular else None,
        )
        for name in names
    )
    return PackageDiff(str(old.path), str(new.path), properties, resources)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    import json

    from openai_funding.package.descriptor import thaw

    return json.dumps(thaw(value), ensure_ascii=False)


def _show(value: str | None) -> str:
    return "(none)" if value is None else repr(value)


def summary(res: ResourceDiff) -> str:
    if res.status in ("added", "removed"):
        rows = res.added or res.removed
        return f"{res.status} ({len(rows)} records)"
    parts = [
        f"{len(res.added)} added",
        f"{len(res.removed)} removed",
        f"{len(res.changed)} changed",
    ]
    if res.fields_added:
        parts.append("new fields: " + ", ".join(res.fields_added))
    if res.fields_removed:
        parts.append("fields removed: " + ", ".join(res.fields_removed))
    return ", ".join(parts)


def to_text(diff: PackageDiff) -> str:
    lines = [f"old: {diff.old}", f"new: {diff.new}"]
    if diff.same:
        return "\n".join([*lines, "same: no record, field or property differs"])
    for change in diff.properties:
        lines.append(f"{change.field}: {_show(change.old)} → {_show(change.new)}")
    for res in diff.resources:
        if res.status == "same":
            continue
        lines.append(f"{res.name}: {summary(res)}")
        for row in res.added:
            lines.append(f"  + {res.key_of(row)}")
        for row in res.removed:
            lines.append(f"  - {res.key_of(row)}")
        for record in res.changed:
            for cell in record.cells:
                lines.append(
                    f"  ~ {record.key}: {cell.field}: {_show(cell.old)} → {_show(cell.new)}"
                )
    return "\n".join(lines)


def _md(value: str | None) -> str:
    if value is None:
        return "*(none)*"
    if value == "":
        return "*(empty)*"
    return "`" + value.replace("`", "'").replace("|", "\\|").replace("\n", " ") + "`"


def to_markdown(diff: PackageDiff, level: int = 3) -> str:
    """The differences as Markdown: a table of changed properties, then a heading of ``level``
    per changed resource with its records added, removed and changed, cell by cell."""
    lines = [f"Compared `{diff.old}` (old) with `{diff.new}` (new).", ""]
    if diff.same:
        return "\n".join([*lines, "No record, field or property differs."])
    if diff.properties:
        lines += ["| property | old | new |", "|---|---|---|"]
        lines += [f"| {c.field} | {_md(c.old)} | {_md(c.new)} |" for c in diff.properties]
        lines.append("")
    for res in diff.resources:
        if res.status == "same":
            continue
        lines += [f"{'#' * level} `{res.name}`: {summary(res)}", ""]
        if res.added and res.status != "added":
            lines.append("Added: " + ", ".join(_md(res.key_of(r)) for r in res.added) + ".")
        if res.removed and res.status != "removed":
            lines.append("Removed: " + ", ".join(_md(res.key_of(r)) for r in res.removed) + ".")
        if res.status in ("added", "removed"):
            rows = res.added or res.removed
            lines.append("Records: " + ", ".join(_md(res.key_of(r)) for r in rows) + ".")
        if res.changed:
            if res.added or res.removed:
                lines.append("")
            lines += ["| record | field | old | new |", "|---|---|---|---|"]
            for record in res.changed:
                for c in record.cells:
                    lines.append(f"| {_md(record.key)} | {c.field} | {_md(c.old)} | {_md(c.new)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
