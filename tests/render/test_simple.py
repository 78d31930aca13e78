"""Small documents: no cells, a project folder, the CLI's report of the engine used."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from render_helpers import pdf_text, png_bytes

from openai_funding.cli import main
from openai_funding.render import render


def test_document_without_cells_needs_no_kernel(write_qmd: Callable[..., Path]) -> None:
    doc = write_qmd("---\ntitle: Plain\n---\n\n# Only prose\n\nNo code here.\n")
    result = render(doc, engine="offline", log=lambda _m: None)
    assert [p.name for p in result.files] == ["doc.html", "doc.pdf"]
    assert "kernel start" not in result.timings
    soup = BeautifulSoup(result.files[0].read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("h1.title").get_text() == "Plain"
    assert soup.select_one("h1#only-prose").get_text() == "Only prose"
    assert soup.select("script") == []  # no chart, no bundle
    assert pdf_text(result.files[1]).startswith("Plain Only prose No code here.")


def test_cli_says_which_engine(
    write_qmd: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # no quarto here: auto means offline
    doc = write_qmd("Hello.\n")
    assert main(["render", str(doc), "--to", "html"]) == 0
    out = capsys.readouterr().out
    assert "offline engine" in out
    assert str(doc.with_suffix(".html")) in out
    assert not doc.with_suffix(".pdf").exists()


def test_project_folder_renders_each_document_to_output_dir(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text(
        "project:\n  output-dir: _site\nexecute:\n  echo: false\n", encoding="utf-8"
    )
    (tmp_path / "a.qmd").write_text("---\ntitle: A\n---\n\n```{python}\nprint(1 + 1)\n```\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.qmd").write_text("---\ntitle: B\n---\n\nB text.\n")
    (tmp_path / "_skip.qmd").write_text("not rendered\n")
    result = render(tmp_path, engine="offline", to="html", log=lambda _m: None)
    assert result.files == (tmp_path / "_site" / "a.html", tmp_path / "_site" / "sub" / "b.html")
    soup = BeautifulSoup(result.files[0].read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("pre.cell-output").get_text() == "2"
    assert soup.select("pre.cell-code") == []


def test_execute_dir_project_runs_the_kernel_at_the_root(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text("project:\n  execute-dir: project\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    doc = tmp_path / "sub" / "d.qmd"
    code = "import os\nprint([n for n in sorted(os.listdir()) if not n.startswith('.')])"
    doc.write_text(f"```{{python}}\n{code}\n```\n", encoding="utf-8")
    result = render(doc, engine="offline", to="html", log=lambda _m: None)
    soup = BeautifulSoup(result.files[0].read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("pre.cell-output").get_text() == "['_quarto.yml', 'sub']"


def test_a_dying_kernel_is_a_cell_error(
    write_qmd: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write_qmd("```{python}\nimport os\nos._exit(3)\n```\n")
    assert main(["render", str(doc), "--engine", "offline", "--to", "html"]) == 1
    err = capsys.readouterr().err
    assert "cell 1 (first line: `import os`) failed: the kernel died" in err


def test_unresolved_reference_is_marked_and_warned(write_qmd: Callable[..., Path]) -> None:
    doc = write_qmd("See @fig-missing.\n")
    messages: list[str] = []
    result = render(doc, engine="offline", log=messages.append)
    soup = BeautifulSoup(result.files[0].read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("p strong").get_text() == "?@fig-missing"
    assert "See ?@fig-missing." in pdf_text(result.files[1])
    assert any("unresolved cross-reference @fig-missing" in m for m in messages)


MARKDOWN_FLOATS = """\
---
title: Floats in markdown
---

See @fig-photo, @fig-div, @tbl-pipe and @fig-cell.

![A photo from a file](square.png){#fig-photo}

::: {#fig-div}
![](square.png)

A figure written as a Quarto figure div.
:::

| name | value |
|------|-------|
| one  | 1     |
| two  | 2     |

: A pipe table {#tbl-pipe}

```{python}
#| label: fig-cell
#| fig-cap: From a cell
from IPython.display import SVG
SVG('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
```

```{python}
#| fig-cap: Captioned but unlabelled
SVG('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>')
```
"""


def test_markdown_floats_share_numbering_with_cells(
    write_qmd: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    doc = write_qmd(MARKDOWN_FLOATS)
    (doc.parent / "square.png").write_bytes(png_bytes(4, 4))
    result = render(doc, engine="offline", log=lambda _m: None)
    soup = BeautifulSoup(result.files[0].read_text(encoding="utf-8"), "html.parser")
    captions = [" ".join(f.figcaption.get_text().split()) for f in soup.select("figure")]
    assert captions == [
        "Figure 1: A photo from a file",
        "Figure 2: A figure written as a Quarto figure div.",
        "Figure 3: From a cell",
        "Captioned but unlabelled",
    ]
    table_caption = soup.select_one("table caption").get_text()
    assert " ".join(table_caption.split()) == "Table 1: A pipe table"
    refs = [a.get_text() for a in soup.select("a.quarto-xref")]
    assert refs == ["Figure\u00a01", "Figure\u00a02", "Table\u00a01", "Figure\u00a03"]
    assert all(img["src"].startswith("data:image/") for img in soup.select("img"))
    text = pdf_text(result.files[1])
    assert "See Figure 1, Figure 2, Table 1 and Figure 3." in text
    for caption in (
        "Figure 1: A photo from a file",
        "Figure 2: A figure written as a Quarto figure div.",
        "Table 1: A pipe table",
        "Figure 3: From a cell",
    ):
        assert caption in text


def test_project_render_list_takes_globs(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text(
        "project:\n  render:\n    - 'chap*.qmd'\n    - intro.qmd\n", encoding="utf-8"
    )
    for name in ("chap2.qmd", "chap1.qmd", "intro.qmd", "notes.qmd"):
        (tmp_path / name).write_text(f"# {name}\n", encoding="utf-8")
    result = render(tmp_path, engine="offline", to="html", log=lambda _m: None)
    assert [p.name for p in result.files] == ["chap1.html", "chap2.html", "intro.html"]


def test_a_table_without_caption_takes_no_number(write_qmd: Callable[..., Path]) -> None:
    """As in Quarto, an unlabelled table without a caption (the key figures) is not counted: the
    first captioned table is Table 1 in both formats, and references agree."""
    doc = write_qmd(
        "| key | figure |\n|---|---|\n| a | 1 |\n\n"
        "| x | y |\n|---|---|\n| 1 | 2 |\n\n: The first captioned table {#tbl-first}\n\n"
        "See @tbl-first.\n"
    )
    result = render(doc, engine="offline", log=lambda _m: None)
    soup = BeautifulSoup(result.files[0].read_text(encoding="utf-8"), "html.parser")
    assert [" ".join(c.get_text().split()) for c in soup.select("table caption")] == [
        "Table 1: The first captioned table"
    ]
    text = pdf_text(result.files[1])
    assert "Table 1: The first captioned table" in text
    assert "See Table 1." in text
    assert "Table 2" not in text
