"""The preview's parts that need no browser: the served page, the overlay, what a change reaches."""

from __future__ import annotations

from pathlib import Path

from openai_funding.build.input_hash import PACKAGE_DIR
from openai_funding.preview import CODE, DATA, REPORT, RULES, SETTINGS, classify
from openai_funding.preview.server import Shown, overlay, served_page

PAGE = "<html><body><p>report</p></body></html>"


def test_the_script_and_overlay_go_into_the_served_page_only() -> None:
    shown = Shown(version=3, problems=["data/x.csv:2: field 'a': <b>bad</b>"])
    served = served_page(PAGE, shown)
    assert served.index('id="of-preview-reload"') < served.index("</body>")
    assert "const shown = 3;" in served
    assert "&lt;b&gt;bad&lt;/b&gt;" in served
    assert "<b>bad</b>" not in served
    assert PAGE == "<html><body><p>report</p></body></html>"


def test_overlay_names_problems_then_warnings() -> None:
    assert overlay(Shown()) == ""
    warning = overlay(Shown(warnings=["data/x.csv: stale hash"]))
    assert 'class="of-warnings"' in warning
    assert "data/x.csv: stale hash" in warning
    both = overlay(Shown(problems=["data/x.csv:2: bad"], warnings=["stale"]))
    assert 'class="of-problems"' in both
    assert both.index("data/x.csv:2: bad") < both.index("stale")


def test_a_change_reaches_what_depends_on_it(tmp_path: Path) -> None:
    root = tmp_path
    assert classify([root / "data" / "rounds.csv"], root) == {DATA}
    assert classify([root / "datapackage.json"], root) == {DATA}
    assert classify([root / "validation" / "rounds.json"], root) == {RULES}
    assert classify([root / "report" / "index.qmd"], root) == {REPORT}
    assert classify([root / "report" / "report.yml"], root) == {SETTINGS}
    assert classify([PACKAGE_DIR / "content" / "tables.py"], root) == {CODE}
    assert classify([root / "README.md"], root) == set()
