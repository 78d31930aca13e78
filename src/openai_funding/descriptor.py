"""Reading ``datapackage.json``: the one registry of the package's paths."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from openai_funding.problems import UnusableInputError

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


def resource_paths(descriptor: dict[str, Any], base: Path) -> dict[str, Path]:
    """Resource name → file path, for every tabular resource with a local path."""
    out: dict[str, Path] = {}
    for res in descriptor["resources"]:
        if isinstance(res, dict) and isinstance(res.get("path"), str) and "name" in res:
            out[str(res["name"])] = base / res["path"]
    return out


def as_of(descriptor: dict[str, Any]) -> date | None:
    """The package's "as of" date (:data:`AS_OF`), or ``None`` when the descriptor has none or
    it is not an ISO 8601 date (validation says so; see :func:`as_of_problem`)."""
    value = descriptor.get(AS_OF)
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def as_of_problem(descriptor: dict[str, Any]) -> str | None:
    """Why the descriptor's "as of" date is unusable, or ``None`` when it is a valid date."""
    value = descriptor.get(AS_OF)
    if value is None:
        return f"no {AS_OF!r} property: the date up to which the sources were checked (YYYY-MM-DD)"
    if as_of(descriptor) is None or len(str(value)) != 10:
        return f"{AS_OF!r} is not a date (expected YYYY-MM-DD)"
    return None
