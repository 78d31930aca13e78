"""Shared fixtures: the real package, and copies of it to break in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from openai_funding.package import hashing
from support import DESCRIPTOR, ROOT, Edit


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs Chromium is in the full suite only: ``slow`` too."""
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the package (descriptor and data/) in a temporary folder; returns its descriptor."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy2(DESCRIPTOR, tmp_path / "datapackage.json")
    return tmp_path / "datapackage.json"


@pytest.fixture
def edit_csv(package_copy: Path) -> Edit:
    """Replace bytes once in a CSV of the copy; by default refresh hashes so only the edit counts."""

    def edit(name: str, old: str | bytes, new: str | bytes, *, rehash: bool = True) -> Path:
        path = package_copy.parent / "data" / f"{name}.csv"
        raw = path.read_bytes()
        old_b = old.encode() if isinstance(old, str) else old
        new_b = new.encode() if isinstance(new, str) else new
        assert old_b in raw, f"{old!r} not in {name}.csv"
        path.write_bytes(raw.replace(old_b, new_b, 1))
        if rehash:
            hashing.refresh_file(package_copy)
        return package_copy

    return edit
