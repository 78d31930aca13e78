"""Unit tests of the parts: the .qmd reader, output conversion, ids, dates, publishing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openai_funding.render import meta
from openai_funding.render.errors import InputError
from openai_funding.render.execute import Executed
from openai_funding.render.outputs import build_markdown, fenced, stable_ids
from openai_funding.render.publish import publish, staging
from openai_funding.render.qmd import Cell, Markdown, parse

DOC = """\
---
title: T
execute:
  echo: false
---

Intro `{python} x`.

```{python}
#| label: fig-a
#| fig-cap: "A: caption"
x = 1
```

````markdown
```{python}
not a cell
```
````

```python
also not a cell
```
"""


def test_parse_splits_cells_options_and_plain_fences(tmp_path: Path) -> None:
    path = tmp_path / "d.qmd"
    path.write_text(DOC, encoding="utf-8")
    doc = parse(path, {"execute": {"warning": False}, "title": "project"})
    assert doc.metadata["title"] == "T"
    assert doc.execute_options()["echo"] is False
    assert doc.execute_options()["warning"] is False
    cells = doc.cells
    assert len(cells) == 1
    assert cells[0].options == {"label": "fig-a", "fig-cap": "A: caption"}
    assert cells[0].source == "x = 1"
    assert cells[0].first_line == "x = 1"
    assert cells[0].line == 9
    text = "".join(c.text for c in doc.chunks if isinstance(c, Markdown))
    assert "not a cell" in text
    assert "also not a cell" in text


@given(st.text(alphabet=st.characters(blacklist_characters="`~\r", blacklist_categories=["Cs"])))
def test_prose_without_fences_is_one_markdown_chunk(body: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.qmd"
        path.write_text("\n" + body, encoding="utf-8")
        doc = parse(path)
    assert doc.cells == []
    assert "".join(c.text for c in doc.chunks).split() == body.split()


def test_figure_files_follow_quartos_layout(tmp_path: Path) -> None:
    path = tmp_path / "report.qmd"
    path.write_text("x", encoding="utf-8")
    doc = parse(path)
    doc.chunks = [Cell(1, "img", {"label": "fig-x", "fig-cap": "Cap"}, 1), Cell(2, "i", {}, 5)]
    png = "iVBORw0KGgo="
    executed = Executed(
        outputs={
            1: [{"output_type": "display_data", "data": {"image/png": png}}],
            2: [{"output_type": "execute_result", "data": {"image/png": png, "text/plain": "x"}}],
        }
    )
    built = build_markdown(doc, executed, "typst", tmp_path / "build")
    rel = [p.relative_to(tmp_path / "build").as_posix() for p in built.files]
    assert rel == [
        "report_files/figure-typst/fig-x-output-1.png",
        "report_files/figure-typst/cell-2-output-1.png",
    ]
    assert '::: {#fig-x .of-float of-kind="fig"}' in built.markdown


def test_typst_priority_takes_html_only_for_tables(tmp_path: Path) -> None:
    path = tmp_path / "r.qmd"
    path.write_text("x", encoding="utf-8")
    doc = parse(path)
    doc.chunks = [Cell(1, "a", {}, 1)]
    data = {"text/html": "<b>bold</b>", "text/plain": "PLAIN"}
    executed = Executed(outputs={1: [{"output_type": "execute_result", "data": data}]})
    typst_md = build_markdown(doc, executed, "typst", tmp_path / "b").markdown
    html_md = build_markdown(doc, executed, "html", tmp_path / "b").markdown
    assert "PLAIN" in typst_md
    assert "<b>bold</b>" not in typst_md
    assert "<b>bold</b>" in html_md
    assert "PLAIN" not in html_md


def test_stable_ids_for_styler_and_styled_ids() -> None:
    import pandas as pd

    html = pd.DataFrame({"a": [1, 2]}).style.highlight_max(color="red").to_html()
    again = pd.DataFrame({"a": [1, 2]}).style.highlight_max(color="red").to_html()
    assert html != again  # pandas draws a random uuid each time
    assert stable_ids(html, "p") == stable_ids(again, "p")
    assert 'id="p-1"' in stable_ids(html, "p")
    gt_like = '<div id="xkqzvbnmwe"><style>#xkqzvbnmwe table { x: 1 }</style><table></table></div>'
    assert (
        stable_ids(gt_like, "g")
        == '<div id="g-1"><style>#g-1 table { x: 1 }</style><table></table></div>'
    )


def test_fenced_outgrows_backticks_inside() -> None:
    block = fenced("a ```` b", ".x")
    assert block.startswith("````` {.x}\n")
    assert block.endswith("\n`````\n")


def test_dates(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert meta.format_date("today", "iso", tmp_path) == "2026-01-01"
    assert meta.format_date("today", None, tmp_path) == "January 1, 2026"
    assert meta.format_date(dt.date(2005, 3, 7), "full", tmp_path) == "Monday, March 7, 2005"
    assert meta.format_date("2005-03-07", "short", tmp_path) == "3/7/05"
    assert meta.format_date("spring 2005", None, tmp_path) == "spring 2005"


def test_dayjs_date_formats_write_as_quarto_does(tmp_path: Path) -> None:
    """Quarto's custom ``date-format`` patterns (dayjs): the report's English title block
    writes its date as every English date of the report, "5 December 2026"."""
    assert meta.cldr_pattern("D MMMM YYYY") == "d MMMM y"
    assert meta.format_date("2026-12-05", "D MMMM YYYY", tmp_path) == "5 December 2026"
    assert meta.format_date("2026-12-05", "MMMM D, YYYY", tmp_path) == "December 5, 2026"
    assert meta.format_date("2026-12-05", "D MMMM YYYY", tmp_path, "fr") == "5 décembre 2026"
    assert meta.format_date("2026-03-07", "[le] DD/MM/YY", tmp_path, "fr") == "le 07/03/26"
    with pytest.raises(InputError, match="date-format 'hh:mm'"):
        meta.format_date("2026-12-05", "hh:mm", tmp_path)


def test_publish_replaces_file_by_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.html").write_text("old")
    with staging(out) as stage:
        assert stage.parent == tmp_path
        (stage / "a.html").write_text("new")
        publish({stage / "a.html": out / "a.html"})
    assert (out / "a.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_stream_outputs_cut_by_the_kernel_are_shown_as_one() -> None:
    """A busy kernel may send one print() in several messages: the page must not change."""
    from openai_funding.render.outputs import coalesce_streams

    cut = [
        {"output_type": "stream", "name": "stdout", "text": "cwd"},
        {"output_type": "stream", "name": "stdout", "text": " features\n"},
        {"output_type": "stream", "name": "stderr", "text": "warn\n"},
        {"output_type": "stream", "name": "stdout", "text": "after\n"},
    ]
    assert coalesce_streams(cut) == [
        {"output_type": "stream", "name": "stdout", "text": "cwd features\n"},
        {"output_type": "stream", "name": "stderr", "text": "warn\n"},
        {"output_type": "stream", "name": "stdout", "text": "after\n"},
    ]
