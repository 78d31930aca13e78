"""Content hashes of what a result depends on, to skip work whose inputs have not changed.

Only file contents count (never modification times), so a fresh clone, another folder or
another day give the same hash for the same inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import openai_funding

#: Files of the package's own code and settings that every result depends on.
PACKAGE_DIR = Path(openai_funding.__file__).resolve().parent
_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".quarto"}


def files_under(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    """Every file below ``folder`` (sorted; caches and hidden folders left out)."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if any(p in _SKIP_PARTS or p.startswith(".") for p in rel) or not path.is_file():
            continue
        if suffixes is None or path.suffix in suffixes:
            found.append(path)
    return found


def content_hash(files: Iterable[Path], base: Path, extra: Iterable[str] = ()) -> str:
    """sha256 over the names and bytes of ``files`` (and ``extra`` strings).

    A file is named relative to ``base`` (or, for the package's own files, to the package), so
    the hash depends neither on the folder nor on how the paths were spelt.
    """
    named = {_name(path.resolve(), base.resolve()): path for path in files}
    digest = hashlib.sha256()
    for name in sorted(named):
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(named[name].read_bytes()).digest())
    for item in extra:
        digest.update(b"\1" + item.encode())
    return digest.hexdigest()


def _name(path: Path, base: Path) -> str:
    if path.is_relative_to(base):
        return path.relative_to(base).as_posix()
    if path.is_relative_to(PACKAGE_DIR):
        return "openai_funding/" + path.relative_to(PACKAGE_DIR).as_posix()
    return path.as_posix()


def package_code() -> list[Path]:
    """The installed package's own files (code, filters, suites shipped with it)."""
    return files_under(PACKAGE_DIR)


def validation_inputs(descriptor: Path) -> list[Path]:
    """What a validation depends on: the descriptor, its data files, the suites and the code."""
    import json

    base = descriptor.parent
    # A missing descriptor hashes as absent: validating it then says why (exit 2), not a crash.
    files = [descriptor] if descriptor.is_file() else []
    files += [*package_code(), *files_under(base / "validation")]
    lock = base / "requirements" / "lock.txt"
    if lock.is_file():
        files.append(lock)
    try:
        resources = json.loads(descriptor.read_text(encoding="utf-8")).get("resources", [])
    except (OSError, ValueError):
        resources = []
    for res in resources if isinstance(resources, list) else []:
        rel = res.get("path") if isinstance(res, dict) else None
        if isinstance(rel, str) and (base / rel).is_file():
            files.append(base / rel)
    return files
