"""Failures are explained: a failing report cell names the cell and the data it was reading; a
missing tool says how to get it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from buildrepo import EPOCH, make_repo
from openai_funding.cli import main
from openai_funding.package.hashing import refresh_file

pytestmark = pytest.mark.slow


def test_failing_report_cell_names_the_cell_and_the_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    repo = make_repo(tmp_path / "repo")
    qmd = repo / "report" / "index.qmd"
    cells = qmd.read_text(encoding="utf-8").count("```{python}")
    qmd.write_text(
        qmd.read_text(encoding="utf-8") + '\n```{python}\ndata["rounds"]["valuation"]\n```\n',
        encoding="utf-8",
    )
    assert main(["build", "--root", str(repo)]) == 1
    err = capsys.readouterr().err
    assert f'index.qmd: cell {cells + 1} (first line: `data["rounds"]["valuation"]`)' in err
    assert "KeyError: 'valuation'" in err
    assert str(repo / "datapackage.json") in err
    assert "Traceback" not in err


def test_report_names_the_record_it_could_not_find(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering straight from data the report cannot use (validation would refuse it first)."""
    repo = make_repo(tmp_path / "repo")
    rounds = repo / "data" / "rounds.csv"
    rounds.write_text(
        rounds.read_text(encoding="utf-8").replace("2026-02-round,", "2026-02-rnd,", 1),
        encoding="utf-8",
    )
    refresh_file(repo / "datapackage.json")
    monkeypatch.setenv("OPENAI_FUNDING_PACKAGE", str(repo / "datapackage.json"))
    monkeypatch.setenv("OPENAI_FUNDING_VALIDATION", str(repo / "absent.json"))
    assert (
        main(
            ["render", str(repo / "report"), "--to", "html", "--output-dir", str(tmp_path / "out")]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "cell 1" in err
    assert f"{repo / 'datapackage.json'}: the rounds table has no record '2026-02-round'" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.fixture
def small_doc(tmp_path: Path) -> Path:
    doc = tmp_path / "doc.qmd"
    doc.write_text("---\ntitle: Small\n---\n\n```{python}\n1 + 1\n```\n", encoding="utf-8")
    return doc


def test_missing_pandoc_says_how_to_get_it(
    small_doc: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypandoc

    def no_pandoc() -> str:
        raise OSError("No pandoc was found")

    monkeypatch.setattr(pypandoc, "get_pandoc_path", no_pandoc)
    assert main(["render", str(small_doc), "--to", "html"]) == 1
    assert "pip install pypandoc-binary" in capsys.readouterr().err


def test_missing_typst_says_how_to_get_it(
    small_doc: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)
    # the command's own check of its extra comes first (exit 2, as for a missing kernel)
    assert main(["render", str(small_doc), "--to", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "no module typst" in err
    assert "pip install 'openai-funding[report]'" in err


def test_missing_kernel_says_how_to_get_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "doc.qmd"
    doc.write_text(
        "---\ntitle: Small\njupyter: no-such-kernel\n---\n\n```{python}\n1\n```\n", encoding="utf-8"
    )
    assert main(["render", str(doc), "--to", "html"]) == 2
    assert "pip install ipykernel" in capsys.readouterr().err


def test_missing_quarto_says_what_to_do(
    small_doc: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(small_doc.parent))
    assert main(["render", str(small_doc), "--engine", "quarto"]) == 2
    assert "--engine offline" in capsys.readouterr().err


def test_missing_chromium_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import browser

    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        browser.chromium()
