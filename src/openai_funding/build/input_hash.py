"""The one recipe for "did the inputs change": content hashes of what a result depends on, to
skip work whose inputs have not changed (a stored validation report, the published site).

Only file contents count (never modification times), so a fresh clone, another folder or
another day give the same hash for the same inputs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openai_funding.package.problems import UnusableInputError

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.package.descriptor import Package

#: Files of the package's own code and settings that every result depends on.
PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: A source checkout (suites read from ``<checkout>/validation`` are named relative to it).
CHECKOUT = PACKAGE_DIR.parents[1]
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
    if path.is_relative_to(CHECKOUT):
        return "checkout/" + path.relative_to(CHECKOUT).as_posix()
    return path.as_posix()


def package_code() -> list[Path]:
    """The installed package's own files (code, filters, suites shipped with it)."""
    return files_under(PACKAGE_DIR)


def read_record(path: Path, inputs: str) -> dict[str, Any] | None:
    """A JSON record stored with the hash of the inputs it was made from (``"inputs"``), if it
    was made from exactly these: how the build and ``validate --reuse`` decide to skip work."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored if isinstance(stored, dict) and stored.get("inputs") == inputs else None


def validation_inputs(package: Package) -> list[Path]:
    """What a validation depends on: the descriptor, its data files, the suites it runs (beside
    the descriptor or the checkout's own) and the code."""
    from openai_funding.checks.rules.suites import suites_dir

    base = package.base
    files = [package.path, *package_code()]
    with contextlib.suppress(UnusableInputError):  # no suites: validating says so
        files += files_under(suites_dir(package.path))
    lock = base / "requirements" / "lock.txt"
    if lock.is_file():
        files.append(lock)
    files += [path for path in package.files() if path.is_file()]
    return files


def validation_hash(package: Package, *, rules: bool) -> str:
    """The content hash a validation of ``package`` depends on (the key of a stored report)."""
    return content_hash(validation_inputs(package), package.base, extra=[f"rules={rules}"])


def site_hash(package: Package, root: Path, *, engine: str, epoch: str, site_url: str = "") -> str:
    """Content hash of everything the published site depends on: what its validation depends
    on, the report's sources, the project's settings and versions, the engine, the date and
    the site's address."""
    files = [*validation_inputs(package), *files_under(root / "report")]
    files += files_under(root / "releases")  # the previous release "What changed" compares with
    for extra in ("pyproject.toml", "requirements/lock.txt", "LICENSE", "CITATION.cff"):
        if (root / extra).is_file():
            files.append(root / extra)
    return content_hash(
        files, root, extra=[f"engine={engine}", f"epoch={epoch}", f"url={site_url}"]
    )
