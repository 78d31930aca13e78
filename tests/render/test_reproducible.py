"""Same inputs, same bytes: a second render of the feature tour matches the first exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import Rendered, render_fixture

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def again(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render_fixture(
        "features", tmp_path_factory.mktemp("again"), env={"OF_TEST_ENV": "from-env"}
    )


def test_html_is_byte_identical(features: Rendered, again: Rendered) -> None:
    assert features.html.read_bytes() == again.html.read_bytes()


def test_pdf_is_byte_identical(features: Rendered, again: Rendered) -> None:
    first = features.pdf.read_bytes()
    assert first == again.pdf.read_bytes()
    assert b"D:20260101000000" in first.replace(b"'", b"")  # SOURCE_DATE_EPOCH as creation date


def test_paths_of_the_build_do_not_leak(features: Rendered, tmp_path: Path) -> None:
    html = features.html.read_text(encoding="utf-8")
    assert str(features.html.parent.parent) not in html
    assert "/tmp/" not in html
    assert str(tmp_path) not in html
