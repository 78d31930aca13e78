"""A project's documents run one after another in one kernel, as if each had its own: an empty
namespace, its own folder, the preamble, and an error that names its own document."""

from __future__ import annotations

from pathlib import Path

import pytest

from openai_funding.render import RenderError, render

FIRST = """---
title: First
---

```{python}
import os
secret = "from the first document"
print("cwd:", os.path.basename(os.getcwd()))
```

Inline: `{python} secret`.
"""

SECOND = """---
title: Second
---

```{python}
import os
print("cwd:", os.path.basename(os.getcwd()))
print("sees the first:", "secret" in globals())
```

Inline: `{python} os.path.basename(os.getcwd())`.
"""


def project(root: Path, second: str = SECOND) -> Path:
    (root / "sub").mkdir(parents=True)
    (root / "_quarto.yml").write_text("project:\n  render: [a.qmd, sub/b.qmd]\n", "utf-8")
    (root / "a.qmd").write_text(FIRST, encoding="utf-8")
    (root / "sub" / "b.qmd").write_text(second, encoding="utf-8")
    return root


def test_each_document_starts_empty_in_its_own_folder(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    render(root, to="html", engine="offline", output_dir=tmp_path / "out", log=lambda _m: None)
    first = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    second = (tmp_path / "out" / "sub" / "b.html").read_text(encoding="utf-8")
    assert "cwd: proj" in first
    assert "Inline: from the first document." in first
    assert "cwd: sub" in second
    assert "sees the first: False" in second
    assert "Inline: sub." in second


def test_a_project_named_by_a_relative_path_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The kernel works in the first document's folder: the second's folder must not be taken
    # relative to it (``openai-funding render report`` from the repository failed so).
    project(tmp_path / "proj")
    monkeypatch.chdir(tmp_path)
    render(Path("proj"), to="html", engine="offline", output_dir=Path("out"), log=lambda _m: None)
    assert "cwd: sub" in (tmp_path / "out" / "sub" / "b.html").read_text(encoding="utf-8")


def test_an_error_in_the_second_document_names_it_and_writes_nothing(tmp_path: Path) -> None:
    root = project(tmp_path / "proj", SECOND.replace('"secret" in globals()', "secret"))
    with pytest.raises(RenderError) as caught:
        render(root, to="html", engine="offline", output_dir=tmp_path / "out", log=lambda _m: None)
    assert caught.value.document.name == "b.qmd"
    assert caught.value.cell == 1
    assert "NameError" in str(caught.value)
    assert not (tmp_path / "out").exists()
