"""Helpers shared by the package's tests (imported by name: conftest.py is for fixtures)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = ROOT / "datapackage.json"

#: ``edit(csv_name, old, new, rehash=True) -> descriptor``: see the ``edit_csv`` fixture.
Edit = Callable[..., Path]


def tiered(values: Iterable[object], fast: Collection[object]) -> list[object]:
    """Parameters of a test repeated per case: the cases in ``fast`` run in the fast tier, the
    others only in the full suite (marked ``slow``), so each guarantee keeps a quick witness."""
    return [pytest.param(v, marks=() if v in fast else pytest.mark.slow) for v in values]


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to prove a command changed nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
