"""``openai-funding hash``: the one command that rewrites ``datapackage.json``; and the one
routine that writes a JSON file atomically.

It refreshes the ``hash`` (sha256) and ``bytes`` of every resource after an edit of the data,
and changes nothing else: the descriptor keeps its key order and formatting (two-space JSON).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import read_package
from openai_funding.package.problems import UnusableInputError


def file_digest(path: Path) -> tuple[str, int]:
    """``("sha256:<hex>", size)`` of a file."""
    data = path.read_bytes()
    return "sha256:" + hashlib.sha256(data).hexdigest(), len(data)


def refresh(descriptor: dict[str, Any], base: Path) -> list[str]:
    """Set hash and bytes of every local resource in ``descriptor``; return the names changed."""
    changed = []
    for res in descriptor["resources"]:
        rel = res.get("path")
        if not isinstance(rel, str):
            continue
        path = (base / rel).resolve()
        if not path.is_relative_to(base.resolve()):
            raise UnusableInputError(
                f"resource {res.get('name')!r}: path {rel!r} leaves the package"
            )
        try:
            digest, size = file_digest(path)
        except OSError as exc:
            raise UnusableInputError(f"{rel}: cannot read: {exc.strerror}") from None
        if res.get("hash") != digest or res.get("bytes") != size:
            changed.append(str(res.get("name")))
        res["hash"], res["bytes"] = digest, size
    return changed


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write JSON to a temporary file beside ``path`` and move it into place."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def refresh_file(path: str | Path) -> list[str]:
    """Refresh hashes and sizes in the descriptor at ``path``, writing it only if they changed."""
    package = read_package(path)
    descriptor = package.to_dict()
    changed = refresh(descriptor, package.base)
    if changed:
        write_json_atomic(package.path, descriptor)
    return changed
