"""The comparison that CI's Quarto job runs (tests/same_report.py): two builds of the same inputs
publish the same report, and a build that states another number, loses a section, a caption or a
chart differs, with the difference named."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from same_report import differences, main


def eight_charts_drawn(_page: Path) -> dict[str, int]:
    """What Chromium reports for either page of the real site (tests/site/test_build.py counts
    its eight charts): for the cases that change no chart."""
    return {"charts": 8, "drawn": 8}


@pytest.fixture
def altered(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site, to alter."""
    return Path(shutil.copytree(built_site / "_site", tmp_path / "site"))


def edit(page: Path, pattern: str, new: str) -> None:
    """Replace the first match of ``pattern`` in ``page``; fail if there is none."""
    html = page.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, html, count=1)
    assert count == 1, pattern
    page.write_text(changed, encoding="utf-8")


@pytest.mark.slow
@pytest.mark.browser
def test_two_builds_of_the_same_inputs_publish_the_same_report(
    built_site: Path, built_elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = built_elsewhere
    assert differences(built_site / "_site", other / "_site") == []
    assert main([str(built_site / "_site"), str(other / "_site")]) == 0
    out = capsys.readouterr().out
    assert "not compared, by design" in out
    assert out.rstrip().endswith("the same report")


def test_another_number_in_either_edition_differs(built_site: Path, altered: Path) -> None:
    edit(altered / "fr" / "index.html", r"(data-claims=\"[^\"]*\"[^>]*>)110", r"\g<1>111")
    found = differences(altered, built_site / "_site", charts=eight_charts_drawn)
    assert any(line.startswith("fr/index.html: claimed values differ") for line in found), found
    assert any(line.startswith("fr/index.html: money and dates differ") for line in found), found
    assert not any(line.startswith("index.html") for line in found), found


def test_a_date_in_the_text_differs(built_site: Path, altered: Path) -> None:
    # a date in a table cell, not a claimed value
    edit(altered / "index.html", r"(<td[^>]*>)27 February 2026</td>", r"\g<1>28 February 2026</td>")
    found = differences(altered, built_site / "_site", charts=eight_charts_drawn)
    assert any(line.startswith("index.html: money and dates differ") for line in found), found


def test_a_lost_section_or_caption_differs(built_site: Path, altered: Path) -> None:
    edit(altered / "index.html", r"(?s)<h1 data-number=\"3\" id=\"sec-timing\">.*?</h1>", "")
    edit(altered / "fr" / "index.html", r"(<figcaption[^>]*>)", r"\g<1>Autre légende ")
    found = differences(altered, built_site / "_site", charts=eight_charts_drawn)
    assert any(line.startswith("index.html: sections differ") for line in found), found
    assert any(line.startswith("fr/index.html: figures and tables differ") for line in found)


def test_a_missing_edition_differs(built_site: Path, altered: Path) -> None:
    (altered / "fr" / "openai-funding.pdf").unlink()
    found = differences(altered, built_site / "_site", charts=eight_charts_drawn)
    assert found == [f"{altered / 'fr' / 'openai-funding.pdf'}: missing"]


@pytest.mark.slow
@pytest.mark.browser
def test_a_chart_that_does_not_draw_differs(
    built_site: Path, altered: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the last chart's spec: the page's loader draws the charts before it, then stops there
    edit(altered / "index.html", r"(id=\"of-chart-8-spec\">)\{", r"\g<1>{broken")
    assert main([str(altered), str(built_site / "_site")]) == 1
    out = capsys.readouterr().out
    assert "index.html: 7 of 8 charts drew; the offline page has 8" in out, out
    assert "fr/index.html:" not in out, out
