"""Fixtures of the render tests: fixture documents are copied to a temporary folder and rendered
once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from render_helpers import Rendered, render_fixture


@pytest.fixture(scope="session")
def features(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The feature tour, rendered once for the whole session."""
    return render_fixture(
        "features", tmp_path_factory.mktemp("features"), env={"OF_TEST_ENV": "from-env"}
    )


@pytest.fixture
def write_qmd(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a document into ``tmp_path/doc/`` and return its path."""

    def write(text: str, name: str = "doc.qmd") -> Path:
        folder = tmp_path / "doc"
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
