"""The test browser itself: a dialog opened while the page loads is recorded, not a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import visit

pytestmark = pytest.mark.browser


def test_dialog_during_load_is_recorded_and_dismissed(tmp_path: Path) -> None:
    page = tmp_path / "alert.html"
    page.write_text(
        "<!doctype html><title>t</title><script>alert('opened'); window.__after = 1;</script>",
        encoding="utf-8",
    )
    seen = visit(page, {"after": "window.__after"}, wait_for_charts=False)
    assert seen.dialogs == ["opened"]
    assert seen.values["after"] == 1
