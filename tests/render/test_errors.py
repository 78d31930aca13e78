"""Failures: a failing cell (exit 1), unusable input (exit 2), and nothing half-written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from openai_funding.cli import main
from openai_funding.render import InputError, RenderError, render

FAILING = """\
---
title: Fails
---

```{python}
x = 1
```

Some text.

```{python}
#| label: the-bad-one
y = undefined_name + x
print("never")
```

```{python}
print("not reached")
```
"""


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_failing_cell_exits_1_naming_document_cell_line_and_error(
    write_qmd: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write_qmd(FAILING)
    out = doc.parent / "out"
    out.mkdir()
    (out / "doc.html").write_text("previous", encoding="utf-8")
    before = listing(doc.parent)

    code = main(["render", str(doc), "--engine", "offline", "--output-dir", str(out)])

    err = capsys.readouterr().err
    assert code == 1
    message = err.strip().splitlines()[-1]
    assert str(doc) in message
    assert "cell 2" in message
    assert "y = undefined_name + x" in message
    assert "NameError: name 'undefined_name' is not defined" in message
    assert "Traceback" not in err
    # nothing half-written: the old output is untouched, no new file, no stray temp folder
    assert listing(out) == {"doc.html"}
    assert (out / "doc.html").read_text(encoding="utf-8") == "previous"
    assert listing(doc.parent) == before


def test_render_error_carries_the_cell(write_qmd: Callable[..., Path]) -> None:
    doc = write_qmd(FAILING)
    with pytest.raises(RenderError) as info:
        render(doc, engine="offline", to="html", log=lambda _m: None)
    err = info.value
    assert not isinstance(err, InputError)
    assert (err.document, err.cell, err.first_line) == (doc, 2, "y = undefined_name + x")
    assert err.error == "NameError: name 'undefined_name' is not defined"
    assert "\n" not in str(err)
    assert not (doc.parent / "doc.html").exists()


def test_failing_inline_expression_exits_1(
    write_qmd: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write_qmd("Value: `{python} 1 / 0`.\n")
    assert main(["render", str(doc), "--engine", "offline", "--to", "html"]) == 1
    err = capsys.readouterr().err
    assert "inline expression `{python} 1 / 0`" in err
    assert "ZeroDivisionError: division by zero" in err


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("---\ntitle: [unclosed\n---\n\nBody.\n", "bad YAML in the front matter"),
        ("---\ntitle: x\n\nBody.\n", "never closed"),
        ("```{python}\n#| echo: [\n1\n```\n", "bad YAML in the `#|` options"),
        ("```{python}\n1\n", "never closed"),
        ("```{r}\n1\n```\n", "only python runs"),
    ],
)
def test_unusable_input_exits_2(
    write_qmd: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    text: str,
    needle: str,
) -> None:
    doc = write_qmd(text)
    assert main(["render", str(doc), "--engine", "offline"]) == 2
    assert needle in capsys.readouterr().err
    assert listing(doc.parent) == {"doc.qmd"}


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "nope.qmd")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_bad_project_yaml_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "_quarto.yml").write_text("project: [\n", encoding="utf-8")
    (tmp_path / "a.qmd").write_text("Hi.\n", encoding="utf-8")
    assert main(["render", str(tmp_path), "--engine", "offline"]) == 2
    assert "bad YAML in _quarto.yml" in capsys.readouterr().err


def test_folder_without_project_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path)]) == 2
    assert "_quarto.yml" in capsys.readouterr().err


def test_engine_quarto_without_quarto_exits_2(
    write_qmd: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    doc = write_qmd("Hi.\n")
    assert main(["render", str(doc), "--engine", "quarto"]) == 2
    assert "no `quarto` on PATH" in capsys.readouterr().err
