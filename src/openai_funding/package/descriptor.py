"""Reading ``datapackage.json`` once into a typed, immutable :class:`Package`.

:func:`read_package` is how every command gets the package: it parses the descriptor with
:func:`read_descriptor` (the one parse of the file) and freezes it. The package then travels down
to the checks, the loading, the hashes and the build; nothing reads the descriptor again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from openai_funding.package.problems import UnusableInputError

DEFAULT_DESCRIPTOR = Path("datapackage.json")

#: The descriptor property that holds the package's "as of" date: the latest date up to which the
#: sources were checked. Every date that says what was known when (``status_as_of`` and the
#: like) is bounded by it, and a schedule before it must have a recorded outcome.
AS_OF = "asOf"


def read_descriptor(path: str | Path) -> dict[str, Any]:
    """Parse the descriptor as JSON, or raise :class:`UnusableInputError` saying why not."""
    path = Path(path)
    if path.is_dir():
        path = path / DEFAULT_DESCRIPTOR
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnusableInputError(f"{path}: no such file") from None
    except OSError as exc:
        raise UnusableInputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UnusableInputError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise UnusableInputError(
            f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
        raise UnusableInputError(f"{path}: not a data package descriptor (no 'resources' list)")
    for number, res in enumerate(data["resources"], start=1):
        if not isinstance(res, dict):
            raise UnusableInputError(
                f"{path}: not a data package descriptor (resource {number} is not an object)"
            )
    return data


def resolve(path: str | Path) -> Path:
    """The descriptor file for ``path`` (a descriptor, or a folder that holds one)."""
    path = Path(path)
    return path / DEFAULT_DESCRIPTOR if path.is_dir() else path


def as_of(descriptor: Mapping[str, Any]) -> dt.date | None:
    """The package's "as of" date (:data:`AS_OF`), or ``None`` when the descriptor has none or
    it is not an ISO 8601 date (validation says so; see :func:`as_of_problem`)."""
    value = descriptor.get(AS_OF)
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def as_of_problem(descriptor: Mapping[str, Any]) -> str | None:
    """Why the descriptor's "as of" date is unusable, or ``None`` when it is a valid date."""
    value = descriptor.get(AS_OF)
    if value is None:
        return f"no {AS_OF!r} property: the date up to which the sources were checked (YYYY-MM-DD)"
    if as_of(descriptor) is None or len(str(value)) != 10:
        return f"{AS_OF!r} is not a date (expected YYYY-MM-DD)"
    return None


def freeze(value: Any) -> Any:
    """JSON data made read-only: objects become mappings that refuse writes, arrays tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """A fresh, mutable copy of frozen JSON data (dicts and lists), in the same key order."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class Resource:
    """One resource of the descriptor: its name, file, hash and size, and its Table Schema's
    fields and keys (read from ``raw``, the resource as the descriptor writes it)."""

    raw: Mapping[str, Any]

    @property
    def name(self) -> str:
        return str(self.raw.get("name"))

    @property
    def path(self) -> str | None:
        """The file, relative to the package, when the resource is a local file."""
        rel = self.raw.get("path")
        return rel if isinstance(rel, str) else None

    @property
    def hash(self) -> str | None:
        return self.raw.get("hash")

    @property
    def bytes(self) -> int | None:
        return self.raw.get("bytes")

    @property
    def schema(self) -> Mapping[str, Any] | None:
        schema = self.raw.get("schema")
        return schema if isinstance(schema, Mapping) else None

    @property
    def is_tabular(self) -> bool:
        """A local file with a Table Schema: what :func:`load` reads and the rules check."""
        return self.path is not None and self.schema is not None

    @cached_property
    def fields(self) -> Mapping[str, Mapping[str, Any]]:
        """Field name → field, in schema order."""
        schema = self.schema or {}
        return MappingProxyType({f["name"]: f for f in schema.get("fields", ())})

    @cached_property
    def key(self) -> tuple[str, ...]:
        """The primary key; without one, records are named by their first field (the id)."""
        key = (self.schema or {}).get("primaryKey") or tuple(self.fields)[:1]
        return (key,) if isinstance(key, str) else tuple(key)

    @property
    def foreign_keys(self) -> tuple[Mapping[str, Any], ...]:
        return tuple((self.schema or {}).get("foreignKeys", ()))

    @property
    def claimed(self) -> list[str]:
        """Fields whose every value needs a claim (``"claimed": true``)."""
        return [n for n, f in self.fields.items() if f.get("claimed") is True]

    @property
    def translated(self) -> list[str]:
        """Fields whose every value is shown to readers in the report's own words and needs a
        text in each language of the ``translations`` resource (``"translated": true``)."""
        return [n for n, f in self.fields.items() if f.get("translated") is True]

    @property
    def text(self) -> list[str]:
        """Fields of type ``string``."""
        return [n for n, f in self.fields.items() if f.get("type", "string") == "string"]


@dataclass(frozen=True)
class Package:
    """The data package as read once from its descriptor: immutable, passed down to every stage.

    ``path`` is the descriptor file and ``raw`` its content, frozen (:func:`thaw` gives a
    mutable copy, for frictionless or for rewriting the hashes).
    """

    path: Path
    raw: Mapping[str, Any]

    @property
    def base(self) -> Path:
        """The folder that resource paths are relative to."""
        return self.path.parent

    @cached_property
    def resources(self) -> tuple[Resource, ...]:
        return tuple(Resource(r) for r in self.raw["resources"])

    @cached_property
    def tabular(self) -> Mapping[str, Resource]:
        """Resource name → :class:`Resource`, for every tabular resource (file and schema)."""
        return MappingProxyType({r.name: r for r in self.resources if r.is_tabular})

    def files(self) -> list[Path]:
        """The local data files the descriptor names, in descriptor order."""
        return [self.base / r.path for r in self.resources if r.path is not None]

    @property
    def created(self) -> str | None:
        return self.raw.get("created")

    @property
    def as_of(self) -> dt.date | None:
        """The date up to which the sources were checked (``asOf``), if the descriptor gives it
        as a date (see :func:`as_of`)."""
        return as_of(self.raw)

    def to_dict(self) -> dict[str, Any]:
        """A fresh, mutable copy of the descriptor."""
        return thaw(self.raw)


def read_package(path: str | Path = DEFAULT_DESCRIPTOR) -> Package:
    """Read the package at ``path`` (a descriptor, or a folder holding ``datapackage.json``)."""
    target = resolve(path)
    return Package(target, freeze(read_descriptor(target)))
