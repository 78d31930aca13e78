"""Helpers shared by the package's tests (imported by name: conftest.py is for fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = ROOT / "datapackage.json"

#: ``edit(csv_name, old, new, rehash=True) -> descriptor``: see the ``edit_csv`` fixture.
Edit = Callable[..., Path]


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to prove a command changed nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
