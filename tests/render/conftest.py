"""Fixtures of the render tests: fixture documents are copied to a temporary folder and rendered
once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from render_helpers import EPOCH, Rendered, load_bench, render_fixture

from openai_funding.render import render


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


@pytest.fixture(scope="session")
def three_charts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark document (three charts, three tables) rendered to HTML."""
    folder = tmp_path_factory.mktemp("three-charts")
    path = load_bench().write_document(folder)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = render(path, to="html", engine="offline", log=lambda _m: None)
    return result.files[0]
