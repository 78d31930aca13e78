"""Reading ``datapackage.json``: the one registry of the package's paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openai_funding.package.problems import UnusableInputError

DEFAULT_DESCRIPTOR = Path("datapackage.json")


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
