"""The real-Quarto engine, driven through a fake ``quarto`` executable on PATH."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from openai_funding.render import RenderError, render

FAKE = """\
#!{python}
import json, os, sys
from pathlib import Path

argv = sys.argv[1:]
with open({log!r}, "a") as fh:
    fh.write(json.dumps({{"argv": argv, "cwd": os.getcwd(), "env": os.environ.get("OF_FAKE")}}) + "\\n")
if os.environ.get("OF_FAKE") == "fail":
    print("ERROR: cell 1 failed", file=sys.stderr)
    sys.exit(1)
src = Path(argv[1])
fmt = argv[argv.index("--to") + 1]
ext = {{"html": ".html", "typst": ".pdf"}}[fmt]
if src.is_dir():  # a project: each listed document at its path under --output-dir, as Quarto
    import yaml

    listed = yaml.safe_load((src / "_quarto.yml").read_text())["project"]["render"]
    for entry in listed:
        out = Path(argv[argv.index("--output-dir") + 1]) / Path(entry).with_suffix(ext)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(f"{{fmt}} of {{entry}}")
    sys.exit(0)
out = Path(argv[argv.index("--output-dir") + 1]) / os.environ.get("OF_FAKE_SUBDIR", "")
out.mkdir(parents=True, exist_ok=True)
(out / (src.stem + ext)).write_text(f"{{fmt}} of {{src.name}}")
"""


@pytest.fixture
def fake_quarto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``quarto`` script first on PATH that logs its argv; returns the log file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "quarto.log"
    script = bin_dir / "quarto"
    script.write_text(FAKE.format(python=sys.executable, log=str(log)), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log


def calls(log: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_auto_uses_quarto_and_maps_outputs(
    fake_quarto: Path, write_qmd: Callable[..., Path], tmp_path: Path
) -> None:
    doc = write_qmd("---\ntitle: Q\n---\n\nHello.\n", name="report.qmd")
    out = tmp_path / "public"
    result = render(doc, output_dir=out, env={"OF_FAKE": "ok"}, log=lambda _m: None)
    assert result.engine == "quarto"
    assert result.files == (out / "report.html", out / "report.pdf")
    assert (out / "report.html").read_text() == "html of report.qmd"
    assert (out / "report.pdf").read_text() == "typst of report.qmd"
    recorded = calls(fake_quarto)
    assert [c["argv"][:4] for c in recorded] == [
        ["render", str(doc), "--to", "html"],
        ["render", str(doc), "--to", "typst"],
    ]
    assert recorded[0]["argv"][4:6] == ["--metadata", "embed-resources:true"]
    staged = [Path(str(c["argv"][-1])) for c in recorded]
    assert all(c["argv"][-2] == "--output-dir" for c in recorded)
    assert all(p.parent.parent == out.parent for p in staged)  # staged beside the output dir
    assert all(c["cwd"] == str(doc.parent) and c["env"] == "ok" for c in recorded)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "doc", "public", "quarto.log"]


def test_quarto_failure_writes_nothing(
    fake_quarto: Path, write_qmd: Callable[..., Path], tmp_path: Path
) -> None:
    doc = write_qmd("Hello.\n")
    with pytest.raises(RenderError, match="cell 1 failed"):
        render(doc, engine="quarto", env={"OF_FAKE": "fail"}, log=lambda _m: None)
    assert sorted(p.name for p in doc.parent.iterdir()) == ["doc.qmd"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "doc", "quarto.log"]
    assert len(calls(fake_quarto)) == 1


def test_offline_engine_ignores_quarto(fake_quarto: Path, write_qmd: Callable[..., Path]) -> None:
    doc = write_qmd("Hello.\n")
    result = render(doc, engine="offline", to="html", log=lambda _m: None)
    assert result.engine == "offline"
    assert not fake_quarto.exists()


def test_file_inside_a_project_is_found_where_quarto_puts_it(
    fake_quarto: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quarto writes a project file at its project-relative path under --output-dir."""
    project = tmp_path / "proj"
    (project / "chapters").mkdir(parents=True)
    (project / "_quarto.yml").write_text("project:\n  type: default\n", encoding="utf-8")
    doc = project / "chapters" / "one.qmd"
    doc.write_text("Hi.\n", encoding="utf-8")
    monkeypatch.setenv("OF_FAKE_SUBDIR", "chapters")
    result = render(doc, to="html", log=lambda _m: None)
    assert calls(fake_quarto)[0]["argv"][:2] == ["render", str(doc)]
    assert result.files == (project / "chapters" / "one.html",)
    assert (project / "chapters" / "one.html").read_text() == "html of one.qmd"


def _two_editions(tmp_path: Path) -> Path:
    """A project rendering ``index.qmd`` and ``fr/index.qmd``, as the report does."""
    project = tmp_path / "proj"
    (project / "fr").mkdir(parents=True)
    (project / "_quarto.yml").write_text(
        "project:\n  render:\n    - index.qmd\n    - fr/index.qmd\n", encoding="utf-8"
    )
    (project / "index.qmd").write_text("Hi.\n", encoding="utf-8")
    (project / "fr" / "index.qmd").write_text("---\nlang: fr\n---\n\nSalut.\n", encoding="utf-8")
    return project


def test_project_document_in_a_subfolder_keeps_its_path(fake_quarto: Path, tmp_path: Path) -> None:
    """Two documents named index.qmd: each output is taken from its own project path, not
    found by name (which would be ambiguous)."""
    project = _two_editions(tmp_path)
    out = tmp_path / "public"
    result = render(project, engine="quarto", output_dir=out, log=lambda _m: None)
    assert sorted(result.files) == [
        out / "fr" / "index.html",
        out / "fr" / "index.pdf",
        out / "index.html",
        out / "index.pdf",
    ]
    assert (out / "fr" / "index.html").read_text() == "html of fr/index.qmd"
    assert (out / "index.pdf").read_text() == "typst of index.qmd"
    assert [c["argv"][:2] for c in calls(fake_quarto)] == [["render", str(project)]] * 2


@pytest.mark.usefixtures("fake_quarto")
def test_one_edition_of_a_project_rendered_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``fr/index.qmd`` alone: Quarto writes it at its project path, ``fr/index.html`` under
    --output-dir; it is published at ``index.html`` of the output folder."""
    project = _two_editions(tmp_path)
    monkeypatch.setenv("OF_FAKE_SUBDIR", "fr")
    out = tmp_path / "public"
    result = render(project / "fr" / "index.qmd", to="html", output_dir=out, log=lambda _m: None)
    assert result.files == (out / "index.html",)
    assert (out / "index.html").read_text() == "html of index.qmd"
